"""Per file: the schema modeline on the first line, then the JSON Schema."""

from __future__ import annotations

from ...load import Document
from .. import schema
from ..index import Index
from ..modeline import modeline_problem

# Files whose rules check everything their schema says, with messages a schema cannot give
# (places.yaml: coordinates swapped, a country the coordinates lie outside): the schema is for editors.
CHECKED_BY_RULES = ("places",)


def check(index: Index, doc: Document, kind: str) -> None:
    if doc.first_line is not None:
        problem = modeline_problem(doc.first_line, doc.rel, kind, index.tree.root, index.schema_paths)
        if problem:
            doc.finding(1, 1, "schema-comment", problem)
    if doc.usable and kind not in CHECKED_BY_RULES:
        schema.validate(doc, kind)
