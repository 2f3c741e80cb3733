"""Previous and next: where a reader goes on from an event, in the timeline or in the list they came from.

The timeline's order is the data's. An actor's list is every event naming it, a topic's every
event on it, both in timeline order. Actor and topic pages link their events with
`?from=actor:<id>` or `?from=tag:<id>`; an event page carries its timeline neighbours as links
for everyone, and its neighbours in each of its actors' and topics' lists as a JSON block that
`reader.js` reads when the address names one of them. Without JavaScript the timeline's links
stay, which are always right.
"""

from __future__ import annotations

from collections import defaultdict

from .. import routes
from ..model import Dataset, Event


class Neighbours:
    """Every list an event belongs to, indexed once per build: linear in the number of (event, list) pairs."""

    def __init__(self, data: Dataset):
        self.data = data
        self.lists: dict[str, list[Event]] = defaultdict(list)
        self.position: dict[tuple[str, str], int] = {}
        for event in data.events:
            for via in ["", *self.contexts(event)]:
                self.position[(via, event.id)] = len(self.lists[via])
                self.lists[via].append(event)

    @staticmethod
    def contexts(event: Event) -> list[str]:
        """The lists, besides the timeline, that hold `event`: one per actor it names and per topic."""
        return [f"actor:{a}" for a in dict.fromkeys(event.actor_ids())] + [f"tag:{t}" for t in event.tags]

    def around(self, event: Event, via: str = "") -> tuple[Event | None, Event | None]:
        """The events before and after `event` in the timeline (via='') or in the list `via` names."""
        members, at = self.lists[via], self.position[(via, event.id)]
        return (members[at - 1] if at > 0 else None), (members[at + 1] if at + 1 < len(members) else None)

    def label(self, via: str) -> str:
        kind, _, ident = via.partition(":")
        return self.data.actors[ident].name if kind == "actor" else f"the topic {self.data.tags[ident].label}"

    def page_data(self, event: Event) -> dict:
        """For reader.js: each list's name and, before and after `event` in it, the address, title and date."""
        here = routes.event(event.id)

        def entry(other: Event | None, via: str) -> dict | None:
            if other is None:
                return None
            return {"url": routes.relative(here, routes.event(other.id, via)), "title": other.title,
                    "date": other.date.display(), "datetime": other.date.earliest().isoformat()}

        found = {}
        for via in self.contexts(event):
            before, after = self.around(event, via)
            kind, _, ident = via.partition(":")
            found[via] = {"label": self.label(via), "list": routes.relative(here, routes.actor(ident) if kind == "actor"
                                                                          else routes.tag(ident)),
                          "prev": entry(before, via), "next": entry(after, via)}
        return found
