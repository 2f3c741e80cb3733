"""Per file: the schema modeline on the first line, then the JSON Schema."""

from __future__ import annotations

from ...load import Document
from .. import schema
from ..index import Index
from ..modeline import modeline_problem


def check(index: Index, doc: Document, kind: str) -> None:
    if doc.first_line is not None:
        problem = modeline_problem(doc.first_line, doc.rel, kind, index.tree.root, index.schema_paths)
        if problem:
            doc.finding(1, 1, "schema-comment", problem)
    if doc.usable:
        schema.validate(doc, kind)
