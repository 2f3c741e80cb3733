"""The generator as a product: a new project from `init`, a site on another subject, overrides, golden pages.

Everything here runs on sites other than this repository's: the test site tests/sites/harbour
(a town's bridge closure, with actor kinds of its own) and projects `init` writes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest

from generator.check import check
from tests.cases import HARBOUR, REPO, copy_site
from tests.conftest import build_site
from tests.golden import GOLDEN, generated

# Words of this repository's own site: none may appear in the package, or in another site it builds.
THIS_SITES_WORDS = re.compile(r"north korea|pyongyang|russia|ukrain|putin|kim jong|kursk|zelensk|vladivostok|"
                              r"korean|moscow|kyiv|seoul|donetsk|kremlin|sybiha|troops", re.IGNORECASE)


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=300)


# Reference data that names every country of the world alike, not text about any subject.
REFERENCE_DATA = REPO / "generator" / "geo" / "data"


def test_the_package_holds_no_word_of_this_site() -> None:
    offenders = []
    for path in (REPO / "generator").rglob("*"):
        if path.is_relative_to(REFERENCE_DATA):
            continue
        if path.is_file() and path.suffix in (".py", ".html", ".json", ".js", ".css", ".md", ".yml", ".yaml", ".txt"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if THIS_SITES_WORDS.search(line):
                    offenders.append(f"{path.relative_to(REPO)}:{number}: {line.strip()[:80]}")
    assert offenders == []


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("init") / "my-timeline"
    run = _cli("init", str(folder), "--title", "The harbour bridge dispute", cwd=folder.parent)
    assert run.returncode == 0, run.stderr
    return folder


def test_init_writes_a_project_that_checks_clean_and_builds(project: Path, tmp_path: Path) -> None:
    files = {p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()}
    for expected in ("mkdocs.yml", "README.md", "CONTRIBUTING.md", ".pre-commit-config.yaml", ".gitignore",
                     ".github/workflows/check.yml", ".github/workflows/deploy.yml", "docs/about.md",
                     "events/kinds.yaml", "events/tags.yaml", "events/metrics.yaml", "requirements.txt",
                     "schemas/event.schema.json", "schemas/actor.schema.json", "texts/home.md"):
        assert expected in files, expected
    assert any(f.startswith("events/actors/example-") for f in files)
    assert any(f.startswith("events/20") and "example" in f for f in files)
    check_run = _cli("check", "--strict", cwd=project)
    assert check_run.returncode == 0 and check_run.stdout.strip().endswith("no problems found"), check_run.stdout
    run = build_site(project, tmp_path / "site")
    assert run.returncode == 0, run.stderr
    readme = (project / "README.md").read_text()
    assert "timeline-generator check --strict" in readme and "mkdocs serve" in readme
    assert "The harbour bridge dispute" in (tmp_path / "site" / "index.html").read_text()


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine\n")
    run = _cli("init", str(tmp_path / "busy"), "--title", "A title", cwd=tmp_path)
    assert run.returncode == 2 and "not empty" in run.stderr and "Traceback" not in run.stderr
    assert [p.name for p in (tmp_path / "busy").iterdir()] == ["notes.txt"]
    bad = _cli("init", str(tmp_path / "new"), "--title", "A \u202e title", cwd=tmp_path)
    assert bad.returncode == 2 and not (tmp_path / "new").exists()


def test_inits_workflows_are_hardened(project: Path) -> None:
    zizmor = shutil.which("zizmor") or str(Path(sys.executable).parent / "zizmor")
    run = subprocess.run([zizmor, "--offline", "--persona=pedantic", str(project / ".github" / "workflows")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    import yaml
    for name in ("check.yml", "deploy.yml"):
        text = (project / ".github" / "workflows" / name).read_text()
        workflow = yaml.safe_load(text)
        assert workflow["permissions"] == {} and not {"pull_request_target", "workflow_run"} & set(workflow[True])
        for line in text.splitlines():
            if line.strip().startswith("run:"):
                assert "${{" not in line


def test_a_site_on_another_subject_publishes_no_word_of_this_one(project: Path, tmp_path: Path) -> None:
    site_root = tmp_path / "other"
    shutil.copytree(project, site_root)
    for folder in ("events", "seeds"):  # replace the examples with the test site's own data
        shutil.rmtree(site_root / folder)
        shutil.copytree(HARBOUR / folder, site_root / folder)
    run = _cli("schemas", cwd=site_root)
    assert run.returncode == 0, run.stderr
    assert _cli("check", "--strict", cwd=site_root).returncode == 0
    out = tmp_path / "site"
    build = build_site(site_root, out)
    assert build.returncode == 0, build.stderr
    leaks = [p.relative_to(out).as_posix() for p in out.rglob("*")
             if p.suffix in (".html", ".json", ".csv", ".ics", ".xml") and "pagefind" not in p.parts
             and THIS_SITES_WORDS.search(p.read_text(encoding="utf-8", errors="replace"))]
    assert leaks == []
    theirs = feedparser.parse((out / "feed.xml").read_bytes())
    assert theirs.feed.id and theirs.feed.title == "The harbour bridge dispute"
    headings = re.findall(r'<h2 id="kind-([a-z-]+)">', (out / "actors" / "index.html").read_text())
    assert headings == ["council", "company", "residents-group", "official", "newspaper"]  # the site's kinds, its order


@pytest.mark.slow
def test_two_sites_never_share_feed_or_calendar_ids(harbour_site: Path, site: Path) -> None:
    ours, theirs = feedparser.parse((site / "feed.xml").read_bytes()), feedparser.parse((harbour_site / "feed.xml").read_bytes())
    assert ours.feed.id != theirs.feed.id
    assert not {e.id for e in ours.entries} & {e.id for e in theirs.entries}
    def uids(built: Path) -> set[str]:
        return set(re.findall(r"^UID:(.*)$", (built / "data" / "events.ics").read_text().replace("\r\n ", ""), re.M))
    assert not uids(site) & uids(harbour_site)


def test_a_site_overrides_templates_and_the_stylesheet(tmp_path: Path) -> None:
    root = copy_site(tmp_path / "repo")
    overrides = root / "overrides"
    overrides.mkdir()
    package = REPO / "generator" / "templates" / "event.html"
    (overrides / "event.html").write_text(package.read_text().replace(
        '<h2 id="sources">Sources</h2>', '<h2 id="sources">Where this comes from</h2>'))
    (overrides / "timeline.css").write_text(".tl-page { border-top: 4px solid #1b5e20; }\n")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("      texts: texts\n", "      texts: texts\n      overrides: overrides\n"))
    out = tmp_path / "site"
    run = build_site(root, out)
    assert run.returncode == 0, run.stderr
    page = (out / "events" / "2024-10-08-first-repairs" / "index.html").read_text()
    assert "Where this comes from" in page and ">Sources</h2>" not in page
    assert (out / "assets" / "timeline" / "timeline.css").read_text() == ".tl-page { border-top: 4px solid #1b5e20; }\n"
    assert "Every correction made" in (out / "corrections" / "index.html").read_text()  # the rest are the package's


def test_schemas_command_enumerates_the_sites_vocabularies(tmp_path: Path) -> None:
    root = copy_site(tmp_path / "repo")
    shutil.rmtree(root / "schemas")
    (root / "schemas").mkdir()
    (root / "schemas" / "notes.txt").write_text("mine\n")
    run = _cli("schemas", cwd=root)
    assert run.returncode == 0, run.stderr
    actor = json.loads((root / "schemas" / "actor.schema.json").read_text())
    assert actor["properties"]["kind"]["enum"] == ["council", "company", "residents-group", "official", "newspaper"]
    event = json.loads((root / "schemas" / "event.schema.json").read_text())
    assert event["properties"]["tags"]["items"]["enum"] == ["bridge", "transport"]
    assert (root / "schemas" / "notes.txt").read_text() == "mine\n"
    _, result = check(root)
    assert result.errors == []


def test_a_modeline_must_reach_a_schema_inside_the_project(tmp_path: Path) -> None:
    root = copy_site(tmp_path / "repo")
    path = root / "events" / "2024" / "2024-10-08-first-repairs.yaml"
    for first in ("# yaml-language-server: $schema=../../generator/schemas/event.schema.json",
                  "# yaml-language-server: $schema=../../../outside/event.schema.json",
                  "# yaml-language-server: $schema=../../schemas/actor.schema.json"):
        lines = path.read_text().splitlines(keepends=True)
        path.write_text(first + "\n" + "".join(lines[1:]))
        _, result = check(root, ["events/2024/2024-10-08-first-repairs.yaml"])
        assert [f.code for f in result.errors] == ["schema-comment"], first


@pytest.mark.parametrize("name", sorted(GOLDEN.glob("*.md")), ids=lambda p: p.stem)
def test_golden_pages(name: Path) -> None:
    assert generated()[name.name] == name.read_text(encoding="utf-8"), "run `python -m tests.golden --update`"


@pytest.mark.slow
def test_the_readme_path_for_a_new_timeline_works_in_a_fresh_environment(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text()
    section = readme.split("## Use it for your own timeline", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    checkout = tmp_path / "checkout"
    top_level = {".venv", "node_modules", "site", ".git", "test-output", "build", "drafts"}
    shutil.copytree(REPO, checkout, ignore=lambda folder, names: [
        n for n in names if (Path(folder) == REPO and n in top_level) or n.endswith(".egg-info") or n == "__pycache__"])
    script = "set -euo pipefail\n" + block  # exactly as a newcomer would paste it
    run = subprocess.run(["bash", "-c", script], cwd=checkout, capture_output=True, text=True, timeout=900,
                         env={k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
                         | {"NO_MKDOCS_2_WARNING": "1"})
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "no problems found" in run.stdout
    assert (checkout / "my-timeline" / "site" / "index.html").is_file()
