"""The checker's rules, one module per kind of data; `run` applies them all in dependency order."""

from __future__ import annotations

from ...vocab import ID, SEED_ID
from ..discover import Tree
from ..index import Index
from . import actors, events, order, places, seeds, structure, unused, vocabularies


def run(tree: Tree) -> Index:
    """Every rule over the tree; findings land on the documents and the tree's stray list."""
    index = Index(tree)
    for kind, docs in (("event", tree.events), ("actor", tree.actors), ("seed", tree.seeds)):
        for doc in docs:
            structure.check(index, doc, kind)
    for name, doc in tree.vocabularies.items():
        structure.check(index, doc, name)
    if tree.places is not None:
        structure.check(index, tree.places, "places")
    vocabularies.register(index)
    places.register(index)
    index.register(tree.actors, "actor", ID)
    index.register(tree.events, "event", ID)
    index.register(tree.seeds, "seed", SEED_ID)
    for doc in tree.seeds:
        seeds.check(index, doc)
    seeds.orphan_texts(index)
    for doc in tree.actors:
        actors.check(index, doc)
    actors.parent_cycles(index)
    for doc in tree.events:
        events.check(index, doc)
    order.check(index)
    unused.check(index)
    return index
