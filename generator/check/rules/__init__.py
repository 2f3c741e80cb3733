"""The checker's rules, one module per kind of data; `run` applies them all in dependency order."""

from __future__ import annotations

from ...vocab import ID, SEED_ID
from ..discover import Tree
from ..index import Index
from . import actors, events, order, places, seeds, structure, unused, vocabularies


def run(tree: Tree, *, workers: int | None = None, keep_data: bool = True) -> Index:
    """Every rule over the tree; findings land on the documents and the tree's stray list.

    Event files still to read (`tree.event_files`) are read here, in chunks (see check.stream);
    documents already loaded in `tree.events` (drafts, a file about to be written) follow them.
    """
    from ..stream import learn, merge, read_and_learn

    index = Index(tree)
    for kind, docs in (("actor", tree.actors), ("seed", tree.seeds)):
        for doc in docs:
            structure.check(index, doc, kind)
    for name, doc in tree.vocabularies.items():
        structure.check(index, doc, name)
    if tree.places is not None:
        structure.check(index, tree.places, "places")
    vocabularies.register(index)
    places.register(index)
    index.register(tree.actors, "actor", ID)
    index.register(tree.seeds, "seed", SEED_ID)
    for doc in tree.seeds:
        seeds.check(index, doc)
    seeds.orphan_texts(index)
    for doc in tree.actors:
        actors.check(index, doc)
    actors.parent_cycles(index)
    files, loaded, tree.event_files, tree.events = tree.event_files, tree.events, [], []
    index.events_open = True
    for chunk in read_and_learn(index, files, workers=workers, keep_data=keep_data):
        tree.events += merge(index, chunk)
    if loaded:
        tree.events += merge(index, learn(index, loaded, keep_data))
    events.resolve_waiting(index)
    order.check(index)
    unused.check(index)
    return index
