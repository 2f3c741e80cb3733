"""The checker: find every data file, validate each against its schema, then
check what only the whole dataset can tell (references, quotes, dates).

Every rule adds findings and goes on; nothing stops at the first problem.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import dates, quotes, schema
from .findings import ERROR, WARNING, Finding, Result, did_you_mean, shown
from .load import FORBIDDEN_IN_SEED, MAX_FINDINGS_PER_KIND, Document, TooLarge, describe_char, load, parse_bytes, read_regular_file
from .urls import site_path_problem, url_problem

ID = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?")
SEED_ID = re.compile(r"[a-z0-9](?:[a-z0-9_-]{0,78}[a-z0-9])?")
YEAR_DIR = re.compile(r"[0-9]{4}")
COUNT = re.compile(r"0|[1-9][0-9]{0,11}")  # as the schema's pattern: ASCII digits only ('²'.isdigit() is True)
# Ids become file and folder names next to generated pages: none may be an index page or a Windows device name.
RESERVED_IDS = frozenset({"index", "con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
                          *(f"lpt{n}" for n in range(1, 10))})
MAX_SEED_BYTES = 256 * 1024
MAX_SEED_LINE = 20_000
ROLES = ("participant", "target", "claimant", "denier", "mentioned")
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>",
                      re.MULTILINE)
_HTML = re.compile(r"<[a-zA-Z!/?]")
# Python-Markdown's link parser is quadratic in the number of '[': a summary of 1,190 of them took a second to render.
MAX_SUMMARY_BRACKETS = 20
MIN_QUOTE_WORDS = 2
_WORD = re.compile(r"[^\W_]+")
SITE_SECTIONS = ("timeline", "events", "actors", "tags", "sources", "figures", "data", "about", "corrections")


def schema_line(rel: str, kind: str) -> str:
    """The first line every data file carries, pointing editors at its schema."""
    up = "../" * (rel.count("/"))
    return f"# yaml-language-server: $schema={up}generator/schemas/{kind}.schema.json"


@dataclass
class Tree:
    """Every data file of one repository, loaded, with the seed texts."""

    root: Path
    events: list[Document] = field(default_factory=list)
    actors: list[Document] = field(default_factory=list)
    seeds: list[Document] = field(default_factory=list)
    tags: Document | None = None
    metrics: Document | None = None
    seed_texts: dict[str, str] = field(default_factory=dict)
    bad_seed_texts: set[str] = field(default_factory=set)  # present but unusable; their findings are in stray
    stray: list[Finding] = field(default_factory=list)

    def documents(self) -> list[Document]:
        extra = [d for d in (self.tags, self.metrics) if d is not None]
        return [*self.events, *self.actors, *self.seeds, *extra]


def _stray(tree: Tree, rel: str, message: str, code: str = "unexpected-file") -> None:
    tree.stray.append(Finding(rel, 1, 1, ERROR, code, message))


def _scan(folder: Path, rel: str, tree: Tree) -> list[os.DirEntry]:
    """Entries of a folder, refusing symlinks and hidden names, in a stable order."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        _stray(tree, rel, f"cannot read folder: {exc.strerror}", "unreadable")
        return []
    kept = []
    for entry in entries:
        path = f"{rel}/{entry.name}"
        if entry.is_symlink():
            _stray(tree, path, "symbolic links are not allowed in the data folders; commit the file itself", "symlink")
        elif entry.name.startswith("."):
            _stray(tree, path, "hidden files are not allowed in the data folders")
        else:
            kept.append(entry)
    return kept


def _yaml_files(folder: Path, rel: str, tree: Tree) -> list[tuple[Path, str]]:
    files = []
    for entry in _scan(folder, rel, tree):
        path = f"{rel}/{entry.name}"
        if entry.is_dir():
            _stray(tree, path, f"unexpected folder; {rel}/ holds only .yaml files")
        elif not entry.name.endswith(".yaml"):
            hint = "; rename it to .yaml" if entry.name.endswith(".yml") else ""
            _stray(tree, path, f"only .yaml files belong in {rel}/{hint}")
        else:
            files.append((Path(entry.path), path))
    return files


