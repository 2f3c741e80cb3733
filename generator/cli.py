"""Command line: `python -m generator check|pages|export|new`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import export as exports
from .model import DataError, load_dataset
from .outputs import site_files, write_file, write_folder
from .pages import Settings
from .report import REPORTER_BY_NAME, report_text
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
    if not root.is_dir():
        raise click.UsageError(f"--root {root} is not a folder")
    only = [_relative(root, p) for p in paths]
    _, result = run_check(root, only or None)
    REPORTER_BY_NAME[fmt](result, sys.stdout)
    sys.exit(1 if result.failed(strict) else 0)


def _relative(root: Path, path: str) -> str:
    """PATHS may be given relative to the current folder or to --root; findings use --root."""
    candidate = Path(path)
    try:
        return candidate.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return candidate.as_posix()


def _dataset(root: Path):
    """The checked dataset, or the checker's findings and exit status 1."""
    if not root.is_dir():
        raise click.UsageError(f"--root {root} is not a folder")
    try:
        data, _ = load_dataset(root)
    except DataError as exc:
        report_text(exc.result, sys.stderr)
        sys.exit(1)
    return data


@main.command()
@ROOT_OPTION
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write the pages into (replaced as a whole).")
@click.option("--site-name", default="North Korea's military support to Russia", show_default=True)
@click.option("--repo-url", default=None, help="Repository address, for 'suggest a correction' links.")
def pages(root: Path, out: Path, site_name: str, repo_url: str | None) -> None:
    """Write the generated pages, assets and schemas to a folder, for any static site builder."""
    data = _dataset(root)
    count = write_folder(out, site_files(data, Settings(site_name=site_name, repo_url=repo_url), root))
    click.echo(f"wrote {count} files to {out}")


@main.command()
@ROOT_OPTION
@click.option("--format", "fmt", type=click.Choice(exports.FORMATS), required=True, help="Export format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (replaced whole); standard output when omitted.")
@click.option("--site-url", default=None, help="Published address of the site, for absolute links.")
def export(root: Path, fmt: str, output: Path | None, site_url: str | None) -> None:
    """Export the checked data as json, csv, ics, timelinejs or atom."""
    data = _dataset(root)
    text = exports.export(data, fmt, site_url=site_url, root=root)
    if output is None:
        sys.stdout.write(text)
        return
    write_file(output, text)
    click.echo(f"wrote {output}", err=True)

