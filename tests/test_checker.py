"""The checker against named cases, generated hazards, the CLI and the real data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check import check
from tests.cases import REPO, base_tree, cases, directives, run_case

CASE_PLACE = "events/2024/2024-10-08-case.yaml"


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    return base_tree(tmp_path / "repo")


@pytest.mark.parametrize("case", cases("invalid"), ids=lambda p: p.stem)
def test_invalid_case_reports_exactly_its_findings(case: Path, tree: Path) -> None:
    expected = directives(case.read_bytes(), "expect")
    assert any(": error: " in line for line in expected), "an invalid case must expect at least one error"
    _, found = run_case(case, tree)
    assert found == expected


@pytest.mark.parametrize("case", cases("valid"), ids=lambda p: p.stem)
def test_valid_case_has_no_findings(case: Path, tree: Path) -> None:
    _, found = run_case(case, tree)
    assert found == []


def _findings(root: Path, path: str) -> list[str]:
    _, result = check(root, [path])
    return [f"{f.line}:{f.col}: {f.severity}: [{f.code}] {f.message}" for f in result.sorted()]


def test_file_over_64_kb_is_refused_before_parsing(tree: Path) -> None:
    (tree / CASE_PLACE).write_bytes(b"title: " + b"x" * 70_000 + b"\n")
    assert _findings(tree, CASE_PLACE) == ["1:1: error: [file-too-large] file is 70,008 bytes; the limit is 65,536"]


def test_empty_utf16_and_bom_files(tree: Path) -> None:
    (tree / CASE_PLACE).write_bytes(b"")
    assert _findings(tree, CASE_PLACE) == ["1:1: error: [empty-file] file is empty; expected a YAML mapping"]
    (tree / CASE_PLACE).write_bytes("id: x\n".encode("utf-16"))
    assert _findings(tree, CASE_PLACE) == ["1:1: error: [encoding] file looks like UTF-16; save it as UTF-8"]
    (tree / CASE_PLACE).write_bytes(b"\xef\xbb\xbfid: x\n")
    assert _findings(tree, CASE_PLACE)[0].startswith("1:1: error: [forbidden-character] byte order mark")


@pytest.mark.parametrize("payload", [b"a: " + b"[" * 50_000, b"a: " + b"- " * 30_000 + b"x", b"a: " + b"{a: " * 12_000])
def test_hostile_nesting_is_refused_without_crashing_the_process(payload: bytes, tree: Path) -> None:
    (tree / CASE_PLACE).write_bytes(payload)
    run = subprocess.run([sys.executable, "-m", "generator", "check", "--root", str(tree), CASE_PLACE],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert f"{CASE_PLACE}:1:" in run.stdout and ("[too-deep]" in run.stdout or "[yaml-syntax]" in run.stdout)


def test_symlinks_hidden_and_foreign_files_are_errors(tree: Path) -> None:
    year = tree / "events" / "2024"
    (year / "linked.yaml").symlink_to(REPO / "events" / "tags.yaml")
    (year / ".hidden.yaml").write_text("id: x\n")
    (year / "notes.txt").write_text("scratch\n")
    (year / "short.yml").write_text("id: x\n")
    (year / "sub").mkdir()
    (tree / "events" / "stray.md").write_text("x\n")
    _, result = check(tree)
    found = {(f.path, f.code) for f in result.findings}
    assert ("events/2024/linked.yaml", "symlink") in found
    assert ("events/2024/.hidden.yaml", "unexpected-file") in found
    assert ("events/2024/notes.txt", "unexpected-file") in found
    assert ("events/2024/sub", "unexpected-file") in found
    assert ("events/stray.md", "unexpected-file") in found
    assert any("rename it to .yaml" in f.message for f in result.findings if f.path == "events/2024/short.yml")


def test_same_id_in_two_year_folders_is_a_duplicate(tree: Path) -> None:
    source = tree / "events" / "2024" / "2024-10-08-first-repairs.yaml"
    (tree / "events" / "2023").mkdir(exist_ok=True)
    (tree / "events" / "2023" / source.name).write_bytes(source.read_bytes())
    _, result = check(tree)
    codes = {(f.path, f.code) for f in result.errors}
    assert ("events/2024/" + source.name, "duplicate-id") in codes or ("events/2023/" + source.name, "duplicate-id") in codes
    assert ("events/2023/" + source.name, "wrong-folder") in codes


def test_parent_cycle_across_two_actors(tree: Path) -> None:
    head = "# yaml-language-server: $schema=../../schemas/actor.schema.json\n"
    for me, parent in (("cycle-a", "cycle-b"), ("cycle-b", "cycle-a")):
        (tree / "events" / "actors" / f"{me}.yaml").write_text(
            f"{head}id: {me}\nname: {me}\nkind: person\nparent: {parent}\ndescription: Part of a loop.\n")
    _, result = check(tree)
    loops = sorted(str(f) for f in result.errors if f.code == "parent-cycle")
    assert loops == [
        "events/actors/cycle-a.yaml:5:9: error: [parent-cycle] parent chain loops: cycle-a -> cycle-b -> cycle-a",
        "events/actors/cycle-b.yaml:5:9: error: [parent-cycle] parent chain loops: cycle-b -> cycle-a -> cycle-b",
    ]


def test_seed_text_and_metadata_must_come_in_pairs(tree: Path) -> None:
    (tree / "seeds" / "005_0000000000000000.txt").write_text("orphan text\n")
    meta = tree / "seeds" / "001_f6eaeb197de4692c.yaml"
    meta.write_text(meta.read_text().replace("  - Share this article", "  - Share this story"))
    (tree / "seeds" / "000_2ba31d1001f64119.txt").unlink()
    _, result = check(tree)
    found = {(f.path, f.code) for f in result.errors}
    assert ("seeds/005_0000000000000000.txt", "missing-seed-metadata") in found
    assert ("seeds/001_f6eaeb197de4692c.yaml", "chrome-not-found") in found
    assert ("seeds/000_2ba31d1001f64119.yaml", "missing-seed-text") in found


def test_findings_in_many_files_are_all_reported_in_one_run(tree: Path) -> None:
    for name in ("2024-10-08-first-repairs", "2024-09-02-harbour-bridge-closes"):
        path = tree / "events" / "2024" / f"{name}.yaml"
        path.write_text(path.read_text().replace("status: ", "status: rumour-"))
    (tree / "events" / "actors" / "riverside-courier.yaml").write_text("id: [")
    _, result = check(tree)
    broken = {"events/2024/2024-10-08-first-repairs.yaml", "events/2024/2024-09-02-harbour-bridge-closes.yaml",
              "events/actors/riverside-courier.yaml"}
    assert broken <= {f.path for f in result.errors}
    # events naming the unreadable actor are still checked, and say so
    assert any(f.code == "unknown-actor" and "'riverside-courier'" in f.message for f in result.errors)


# -- command line ------------------------------------------------------------

def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          cwd=cwd or REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120)


def test_cli_exit_codes_and_formats(tree: Path) -> None:
    clean = _cli("check", "--root", str(tree))
    assert clean.returncode == 0 and clean.stdout.strip().endswith("no problems found")
    broken = tree / "events" / "2024" / "2024-10-08-first-repairs.yaml"
    broken.write_text(broken.read_text().replace("participant: [riverside-council]", "participant: [riverside_council]"))
    line = next(n for n, text in enumerate(broken.read_text().splitlines(), 1) if "riverside_council" in text)
    text = _cli("check", "--root", str(tree))
    assert text.returncode == 1
    assert (f"events/2024/2024-10-08-first-repairs.yaml:{line}:17: error: [unknown-actor] "
            "unknown actor 'riverside_council'; did you mean 'riverside-council'?") in text.stdout.splitlines()
    github = _cli("check", "--root", str(tree), "--format", "github")
    assert (f"::error file=events/2024/2024-10-08-first-repairs.yaml,line={line},col=17,"
            "title=[unknown-actor]::unknown actor 'riverside_council'; did you mean 'riverside-council'?"
            ) in github.stdout.splitlines()
    as_json = json.loads(_cli("check", "--root", str(tree), "--format", "json").stdout)
    assert as_json[0]["code"] == "unknown-actor" and as_json[0]["line"] == line
    usage = _cli("check", "--format", "xml")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr
    missing_root = _cli("check", "--root", str(tree / "nowhere"))
    assert missing_root.returncode == 2


def test_cli_paths_limit_the_report_but_not_the_checks(tree: Path) -> None:
    broken = tree / "events" / "2024" / "2024-10-08-first-repairs.yaml"
    broken.write_text(broken.read_text().replace("status: reported", "status: rumour"))
    elsewhere = _cli("check", "--root", str(tree), "events/2025")
    assert elsewhere.returncode == 0
    here = _cli("check", "--root", str(tree), "events/2024/" + broken.name)
    assert here.returncode == 1 and "[invalid-value]" in here.stdout


def test_strict_turns_warnings_into_failure(tree: Path) -> None:
    (tree / "events" / "actors" / "nobody.yaml").write_text(
        "# yaml-language-server: $schema=../../schemas/actor.schema.json\n"
        "id: nobody\nname: Nobody\nkind: official\ndescription: Named by no event.\n")
    assert _cli("check", "--root", str(tree)).returncode == 0
    assert _cli("check", "--root", str(tree), "--strict").returncode == 1


# -- property: arbitrary bytes never crash the checker ---------------------------

YAMLISH = st.text(alphabet=st.sampled_from(list("ab1:- [{]},\n'\"&*!#|>~%@`?\t\\\u202e\u00e9")), max_size=300)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.one_of(st.binary(max_size=400), YAMLISH.map(lambda s: s.encode("utf-8"))))
def test_arbitrary_bytes_give_findings_inside_the_file(content: bytes, tree: Path) -> None:
    (tree / CASE_PLACE).write_bytes(content)
    _, result = check(tree, [CASE_PLACE])
    lines = content.count(b"\n") + 1
    for finding in result.findings:
        assert finding.path == CASE_PLACE
        assert 1 <= finding.line <= lines, finding
        assert finding.col >= 1