def discover(root: Path) -> Tree:
    """Load every data file under `root` (events/ and seeds/), noting anything that does not belong."""
    tree = Tree(root)
    events_dir = root / "events"
    if events_dir.is_symlink():
        _stray(tree, "events", "events/ is a symbolic link; the data folders must be real folders", "symlink")
    elif not events_dir.is_dir():
        _stray(tree, "events", "no events/ folder here; pass --root to point at the repository", "missing-folder")
    else:
        for entry in _scan(events_dir, "events", tree):
            rel = f"events/{entry.name}"
            if entry.is_dir() and YEAR_DIR.fullmatch(entry.name):
                tree.events += [load(p, r) for p, r in _yaml_files(Path(entry.path), rel, tree)]
            elif entry.is_dir() and entry.name == "actors":
                tree.actors += [load(p, r) for p, r in _yaml_files(Path(entry.path), rel, tree)]
            elif entry.name == "tags.yaml" and entry.is_file():
                tree.tags = load(Path(entry.path), rel)
            elif entry.name == "metrics.yaml" and entry.is_file():
                tree.metrics = load(Path(entry.path), rel)
            else:
                _stray(tree, rel, "unexpected entry; events/ holds year folders (2024/), actors/, tags.yaml and metrics.yaml")
        for name in ("tags", "metrics"):
            if getattr(tree, name) is None:
                _stray(tree, f"events/{name}.yaml", f"events/{name}.yaml is missing", "missing-file")
    seeds_dir = root / "seeds"
    if seeds_dir.is_symlink():
        _stray(tree, "seeds", "seeds/ is a symbolic link; the data folders must be real folders", "symlink")
    elif seeds_dir.is_dir():
        for entry in _scan(seeds_dir, "seeds", tree):
            rel = f"seeds/{entry.name}"
            if entry.name.endswith(".yaml") and entry.is_file():
                tree.seeds.append(load(Path(entry.path), rel))
            elif entry.name.endswith(".html") and entry.is_file() and (seeds_dir / f"{entry.name[:-5]}.txt").is_file():
                pass  # the saved page `seeds add` extracted <id>.txt from: kept as received, never read
            elif entry.name.endswith(".txt") and entry.is_file():
                text = _seed_text(Path(entry.path), rel, tree)
                if text is not None:
                    tree.seed_texts[entry.name[:-4]] = text
            else:
                _stray(tree, rel, "seeds/ holds <id>.txt documents, their <id>.yaml metadata and, for web pages, "
                                  "the saved <id>.html only")
    return tree


def _seed_text(path: Path, rel: str, tree: Tree) -> str | None:
    """A seed document's text, or None with findings when it is too big, not UTF-8 or holds hidden characters."""
    tree.bad_seed_texts.add(path.stem)  # until it has passed every test below
    try:
        raw = read_regular_file(path, MAX_SEED_BYTES)
    except TooLarge as exc:
        _stray(tree, rel, f"seed text is {exc.size:,} bytes; the limit is {MAX_SEED_BYTES:,}: keep the article, "
                          "not the whole page", "file-too-large")
        return None
    except OSError as exc:
        _stray(tree, rel, f"cannot read file: {exc.strerror}", "unreadable")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - raw.rfind(b"\n", 0, exc.start)
        tree.stray.append(Finding(rel, line, col, ERROR, "encoding",
                                  f"invalid UTF-8 byte 0x{raw[exc.start]:02x}; save the seed text as UTF-8"))
        return None
    problems = 0
    for line_no, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")
        if len(line) > MAX_SEED_LINE:
            problems += 1
            tree.stray.append(Finding(rel, line_no, MAX_SEED_LINE + 1, ERROR, "line-too-long",
                                      f"line is {len(line):,} characters; a seed line (a paragraph) holds at most "
                                      f"{MAX_SEED_LINE:,}"))
        for match in FORBIDDEN_IN_SEED.finditer(line):
            problems += 1
            if problems <= MAX_FINDINGS_PER_KIND:
                tree.stray.append(Finding(rel, line_no, match.start() + 1, ERROR, "forbidden-character",
                                          f"{describe_char(match.group()[0])} is not allowed in a seed text"))
    if problems:
        return None
    tree.bad_seed_texts.discard(path.stem)
    return text


