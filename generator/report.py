"""Reporters: the same Result printed for people, for GitHub and for programs."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TextIO

from .findings import Result, printable


def _escape_data(text: str) -> str:
    # GitHub workflow commands: %, CR and LF must be escaped in the message; other controls are shown escaped.
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    # A file name is shown with its controls escaped, never decoded back into a line break by GitHub.
    return printable(text).replace("%", "%25").replace(":", "%3A").replace(",", "%2C")


def _summary(result: Result) -> str:
    errors, warnings = len(result.errors), len(result.warnings)
    if errors or warnings:
        return f"{errors} error(s), {warnings} warning(s) in {result.files_checked} file(s)"
    return f"{result.files_checked} file(s) checked, no problems found"


def report_text(result: Result, out: TextIO) -> None:
    for finding in result.sorted():
        print(finding, file=out)
    print(_summary(result), file=out)


def report_github(result: Result, out: TextIO) -> None:
    """Workflow commands that GitHub turns into inline annotations on the pull request."""
    for f in result.sorted():
        kind = "error" if f.severity == "error" else "warning"
        props = (f"file={_escape_property(f.path)},line={f.line},col={f.col},"
                 f"title={_escape_property(f'[{f.code}]')}")
        print(f"::{kind} {props}::{_escape_data(f.message)}", file=out)
    print(_summary(result), file=out)


def report_json(result: Result, out: TextIO) -> None:
    # Every non-ASCII character as a \\u escape: lossless for programs, and inert in any terminal.
    json.dump([f.as_dict() for f in result.sorted()], out, indent=2, ensure_ascii=True)
    out.write("\n")


REPORTER_BY_NAME: dict[str, Callable[[Result, TextIO], None]] = {
    "text": report_text,
    "github": report_github,
    "json": report_json,
}
