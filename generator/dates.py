"""A strict subset of EDTF (ISO 8601-2) for dates known to some precision.

Accepted forms, always as text:

    2024            year
    2024-10         month
    2024-10-08      day
    2023-23         season (21 spring, 22 summer, 23 autumn, 24 winter)
    2024-10~        one qualifier at the end: ~ approximate, ? uncertain, % both
    2024-10-08/2024-10-13   interval, start <= end
    2024-07/..  ../2024-10-13   open at one end

Nothing is ever filled in from today's date, so builds are reproducible.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import total_ordering

PRECISIONS = ("year", "season", "month", "day")  # coarsest first
SEASONS = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}
# First month of each season and how many months it spans (winter is Dec-Feb).
SEASON_MONTHS = {21: 3, 22: 6, 23: 9, 24: 12}
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# The years a date may name. Python's calendar runs from 1 to 9999; the last year is kept free so
# that every span the site draws (an iCalendar entry's exclusive end, a chart's margin) stays inside it.
MIN_YEAR, MAX_YEAR = 1, 9998
_POINT = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?(?P<q>[~?%])?")
OPEN = ".."


class DateError(ValueError):
    """A date string that is not in the accepted EDTF subset."""


@dataclass(frozen=True, slots=True)
class Point:
    """One end of a date: a year, season, month or day, maybe qualified."""

    year: int
    month: int | None = None
    day: int | None = None
    season: int | None = None
    qualifier: str = ""

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        if self.season is not None:
            return "season"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def approximate(self) -> bool:
        return self.qualifier in ("~", "%")

    @property
    def uncertain(self) -> bool:
        return self.qualifier in ("?", "%")

    def lower(self) -> dt.date:
        """The first day this point may mean."""
        if self.season is not None:
            return dt.date(self.year, SEASON_MONTHS[self.season], 1)
        return dt.date(self.year, self.month or 1, self.day or 1)

    def upper(self) -> dt.date:
        """The last day this point may mean."""
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        if self.season is not None:
            first = SEASON_MONTHS[self.season]
            year, month = (self.year + 1, 2) if self.season == 24 else (self.year, first + 2)
            return dt.date(year, month, calendar.monthrange(year, month)[1])
        if self.month is not None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    def edtf(self) -> str:
        if self.season is not None:
            text = f"{self.year:04d}-{self.season}"
        elif self.day is not None:
            text = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        elif self.month is not None:
            text = f"{self.year:04d}-{self.month:02d}"
        else:
            text = f"{self.year:04d}"
        return text + self.qualifier

    def display(self, *, with_year: bool = True, with_month: bool = True) -> str:
        """Human form without qualifiers, e.g. '8 Oct 2024', 'Oct 2024', 'Autumn 2023'."""
        if self.season is not None:
            return f"{SEASONS[self.season]} {self.year}"
        parts = []
        if self.day is not None:
            parts.append(str(self.day))
        if self.month is not None and with_month:
            parts.append(MONTH_ABBR[self.month - 1])
        if with_year:
            parts.append(str(self.year))
        return " ".join(parts)


@total_ordering
@dataclass(frozen=True, slots=True)
class EDTFDate:
    """A point or an interval; `start` or `end` is None when open."""

    text: str
    start: Point | None
    end: Point | None

    @property
    def is_interval(self) -> bool:
        return self.start is not self.end

    @property
    def known(self) -> Point:
        """The start if known, else the end (never both open)."""
        point = self.start if self.start is not None else self.end
        assert point is not None, "parse() never makes a date open at both ends"
        return point

    @property
    def last(self) -> Point:
        """The end if known, else the start."""
        point = self.end if self.end is not None else self.start
        assert point is not None, "parse() never makes a date open at both ends"
        return point

    @property
    def precision(self) -> str:
        return self.known.precision

    @property
    def approximate(self) -> bool:
        return any(p is not None and p.approximate for p in (self.start, self.end))

    @property
    def uncertain(self) -> bool:
        return any(p is not None and p.uncertain for p in (self.start, self.end))

    def lower(self) -> dt.date | None:
        return self.start.lower() if self.start is not None else None

    def upper(self) -> dt.date | None:
        return self.end.upper() if self.end is not None else None

    def earliest(self) -> dt.date:
        """The earliest day the date may mean, even when its start is open."""
        return self.known.lower()

    def latest(self) -> dt.date:
        """The latest day the date may mean, even when its end is open."""
        return self.last.upper()

    def sort_key(self) -> tuple:
        """Known start, coarsest precision first, then end."""
        point = self.known
        end = self.end.upper() if self.end is not None else dt.date.max
        return (point.lower(), PRECISIONS.index(point.precision), end)

    def __lt__(self, other: EDTFDate) -> bool:
        return (self.sort_key(), self.text) < (other.sort_key(), other.text)

    def display(self) -> str:
        """'8–13 Oct 2024', 'c. Oct 2024', 'Autumn 2023', 'from Jul 2024', 'by 13 Oct 2024'."""
        if self.start is None:
            return "by " + _qualified(self.last, self.last.display())
        if self.end is None:
            return "from " + _qualified(self.start, self.start.display())
        if not self.is_interval:
            return _qualified(self.start, self.start.display())
        start, end = self.start, self.end
        same_year = start.year == end.year and start.season is None and end.season is None
        same_month = same_year and start.month == end.month and start.precision == end.precision == "day"
        if same_month and not start.qualifier:
            head = str(start.day)
        elif same_year and start.precision == end.precision and not start.qualifier:
            head = start.display(with_year=False)
        else:
            head = _qualified(start, start.display())
            return f"{head} – {_qualified(end, end.display())}"
        return f"{head}–{_qualified(end, end.display())}"

    def __str__(self) -> str:
        return self.text


def _qualified(point: Point, text: str) -> str:
    if point.approximate:
        text = "c. " + text
    if point.uncertain:
        text += " (?)"
    return text


def _parse_point(text: str) -> Point:
    match = _POINT.fullmatch(text)
    if match is None:
        raise DateError(f"'{text}' is not a date of the form YYYY, YYYY-MM, YYYY-MM-DD or YYYY-SS (season 21-24), "
                        "with an optional ~, ? or % at the end")
    year = int(match["year"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(f"'{text}' has year {match['year']}; years run from {MIN_YEAR:04d} to {MAX_YEAR:04d}")
    qualifier = match["q"] or ""
    if match["month"] is None:
        return Point(year, qualifier=qualifier)
    month = int(match["month"])
    if 21 <= month <= 24 and match["day"] is None:
        if qualifier:
            raise DateError(f"'{text}': a season cannot carry ~, ? or %; it is already a span of months")
        return Point(year, season=month)
    if not 1 <= month <= 12:
        raise DateError(f"'{text}' has month {month:02d}; months are 01-12 and seasons 21-24")
    if match["day"] is None:
        return Point(year, month, qualifier=qualifier)
    day = int(match["day"])
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateError(f"'{text}' is not a real date: {MONTH_ABBR[month - 1]} {year} has {last} days")
    return Point(year, month, day, qualifier=qualifier)


def parse(text: str) -> EDTFDate:
    """Parse one date or interval; raise DateError with a readable reason."""
    if not isinstance(text, str):
        raise DateError("a date must be a quoted string such as \"2024-10-08\"")
    if "/" not in text:
        if text == OPEN:
            raise DateError("'..' alone is not a date")
        point = _parse_point(text)
        return EDTFDate(text, point, point)
    left, sep, right = text.partition("/")
    if "/" in right:
        raise DateError(f"'{text}' has more than one '/'; an interval is START/END")
    if left == OPEN and right == OPEN:
        raise DateError(f"'{text}' is open at both ends; give at least one")
    start = None if left == OPEN else _parse_point(left)
    end = None if right == OPEN else _parse_point(right)
    if start is not None and end is not None and start.lower() > end.upper():
        raise DateError(f"'{text}' ends before it starts")
    return EDTFDate(text, start, end)
