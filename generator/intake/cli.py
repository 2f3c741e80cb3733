"""`python -m generator seeds add|extract`: the command-line edge of the intake package.

Domain errors become one-line messages here: a refused input or target exits 1, an unusable
option or argument exits 2 (the project's convention).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..check.modeline import schema_folder
from .add import SEED_ID, add_seed
from .drafts import loadable, render_draft
from .errors import IntakeError, UsageError
from .extract import extract as extract_candidates
from .files import write_all
from .registry import load_registry

ROOT = click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
                    show_default=True, help="Repository holding events/ and seeds/.")


def _shown(text: str, limit: int = 100) -> str:
    """Text as a terminal may show it: no control, bidirectional or invisible characters, cut when long."""
    text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _fail(exc: IntakeError):
    if isinstance(exc, UsageError):
        raise click.UsageError(str(exc))
    raise click.ClickException(str(exc))


@click.group()
def seeds() -> None:
    """Add a source document to seeds/ and draft events from it."""


@seeds.command()
@ROOT
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--id", "ident", help="Seed id; default the next free NNN_<sha256 prefix>.")
@click.option("--url", help="https address of the document, when the page's markup does not give it.")
@click.option("--publisher", help="Who published it, when the document states it.")
@click.option("--published", help="EDTF publication date, when known; otherwise suggested from the text.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people, json for programs.")
def add(root: Path, path: Path, ident, url, publisher, published, fmt: str) -> None:
    """Keep PATH (.txt, or a saved .html page) byte for byte in seeds/ and write its metadata.

    Finds page chrome, repeated paragraphs and publication-date evidence, and suggests a
    `published` value for the editor to confirm. Refuses to overwrite anything.
    """
    try:
        report = add_seed(root, path, ident=ident, url=url, publisher=publisher, published=published)
    except IntakeError as exc:
        _fail(exc)
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    click.echo(f"wrote {', '.join(report['files'])}")
    for item in report["chrome"]:
        click.echo(f"  chrome  line {item['line']:>3} [{item['rule']}]: {_shown(item['text'])}")
    for item in report["repeats"]:
        click.echo(f"  repeat  line {item['line']:>3} = line {item['repeats_line']}: {_shown(item['text'], 60)}")
    for item in report["date_evidence"]:
        value = item["resolves_to"] or f"unresolved ({item['why_not']})"
        click.echo(f"  date    line {item['line']:>3} '{_shown(item['text'], 60)}' -> {value}")
    suggestion = report["published_suggestion"]
    click.echo(f"published: {suggestion['value'] or 'not fixed by the text'}")
    click.echo(f"  {_shown(suggestion['basis'], 1000)}")
    click.echo(f"next: confirm seeds/{report['id']}.yaml, run `python -m generator check seeds/{report['id']}.yaml`, "
               f"then `python -m generator seeds extract {report['id']}`")


@seeds.command()
@ROOT
@click.argument("ident", metavar="ID")
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True,
              help="yaml writes one draft per candidate under drafts/ID/; json prints the candidates.")
def extract(root: Path, ident: str, fmt: str) -> None:
    """Propose candidate events from seed ID: dates, quotes, figures, actors and status hints.

    Never writes into events/. Check the drafts with `python -m generator check drafts/ID/`.
    """
    try:
        candidates, notes = _candidates(root, ident)
        for note in notes:
            click.echo(f"note: {_shown(note, 300)}", err=True)
        if fmt == "json":
            click.echo(json.dumps(candidates, ensure_ascii=False, indent=2))
            return
        if not candidates:
            click.echo(f"no sentence of seeds/{ident}.txt carries a date, a claim or a hedge; nothing written")
            return
        files = {}
        for candidate in candidates:
            rel = f"drafts/{ident}/{candidate['id']}.yaml"
            files[rel] = loadable(rel, render_draft(candidate, rel, schema_folder(root))).encode("utf-8")
        written = write_all(root, files)
    except IntakeError as exc:
        _fail(exc)
    click.echo(f"wrote {len(written)} drafts to drafts/{ident}/")
    for rel in written:
        click.echo(f"  {rel}")
    click.echo(f"next: `python -m generator check drafts/{ident}/` lists what each draft still needs")


def _candidates(root: Path, ident: str) -> tuple[list[dict], list[str]]:
    if not SEED_ID.fullmatch(ident):
        raise UsageError(f"'{_shown(ident, 60)}' is not a seed id (see the file names in seeds/)")
    if not root.is_dir():
        raise UsageError(f"--root {root} is not a folder")
    path = root / "seeds" / f"{ident}.txt"
    if (root / "seeds").is_symlink() or path.is_symlink():
        raise IntakeError(f"seeds/{ident}.txt is reached through a symbolic link; refusing to read it")
    if not path.is_file():
        raise UsageError(f"no seed text seeds/{ident}.txt; add the document with `generator seeds add` first")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise IntakeError(f"seeds/{ident}.txt is not UTF-8") from None
    registry = load_registry(root)
    info = registry.seeds.get(ident)
    notes = [f"skipped {problem}" for problem in registry.problems]
    if info is None:
        notes.append(f"no usable seeds/{ident}.yaml: chrome found by the rules, relative phrases left unresolved")
    candidates, more = extract_candidates(ident, text, info.published if info else None,
                                          info.chrome if info else None, registry)
    return candidates, notes + more


if __name__ == "__main__":  # pragma: no cover
    sys.exit(seeds())
