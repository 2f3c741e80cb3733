"""`generator new` writes files the checker accepts, in the right place, and never overwrites."""

from __future__ import annotations

from click.testing import CliRunner

from generator.cli import main
from tests.cases import base_tree

ARGS = ["--date", "2024-10-18", "--date-text", "on Friday", "--title", "Council says the works reached their second stage",
        "--summary", "Riverside council said the harbour bridge works had reached their second stage.",
        "--status", "reported", "--actor", "participant=riverside-council", "--actor", "mentioned=riverside-courier",
        "--tag", "bridge", "--seed", "001_f6eaeb197de4692c",
        "--quote", "the harbour bridge works had reached their second stage", "--no-interactive"]
WRITTEN = "events/2024/2024-10-18-council-says-the-works-reached-their-second-stage.yaml"


def test_new_writes_a_valid_file_in_its_year_folder(tmp_path) -> None:
    root = base_tree(tmp_path / "repo")
    result = CliRunner().invoke(main, ["new", "--root", str(root), *ARGS])
    assert result.exit_code == 0, result.output
    text = (root / WRITTEN).read_text()
    assert text.startswith("# yaml-language-server: $schema=../../schemas/event.schema.json\n")
    assert "no problems found" in result.output
    again = CliRunner().invoke(main, ["new", "--root", str(root), *ARGS])
    assert again.exit_code == 1 and "already exists" in again.output
    assert (root / WRITTEN).read_text() == text


def test_new_reports_what_still_needs_fixing(tmp_path) -> None:
    root = base_tree(tmp_path / "repo")
    args = [a if a != "participant=riverside-council" else "participant=riverside_council" for a in ARGS]
    result = CliRunner().invoke(main, ["new", "--root", str(root), *args])
    assert result.exit_code == 1
    assert "unknown actor 'riverside_council'; did you mean 'riverside-council'?" in result.output
    assert "nothing written" in result.output and not (root / WRITTEN).exists()


def test_new_asks_for_missing_fields_when_interactive(tmp_path) -> None:
    root = base_tree(tmp_path / "repo")
    answers = "\n".join([
        "2024-10-18", "Council says the works reached their second stage",
        "Riverside council said the harbour bridge works had reached their second stage.",
        "reported", "001_f6eaeb197de4692c", "the harbour bridge works had reached their second stage"]) + "\n"
    result = CliRunner().invoke(main, ["new", "--root", str(root), "--interactive", "--actor",
                                       "participant=riverside-council", "--actor", "mentioned=riverside-courier"],
                                input=answers)
    assert result.exit_code == 0, result.output
    assert (root / WRITTEN).exists()


def test_new_refuses_bad_input_without_writing(tmp_path) -> None:
    root = base_tree(tmp_path / "repo")
    bad_date = CliRunner().invoke(main, ["new", "--root", str(root), *ARGS[:0], "--date", "2024-02-30", "--no-interactive"])
    assert bad_date.exit_code == 2 and "Feb 2024 has 29 days" in bad_date.output
    missing = CliRunner().invoke(main, ["new", "--root", str(root), "--date", "2024-10-18", "--no-interactive"])
    assert missing.exit_code == 2 and "missing title" in missing.output
    assert not list((root / "events" / "2024").glob("2024-10-18-*"))
