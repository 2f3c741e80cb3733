"""How to cite an event: a reference in prose, in BibTeX and in CSL-JSON (Zotero, Pandoc, citeproc).

Each names the event's title, the site (and its editors, when the site names an author), the
day the event was first published here (from git; 'n.d.' when unknown) and the page's
address. The day the reader accessed the page is theirs to add: the prose leaves a place for
it, and the two machine formats leave the field out rather than guess. When the site's address
is not configured the address is the page's path, which `reader.js` replaces with the address
the reader sees.
"""

from __future__ import annotations

import json

from .. import routes
from ..config import SiteConfig
from ..dates import MONTH_ABBR
from ..model import Event

_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "%": r"\%",
                   "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def bibtex_text(text: str) -> str:
    """`text` as a BibTeX field value that LaTeX prints as written."""
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in text)


def page_address(event: Event, config: SiteConfig) -> str:
    """The event page's address, or its path on the site when the site's address is unknown."""
    return routes.absolute(config.url, routes.event(event.id)) or routes.event(event.id)


def citation(event: Event, config: SiteConfig) -> dict[str, str]:
    """{'text', 'bibtex', 'csl'}: the same reference in three forms; 'url' is the address they give."""
    url = page_address(event, config)
    added = event.history.added.date() if event.history.added else None
    author = config.author
    when = f"{added.day} {MONTH_ABBR[added.month - 1]} {added.year}" if added else "n.d."
    text = f"{author + '. ' if author else ''}“{event.title}.” {config.title}, {when}, {url}. Accessed [date]."
    # Double braces keep a title's and an organisation's capitals; the month is BibTeX's own abbreviation.
    fields = [("title", "{{" + bibtex_text(event.title) + "}}"), ("howpublished", "{" + bibtex_text(config.title) + "}")]
    if author:
        fields.insert(0, ("author", "{{" + bibtex_text(author) + "}}"))
    if added:
        fields += [("year", f"{{{added.year}}}"), ("month", MONTH_ABBR[added.month - 1].lower())]
    fields.append(("url", "{" + url + "}"))
    bibtex = f"@misc{{{event.id},\n" + "".join(f"  {k} = {v},\n" for k, v in fields) + "}"
    item: dict = {"id": event.id, "type": "webpage", "title": event.title, "container-title": config.title,
                  "URL": url}
    if author:
        item["author"] = [{"literal": author}]
    if added:
        item["issued"] = {"date-parts": [[added.year, added.month, added.day]]}
    csl = json.dumps([item], ensure_ascii=False, indent=2)
    return {"text": text, "bibtex": bibtex, "csl": csl, "url": url}
