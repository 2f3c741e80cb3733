"""The JSON Schemas: the package's copies, and the copies a site publishes with its own vocabularies.

The package's schemas (`generator/schemas/`) type every data file; they know the form of an
actor kind, a tag, a metric or a place id but not which ones a site declares. The copies written
for a site (by `timeline-generator schemas --out DIR`, by `init`, and at `/schemas/` on the
published site) list the site's own kinds, tags, metrics and places as enums, so editors complete them.
"""

from __future__ import annotations

import json
from pathlib import Path

SCHEMA_DIR = Path(__file__).parent / "schemas"
DATA_KINDS = ("event", "actor", "seed", "kinds", "tags", "metrics", "places")
EXPORT_SCHEMA = SCHEMA_DIR / "export.schema.json"


def package_schema(kind: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))


def site_schemas(vocabularies: dict[str, list[str]]) -> dict[str, str]:
    """{file name: text} of every data schema, with the site's kinds, tags, metrics and places as enums where known."""
    files = {}
    for kind in DATA_KINDS:
        schema = package_schema(kind)
        if kind == "actor" and vocabularies.get("kinds"):
            _enumerate(schema["properties"]["kind"], vocabularies["kinds"])
        if kind == "event":
            if vocabularies.get("tags"):
                schema["properties"]["tags"] = {
                    "description": schema["properties"]["tags"]["description"], "type": "array", "uniqueItems": True,
                    "maxItems": 40, "items": _enumerate({"type": "string"}, vocabularies["tags"])}
            if vocabularies.get("metrics"):
                _enumerate(schema["properties"]["figures"]["items"]["properties"]["metric"], vocabularies["metrics"])
            if vocabularies.get("places"):
                _enumerate(schema["properties"]["places"]["items"], vocabularies["places"])
        files[f"{kind}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    files["export.schema.json"] = EXPORT_SCHEMA.read_text(encoding="utf-8")
    return files


def _enumerate(node: dict, values: list[str]) -> dict:
    node.pop("$ref", None)
    node.update({"type": "string", "enum": list(values)})
    return node


def site_vocabularies(root: Path) -> dict[str, list[str]]:
    """The ids a site declares in events/kinds.yaml, tags.yaml, metrics.yaml and places.yaml, read leniently
    (empty when unreadable)."""
    from .load import MAX_BYTES, load
    from .vocab import PLACES, PLACES_MAX_BYTES
    found: dict[str, list[str]] = {}
    for name in ("kinds", "tags", "metrics", PLACES):
        path = root / "events" / f"{name}.yaml"
        limit = PLACES_MAX_BYTES if name == PLACES else MAX_BYTES
        doc = load(path, f"events/{name}.yaml", limit=limit) if path.is_file() and not path.is_symlink() else None
        found[name] = [k for k in doc.data if isinstance(k, str)] if doc is not None and doc.usable else []
    return found
