"""Places and pictures as contributors send them, through the real `python -m generator check` and builds.

Every hostile picture is refused with a finding on the line of the event that shows it, the
rest of the data is still checked, nothing is a traceback, and what the build publishes of
a picture is a metadata-free copy, never the file itself.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from generator.check import check
from generator.vocab import PLACES_MAX_BYTES
from tests import pictures as P
from tests.cases import REPO, base_tree, copy_site
from tests.conftest import build_site

EVENT = "events/2024/2024-10-08-first-repairs.yaml"


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=300)


MEDIA_BLOCK = re.compile(r"^media:\n(?:  .*\n)*", re.MULTILINE)


def _show(root: Path, rel: str, files: list[str]) -> None:
    """Make the event at `rel` show these pictures (replacing its own), each with an alt text and a credit."""
    path = root / rel
    text = MEDIA_BLOCK.sub("", path.read_text(encoding="utf-8"))
    items = "".join(f"  - file: {name}\n    alt: Picture {n}\n    credit: Riverside Council\n"
                    for n, name in enumerate(files))
    head, sources = text.split("sources:\n", 1)
    path.write_text(head + "media:\n" + items + "sources:\n" + sources, encoding="utf-8")


HOSTILE = {
    "hostile/polyglot.png": (lambda: P.encode(P.photo((300, 200)), "PNG") + P.zip_archive(), "error", "media-trailing-data",
                             "has {size} bytes after the end of the image, where another file can hide"),
    "hostile/bomb.png": (lambda: P.png_declaring(10_000, 10_000, rows=True), "error", "media-too-many-pixels",
                         "is 10,000 x 10,000 = 100,000,000 pixels; the limit is 40,000,000"),
    "hostile/gps.jpg": (P.gps_jpeg, "warning", "media-gps", "holds GPS coordinates in its EXIF data"),
    "hostile/drawing.png": (lambda: b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "error",
                            "media-mismatch", "is SVG or HTML text, not a PNG image"),
    "hostile/script-in-comment.jpg": (lambda: P.encode(P.photo((30, 20)), "JPEG", comment=b"<script>alert(1)</script>"),
                                      "error", "media-markup", "its comment metadata holds markup ('<script')"),
}


@pytest.fixture()
def hostile_tree(tmp_path: Path) -> Path:
    root = base_tree(tmp_path / "repo")
    for name, (make, *_) in HOSTILE.items():
        P.place(root, name, make())
    _show(root, EVENT, list(HOSTILE))
    tags = root / "events" / "2024" / "2024-09-02-closure-announced.yaml"  # an unrelated error elsewhere
    tags.write_text(tags.read_text().replace("tags: [bridge]", "tags: [bridges]"))
    return root


def test_hostile_pictures_are_refused_by_the_check_on_the_line_that_shows_them(hostile_tree: Path) -> None:
    run = _cli("check", "--format", "json", cwd=hostile_tree)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    findings = json.loads(run.stdout)
    lines = (hostile_tree / EVENT).read_text().splitlines()
    for name, (_, severity, code, words) in HOSTILE.items():
        [found] = [f for f in findings if f["code"] == code]
        assert found["path"] == EVENT and found["severity"] == severity
        assert lines[found["line"] - 1].strip() == f"- file: {name}"  # on the event's line naming the file
        assert found["message"].startswith(f"events/media/{name}")
        assert words.format(size=f"{len(P.zip_archive()):,}") in found["message"]
    # The rest of the data is still checked: the other event's unknown tag is reported too.
    assert any(f["code"] == "unknown-tag" and f["path"].endswith("closure-announced.yaml") for f in findings)


def test_a_hostile_picture_stops_the_build_with_the_finding(hostile_tree: Path, tmp_path: Path) -> None:
    root = copy_site(tmp_path / "site-repo")
    P.place(root, "hostile/polyglot.png", HOSTILE["hostile/polyglot.png"][0]())
    _show(root, EVENT, ["hostile/polyglot.png"])
    run = build_site(root, tmp_path / "out")
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert "[media-trailing-data] events/media/hostile/polyglot.png has" in run.stderr
    assert not (tmp_path / "out" / "media").exists()


def test_a_gps_position_is_a_warning_and_never_published(tmp_path: Path) -> None:
    root = copy_site(tmp_path / "repo")
    original = P.gps_jpeg()
    P.place(root, "2024/gps.jpg", original)
    _show(root, EVENT, ["2024/gps.jpg"])
    strict = _cli("check", "--strict", cwd=root)
    assert strict.returncode == 1 and "warning: [media-gps]" in strict.stdout
    assert _cli("check", cwd=root).returncode == 0
    out = tmp_path / "site"
    run = build_site(root, out)
    assert run.returncode == 0, run.stderr
    copies = sorted((out / "media" / "2024").glob("gps-*"))
    assert [c.name for c in copies] == ["gps-640.jpg", "gps-640.webp", "gps-800.jpg", "gps-800.webp"]
    for copy in copies:
        data = copy.read_bytes()
        assert original not in data and b"Example Camera" not in data
        with Image.open(copy) as image:
            assert not image.getexif() and "exif" not in image.info and "icc_profile" not in image.info
    published = [p for p in out.rglob("*") if p.is_file() and p.read_bytes() == original]
    assert published == []


def test_stray_files_and_links_in_the_media_folder_are_findings(tmp_path: Path) -> None:
    root = base_tree(tmp_path / "repo")
    media = root / "events" / "media"
    (media / "page.html").write_text("<script>alert(1)</script>")
    (media / "logo.svg").write_text("<svg/>")
    (media / ".hidden.png").write_bytes(P.encode(P.photo((30, 20)), "PNG"))
    (media / "unused.png").write_bytes(P.encode(P.photo((30, 20)), "PNG"))
    (media / "linked.png").symlink_to(root / "events" / "tags.yaml")
    (media / "2024" / "ferry-at-the-quay.png").write_bytes(P.encode(P.photo((30, 20)), "PNG"))
    _, result = check(root)
    found = {(f.path, f.severity, f.code) for f in result.findings}
    assert found == {
        ("events/media/page.html", "error", "unexpected-file"),
        ("events/media/logo.svg", "error", "unexpected-file"),
        ("events/media/.hidden.png", "error", "unexpected-file"),
        ("events/media/linked.png", "error", "symlink"),
        ("events/media/unused.png", "warning", "unused-media"),
        ("events/media/2024/ferry-at-the-quay.png", "error", "media-name-clash"),
    }


def _places(count: int) -> str:
    """`count` real-looking places on a grid over southern England, each with its source."""
    lines = ["# yaml-language-server: $schema=../schemas/places.schema.json"]
    for n in range(count):
        lines += [f"point-{n:04d}:", f"  name: Survey point {n}", "  country: GB",
                  f"  latitude: {51.0 + (n // 40) * 0.05:.5f}", f"  longitude: {-2.5 + (n % 40) * 0.05:.5f}",
                  f"  source: a survey of the test site, point {n} of {count}, read off a map of the area"]
    return "\n".join(lines) + "\n"


def test_a_thousand_places_fit_in_one_file_beyond_the_limit_of_other_data_files(tmp_path: Path) -> None:
    root = base_tree(tmp_path / "repo")
    text = _places(1000)
    assert 64 * 1024 < len(text.encode()) < PLACES_MAX_BYTES
    (root / "events" / "places.yaml").write_text(text)
    event = root / "events" / "2024" / "2024-10-08-first-repairs.yaml"
    event.write_text(event.read_text().replace("places: [gosport]", "places: [point-0001, point-0999]"))
    for other in (root / "events" / "2024").glob("*.yaml"):  # the test site's own places are gone
        other.write_text(other.read_text().replace("places: [portsmouth]\n", "").replace(
            "places: [portsmouth, gosport]\n", ""))
    tree, result = check(root)
    assert result.errors == []
    assert len(tree.index.places) == 1000
    assert {f.code for f in result.findings} == {"unused-place"} and len(result.findings) == 998


def test_a_finding_deep_in_a_large_places_file_names_its_line(tmp_path: Path) -> None:
    root = base_tree(tmp_path / "repo")
    text = _places(1000) + "far-away:\n  name: Far away\n  country: FR\n  latitude: 51.5\n  longitude: -2.0\n" \
                           "  source: a point in England said to be in France\n"
    (root / "events" / "places.yaml").write_text(text)
    _, result = check(root, ["events/places.yaml"])
    [mismatch] = [f for f in result.findings if f.code == "country-mismatch"]
    assert mismatch.line == text.splitlines().index("far-away:") + 1 > 6000 and mismatch.col == 1


def test_a_places_file_over_its_limit_is_refused_unread(tmp_path: Path) -> None:
    root = base_tree(tmp_path / "repo")
    text = _places(8000)
    assert len(text.encode()) > PLACES_MAX_BYTES
    (root / "events" / "places.yaml").write_text(text)
    _, result = check(root, ["events/places.yaml"])
    assert [(f.line, f.code, f.message) for f in result.findings] == [
        (1, "file-too-large", f"file is {len(text.encode()):,} bytes; the limit is {PLACES_MAX_BYTES:,}")]


def test_a_site_without_places_or_pictures_checks_and_builds_a_map_page(tmp_path: Path) -> None:
    root = copy_site(tmp_path / "repo")
    (root / "events" / "places.yaml").unlink()
    for path in (root / "events" / "2024").glob("*.yaml"):
        text = path.read_text()
        text = text.replace("places: [portsmouth]\n", "").replace("places: [portsmouth, gosport]\n", "")
        text = text.replace("places: [gosport]\n", "")
        path.write_text(MEDIA_BLOCK.sub("", text))
    _, result = check(root)
    assert [f for f in result.findings if f.code != "unused-media"] == []
    out = tmp_path / "site"
    run = build_site(root, out)
    assert run.returncode == 0, run.stderr
    page = (out / "map" / "index.html").read_text()
    assert "No event names a place yet" in page and 'class="tl-map"' in page
    assert not (out / "places").exists() and not (out / "media").exists()


@pytest.mark.slow
def test_an_event_with_pictures_is_previewed_with_its_first(tmp_path: Path) -> None:
    root = copy_site(tmp_path / "repo")
    config = root / "mkdocs.yml"
    config.write_text("site_url: https://example.org/harbour/\n" + config.read_text())
    out = tmp_path / "site"
    run = build_site(root, out)
    assert run.returncode == 0, run.stderr

    def head(event: str) -> dict[str, str]:
        page = (out / "events" / event / "index.html").read_text()
        return dict(re.findall(r'<meta property="(og:image[^"]*)" content="([^"]*)">', page))

    ferry = head("2024-09-02-harbour-ferries-carries-1500-passengers-a-day")
    assert ferry["og:image"] == "https://example.org/harbour/media/2024/ferry-at-the-quay-1280.jpg"
    assert ferry["og:image:type"] == "image/jpeg"
    assert ferry["og:image:alt"] == "The ferry moored at the quay, its ramp down, under a grey sky"
    with Image.open(out / "media" / "2024" / "ferry-at-the-quay-1280.jpg") as picture:
        assert picture.format == "JPEG"
        assert picture.size == (int(ferry["og:image:width"]), int(ferry["og:image:height"]))
    plain = head("2024-09-02-harbour-bridge-closes")  # no picture: the card drawn for it
    assert plain["og:image"] == "https://example.org/harbour/assets/cards/events/2024-09-02-harbour-bridge-closes.png"
    assert plain["og:image:type"] == "image/png"
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>',
                              (out / "events" / "2024-09-02-harbour-ferries-carries-1500-passengers-a-day" /
                               "index.html").read_text(), re.S).group(1))
    assert ld["image"] == ferry["og:image"]
    assert [(p["name"], p["geo"]["latitude"]) for p in ld["location"]] == [("Portsmouth", 50.79899),
                                                                          ("Gosport", 50.79509)]
