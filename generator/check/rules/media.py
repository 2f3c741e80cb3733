"""Pictures: each file an event shows is checked byte by byte once, and its source is an https address."""

from __future__ import annotations

from ...load import Document
from ...media.check import check_media_file
from ..index import Index


def check(index: Index, doc: Document, path: tuple, item: dict) -> None:
    name = item.get("file")
    if isinstance(name, str):
        index.used["media"].add(name)
        if name not in index.media:
            index.media[name] = check_media_file(index.tree.root, name)
        for problem in index.media[name]:
            doc.at(path + ("file",), problem.code, problem.message, severity=problem.severity)
    index.url(doc, path + ("source_url",), item.get("source_url"))
