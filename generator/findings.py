"""What the checker finds, kept apart from how it is printed."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one place: `path:line:col: severity: [code] message`."""

    path: str
    line: int
    col: int
    severity: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{printable(self.path)}:{self.line}:{self.col}: {self.severity}: [{self.code}] {printable(self.message)}"

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Result:
    """Every finding of one run, errors and warnings alike."""

    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0

    def extend(self, findings: Iterable[Finding]) -> None:
        self.findings.extend(findings)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    def sorted(self) -> list[Finding]:
        return sorted(set(self.findings))

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))


# A file name or a key can carry a line feed or a bidirectional control: printed raw, it could forge a
# finding on a line of its own or reorder what a reviewer reads. Reporters print these escaped.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff"
                          "\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def printable(text: str) -> str:
    """`text` with every control, bidirectional or invisible character written as a \\uXXXX escape."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def shown(value: object, limit: int = 80) -> str:
    """A value as a message may show it: control and invisible characters escaped, long text cut."""
    text = value if isinstance(value, str) else str(value)
    text = "".join(c if c.isprintable() and c not in "\u200b\u200c\u200d\u2060\ufeff" else f"\\u{ord(c):04x}"
                   for c in text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """'; did you mean 'x'?' for the closest choice, or '' when none is close."""
    normalised = word.replace("_", "-").lower() if isinstance(word, str) else str(word)
    choices = list(choices)
    for choice in choices:
        if choice == normalised:
            return f"; did you mean '{choice}'?"
    close = difflib.get_close_matches(normalised, choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""
