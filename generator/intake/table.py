"""The date phrase table itself: each rule's name, pattern, resolution and meaning, in order.

Rules are tried in this order, and a rule never claims words an earlier one already claimed, so
"as early as next month" is read whole before "next month" could be. Each rule is one of:
  absolute     the phrase carries its own year ("19 June 2024", "in 2023", "autumn 2023");
  day          a function of the publication day (and of the clause's tense), see resolve.py;
  publication  the time of writing itself ("currently"), or open from or up to it;
  unresolved   a time the text gives only relative to another happening ("a day following X").
Month and weekday names must be capitalised, so the verb "may" and the noun "march" are not dates.
The About page lists every rule here by name and meaning; a test keeps the two in step.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..dates import Point
from . import resolve as r
from .resolve import Span, Unresolvable, day, month_number, number

MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
         r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})"
SEASON = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
NUM = (r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
       r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty)")
HEDGE = r"(?:about|around|roughly|some|nearly|almost|approximately|more or less)"
UNITS = r"(?:days?|weeks?|months?|years?)"
ANY_CASE = re.IGNORECASE


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str  # absolute | day | publication | unresolved
    pattern: re.Pattern
    resolve: Callable | None
    meaning: str  # for the About page and for --format json


def _rule(name: str, kind: str, pattern: str, resolve: Callable | None, meaning: str, flags: int = 0) -> Rule:
    return Rule(name, kind, re.compile(pattern, flags), resolve, meaning)


def same(p: Point) -> Span:
    return p, p


def _d(m: dict, key: str = "day") -> int:
    return int(re.match(r"\d+", m[key]).group())


def _day_span(y: int, mo: int, d: int) -> Span:
    try:
        return same(day(r.dt.date(y, mo, d)))
    except ValueError:
        raise Unresolvable(f"{y}-{mo:02d}-{d:02d} is not a real date") from None


def _day_month_year(m: dict) -> Span:
    return _day_span(int(m["year"]), month_number(m["month"] or m["month_b"]),
                     _d(m, "day") if m["day"] else _d(m, "day_b"))


def _range(m: dict, d, future: bool) -> Span:
    """'between October 8 to the 13th', 'June 8-13', 'between December 28 and January 3'."""
    first_month = month_number(m["month"])
    second_month = month_number(m["month2"]) if m.get("month2") else first_month
    if m.get("year"):
        start = _day_span(int(m["year"]), first_month, _d(m))[0]
    else:
        start = day(r.day_in_year(first_month, _d(m), d, future))
    year = start.year + (1 if second_month < first_month else 0)
    end = _day_span(year, second_month, _d(m, "day2"))[1]
    if end.lower() < start.lower():
        raise Unresolvable("the range ends before it starts")
    return start, end


def _year_range(m: dict) -> Span:
    first, second = int(m["year"]), m["year2"]
    end = int(str(first)[:2] + second) if len(second) == 2 else int(second)
    if end > first:
        return Point(first), Point(end)
    if len(second) == 2 and 1 <= int(second) <= 12:
        return same(Point(first, int(second)))  # "2024-10" cannot be a range of years: it is a month
    raise Unresolvable("the years run backwards")


def _month_day(m: dict, d, future: bool) -> Span:
    month = month_number(m["month"] or m["month_b"])
    return same(day(r.day_in_year(month, _d(m, "day") if m["day"] else _d(m, "day_b"), d, future)))


def _next(m: dict, d, future: bool) -> Span:
    unit = m["unit"].lower()
    start = {"week": r.next_week(d)[0], "month": r.months_from(d, 1)[0], "year": r.years_from(d, 1)[0]}[unit]
    return start, None


def _weekday(m: dict, d, future: bool) -> Span:
    modifier = "last" if m["mod"] == "this past" else (m["mod"] or "")
    return r.weekday(m["weekday"], modifier, d, future)


RULES: tuple[Rule, ...] = (
    # -- absolute: the phrase gives its year ----------------------------------------------------
    _rule("iso date", "absolute", rf"\b(?P<year>{YEAR})-(?P<mo>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12][0-9]|3[01])\b",
          lambda m: _day_span(int(m["year"]), int(m["mo"]), int(m["day"])), "that day"),
    _rule("day month year", "absolute",
          rf"\b(?:on )?(?:(?P<day>{DAY}) (?:of )?(?P<month>{MONTH})|(?P<month_b>{MONTH}) (?P<day_b>{DAY}))"
          rf",? (?P<year>{YEAR})\b", _day_month_year, "that day"),
    _rule("month year", "absolute",
          rf"\b(?:(?:in|since|by|during|until|from|early|mid|late|mid-) )?(?P<month>{MONTH}),? (?P<year>{YEAR})\b",
          lambda m: same(Point(int(m["year"]), month_number(m["month"]))), "that month"),
    _rule("season year", "absolute",
          rf"\b(?:(?:in|during|by|since) )?(?:the )?(?P<season>{SEASON}) (?:of )?(?P<year>{YEAR})\b",
          lambda m: same(Point(int(m["year"]), season=r.SEASONS[m["season"].lower()])),
          "that season (EDTF 21 spring, 22 summer, 23 autumn, 24 winter)"),
    _rule("year range", "absolute", rf"\b(?P<year>{YEAR})[-–](?P<year2>[0-9]{{2}}|{YEAR})\b(?![-–/])", _year_range,
          "from the first year to the second ('1950-53'); a month when it can only be YYYY-MM"),
    _rule("year", "absolute",
          rf"\b(?:(?:in|since|by|during|until|till|from|before|after|throughout|early|late) |mid-)(?P<year>{YEAR})\b",
          lambda m: same(Point(int(m["year"]))), "that year"),
    # -- relative to the publication day --------------------------------------------------------
    _rule("between days", "day",
          rf"\b(?:between|from) (?P<month>{MONTH}) (?P<day>{DAY}) (?:and|to|until|-) (?:the )?"
          rf"(?:(?P<month2>{MONTH}) )?(?P<day2>{DAY})(?:,? (?P<year>{YEAR}))?\b",
          _range, "those days; without a year, the year that puts the first day not after publication "
          "(past tense) or not before it (future)"),
    _rule("day range", "day", rf"\b(?P<month>{MONTH}) (?P<day>{DAY})[-–](?P<day2>{DAY})(?:,? (?P<year>{YEAR}))?\b",
          _range, "as 'between days'"),
    _rule("season of the previous year", "day",
          rf"\b(?:the )?(?P<season>{SEASON}) of (?:the )?(?:previous|last|past|preceding) year\b",
          lambda m, d, f: same(Point(d.year - 1, season=r.SEASONS[m["season"].lower()])),
          "that season of the year before the publication year"),
    _rule("last season", "day", rf"\b(?:last|this past|past) (?P<season>{SEASON})\b",
          lambda m, d, f: r.last_season(m["season"], d), "the latest such season that was over before publication"),
    _rule("as early as next", "day", r"\bas early as next (?P<unit>week|month|year)\b", _next,
          "open interval from the next week, month or year on", ANY_CASE),
    _rule("within the next", "day", rf"\bwithin the (?:next|coming) (?:(?P<n>{NUM}) )?(?P<unit>{UNITS})\b",
          lambda m, d, f: r.within(number(m["n"] or "1"), m["unit"], d, True),
          "from the publication day to that long after it", ANY_CASE),
    _rule("within hours", "day", rf"\bwithin (?:the (?:last|past) )?(?P<n>{NUM}) (?P<unit>hours?|days?|weeks?)\b",
          lambda m, d, f: r.within(number(m["n"]), m["unit"], d, f),
          "that long before the publication day (past tense) or after it (future), to the day", ANY_CASE),
    _rule("ago", "day", rf"\b(?:(?P<hedge>{HEDGE}) )?(?P<n>{NUM}) (?P<unit>{UNITS}) ago\b",
          lambda m, d, f: r.ago(number(m["n"]), m["unit"], d, bool(m["hedge"])),
          "N days or weeks before publication to the day, months to the month, years to the year; "
          "'~' (approximate) after about, around, some, nearly", ANY_CASE),
    _rule("last week", "day", r"\b(?:last week|the week just past|the previous week)\b",
          lambda m, d, f: r.last_week(d), "Monday to Sunday of the week before the publication week", ANY_CASE),
    _rule("earlier this week", "day", r"\bearlier this week\b", lambda m, d, f: r.earlier_this_week(d),
          "Monday of the publication week to the publication day", ANY_CASE),
    _rule("this week", "day", r"\b(?:later )?this week\b", lambda m, d, f: r.this_week(d),
          "Monday to Sunday of the publication week", ANY_CASE),
    _rule("next week", "day", r"\bnext week\b", lambda m, d, f: r.next_week(d),
          "the week after the publication week", ANY_CASE),
    _rule("past weekend", "day", r"\b(?:this past|last|over the) weekend\b", lambda m, d, f: r.past_weekend(d),
          "the last Saturday and Sunday over before publication (on a Sunday, the weekend before)", ANY_CASE),
    _rule("last month", "day", r"\b(?:just )?(?:last month|the previous month)\b",
          lambda m, d, f: r.months_from(d, -1), "the month before the publication month", ANY_CASE),
    _rule("this month", "day", r"\b(?:(?:earlier|later|early|late) )?this month\b",
          lambda m, d, f: r.months_from(d, 0), "the publication month", ANY_CASE),
    _rule("next month", "day", r"\bnext month\b", lambda m, d, f: r.months_from(d, 1),
          "the month after the publication month", ANY_CASE),
    _rule("last year", "day", r"\b(?:last year|the previous year)\b", lambda m, d, f: r.years_from(d, -1),
          "the year before the publication year", ANY_CASE),
    _rule("this year", "day", r"\b(?:(?:earlier|later) )?this year\b", lambda m, d, f: r.years_from(d, 0),
          "the publication year", ANY_CASE),
    _rule("next year", "day", r"\bnext year\b", lambda m, d, f: r.years_from(d, 1),
          "the year after the publication year", ANY_CASE),
    _rule("yesterday", "day", r"\byesterday\b", lambda m, d, f: same(day(d - r.dt.timedelta(days=1))),
          "the day before publication", ANY_CASE),
    _rule("today", "day", r"\btoday\b", lambda m, d, f: same(day(d)), "the publication day", ANY_CASE),
    _rule("tomorrow", "day", r"\btomorrow\b", lambda m, d, f: same(day(d + r.dt.timedelta(days=1))),
          "the day after publication", ANY_CASE),
    _rule("weekday", "day", rf"\b(?:(?P<mod>on|last|next|this past|this) )?(?P<weekday>{WEEKDAY})\b", _weekday,
          "the latest such day not after publication (past tense), the first not before it (future); "
          "'last Friday' strictly before, 'next Friday' strictly after"),
    _rule("month day", "day",
          rf"\b(?:(?:on|by|since|until) )?(?:(?P<month>{MONTH}) (?P<day>{DAY})"
          rf"|(?:the )?(?P<day_b>{DAY}) (?:of )?(?P<month_b>{MONTH}))\b", _month_day,
          "that day of the latest such date not after publication (past tense) or the first not before it (future)"),
    _rule("in month", "day",
          rf"\b(?P<prep>in|during|since|until|by|from|early|mid|late|last|next|this)[ -](?P<month>{MONTH})"
          r"\b(?!\.? ?\d)",
          lambda m, d, f: same(r.named_month(month_number(m["month"]), m["prep"], d, f)),
          "the latest such month that began by publication (past tense) or the first that ends on or after it "
          "(future); 'last October' the latest before the publication month, 'next October' the first after it"),
    # -- the time of writing ----------------------------------------------------------------------
    _rule("currently", "publication",
          r"\b(?:currently|at present|at the present time|at this moment|at the moment|presently|as of now)\b",
          lambda m, p: (p.start, p.end), "the publication date itself", ANY_CASE),
    _rule("recently", "publication", r"\b(?:recently|lately|to date|so far|as yet)\b", lambda m, p: (None, p.end),
          "open interval up to publication (no later than it)", ANY_CASE),
    _rule("soon", "publication",
          r"\b(?:soon|shortly|in the (?:coming|next) (?:few )?(?:days|weeks|months)|in the near future)\b",
          lambda m, p: (p.start, None), "open interval from publication on", ANY_CASE),
    # -- named but not resolvable from the text alone ---------------------------------------------
    _rule("relative to another event", "unresolved",
          rf"\b(?:{NUM}|several|a few) {UNITS} (?:after|before|following|later|earlier|elapsed since|since)\b"
          r"(?:\s+(?!that\b|which\b|who\b)[\w’'-]+\.?){0,8}",
          None, "counted from another happening, whose date the sentence does not give", ANY_CASE),
    _rule("following an event", "unresolved",
          r"\b(?:following|after|prior to|ahead of|in the wake of) the [a-z]+(?: [a-z]+)?\b",
          None, "before or after another happening, whose date the sentence does not give", ANY_CASE),
    _rule("vague", "unresolved",
          r"\b(?:initially|later|previously|earlier|eventually|in the past|at the time|at such time as)\b",
          None, "a time with no anchor in the text", ANY_CASE),
)
BY_NAME = {rule.name: rule for rule in RULES}
