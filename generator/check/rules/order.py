"""'follows' may order events whose dates overlap; it cannot reverse the calendar, nor loop."""

from __future__ import annotations

from ..index import Index
from .actors import chain_text


def check(index: Index) -> None:
    graph: dict[str, list[str]] = {}
    for ident, (date, doc, follows) in index.event_dates.items():
        graph[ident] = [f for f in follows if isinstance(f, str) and f in index.event_dates]
        for position, other in enumerate(follows):
            if other in index.event_dates and index.event_dates[other][0].earliest() > date.latest():
                doc.at(("follows", position), "follows-later-event",
                       f"'{other}' starts ({index.event_dates[other][0].text}) after this event ends "
                       f"({date.text}); an event can only follow one that may have happened before it")
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    for start in graph:
        if state.get(start):
            continue
        stack = [(start, iter(graph[start]))]
        state[start] = 1
        while stack:
            node, edges = stack[-1]
            following = next(edges, None)
            if following is None:
                state[node] = 2
                stack.pop()
            elif state.get(following) == 1:
                path = [n for n, _ in stack]
                loop = path[path.index(following):]
                index.event_dates[node][1].at(("follows",), "follows-cycle",
                                              f"events follow each other in a loop: {chain_text(loop, 'events')}")
            elif not state.get(following):
                state[following] = 1
                stack.append((following, iter(graph[following])))
