"""JSON Schema validation of loaded documents, with messages people can act on.

The schemas in `schemas/` are the single source of truth for field names,
types and sizes. They run through jsonschema-rs, a compiled validator, because
a pure-Python validator costs more than parsing the YAML in the first place.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from typing import Any

import jsonschema_rs

from ..findings import did_you_mean, shown
from ..jsonschemas import SCHEMA_DIR
from ..load import Document

# Checked again, with a precise reason, by the semantic rules: the schema's pattern only helps editors.
_LEFT_TO_RULES = ("EDTF date", "https URL", "picture file")


@cache
def schema(kind: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))


@cache
def _validator(kind: str):
    return jsonschema_rs.Draft7Validator(schema(kind))


def field_name(path: tuple) -> str:
    """'sources[0].quote' for ('sources', 0, 'quote'); 'the file' for ()."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the file"


def _subschema(kind: str, schema_path: list) -> dict:
    node: Any = schema(kind)
    for part in schema_path:
        node = node[part]
    return node


def _type_name(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", type(None): "empty"}.get(type(value), type(value).__name__)


def _expected(types: list[str]) -> str:
    names = {"object": "a mapping (field: value)", "array": "a list", "string": "text",
             "integer": "a whole number", "null": "empty (null)", "number": "a number"}
    return " or ".join(dict.fromkeys(names.get(t, t) for t in types if t != "integer" or "string" not in types))


def validate(doc: Document, kind: str) -> None:
    """Add a finding to `doc` for every way its data breaks the `kind` schema."""
    for error in _validator(kind).iter_errors(doc.data):
        for args in _describe(kind, error):
            doc.at(*args[:3], key=args[3] if len(args) > 3 else False)


def _describe(kind: str, error) -> Iterator[tuple]:
    """(path, code, message[, at_key]) for one jsonschema-rs error."""
    path = tuple(error.instance_path)
    name = field_name(path)
    keyword = type(error.kind).__name__
    sub = _subschema(kind, list(error.schema_path)[:-1])
    value = error.instance
    if keyword == "AdditionalProperties":
        allowed = sorted(sub.get("properties", {}))
        for unexpected in error.kind.unexpected:
            where = f" in {name}" if path else ""
            yield (path + (unexpected,), "unknown-field",
                   f"unknown field '{unexpected}'{where}{did_you_mean(unexpected, allowed)}", True)
    elif keyword == "Required":
        where = f" in {name}" if path else ""
        yield path, "missing-field", f"missing required field '{error.kind.property}'{where}", True
    elif keyword == "Type":
        types = list(sub["type"]) if isinstance(sub["type"], list) else [sub["type"]]
        yield path, "wrong-type", f"{name} must be {_expected(types)}, not {_type_name(value)}"
    elif keyword == "Enum" and value is None:
        return  # an empty value: the type error says so once
    elif keyword == "Enum":
        options = [str(o) for o in sub["enum"]]
        if len(options) <= 8:
            hint = did_you_mean(str(value), options)
            yield path, "invalid-value", f"{name} '{shown(value)}' is not one of {', '.join(options)}{hint}"
        else:
            what, why = sub.get("title", "value"), sub.get("description", "see the schema")
            yield path, "invalid-value", f"{name} '{shown(value)}' is not a valid {what}: {why}"
    elif keyword == "Pattern":
        if sub.get("title") in _LEFT_TO_RULES:
            return
        if sub.get("pattern") == r"\S":
            yield path, "too-short", f"{name} holds only spaces; write it out"
            return
        if sub.get("title") == "id" and path != ("id",):
            return  # a reference: the rules report it as unknown, with a did-you-mean
        what = sub.get("title", "value")
        yield path, "invalid-value", f"{name} '{shown(value)}' is not a valid {what}: {sub.get('description', 'see the schema')}"
    elif keyword == "MaxLength":
        yield path, "too-long", f"{name} is {len(value)} characters; at most {error.kind.limit} allowed"
    elif keyword == "MinLength":
        yield path, "too-short", f"{name} is {len(value)} characters; at least {error.kind.limit} needed"
    elif keyword == "MinItems":
        limit = error.kind.limit
        yield path, "too-few", f"{name} needs at least {limit} item{'s' if limit != 1 else ''}"
    elif keyword == "MaxItems":
        yield path, "too-many", f"{name} has {len(value)} items; at most {error.kind.limit} allowed"
    elif keyword == "UniqueItems":
        yield path, "duplicate-item", f"{name} lists the same value more than once"
    elif keyword == "PropertyNames":
        bad = error.message.split('" does not match', 1)[0].lstrip('"')
        yield path + (bad,), "invalid-id", f"'{bad}' is not a valid id: {schema(kind)['definitions']['id']['description']}", True
    elif keyword == "AnyOf" and path and path[-1] == "url":
        return  # seed url: null or an https URL; the URL rule says precisely what is wrong
    else:
        yield path, "schema", f"{name}: {error.message}"
