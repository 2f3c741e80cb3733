"""Per file: the schema modeline on the first line, then the JSON Schema."""

from __future__ import annotations

from ...load import Document
from .. import schema
from ..index import Index
from ..modeline import modeline_problem


def check(index: Index, doc: Document, kind: str) -> None:
    if doc.text is not None:
        problem = modeline_problem(doc.text.split("\n", 1)[0].rstrip("\r"), doc.rel, kind, index.tree.root)
        if problem:
            doc.finding(1, 1, "schema-comment", problem)
    if doc.usable:
        schema.validate(doc, kind)
