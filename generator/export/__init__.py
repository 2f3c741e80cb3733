"""Open data: the dataset in the formats people load, one exporter each, in one registry.

Every export is a pure function of the Dataset and the site's configuration (plus, for
feeds, when each event was added), so two builds of the same tree are byte-identical:
nothing here reads the clock. The command line, the data page and the README all read
EXPORTERS; adding a format means adding a module and one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import routes
from ..config import SiteConfig
from ..jsonschemas import EXPORT_SCHEMA
from ..model import Dataset
from .context import ExportContext


@dataclass(frozen=True)
class Exporter:
    name: str         # the --format name
    label: str        # what the data page calls it
    path: str         # where the site publishes it
    about: str
    render: Callable[[Dataset, ExportContext], str]


def _exporters() -> dict[str, Exporter]:
    from . import atom, calendar, csv_table, json_data, timelinejs
    return {e.name: e for e in (
        Exporter("json", "JSON", "data/events.json",
                 "Every event with its sources, figures, places, pictures and corrections, and every actor, seed, "
                 "place and vocabulary entry.",
                 json_data.render),
        Exporter("csv", "CSV", "data/events.csv",
                 "One row per event; actors, tags, places, sources and figures flattened into columns.",
                 csv_table.render),
        Exporter("ics", "iCalendar", "data/events.ics",
                 "One all-day entry per event, spanning the days its date may mean.", calendar.render),
        Exporter("timelinejs", "TimelineJS", "data/timelinejs.json",
                 "Load it into Knight Lab's TimelineJS to draw your own timeline.", timelinejs.render),
        Exporter("atom", "Atom feed", routes.FEED,
                 "The latest 200 events added or corrected, newest first.", atom.render),
    )}


EXPORTERS = _exporters()


def context(data: Dataset, config: SiteConfig) -> ExportContext:
    from .records import added_order
    return ExportContext(config=config, added=added_order(data))


def export(data: Dataset, name: str, config: SiteConfig) -> str:
    """One export as text; `name` is a key of EXPORTERS."""
    return EXPORTERS[name].render(data, context(data, config))


def data_files(data: Dataset, config: SiteConfig) -> dict[str, str]:
    """Every export, the schema of events.json, a feed per actor and per topic and the corrections feed."""
    from . import atom, corrections_feed
    ctx = context(data, config)
    files = {exporter.path: exporter.render(data, ctx) for exporter in EXPORTERS.values()}
    files[routes.EXPORT_SCHEMA] = EXPORT_SCHEMA.read_text(encoding="utf-8")
    for actor in sorted(data.actors):
        path = routes.actor_feed(actor)
        files[path] = atom.render(data, ctx, actor=actor, self_path=path)
    for tag in sorted(data.tags):
        path = routes.tag_feed(tag)
        files[path] = atom.render(data, ctx, tag=tag, self_path=path)
    files[routes.CORRECTIONS_FEED] = corrections_feed.render(data, ctx)
    return files
