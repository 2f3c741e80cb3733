"""Command line: `timeline-generator` (or `python -m generator`) check|new|pages|export|schemas|init|seeds."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import dates
from . import new as new_event
from .check import check as run_check
from .check import schema_folder
from .config import ConfigError, SiteConfig, from_mkdocs_yml, with_overrides
from .export import EXPORTERS
from .export import export as run_export
from .findings import printable
from .intake.cli import seeds
from .jsonschemas import site_vocabularies
from .media.check import MediaError
from .model import DataError, Dataset, load_dataset
from .publish.outputs import (
    RefusedOutput,
    check_output_file,
    check_output_folder,
    site_files,
    write_file,
    write_folder,
    write_schemas,
)
from .report import REPORTER_BY_NAME, report_text
from .scaffold import InitError
from .scaffold import init as make_project
from .vocab import ID, RESERVED_IDS, ROLES, STATUSES

ROOT_OPTION = click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
                           show_default=True, help="Repository holding events/ and seeds/.")
CONFIG_OPTION = click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
                             help="The site's mkdocs.yml, for its title, addresses and timeline options "
                                  "[default: mkdocs.yml in --root, when there is one].")


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
    _, result = run_check(root, only or None, keep_data=False)  # findings only: never hold every event at once
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


def _dataset(root: Path) -> Dataset:
    """The checked dataset, or the checker's findings and exit status 1."""
    _require_project(root)
    try:
        data, _ = load_dataset(root)
    except DataError as exc:
        report_text(exc.result, sys.stderr)
        sys.exit(1)
    return data


def _site_config(root: Path, config_file: Path | None, **overrides) -> SiteConfig:
    """The site's configuration from its mkdocs.yml (when there is one), with command-line values on top."""
    path = config_file or (root / "mkdocs.yml")
    config = SiteConfig()
    try:
        if config_file is not None or path.is_file():
            config, _ = from_mkdocs_yml(path)
        return with_overrides(config, **overrides)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None


@main.command()
@ROOT_OPTION
@CONFIG_OPTION
@click.option("--out", type=click.Path(path_type=Path), required=True,
              help="Folder to write the pages into: new, empty, or written by an earlier run (replaced whole).")
@click.option("--force", is_flag=True, help="Allow a folder outside the repository.")
@click.option("--site-name", default=None, help="The site's title [default: site_name in mkdocs.yml].")
@click.option("--site-url", default=None, help="Published address, for absolute links [default: from mkdocs.yml].")
@click.option("--repo-url", default=None, help="Repository address, for 'suggest a correction' and history links.")
@click.option("--edit-branch", default=None, help="Branch the edit and history links point at [default: main].")
@click.option("--split-at", type=click.IntRange(min=1), default=None,
              help="Split the timeline, actor and topic pages by year past this many events [default: 400].")
def pages(root: Path, config_file: Path | None, out: Path, force: bool, site_name: str | None, site_url: str | None,
          repo_url: str | None, edit_branch: str | None, split_at: int | None) -> None:
    """Write the generated pages, assets and schemas to a folder, for any static site builder.

    The pages are the plugin's; what only MkDocs gets (the guard on docs/, the
    Content-Security-Policy, the theme's icons and the post-build scan) is the other builder's to provide.
    """
    try:
        check_output_folder(out, root, force=force)
    except RefusedOutput as exc:
        raise click.UsageError(str(exc)) from None
    config = _site_config(root, config_file, title=site_name, url=site_url, repo_url=repo_url,
                          edit_branch=edit_branch, split_at=split_at)
    data = _dataset(root)
    try:
        count = write_folder(out, site_files(data, config))
    except MediaError as exc:  # a picture changed after the check: the same finding the check would give
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"cannot write {out}: {exc.strerror or exc}") from None
    click.echo(f"wrote {count} files to {out}")


@main.command()
@ROOT_OPTION
@CONFIG_OPTION
@click.option("--format", "fmt", type=click.Choice(list(EXPORTERS)), required=True, help="Export format.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="File to write; standard output when omitted.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option("--site-url", default=None, help="Published address of the site, for absolute links.")
def export(root: Path, config_file: Path | None, fmt: str, output: Path | None, force: bool,
           site_url: str | None) -> None:
    """Export the checked data in one of the formats the data page offers."""
    if output is not None:
        try:
            check_output_file(output, root, force=force)
        except RefusedOutput as exc:
            raise click.UsageError(str(exc)) from None
    config = _site_config(root, config_file, url=site_url)
    text = run_export(_dataset(root), fmt, config)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_file(output, text)
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from None
    click.echo(f"wrote {output}", err=True)


@main.command()
@ROOT_OPTION
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("schemas"), show_default=True,
              help="Folder for the schemas, relative to --root; the data files' modelines point there.")
def schemas(root: Path, out: Path) -> None:
    """Write the JSON Schemas, with this site's actor kinds, tags and metrics, for editors and other tools.

    Replaces only the *.schema.json files it writes; run it again after changing a vocabulary.
    """
    _require_project(root)
    folder = out if out.is_absolute() else root / out
    try:
        written = write_schemas(folder, site_vocabularies(root))
    except RefusedOutput as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"wrote {len(written)} schemas to {folder}")


@main.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--title", required=True, help="The site's title, e.g. \"The harbour bridge dispute\".")
@click.option("--description", default="", help="One sentence on what the timeline covers.")
def init(folder: Path, title: str, description: str) -> None:
    """Start a new timeline project in FOLDER (new or empty): data, pages, workflows, all with examples.

    The project checks clean and builds at once: `timeline-generator check --strict` and `mkdocs build --strict`.
    """
    try:
        written = make_project(folder, title, description)
    except InitError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"wrote {len(written)} files to {folder}; next, in {folder}: read README.md, then "
               "`timeline-generator check --strict` and `mkdocs serve`")


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
    try:
        path = new_event.target_path(root, parsed, ident)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    rel = path.relative_to(root.resolve()).as_posix()
    if os.path.lexists(path):
        raise click.ClickException(f"{rel} already exists; edit it or choose another --id")
    text = new_event.render_event(ident=ident, date=date, title=title, summary=summary, status=status, actors=actors,
                                  sources=sources, tags=list(tags), date_text=date_text, rel=rel,
                                  schemas=schema_folder(root))
    # The file is checked with the whole project before it is written: new never writes what check refuses.
    _, result = run_check(root, [rel], extra={rel: text.encode("utf-8")})
    if result.failed():
        report_text(result, sys.stdout)
        click.echo(f"nothing written: {rel} would not pass the check; fix the options above and run again")
        sys.exit(1)
    try:
        write_file(path, text)
    except OSError as exc:
        raise click.ClickException(f"cannot write {rel}: {exc.strerror or exc}") from None
    click.echo(f"wrote {rel}")
    report_text(result, sys.stdout)


def _require_id(value: str, pattern, option: str) -> None:
    if not pattern.fullmatch(value) or value in RESERVED_IDS:
        raise click.BadParameter(f"'{printable(value)}' is not a valid id: lower-case ASCII letters, digits and "
                                 "hyphens, as in the data files", param_hint=option)


main.add_command(seeds)