class Checker:
    """Runs every rule over a loaded Tree; all findings land on the documents."""

    def __init__(self, tree: Tree):
        self.tree = tree
        self.actor_ids: set[str] = set()
        self.event_ids: set[str] = set()
        self.tag_ids: set[str] = set()
        self.metric_ids: set[str] = set()
        self.seed_published: dict[str, dates.EDTFDate | None] = {}
        self.seed_normalised = {sid: quotes.normalise(text) for sid, text in tree.seed_texts.items()}
        self.used: dict[str, set[str]] = {"actor": set(), "tag": set(), "metric": set(), "seed": set(), "event": set()}
        self.event_dates: dict[str, tuple[dates.EDTFDate, Document]] = {}
        self.actor_parents: dict[str, str] = {}

    def run(self) -> None:
        tree = self.tree
        for doc in tree.events:
            self._structure(doc, "event")
        for doc in tree.actors:
            self._structure(doc, "actor")
        for doc in tree.seeds:
            self._structure(doc, "seed")
        for doc, kind in ((tree.tags, "tags"), (tree.metrics, "metrics")):
            if doc is not None:
                self._structure(doc, kind)
        self.tag_ids = self._vocabulary(tree.tags, "tag")
        self.metric_ids = self._vocabulary(tree.metrics, "metric")
        self.actor_ids = self._ids(tree.actors, ID)
        self.event_ids = self._ids(tree.events, ID)
        self._ids(tree.seeds, SEED_ID)
        for doc in tree.seeds:
            self._seed(doc)
        for sid in sorted(set(tree.seed_texts) - {d.path.stem for d in tree.seeds}):
            _stray(tree, f"seeds/{sid}.txt", f"seed text has no metadata file seeds/{sid}.yaml", "missing-seed-metadata")
        for doc in tree.actors:
            self._actor(doc)
        self._parent_cycles()
        for doc in tree.events:
            self._event(doc)
        self._follows()
        self._unused()

    # -- helpers -----------------------------------------------------------

    def _structure(self, doc: Document, kind: str) -> None:
        if doc.text is not None:
            expected = schema_line(doc.rel, kind)
            if doc.text.split("\n", 1)[0].rstrip("\r") != expected:
                doc.finding(1, 1, "schema-comment", f"the first line must be '{expected}' so editors validate the file")
        if doc.usable:
            schema.validate(doc, kind)

    def _ids(self, docs: list[Document], pattern: re.Pattern) -> set[str]:
        seen: dict[str, Document] = {}
        for doc in docs:
            if not doc.usable or not isinstance(doc.data.get("id"), str):
                continue
            ident, stem = doc.data["id"], doc.path.stem
            if ident != stem:
                doc.at(("id",), "id-mismatch", f"id '{shown(ident)}' differs from the file name '{stem}.yaml'; make them equal")
            if not pattern.fullmatch(ident):
                continue  # the schema already reported it
            if ident in RESERVED_IDS:
                doc.at(("id",), "reserved-id", f"id '{ident}' is reserved: it would collide with a generated page "
                                               "or a device name on Windows; choose another")
                continue
            folded = ident.casefold()
            if folded in seen:
                doc.at(("id",), "duplicate-id", f"id '{ident}' is already used by {seen[folded].rel}")
            else:
                seen[folded] = doc
        return set(seen)

    def _vocabulary(self, doc: Document | None, kind: str) -> set[str]:
        if doc is None or not doc.usable:
            return set()
        for ident in doc.data:
            if ident in RESERVED_IDS:
                doc.at((ident,), "reserved-id", f"{kind} id '{ident}' is reserved: it would collide with a generated "
                                                "page or a device name on Windows; choose another", key=True)
        return set(doc.data) - RESERVED_IDS

    def _date(self, doc: Document, path: tuple, value) -> dates.EDTFDate | None:
        if not isinstance(value, str):
            return None
        try:
            return dates.parse(value)
        except dates.DateError as exc:
            doc.at(path, "invalid-date", f"{schema.field_name(path)}: {exc}")
            return None

    def _refs(self, doc: Document, path: tuple, values, known: set[str], kind: str) -> None:
        if not isinstance(values, list):
            return
        for index, value in enumerate(values):
            if not isinstance(value, str):
                continue
            self.used[kind].add(value)
            if value not in known:
                where = {"actor": "events/actors/", "tag": "events/tags.yaml", "metric": "events/metrics.yaml",
                         "event": "events/", "seed": "seeds/"}[kind]
                hint = did_you_mean(value, known) or f"; add it to {where} first"
                doc.at(path + (index,), f"unknown-{kind}", f"unknown {kind} '{shown(value)}'{hint}")

    def _url(self, doc: Document, path: tuple, value) -> None:
        if isinstance(value, str):
            problem = url_problem(value)
            if problem:
                doc.at(path, "invalid-url", f"{schema.field_name(path)} '{shown(value)}' {problem}")

    # -- rules by kind -----------------------------------------------------

    def _seed(self, doc: Document) -> None:
        if not doc.usable:
            return
        data, sid = doc.data, doc.path.stem
        self.seed_published[sid] = self._date(doc, ("published",), data.get("published"))
        self._url(doc, ("url",), data.get("url"))
        text = self.tree.seed_texts.get(sid)
        if text is None:
            if sid not in self.tree.bad_seed_texts:
                doc.at(("id",), "missing-seed-text", f"no seed text seeds/{sid}.txt beside this metadata file")
            return
        lines = set(text.splitlines())
        for index, line in enumerate(data.get("chrome") or []):
            if isinstance(line, str) and line not in lines:
                doc.at(("chrome", index), "chrome-not-found", f"chrome line '{shown(line)}' is not a whole line of seeds/{sid}.txt")
        normalised = self.seed_normalised.get(sid, "")
        for index, item in enumerate(data.get("left_out") or []):
            passage = item.get("passage") if isinstance(item, dict) else None
            if isinstance(passage, str) and quotes.normalise(passage) not in normalised:
                doc.at(("left_out", index, "passage"), "passage-not-found",
                       f"left-out passage not found verbatim in seeds/{sid}.txt")

    def _actor(self, doc: Document) -> None:
        if doc.usable and isinstance(doc.data.get("parent"), str):
            parent = doc.data["parent"]
            if isinstance(doc.data.get("id"), str):
                self.actor_parents[doc.data["id"]] = parent
            if parent not in self.actor_ids:
                doc.at(("parent",), "unknown-actor", f"unknown actor '{parent}'{did_you_mean(parent, self.actor_ids)}")

    def _parent_cycles(self) -> None:
        """Report every actor on a loop of parents; each actor is walked once, so this is linear."""
        parents = {d.data["id"]: (d.data.get("parent"), d) for d in self.tree.actors
                   if d.usable and isinstance(d.data.get("id"), str)}
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
                for index, member in enumerate(loop):
                    chain = loop[index:] + loop[:index]
                    parents[member][1].at(("parent",), "parent-cycle", f"parent chain loops: {_chain(chain)}")
            done.update(path)

    def _event(self, doc: Document) -> None:
        if not doc.usable:
            return
        data = doc.data
        ident = data.get("id") if isinstance(data.get("id"), str) else doc.path.stem
        date = self._date(doc, ("date",), data.get("date"))
        if date is not None:
            year = f"{date.known.year:04d}"
            folder = doc.path.parent.name
            if folder != year:
                doc.at(("date",), "wrong-folder", f"an event starting in {year} belongs in events/{year}/, not {doc.rel.rsplit('/', 1)[0]}/")
            prefix = date.known.edtf().rstrip("~?%")
            if date.known.season is not None:
                prefix = f"{date.known.year:04d}"
            if ID.fullmatch(ident) and not ident.startswith(prefix + "-"):
                doc.at(("id",), "id-date", f"id '{ident}' should start with its date '{prefix}-'")
        actors = data.get("actors") if isinstance(data.get("actors"), dict) else {}
        for role in ROLES:
            self._refs(doc, ("actors", role), actors.get(role), self.actor_ids, "actor")
        status = data.get("status")
        if "actors" in data and not isinstance(data["actors"], dict):
            pass  # the schema reported its type; who claims or denies cannot be read from it
        elif status == "alleged" and not actors.get("claimant"):
            doc.at(("status",), "alleged-needs-claimant", "an alleged event must name who alleges it under actors.claimant")
        if status == "disputed" and not actors.get("denier"):
            doc.at(("status",), "disputed-needs-denier", "a disputed event must name who disputes it under actors.denier")
        self._refs(doc, ("tags",), data.get("tags"), self.tag_ids, "tag")
        related = data.get("related")
        self._refs(doc, ("related",), related, self.event_ids, "event")
        if isinstance(related, list) and ident in related:
            doc.at(("related", related.index(ident)), "self-related", "an event cannot be related to itself")
        follows = data.get("follows")
        self._refs(doc, ("follows",), follows, self.event_ids, "event")
        if isinstance(follows, list) and ident in follows:
            doc.at(("follows", follows.index(ident)), "self-follows", "an event cannot follow itself")
        if date is not None:
            self.event_dates[ident] = (date, doc)
        self._summary(doc, data.get("summary"))
        for index, source in enumerate(data.get("sources") or []):
            if isinstance(source, dict):
                self._source(doc, ("sources", index), source, date, status)
        for index, figure in enumerate(data.get("figures") or []):
            if isinstance(figure, dict):
                self._figure(doc, ("figures", index), figure)
        for index, correction in enumerate(data.get("corrections") or []):
            if isinstance(correction, dict):
                self._date(doc, ("corrections", index, "date"), correction.get("date"))
        if status == "confirmed" and isinstance(data.get("sources"), list):
            self._confirmed(doc, actors, data["sources"])
        if not data.get("date_text") and not data.get("notes"):
            doc.at(("date",), "date-basis", "say where the date comes from: the source's phrase in date_text, "
                                            "or how it was worked out in notes", severity=WARNING)

    def _confirmed(self, doc: Document, actors: dict, sources: list) -> None:
        """Confirmed means the party concerned says so, or at least two documents do."""
        documents = {("seed", s["seed"]) if "seed" in s else ("url", s.get("url"))
                     for s in sources if isinstance(s, dict)}
        if len(documents) >= 2:
            return
        participants = {a for a in actors.get("participant") or [] if isinstance(a, str)}
        for claimant in actors.get("claimant") or []:
            if isinstance(claimant, str) and (self._lineage(claimant) & participants
                                              or any(claimant in self._lineage(p) for p in participants)):
                return
        doc.at(("status",), "confirmed-needs-confirmation",
               "a confirmed event needs the party concerned to say so (an actor that is both participant and "
               "claimant, or part of one) or at least two independent documents among its sources; otherwise "
               "it is reported")

    def _lineage(self, actor: str) -> set[str]:
        """The actor and every actor it is part of."""
        found = set()
        while isinstance(actor, str) and actor not in found:
            found.add(actor)
            actor = self.actor_parents.get(actor)
        return found

    def _follows(self) -> None:
        """'follows' may order events whose dates overlap; it cannot reverse the calendar, nor loop."""
        graph = {}
        for ident, (date, doc) in self.event_dates.items():
            earlier = [f for f in (doc.data.get("follows") or []) if isinstance(f, str) and f in self.event_dates]
            graph[ident] = earlier
            for index, other in enumerate(doc.data.get("follows") or []):
                if other in self.event_dates and self.event_dates[other][0].earliest() > date.latest():
                    doc.at(("follows", index), "follows-later-event",
                           f"'{other}' starts ({self.event_dates[other][0].text}) after this event ends "
                           f"({date.text}); an event can only follow one that may have happened before it")
        state: dict[str, int] = {}
        for start in graph:
            if state.get(start):
                continue
            stack = [(start, iter(graph[start]))]
            state[start] = 1
            while stack:
                node, edges = stack[-1]
                nxt = next(edges, None)
                if nxt is None:
                    state[node] = 2
                    stack.pop()
                elif state.get(nxt) == 1:
                    loop = [n for n, _ in stack][[n for n, _ in stack].index(nxt):]
                    doc = self.event_dates[node][1]
                    doc.at(("follows",), "follows-cycle", f"events follow each other in a loop: {_chain(loop, 'events')}")
                elif not state.get(nxt):
                    state[nxt] = 1
                    stack.append((nxt, iter(graph[nxt])))

    def _summary(self, doc: Document, summary) -> None:
        if not isinstance(summary, str):
            return
        for match in _MD_LINK.finditer(summary):
            target = next(g for g in match.groups() if g is not None)
            if target.startswith("#"):
                problem = "is an anchor on no particular page; write the page's path, '/events/<id>/#anchor'"
            elif target.startswith("/"):
                problem = site_path_problem(target) or self._site_page_problem(target)
            else:
                problem = url_problem(target)
            if problem:
                doc.at(("summary",), "unsafe-link", f"link target '{shown(target)}' in summary {problem}")
        if _HTML.search(summary):
            doc.at(("summary",), "raw-html", "summaries are Markdown without HTML; remove the tag or write it in words")
        if "![" in summary:
            doc.at(("summary",), "image-in-summary", "summaries show no pictures; link to the picture instead")
        brackets = summary.count("[")
        if brackets > MAX_SUMMARY_BRACKETS:
            doc.at(("summary",), "too-many-links",
                   f"summary has {brackets} '['; at most {MAX_SUMMARY_BRACKETS} (links) are allowed")

    def _site_page_problem(self, path: str) -> str | None:
        """Why '/section/<id>/' names no page of this site, or None."""
        parts = path.split("#", 1)[0].strip("/").split("/")
        section, rest = parts[0], parts[1:]
        known = {"events": self.event_ids, "actors": self.actor_ids, "tags": self.tag_ids,
                 "sources": set(self.seed_published)}
        if parts == [""] or (section in SITE_SECTIONS and not rest):
            return None
        if section in known and len(rest) == 1:
            if rest[0] in known[section]:
                return None
            return f"names no page: unknown {section[:-1]} '{rest[0]}'{did_you_mean(rest[0], known[section])}"
        if section == "timeline" and len(rest) == 1 and YEAR_DIR.fullmatch(rest[0]):
            return None
        return f"names no page of this site; pages are / and {', '.join(f'/{s}/' for s in SITE_SECTIONS)}"

    def _source(self, doc: Document, path: tuple, source: dict, date, status) -> None:
        has_seed, has_url = "seed" in source, "url" in source
        if has_seed == has_url:
            doc.at(path, "source-kind", "a source gives exactly one of 'seed' (with a quote) or 'url' (with publisher and published)")
            return
        quote = source.get("quote")
        if isinstance(quote, str) and any(mark in quote for mark in quotes.ELISIONS):
            doc.at(path + ("quote",), "elided-quote", "quotes may not contain '...'; split an elided quote into two sources entries")
        elif isinstance(quote, str) and len(_WORD.findall(quote)) < MIN_QUOTE_WORDS:
            # Whitespace or a lone word is found in almost any text: it verifies nothing.
            doc.at(path + ("quote",), "quote-too-short",
                   f"a quote needs at least {MIN_QUOTE_WORDS} words of the source's own text")
            quote = None if has_seed else quote
        published = None
        if has_seed:
            seed = source["seed"]
            if not isinstance(seed, str):
                return
            self.used["seed"].add(seed)
            if seed not in self.seed_published and seed not in self.tree.seed_texts:
                doc.at(path + ("seed",), "unknown-seed", f"unknown seed '{seed}'{did_you_mean(seed, self.tree.seed_texts)}")
                return
            published = self.seed_published.get(seed)
            if "quote" not in source:
                doc.at(path, "missing-field", "a seed source needs a 'quote' copied verbatim from the seed", key=True)
            elif isinstance(quote, str) and seed in self.seed_normalised:
                self._quote(doc, path + ("quote",), quote, seed)
            for extra in ("url", "publisher", "published"):
                if extra in source:
                    doc.at(path + (extra,), "unknown-field", f"'{extra}' belongs to url sources; a seed's metadata gives it", key=True)
        else:
            self._url(doc, path + ("url",), source.get("url"))
            for needed in ("publisher", "published"):
                if needed not in source:
                    doc.at(path, "missing-field", f"a url source needs '{needed}'", key=True)
            published = self._date(doc, path + ("published",), source.get("published"))
        if date is not None and published is not None and status != "expected" and date.earliest() > published.latest():
            doc.at(("date",), "date-after-source",
                   f"the event starts ({date.text}) after its source was published ({published.text}); "
                   "use status 'expected' for what was planned or forecast")

    def _quote(self, doc: Document, path: tuple, quote: str, seed: str) -> None:
        text = self.seed_normalised[seed]
        if quotes.normalise(quote) in text:
            return
        matched = quotes.longest_matching_prefix(quote, text)
        needle = quotes.normalise(quote)
        hint = (f"; the first {matched} characters match, then it differs at '{shown(needle[matched:matched + 30])}'"
                if matched >= 10 else "")
        doc.at(path, "quote-not-found", f"quote not found verbatim in seed {seed}{hint}")

    def _figure(self, doc: Document, path: tuple, figure: dict) -> None:
        metric = figure.get("metric")
        if isinstance(metric, str):
            self.used["metric"].add(metric)
            if metric not in self.metric_ids:
                doc.at(path + ("metric",), "unknown-metric", f"unknown metric '{metric}'{did_you_mean(metric, self.metric_ids)}")
        if ("value" in figure) == ("range" in figure):
            doc.at(path, "figure-value", "a figure gives exactly one of 'value' or 'range: [low, high]'")
        rng = figure.get("range")
        if isinstance(rng, list) and len(rng) == 2 and all(isinstance(v, str) and COUNT.fullmatch(v) for v in rng):
            if int(rng[0]) > int(rng[1]):
                doc.at(path + ("range",), "range-order", f"range [{rng[0]}, {rng[1]}] has low above high")
        self._date(doc, path + ("as_of",), figure.get("as_of"))
        claimed_by = figure.get("claimed_by")
        self._refs(doc, path + ("claimed_by",), claimed_by, self.actor_ids, "actor")
        if claimed_by == [] and not figure.get("note"):
            doc.at(path + ("claimed_by",), "unattributed-figure",
                   "a figure with no claimant needs a 'note' saying the source states it in its own voice")

    def _unused(self) -> None:
        tree = self.tree
        for doc in tree.actors:
            ident = doc.data.get("id") if doc.usable else None
            if ident in self.actor_ids and ident not in self.used["actor"]:
                children = any(d.usable and d.data.get("parent") == ident for d in tree.actors)
                if not children:
                    doc.at(("id",), "unused-actor", f"actor '{ident}' is not named by any event", severity=WARNING)
        for doc, kind in ((tree.tags, "tag"), (tree.metrics, "metric")):
            if doc is None or not doc.usable:
                continue
            for ident in sorted(set(doc.data) - self.used[kind]):
                doc.at((ident,), f"unused-{kind}", f"{kind} '{ident}' is not used by any event", key=True, severity=WARNING)


