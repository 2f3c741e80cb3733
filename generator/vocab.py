"""The fixed vocabulary of the data model, and the site's own vocabularies.

Statuses, roles, figure qualifiers and id patterns are part of the data model: every site
shares them. Actor kinds, tags, metrics are the site's own, declared in its `events/` folder
(`kinds.yaml`, `tags.yaml`, `metrics.yaml`) and read into `Term`s; its places
(`places.yaml`, optional) are read by `generator.geo.places`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# -- identifiers -------------------------------------------------------------------------------------------

ID = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?")
SEED_ID = re.compile(r"[a-z0-9](?:[a-z0-9_-]{0,78}[a-z0-9])?")
# Ids become file and folder names next to generated pages: none may be an index page or a Windows device name.
RESERVED_IDS = frozenset({"index", "con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
                          *(f"lpt{n}" for n in range(1, 10))})

# -- the data model's own words --------------------------------------------------------------------------------

STATUSES = {
    "confirmed": "Acknowledged by the party concerned, or established by several independent sources.",
    "reported": "Stated by a credible outlet or official, not independently confirmed.",
    "alleged": "Claimed by an interested party, not confirmed; the event names who claims it.",
    "disputed": "Claimed, and explicitly denied or contradicted by another party.",
    "expected": "A plan or forecast that had not happened when it was reported.",
}
STATUS_ICONS = {"confirmed": "✔", "reported": "●", "alleged": "◆", "disputed": "✖", "expected": "◷"}
ROLES = ("participant", "target", "claimant", "denier", "mentioned")
ROLE_HEADINGS = {"participant": "Did", "target": "Was targeted", "claimant": "Claimed",
                 "denier": "Denied", "mentioned": "Mentioned"}
QUALIFIERS = {"exact": "", "approx": "about ", "at-least": "at least ", "at-most": "at most "}
QUALIFIER_MARKS = {"exact": "", "approx": "~", "at-least": "≥", "at-most": "≤"}
PRECISION_LABELS = {"day": "to the day", "month": "to the month", "season": "to the season", "year": "to the year"}

# -- the site's vocabularies -----------------------------------------------------------------------------------

# file stem -> (what one entry is called in messages, the schema that checks the file)
VOCABULARIES = {"kinds": ("kind", "kinds"), "tags": ("tag", "tags"), "metrics": ("metric", "metrics")}
# The places events happen at (events/places.yaml): optional, since a site may name none, and read with a
# larger limit than other data files, because one file holds every place: about 5,000 entries of ~200 bytes,
# the most its schema allows. Checking 5,000 places takes about a second (0.2 s for 1,000; BENCHMARKS.md).
PLACES = "places"
PLACES_MAX_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Term:
    """One entry of a site vocabulary: an actor kind, a tag or a metric."""

    id: str
    label: str
    description: str
    unit: str | None = None     # metrics
    plural: str | None = None   # actor kinds: the heading of their group on the actors page

    @property
    def heading(self) -> str:
        return self.plural or self.label


def terms(data: dict) -> dict[str, Term]:
    """A checked vocabulary file's mapping as Terms, in the file's order."""
    return {key: Term(key, value["label"], value["description"], unit=value.get("unit"), plural=value.get("plural"))
            for key, value in data.items()}
