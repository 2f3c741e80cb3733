"""Actors: their kind is one the site declares, and their parents exist and never loop."""

from __future__ import annotations

from ...load import Document
from ..index import Index


def check(index: Index, doc: Document) -> None:
    if not doc.usable:
        return
    index.ref(doc, ("kind",), doc.data.get("kind"), "kind")
    parent = doc.data.get("parent")
    if isinstance(parent, str):
        if isinstance(doc.data.get("id"), str):
            index.actor_parents[doc.data["id"]] = parent
        index.ref(doc, ("parent",), parent, "actor")


def parent_cycles(index: Index) -> None:
    """Report every actor on a loop of parents; each actor is walked once, so this is linear."""
    parents = {d.data["id"]: (d.data["parent"] if isinstance(d.data.get("parent"), str) else None, d)
               for d in index.tree.actors if d.usable and isinstance(d.data.get("id"), str)}
    done: set[str] = set()
    for start in parents:
        path: list[str] = []
        on_path: dict[str, int] = {}
        current = start
        while current in parents and current not in done and current not in on_path:
            on_path[current] = len(path)
            path.append(current)
            current = parents[current][0]
        if current in on_path:
            loop = path[on_path[current]:]
            for position, member in enumerate(loop):
                chain = loop[position:] + loop[:position]
                parents[member][1].at(("parent",), "parent-cycle", f"parent chain loops: {chain_text(chain)}")
        done.update(path)


def chain_text(loop: list[str], noun: str = "actors") -> str:
    if len(loop) <= 6:
        return " -> ".join(loop + loop[:1])
    return " -> ".join(loop[:3]) + f" -> … -> {loop[-1]} -> {loop[0]} ({len(loop):,} {noun} in the loop)"