def _chain(loop: list[str], noun: str = "actors") -> str:
    if len(loop) <= 6:
        return " -> ".join(loop + loop[:1])
    return " -> ".join(loop[:3]) + f" -> … -> {loop[-1]} -> {loop[0]} ({len(loop):,} {noun} in the loop)"


def check(root: Path, only: list[str] | None = None, *, extra: dict[str, bytes] | None = None) -> tuple[Tree, Result]:
    """Check the whole tree under `root`; `only` limits the findings reported to those paths (files or folders).

    `extra` adds event files that are not written yet ({'events/2024/<id>.yaml': content}), so a
    command can check what it is about to write together with everything already there.
    """
    tree = discover(root)
    for rel, raw in (extra or {}).items():
        tree.events.append(parse_bytes(raw, Document(root / rel, rel)))
    if only:
        from .intake.checkdrafts import add_drafts  # drafts/ is checked only when a path under it is asked for
        add_drafts(tree, only)
    Checker(tree).run()
    result = Result(files_checked=len(tree.documents()))
    result.extend(tree.stray)
    for doc in tree.documents():
        result.extend(doc.findings)
    if only:
        prefixes = tuple(p.rstrip("/") for p in only)
        result.findings = [f for f in result.findings
                           if f.path in prefixes or f.path.startswith(tuple(p + "/" for p in prefixes))]
    return tree, result
