"""What the checker learns about the whole project as it goes: every id, every reference, every date.

Rules read and fill one Index: the ids of each kind (for references and did-you-mean
suggestions), the seeds' publication dates and normalised texts, actors' parents, events'
dates, and what is used (for unused-entry warnings). Dates are parsed once here and kept,
so the model is built from the checker's values rather than parsing them again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath

from .. import dates, quotes
from ..findings import did_you_mean, shown
from ..load import Document
from ..urls import url_problem
from ..vocab import RESERVED_IDS
from .discover import Tree
from .schema import field_name

SUGGESTION_BUDGET = 20_000  # id comparisons for did-you-mean hints in one check (each up to ~0.3 ms)
WHERE = {"actor": "events/actors/", "tag": "events/tags.yaml", "metric": "events/metrics.yaml",
         "kind": "events/kinds.yaml", "event": "events/", "seed": "seeds/", "place": "events/places.yaml"}


class Index:
    def __init__(self, tree: Tree):
        self.tree = tree
        self.ids: dict[str, set[str]] = {kind: set() for kind in WHERE}
        self.used: dict[str, set[str]] = {kind: set() for kind in (*WHERE, "media")}  # 'media': pictures shown
        self.seed_published: dict[str, dates.EDTFDate | None] = {}
        self.seed_normalised = {sid: quotes.normalise(text) for sid, text in tree.seed_texts.items()}
        self.event_dates: dict[str, tuple[dates.EDTFDate, Document, list]] = {}  # id -> (date, file, follows)
        self.actor_parents: dict[str, str] = {}
        self.places: dict = {}  # place id -> geo.places.Place, for the places that passed every check
        self.media: dict[str, list] = {}  # picture path under events/media/ -> its problems, each checked once a process
        self.parsed: dict[tuple[str, tuple], dates.EDTFDate] = {}  # (file, field path) -> date
        self._suggestions: dict[tuple[str, str], str] = {}
        self.schema_paths: dict[str, object] = {}  # modeline targets already looked up on disk (modeline.py)
        self._budget = SUGGESTION_BUDGET
        # While events are still being read, what needs every event's id waits here: ('ref', path, id)
        # for a reference, ('link', path, target) for a summary link to an event's page.
        self.events_open = False
        self.waiting: list[tuple[Document, str, tuple, str]] = []
        self._event_ids_seen: dict[str, Document] = {}

    def register(self, docs: Iterable[Document], kind: str, pattern: re.Pattern) -> None:
        """Record the ids of `docs`, reporting mismatched, reserved and duplicate ones."""
        seen: dict[str, Document] = {}
        for doc in docs:
            self.register_one(doc, own_id(doc, pattern), seen)
        self.ids[kind] = set(seen)

    def register_event(self, doc: Document, ident: str | None) -> None:
        """Record one event's id (from `own_id`), as events are read one by one."""
        if self.register_one(doc, ident, self._event_ids_seen):
            self.ids["event"].add(ident)  # type: ignore[arg-type]

    @staticmethod
    def register_one(doc: Document, ident: str | None, seen: dict[str, Document]) -> bool:
        if ident is None:
            return False
        folded = ident.casefold()
        if folded in seen:
            doc.at(("id",), "duplicate-id", f"id '{ident}' is already used by {seen[folded].rel}")
            return False
        seen[folded] = doc
        return True

    def register_vocabulary(self, doc: Document | None, kind: str) -> None:
        if doc is None or not doc.usable:
            return
        for ident in doc.data:
            if ident in RESERVED_IDS:
                doc.at((ident,), "reserved-id", f"{kind} id '{ident}' is reserved: it would collide with a generated "
                                                "page or a device name on Windows; choose another", key=True)
        self.ids[kind] = set(doc.data) - RESERVED_IDS

    def date(self, doc: Document, path: tuple, value) -> dates.EDTFDate | None:
        if not isinstance(value, str):
            return None
        try:
            parsed = dates.parse(value)
        except dates.DateError as exc:
            doc.at(path, "invalid-date", f"{field_name(path)}: {exc}")
            return None
        self.parsed[(doc.rel, path)] = parsed
        return parsed

    def refs(self, doc: Document, path: tuple, values, kind: str) -> None:
        """Report each of `values` (a list) that names no known `kind`; mark the rest as used."""
        if not isinstance(values, list):
            return
        for index, value in enumerate(values):
            self.ref(doc, path + (index,), value, kind)

    def ref(self, doc: Document, path: tuple, value, kind: str) -> None:
        if not isinstance(value, str):
            return
        self.used[kind].add(value)
        if kind == "event" and self.events_open:
            self.waiting.append((doc, "ref", path, value))
            return
        known = self.ids[kind]
        if value not in known:
            hint = self.suggest(value, kind)
            if not hint and kind in ("kind", "tag", "metric") and 0 < len(known) <= 12:
                hint = f"; the {kind}s are {', '.join(sorted(known))} (add one to {WHERE[kind]})"
            hint = hint or f"; add it to {WHERE[kind]} first"
            doc.at(path, f"unknown-{kind}", f"unknown {kind} '{shown(value)}'{hint}")

    def suggest(self, value: str, kind: str) -> str:
        """'; did you mean ...?' for an unknown id, within a budget of comparisons for the whole check.

        Each suggestion compares the value with every known id; a tree of near-miss references to a
        long vocabulary would otherwise make the check quadratic. Past the budget, ids go unsuggested.
        """
        key = (kind, value)
        if key not in self._suggestions:
            known = self.ids[kind]
            if not self.spend(len(known)):
                return ""
            self._suggestions[key] = did_you_mean(value, known)
        return self._suggestions[key]

    def spend(self, comparisons: int) -> bool:
        """Whether a hint that costs this many comparisons is still within the check's budget (then it is spent)."""
        if self._budget < comparisons:
            return False
        self._budget -= comparisons
        return True

    def url(self, doc: Document, path: tuple, value) -> None:
        if isinstance(value, str):
            problem = url_problem(value)
            if problem:
                doc.at(path, "invalid-url", f"{field_name(path)} '{shown(value)}' {problem}")

    def lineage(self, actor: str) -> set[str]:
        """The actor and every actor it is part of."""
        found: set[str] = set()
        current: str | None = actor
        while isinstance(current, str) and current not in found:
            found.add(current)
            current = self.actor_parents.get(current)
        return found


def own_id(doc: Document, pattern: re.Pattern) -> str | None:
    """The id a file declares, once it is known to be usable: reports an id that differs from the file
    name or is reserved; None when there is no id to register."""
    if not doc.usable or not isinstance(doc.data.get("id"), str):
        return None
    ident, stem = doc.data["id"], PurePosixPath(doc.rel).stem
    if ident != stem:
        doc.at(("id",), "id-mismatch", f"id '{shown(ident)}' differs from the file name '{stem}.yaml'; make them equal")
    if not pattern.fullmatch(ident):
        return None  # the schema already reported it
    if ident in RESERVED_IDS:
        doc.at(("id",), "reserved-id", f"id '{ident}' is reserved: it would collide with a generated page "
                                       "or a device name on Windows; choose another")
        return None
    return ident
