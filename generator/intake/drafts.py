"""YAML for new seed metadata and draft events, in the project's own style.

Every value is written as a double-quoted JSON string (valid YAML), so the strict loader reads it
back exactly and nothing is retyped. Values worked out by documented rules (dates, quotes,
figures, claimants found by a cue) are written as values, with a comment saying how; what only an
editor can decide is written as null or [] with a `# TODO:` comment. The checker then reports
each of those by name (`title must be text, not empty`, `actors.participant needs at least 1
item`), which is how `check drafts/...` says what is missing.
"""

from __future__ import annotations

import json
import re

from ..check.modeline import schema_line
from ..load import Document, parse_bytes
from ..vocab import STATUSES
from .errors import IntakeError

# What the project's YAML loader refuses anywhere in a file (controls, bidirectional and invisible
# characters); seed text may hold them, so text copied from a seed into YAML is cleaned of them.
UNWRITABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029"
                        "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def modeline(rel: str, kind: str, schemas: str) -> str:
    """The schema line the checker expects first in every data file, pointing at the project's schemas."""
    return schema_line(rel, kind, schemas)


def clean(text: str) -> str:
    """Seed words fit for a YAML value or comment: tabs and breaks to spaces, invisible characters dropped."""
    return UNWRITABLE.sub("", re.sub(r"[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", " ", text))


def q(value: str) -> str:
    return json.dumps(clean(value), ensure_ascii=False)


def loadable(rel: str, text: str) -> str:
    """`text` when the project's loader reads it back cleanly; anything else is a bug of this package."""
    doc = parse_bytes(text.encode("utf-8"), Document(None, rel))
    if not doc.usable or doc.findings:
        problem = doc.findings[0] if doc.findings else "unusable"
        raise IntakeError(f"internal error: {rel} would not load ({problem}); please report it")
    return text


def _ids(values: list[str]) -> str:
    return f"[{', '.join(values)}]"


def _comment(text: str) -> str:
    """A comment that stays on its line whatever the text holds."""
    return " ".join(clean(text).split())


def render_seed(meta: dict, schemas: str = "schemas") -> str:
    """seeds/<id>.yaml from what `seeds add` found; add.add_seed builds `meta`."""
    lines = [modeline(f"seeds/{meta['id']}.yaml", "seed", schemas),
             "# Written by `generator seeds add`. Confirm every line marked Suggested or TODO, then delete this",
             "# comment and the word \"Suggested:\" from published_basis.",
             f"id: {q(meta['id'])}"]
    if meta["title"]:
        lines.append(f"title: {q(meta['title'])}  # {_comment(meta['title_why'])}")
        lines.append(f"title_source: {meta['title_source']}")
    else:
        lines.append("title: null  # TODO: a descriptive title; the text prints none")
        lines.append("title_source: descriptive")
    for key in ("publisher", "url"):
        if meta[key]:
            lines.append(f"{key}: {q(meta[key])}  # {_comment(meta[key + '_why'])}")
        else:
            lines.append(f"{key}: null  # only when the document states it; never guessed")
    if meta["published"]:
        lines.append(f"published: {q(meta['published'])}  # {_comment(meta['published_why'])}")
    else:
        lines.append("published: null  # TODO: EDTF date; the text does not fix it (see published_basis)")
    lines.append(f"published_basis: {q(meta['published_basis'])}")
    if meta["language"]:
        lines.append(f"language: {meta['language']}  # Suggested: {_comment(meta['language_why'])}")
    else:
        lines.append("language: null  # TODO: two-letter language code, e.g. en")
    if meta["notes"]:
        lines.append(f"notes: {q(meta['notes'])}")
    if meta["chrome"]:
        lines.append("chrome:  # whole lines of the text that are page furniture, found by the About page's rules")
        lines += [f"  - {q(line)}" for line in meta["chrome"]]
    return "\n".join(lines) + "\n"


def render_draft(candidate: dict, rel: str, schemas: str = "schemas") -> str:
    """drafts/<seed>/<id>.yaml for one candidate of `seeds extract`."""
    c = candidate
    out = [modeline(rel, "event", schemas),
           f"# Draft by `generator seeds extract` from seeds/{c['seed']}.txt, line {c['line']}.",
           "# Decide every TODO, run `python -m generator check " + rel + "`, then move the file to",
           "# events/<year>/, named after its id."]
    for extra in (d for d in c["dates"] if (d["text"], d["resolves_to"]) != (c["date_text"], c["date"])):
        out.append(f"# Also in this sentence: {q(extra['text'])} -> {extra['resolves_to']} ({extra['rule']})")
    for item in c["unresolved"]:
        out.append(f"# Not resolved: {q(item['text'])} ({_comment(item['why'])})")
    out.append(f"id: {c['id']}  # TODO: rename to <date>-<what-happened>, and the file with it")
    if c["date"]:
        out.append(f"date: {q(c['date'])}  # {_comment(c['date_basis'])}")
    else:
        out.append(f"date: null  # TODO: {_comment(c['date_basis'])}")
    if c["date_text"]:
        out.append(f"date_text: {q(c['date_text'])}")
    out.append("title: null  # TODO: a plain-text headline, at most 140 characters")
    out.append("summary: null  # TODO: what happened, in a few sentences, attributed as the source attributes it")
    hint = c["status_hint"]
    suggestion = (f"suggested {hint['status']} (cues: {', '.join(q(w) for w in hint['cues'])}); " if hint else "")
    out.append(f"status: null  # TODO: {suggestion}one of {', '.join(STATUSES)}")
    out.append("actors:")
    out.append("  participant: []  # TODO: who did it")
    if c["actors"]["claimant"]:
        cues = "; ".join(f"{q(cue['text'])}" for cue in c["claimant_cues"])
        out.append(f"  claimant: {_ids(c['actors']['claimant'])}  # from {_comment(cues)}")
    if c["actors"]["mentioned"]:
        out.append(f"  mentioned: {_ids(c['actors']['mentioned'])}  # named in the sentence; move to their roles")
    out.append("tags: []  # TODO: topic ids from events/tags.yaml")
    out.append("sources:")
    out.append(f"  - seed: {q(c['seed'])}")
    out.append(f"    quote: {q(c['quote'])}")
    if c["figures"]:
        out.append("figures:")
    for figure in c["figures"]:
        if figure["metric"]:
            out.append(f"  - metric: null  # TODO: suggested {figure['metric']} "
                       f"(shares {', '.join(figure['metric_words'])}); ids in events/metrics.yaml")
        else:
            out.append("  - metric: null  # TODO: an id from events/metrics.yaml, or delete this figure")
        if figure["range"]:
            out.append(f"    range: [{figure['range'][0]}, {figure['range'][1]}]")
        else:
            out.append(f"    value: {figure['value']}")
        words = f"from {q(figure['qualifier_words'])}" if figure["qualifier_words"] else "no hedge word before it"
        out.append(f"    qualifier: {figure['qualifier']}  # {_comment(words)}")
        if c["date"]:
            out.append(f"    as_of: {q(c['date'])}  # TODO: confirm the date the number refers to")
        else:
            out.append("    as_of: null  # TODO: the date the number refers to")
        if figure["claimed_by"]:
            out.append(f"    claimed_by: {_ids(figure['claimed_by'])}")
        else:
            out.append("    claimed_by: []  # TODO: who claims it; [] only when the source says it in its own voice")
        out.append(f"    note: {q(figure['text'][:300])}")
    return "\n".join(out) + "\n"
