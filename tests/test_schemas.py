"""The JSON Schemas: valid under draft-07 and 2020-12, keywords both share, and true to the real data."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.check import discover
from generator.jsonschemas import DATA_KINDS as KINDS
from generator.jsonschemas import SCHEMA_DIR
from generator.load import load
from tests.cases import REPO

SHARED_KEYWORDS = {
    "$schema", "$id", "$ref", "title", "description", "type", "enum", "pattern", "minLength", "maxLength",
    "minimum", "properties", "additionalProperties", "required", "items", "minItems", "maxItems", "uniqueItems",
    "propertyNames", "minProperties", "maxProperties", "allOf", "anyOf", "definitions", "maximum",
}
SCHEMAS = {kind: json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text()) for kind in KINDS}


def _keywords(node, inside_map: bool = False):
    """Every keyword used, skipping the names inside properties/definitions maps."""
    if isinstance(node, dict):
        for key, value in node.items():
            if not inside_map:
                yield key
            yield from _keywords(value, inside_map=(not inside_map and key in ("properties", "definitions")))
    elif isinstance(node, list):
        for item in node:
            yield from _keywords(item)


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_valid_in_both_drafts_and_uses_shared_keywords(kind: str) -> None:
    schema = SCHEMAS[kind]
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(_keywords(schema)) <= SHARED_KEYWORDS, set(_keywords(schema)) - SHARED_KEYWORDS


def test_every_repository_file_validates_under_both_drafts() -> None:
    tree = discover(REPO)
    kinds = [(d, "event") for d in tree.events] + [(d, "actor") for d in tree.actors] + \
            [(d, "seed") for d in tree.seeds] + [(tree.tags, "tags"), (tree.metrics, "metrics")]
    for doc, kind in kinds:
        for validator in (jsonschema.Draft7Validator, jsonschema.Draft202012Validator):
            errors = list(validator(SCHEMAS[kind]).iter_errors(doc.data))
            assert errors == [], (doc.rel, errors[0].message)


def test_numbers_typed_by_editors_still_validate() -> None:
    """Editors read `value: 1500` as an integer; the schema accepts it as well as our string."""
    figure = SCHEMAS["event"]["properties"]["figures"]["items"]
    whole = SCHEMAS["event"]["definitions"]["whole_number"]
    for value in (1500, "1500"):
        jsonschema.Draft202012Validator(whole).validate(value)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(whole).validate("1,500")
    assert "value" in figure["properties"]


@pytest.mark.parametrize("path", sorted(REPO.glob("events/**/*.yaml")) + sorted(REPO.glob("seeds/*.yaml")),
                         ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_data_file_points_editors_at_a_schema_that_exists(path: Path) -> None:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = (path.parent / first.split("=", 1)[1]).resolve()
    assert target.is_file() and target.parent == (REPO / "schemas").resolve()
    assert load(path, path.name).usable


def test_the_site_schemas_are_what_the_schemas_command_writes_for_its_vocabularies() -> None:
    from generator.jsonschemas import site_schemas, site_vocabularies

    written = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "schemas").glob("*.json")}
    assert written == site_schemas(site_vocabularies(REPO))  # run `python -m generator schemas` after a change
    kinds = json.loads(written["actor.schema.json"])["properties"]["kind"]["enum"]
    assert "intelligence-agency" in kinds
