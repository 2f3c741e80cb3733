"""Calendar arithmetic for the date phrase table, with dateutil's relativedelta.

A rule anchored on the publication day is a function of one day `d` (and of the tense of its
clause) that returns a span: a start and an end point, either of which may be open (None), each
with exactly the precision the phrase gives. Every such rule is monotone: a later publication
day never gives an earlier start or end. So when `published` is an interval, resolving against
its first and last day and taking the start of the one and the end of the other (the hull) covers
every day it may mean, and no more. An open end of `published` leaves that end of the result open.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from ..dates import EDTFDate, Point

Span = tuple[Point | None, Point | None]
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
    ("november", "nov"), ("december", "dec")), start=1) for name in names}
NUMBERS = {word: n for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NUMBERS.update({"a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60})


class Unresolvable(ValueError):
    """The phrase names no real date (31 June), or needs what is not known."""


def number(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS[word]


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def day(d: dt.date, qualifier: str = "") -> Point:
    return Point(d.year, d.month, d.day, qualifier=qualifier)


def month(d: dt.date) -> Point:
    return Point(d.year, d.month)


# -- year inference for dates written without a year ------------------------------------------

def month_year(month_no: int, d: dt.date, future: bool) -> int:
    """The year of the latest such month not after d (past), or of the next not before d (future)."""
    if future:
        return d.year if month_no >= d.month else d.year + 1
    return d.year if month_no <= d.month else d.year - 1


def named_month(month_no: int, modifier: str, d: dt.date, future: bool) -> Point:
    """'in October' by tense; 'last October' the latest before d's month, 'next October' the first after it."""
    if modifier == "last":
        year = d.year if month_no < d.month else d.year - 1
    elif modifier == "next":
        year = d.year if month_no > d.month else d.year + 1
    else:
        year = month_year(month_no, d, future)
    return Point(year, month_no)


def day_in_year(month_no: int, day_no: int, d: dt.date, future: bool) -> dt.date:
    """The latest month_no/day_no not after d (past) or the first not before d (future)."""
    step = 1 if future else -1
    year = d.year
    for _ in range(9):  # 29 February recurs within eight years
        try:
            found = dt.date(year, month_no, day_no)
        except ValueError:
            year += step
            continue
        if (found >= d) if future else (found <= d):
            return found
        year += step
    raise Unresolvable(f"there is no day {day_no} in month {month_no}")


# -- weeks ------------------------------------------------------------------------------------

def monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def last_week(d: dt.date) -> Span:
    start = monday(d) - dt.timedelta(days=7)
    return day(start), day(start + dt.timedelta(days=6))


def earlier_this_week(d: dt.date) -> Span:
    return day(monday(d)), day(d)


def this_week(d: dt.date) -> Span:
    return day(monday(d)), day(monday(d) + dt.timedelta(days=6))


def next_week(d: dt.date) -> Span:
    start = monday(d) + dt.timedelta(days=7)
    return day(start), day(start + dt.timedelta(days=6))


def past_weekend(d: dt.date) -> Span:
    """The last Saturday and Sunday that are over before d (on a Sunday, the weekend before)."""
    sunday = d - dt.timedelta(days=(d.weekday() + 1) % 7 or 7)
    return day(sunday - dt.timedelta(days=1)), day(sunday)


def weekday(name: str, modifier: str, d: dt.date, future: bool) -> Span:
    target = WEEKDAYS.index(name.lower())
    if modifier == "last":
        found = d - dt.timedelta(days=(d.weekday() - target) % 7 or 7)
    elif modifier == "next":
        found = d + dt.timedelta(days=(target - d.weekday()) % 7 or 7)
    elif future:
        found = d + dt.timedelta(days=(target - d.weekday()) % 7)
    else:
        found = d - dt.timedelta(days=(d.weekday() - target) % 7)
    return day(found), day(found)


# -- months, seasons, years -------------------------------------------------------------------

def months_from(d: dt.date, months: int) -> Span:
    found = month(d.replace(day=1) + relativedelta(months=months))
    return found, found


def last_season(name: str, d: dt.date) -> Span:
    """The latest such season that was over before d: 'last autumn' in January 2025 is autumn 2024."""
    season_no, year = SEASONS[name.lower()], d.year
    while Point(year, season=season_no).upper() >= d:
        year -= 1
    found = Point(year, season=season_no)
    return found, found


def years_from(d: dt.date, years: int) -> Span:
    found = Point(d.year + years)
    return found, found


def ago(amount: int, unit: str, d: dt.date, approximate: bool) -> Span:
    """'N days/weeks ago' to the day, 'N months ago' to the month, 'N years ago' to the year."""
    unit = unit.lower().rstrip("s")
    qualifier = "~" if approximate else ""
    if unit == "day":
        found = day(d - dt.timedelta(days=amount), qualifier)
    elif unit == "week":
        found = day(d - dt.timedelta(weeks=amount), qualifier)
    elif unit == "month":
        found = Point(*_ym(d.replace(day=1) - relativedelta(months=amount)), qualifier=qualifier)
    else:
        found = Point(d.year - amount, qualifier=qualifier)
    return found, found


def _ym(d: dt.date) -> tuple[int, int]:
    return d.year, d.month


def within(amount: int, unit: str, d: dt.date, future: bool) -> Span:
    """'within N hours/days/weeks/months': from d back (past) or forward (future) by that much, to the day."""
    unit = unit.lower().rstrip("s")
    if unit == "hour":
        delta = relativedelta(days=-(-amount // 24))  # 24 hours reach one calendar day further
    else:
        delta = relativedelta(**{f"{unit}s": amount})
    if future:
        return day(d), day(d + delta)
    return day(d - delta), day(d)


# -- spans, hulls and EDTF --------------------------------------------------------------------

def hull(at_first: Span | None, at_last: Span | None) -> Span:
    """Start of the first day's span and end of the last day's; None (open) where published is open."""
    start = at_first[0] if at_first is not None else None
    end = at_last[1] if at_last is not None else None
    return start, end


def qualify(span: Span, published: EDTFDate) -> Span:
    """Carry an approximate or uncertain publication date over to what was resolved against it."""
    extra = "".join(q for q, flag in (("~", published.approximate), ("?", published.uncertain)) if flag)
    if not extra:
        return span

    def add(p: Point | None) -> Point | None:
        if p is None or p.season is not None:
            return p  # a season cannot carry a qualifier in this EDTF subset
        marks = set(p.qualifier.replace("%", "~?")) | set(extra)
        return Point(p.year, p.month, p.day, qualifier="%" if marks == {"~", "?"} else marks.pop())
    return add(span[0]), add(span[1])


def edtf(span: Span) -> str:
    start, end = span
    if start is None and end is None:
        raise Unresolvable("the date is open at both ends")
    if start is not None and start == end:
        return start.edtf()
    return f"{start.edtf() if start else '..'}/{end.edtf() if end else '..'}"
