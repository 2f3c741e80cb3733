"""Command line: `python -m generator check|pages|export|new`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import dates
from . import export as exports
from . import new as new_event
from .intake.cli import seeds
from .model import DataError, load_dataset
from .findings import printable
from .outputs import (RefusedOutput, check_output_file, check_output_folder, site_files, write_file,
                      write_folder)
from .pages import Settings
from .report import REPORTER_BY_NAME, report_text
from .model import STATUSES
from .validate import ID, RESERVED_IDS, ROLES
from .validate import check as run_check

ROOT_OPTION = click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
                           show_default=True, help="Repository holding events/ and seeds/.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="timeline-generator")
def main() -> None:
    """Check and publish a sourced, contested-claims timeline."""


@main.command()
@ROOT_OPTION
@click.option("--format", "fmt", type=click.Choice(sorted(REPORTER_BY_NAME)), default="text", show_default=True,
              help="text for people, github for pull-request annotations, json for programs.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.argument("paths", nargs=-1)
def check(root: Path, fmt: str, strict: bool, paths: tuple[str, ...]) -> None:
    """Check every data file; report findings only for PATHS when given.

    Exit status: 0 clean, 1 findings, 2 usage error.
    """
    _require_project(root)
    only = [_data_path(root, p) for p in paths]
    _, result = run_check(root, only or None)
    REPORTER_BY_NAME[fmt](result, sys.stdout)
    sys.exit(1 if result.failed(strict) else 0)


def _require_project(root: Path) -> None:
    if not root.is_dir():
        raise click.UsageError(f"--root {root} is not a folder")
    if not (root / "events").is_dir() and not (root / "events").is_symlink():
        raise click.UsageError(f"{root.resolve()} holds no events/ folder; run this in a timeline project "
                               "or pass --root")


def _data_path(root: Path, path: str) -> str:
    """PATHS may be given relative to the current folder or to --root; each must name data in the project."""
    candidate = Path(path)
    resolved_root = root.resolve()
    try:
        rel = Path(os.path.abspath(candidate)).relative_to(resolved_root).as_posix()
    except ValueError:
        rel = candidate.as_posix()
    rel = rel.rstrip("/") or "."
    target = resolved_root / rel
    inside = rel.split("/", 1)[0] in ("events", "seeds", "drafts")
    if not inside or ".." in rel.split("/") or not os.path.lexists(target):
        raise click.UsageError(f"'{printable(path)}' names no data file or folder of this project "
                               "(paths under events/, seeds/ or drafts/)")
    return rel


def _dataset(root: Path):
    """The checked dataset, or the checker's findings and exit status 1."""
    _require_project(root)
    try:
        data, _ = load_dataset(root)
    except DataError as exc:
        report_text(exc.result, sys.stderr)
        sys.exit(1)
    return data


@main.command()
@ROOT_OPTION
@click.option("--out", type=click.Path(path_type=Path), required=True,
              help="Folder to write the pages into: new, empty, or written by an earlier run (replaced whole).")
@click.option("--force", is_flag=True, help="Allow a folder outside the repository.")
@click.option("--site-name", default="North Korea's military support to Russia", show_default=True)
@click.option("--repo-url", default=None, help="Repository address, for 'suggest a correction' links.")
def pages(root: Path, out: Path, force: bool, site_name: str, repo_url: str | None) -> None:
    """Write the generated pages, assets and schemas to a folder, for any static site builder."""
    try:
        check_output_folder(out, root, force=force)
    except RefusedOutput as exc:
        raise click.UsageError(str(exc)) from None
    data = _dataset(root)
    count = write_folder(out, site_files(data, Settings(site_name=site_name, repo_url=repo_url), root))
    click.echo(f"wrote {count} files to {out}")


