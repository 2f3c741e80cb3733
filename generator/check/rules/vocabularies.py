"""The site's vocabularies (actor kinds, tags, metrics): their ids, none reserved."""

from __future__ import annotations

from ...vocab import VOCABULARIES
from ..index import Index


def register(index: Index) -> None:
    for name, (kind, _) in VOCABULARIES.items():
        index.register_vocabulary(index.tree.vocabularies.get(name), kind)
