"""A large project's events are checked in chunks on several cores: the findings and the model must not change.

Workers start only from check.stream.PARALLEL_FROM files on; these tests lower the threshold and the
chunk size so that small trees cross chunk boundaries in real worker processes.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.check import check, stream
from generator.config import from_mkdocs_yml
from generator.export import data_files
from generator.model import load_dataset
from tests.cases import base_tree, copy_site, place_every_case


def _every_invalid_case(root: Path) -> Path:
    """The test site's data with every named invalid case placed where it belongs, all at once."""
    base_tree(root)
    place_every_case(root)
    return root


def _findings(root: Path, **options) -> list[tuple]:
    _, result = check(root, **options)
    return [(f.path, f.line, f.col, f.severity, f.code, f.message) for f in result.sorted()]


@pytest.fixture()
def small_chunks(monkeypatch):
    monkeypatch.setattr(stream, "PARALLEL_FROM", 1)
    monkeypatch.setattr(stream, "CHUNK", 3)


def test_workers_find_exactly_what_one_process_finds(tmp_path: Path, small_chunks) -> None:
    root = _every_invalid_case(tmp_path / "repo")
    alone = _findings(root, workers=1)
    assert len(alone) > 100 and {"duplicate-id", "unknown-event", "unknown-actor", "unsafe-link"} <= {f[4] for f in alone}
    assert _findings(root, workers=2) == alone
    assert _findings(root, workers=2, keep_data=False) == alone
    assert _findings(root, workers=1, keep_data=False) == alone


def test_references_between_events_in_different_chunks_are_resolved(tmp_path: Path, small_chunks) -> None:
    root = base_tree(tmp_path / "repo")
    events = sorted((root / "events").glob("[0-9]*/*.yaml"))
    first, last = events[0], events[-1]
    assert len(events) > stream.CHUNK  # the two files fall in different chunks
    text = first.read_text()
    first.write_text(text.replace("\ntitle:", f"\nrelated: [{last.stem}, {last.stem}-typo]\ntitle:", 1))
    found = _findings(root, workers=2)
    unknown = [f for f in found if f[4] == "unknown-event"]
    assert [(f[0], f[5]) for f in unknown] == [
        (first.relative_to(root).as_posix(), f"unknown event '{last.stem}-typo'; did you mean '{last.stem}'?")]


def test_a_model_read_on_several_cores_is_the_model_read_on_one(tmp_path: Path, monkeypatch) -> None:
    root = copy_site(tmp_path / "repo")
    config, _ = from_mkdocs_yml(root / "mkdocs.yml")
    serial, result = load_dataset(root)
    assert not result.errors
    monkeypatch.setattr(stream, "PARALLEL_FROM", 1)
    monkeypatch.setattr(stream, "CHUNK", 2)
    parallel, _ = load_dataset(root)
    assert [dataclasses.astuple(e) for e in parallel.events] == [dataclasses.astuple(e) for e in serial.events]
    assert data_files(parallel, config) == data_files(serial, config)