@main.command()
@ROOT_OPTION
@click.option("--format", "fmt", type=click.Choice(exports.FORMATS), required=True, help="Export format.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="File to write; standard output when omitted.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option("--site-url", default=None, help="Published address of the site, for absolute links.")
def export(root: Path, fmt: str, output: Path | None, force: bool, site_url: str | None) -> None:
    """Export the checked data as json, csv, ics, timelinejs or atom."""
    if output is not None:
        try:
            check_output_file(output, root, force=force)
        except RefusedOutput as exc:
            raise click.UsageError(str(exc)) from None
    data = _dataset(root)
    text = exports.export(data, fmt, site_url=site_url, root=root)
    if output is None:
        sys.stdout.write(text)
        return
    write_file(output, text)
    click.echo(f"wrote {output}", err=True)


def _ask(value, label: str, interactive: bool, **prompt_args):
    if value:
        return value
    if not interactive:
        raise click.UsageError(f"missing {label}; give it as an option or run in a terminal to be asked")
    return click.prompt(label, **prompt_args)


@main.command()
@ROOT_OPTION
@click.option("--date", help='EDTF date, e.g. "2024-10-08", "2024-10", "2024-10-08/2024-10-13".')
@click.option("--date-text", help="The source's own words for the date, e.g. \"last week\".")
@click.option("--title", help="Plain-text headline, at most 140 characters.")
@click.option("--summary", help="What happened, in a few sentences of restricted Markdown.")
@click.option("--status", type=click.Choice(list(STATUSES)), help="How established the event is.")
@click.option("--actor", "actor_roles", multiple=True, metavar="ROLE=ID",
              help=f"An actor and its role ({', '.join(ROLES)}); repeat for each.")
@click.option("--tag", "tags", multiple=True, help="A tag id from events/tags.yaml; repeat for each.")
@click.option("--seed", help="Seed document id, with --quote.")
@click.option("--quote", help="Passage copied verbatim from the seed.")
@click.option("--url", help="External https source, with --publisher and --published.")
@click.option("--publisher", help="Publisher of --url.")
@click.option("--published", help="EDTF publication date of --url.")
@click.option("--id", "ident", help="Event id; derived from the date and title when omitted.")
@click.option("--interactive/--no-interactive", default=None,
              help="Ask for missing fields (default: when standard input is a terminal).")
def new(root: Path, date, date_text, title, summary, status, actor_roles, tags, seed, quote, url, publisher,
        published, ident, interactive) -> None:
    """Write a new event file under events/<year>/ from options, asking for what is missing."""
    if interactive is None:
        interactive = sys.stdin.isatty()
    date = _ask(date, "date", interactive)
    try:
        parsed = dates.parse(date)
    except dates.DateError as exc:
        raise click.BadParameter(str(exc), param_hint="--date") from None
    title = _ask(title, "title", interactive)
    summary = _ask(summary, "summary", interactive)
    status = _ask(status, "status", interactive, type=click.Choice(list(STATUSES)), default="reported")
    if not actor_roles and interactive:
        actor_roles = (f"participant={click.prompt('participant actor id')}",)
    actors: dict[str, list[str]] = {}
    for pair in actor_roles:
        role, sep, actor = pair.partition("=")
        if not sep or role not in ROLES or not actor:
            raise click.BadParameter(f"'{pair}' is not ROLE=ID with ROLE one of {', '.join(ROLES)}", param_hint="--actor")
        actors.setdefault(role, []).append(actor)
    if not actors.get("participant"):
        raise click.UsageError("give at least one --actor participant=ID")
    if not seed and not url and interactive:
        seed = click.prompt("seed id (leave empty to give a URL instead)", default="", show_default=False) or None
    if seed:
        sources = [{"seed": seed, "quote": _ask(quote, "quote", interactive)}]
    elif url:
        sources = [{"url": url, "publisher": _ask(publisher, "publisher", interactive),
                    "published": _ask(published, "published", interactive), "quote": quote}]
    else:
        sources = [{"url": _ask(None, "url", interactive), "publisher": _ask(publisher, "publisher", interactive),
                    "published": _ask(published, "published", interactive), "quote": quote}]
    if ident:  # becomes a file name; every other value is written quoted and judged by the check
        _require_id(ident, ID, "--id")
    ident = ident or new_event.event_id(parsed, title)
    path = new_event.target_path(root, parsed, ident)
    rel = path.relative_to(root.resolve()).as_posix()
    if os.path.lexists(path):
        raise click.ClickException(f"{rel} already exists; edit it or choose another --id")
    text = new_event.render_event(ident=ident, date=date, title=title, summary=summary, status=status, actors=actors,
                                  sources=sources, tags=list(tags), date_text=date_text, rel=rel)
    # The file is checked with the whole project before it is written: new never writes what check refuses.
    _, result = run_check(root, [rel], extra={rel: text.encode("utf-8")})
    if result.failed():
        report_text(result, sys.stdout)
        click.echo(f"nothing written: {rel} would not pass the check; fix the options above and run again")
        sys.exit(1)
    write_file(path, text)
    click.echo(f"wrote {rel}")
    report_text(result, sys.stdout)


def _require_id(value: str, pattern, option: str) -> None:
    if not pattern.fullmatch(value) or value in RESERVED_IDS:
        raise click.BadParameter(f"'{printable(value)}' is not a valid id: lower-case ASCII letters, digits and "
                                 "hyphens, as in the data files", param_hint=option)


main.add_command(seeds)
