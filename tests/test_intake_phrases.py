"""The date phrase table, rule by rule, against answers worked out by hand with a calendar.

Each case is (sentence, the seed's published date, the phrase expected, its EDTF). The comment on
each group says how the answer was worked out, so a failure can be checked without the code.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator import dates
from generator.intake.phrases import RULES, find_phrases, resolve, since
from generator.intake.sentences import is_future

# 26 June 2024 is a Wednesday: its week runs Monday 24 to Sunday 30 June; the week before, 17 to 23.
WED = "2024-06-26"
CASES = [
    # weeks and weekends
    ("Last week the council met.", WED, "Last week", "2024-06-17/2024-06-23"),
    ("The council met in the week just past.", WED, "the week just past", "2024-06-17/2024-06-23"),
    ("Earlier this week the council met.", WED, "Earlier this week", "2024-06-24/2024-06-26"),
    ("This past weekend the council met.", WED, "This past weekend", "2024-06-22/2024-06-23"),
    ("The council met this week.", WED, "this week", "2024-06-24/2024-06-30"),
    ("The council meets next week.", WED, "next week", "2024-07-01/2024-07-07"),
    # weekdays: the latest not after publication in the past tense, the next not before it in the future
    ("The council met on Friday.", WED, "on Friday", "2024-06-21"),
    ("The council will meet on Friday.", WED, "on Friday", "2024-06-28"),
    ("The council met on Wednesday.", WED, "on Wednesday", "2024-06-26"),
    ("The council met last Wednesday.", WED, "last Wednesday", "2024-06-19"),
    ("The council meets next Wednesday.", WED, "next Wednesday", "2024-07-03"),
    # months
    ("The council met last month.", WED, "last month", "2024-05"),
    ("The council met earlier this month.", WED, "earlier this month", "2024-06"),
    ("The council will meet next month.", WED, "next month", "2024-07"),
    ("The ferry may run as early as next month.", WED, "as early as next month", "2024-07/.."),
    ("The ferry will run within the next month.", WED, "within the next month", "2024-06-26/2024-07-26"),
    # named months without a year: past tense the latest that began by publication, future the next
    ("The council met in October.", WED, "in October", "2023-10"),
    ("The council will meet in October.", WED, "in October", "2024-10"),
    ("The council met in June.", WED, "in June", "2024-06"),
    ("The council met last October.", WED, "last October", "2023-10"),
    ("The council said in October that it will build a bridge.", WED, "in October", "2023-10"),
    # days without a year
    ("The vote took place on June 25.", WED, "on June 25", "2024-06-25"),
    ("The vote took place on June 27.", WED, "on June 27", "2023-06-27"),
    ("The vote will take place on June 27.", WED, "on June 27", "2024-06-27"),
    ("The vote took place on 25 June.", WED, "on 25 June", "2024-06-25"),
    ("The ferry ran between June 8 to the 13th.", WED, "between June 8 to the 13th", "2024-06-08/2024-06-13"),
    ("The ferry ran between December 28 and January 3.", WED, "between December 28 and January 3",
     "2023-12-28/2024-01-03"),
    ("The ferry ran June 8-13.", WED, "June 8-13", "2024-06-08/2024-06-13"),
    # seasons (EDTF 21 spring, 22 summer = June to August, 23 autumn, 24 winter = December to February)
    ("The bridge opened last autumn.", WED, "last autumn", "2023-23"),
    ("The bridge opened last summer.", WED, "last summer", "2023-22"),  # summer 2024 is not over on 26 June
    ("The bridge opened last winter.", WED, "last winter", "2023-24"),  # Dec 2023 to Feb 2024, over by June
    ("Satellite images from the autumn of the previous year showed it.", WED, "the autumn of the previous year",
     "2023-23"),
    # years
    ("The bridge opened last year.", WED, "last year", "2023"),
    ("The bridge opens next year.", WED, "next year", "2025"),
    ("The bridge opened earlier this year.", WED, "earlier this year", "2024"),
    # counted back: days and weeks to the day, months to the month, years to the year; hedged ones '~'
    ("The mayor spoke three days ago.", WED, "three days ago", "2024-06-23"),
    ("The mayor spoke two weeks ago.", WED, "two weeks ago", "2024-06-12"),
    ("The mayor spoke about a week ago.", WED, "about a week ago", "2024-06-19~"),
    ("The mayor spoke some two weeks ago.", WED, "some two weeks ago", "2024-06-12~"),
    ("The mayor spoke two months ago.", WED, "two months ago", "2024-04"),
    ("The bridge opened ten years ago.", WED, "ten years ago", "2014"),
    ("The claims came within 24 hours after the vote.", WED, "within 24 hours", "2024-06-25/2024-06-26"),
    ("The ferry will resume within 48 hours.", WED, "within 48 hours", "2024-06-26/2024-06-28"),
    ("The mayor spoke yesterday.", WED, "yesterday", "2024-06-25"),
    ("The mayor speaks today.", WED, "today", "2024-06-26"),
    ("The mayor will speak tomorrow.", WED, "tomorrow", "2024-06-27"),
    # the time of writing
    ("The ferry is currently closed.", WED, "currently", "2024-06-26"),
    ("The ferry is closed at the present time.", WED, "at the present time", "2024-06-26"),
    ("The ferry recently closed.", WED, "recently", "../2024-06-26"),
    ("The ferry will reopen soon.", WED, "soon", "2024-06-26/.."),
    ("The ferry may reopen in the coming months.", WED, "in the coming months", "2024-06-26/.."),
    # absolute dates need no publication date at all
    ("The bridge opened on 19 June 2021.", None, "on 19 June 2021", "2021-06-19"),
    ("The bridge opened on June 19, 2021.", None, "on June 19, 2021", "2021-06-19"),
    ("The bridge opened on 2021-06-19.", None, "2021-06-19", "2021-06-19"),
    ("The bridge opened in June 2021.", None, "in June 2021", "2021-06"),
    ("The bridge opened in 2019.", None, "in 2019", "2019"),
    ("The bridge opened in autumn 2023.", None, "in autumn 2023", "2023-23"),
    ("It was built in the summer of 2022.", None, "in the summer of 2022", "2022-22"),
    ("The town has not flooded since the 1950-53 works.", None, "1950-53", "1950/1953"),
    ("The ferry ran between October 8 and 13, 2024.", None, "between October 8 and 13, 2024", "2024-10-08/2024-10-13"),
]

# Publication dates that are intervals: resolved against the first and the last day, then the hull.
INTERVAL_CASES = [
    # 25 to 30 June 2024 lie in one week (24 to 30 June): one week before it.
    ("Last week the council met.", "2024-06-25/2024-06-30", "Last week", "2024-06-17/2024-06-23"),
    # 25 June to 3 July 2024 touch two weeks: the weeks before them run 17 to 23 and 24 to 30 June.
    ("Last week the council met.", "2024-06-25/2024-07-03", "Last week", "2024-06-17/2024-06-30"),
    # January or February 2025: 1 January is a Wednesday (latest Friday 27 Dec 2024); 28 February a Friday.
    ("The council met on Friday.", "2025-01/2025-02", "on Friday", "2024-12-27/2025-02-28"),
    ("The council met earlier this month.", "2025-01/2025-02", "earlier this month", "2025-01/2025-02"),
    ("The council met last autumn.", "2025-01/2025-02", "last autumn", "2024-23"),
    ("The council met in October.", "2025-01/2025-02", "in October", "2024-10"),
    ("The bridge opened last year.", "2025-01/2025-02", "last year", "2024"),
    # 20 June (a Friday) to 31 July 2025 (a Thursday)
    ("It was just last month.", "2025-06-20/2025-07", "just last month", "2025-05/2025-06"),
    ("The mayor spoke two weeks ago.", "2025-06-20/2025-07", "two weeks ago", "2025-06-06/2025-07-17"),
    ("This past weekend the town celebrated.", "2025-06-20/2025-07", "This past weekend", "2025-06-14/2025-07-27"),
    ("Earlier this week the town celebrated.", "2025-06-20/2025-07", "Earlier this week", "2025-06-16/2025-07-31"),
    # an open publication date leaves the result open at the same end
    ("The council met last month.", "2024-07/..", "last month", "2024-06/.."),
    # an approximate publication date makes what is resolved against it approximate
    ("The council met last month.", "2024-06~", "last month", "2024-05~"),
]

# The year boundary: an article of Friday 3 January 2025.
YEAR_BOUNDARY = [
    ("The council met last month.", "2025-01-03", "last month", "2024-12"),
    ("Last week the council met.", "2025-01-03", "Last week", "2024-12-23/2024-12-29"),
    ("Earlier this week the council met.", "2025-01-03", "Earlier this week", "2024-12-30/2025-01-03"),
    ("The council met in December.", "2025-01-03", "in December", "2024-12"),
    ("The council met on December 31.", "2025-01-03", "on December 31", "2024-12-31"),
    ("The bridge opened last year.", "2025-01-03", "last year", "2024"),
    ("The council will meet next month.", "2025-01-03", "next month", "2025-02"),
    ("The mayor spoke two weeks ago.", "2025-01-03", "two weeks ago", "2024-12-20"),
]


def _only_phrase(sentence: str, published: str | None, words: str):
    phrases = find_phrases(sentence, lambda s, e: is_future(sentence, s, e))
    matching = [p for p in phrases if p.text == words]
    assert matching, f"{words!r} not found; found {[p.text for p in phrases]}"
    return matching[0], (dates.parse(published) if published else None)


@pytest.mark.parametrize("sentence,published,words,expected", CASES + INTERVAL_CASES + YEAR_BOUNDARY,
                         ids=lambda v: v if isinstance(v, str) and len(v) < 30 else None)
def test_phrase_resolves_to_the_hand_worked_date(sentence, published, words, expected) -> None:
    phrase, pub = _only_phrase(sentence, published, words)
    value, how = resolve(phrase, pub)
    assert value == expected, how
    dates.parse(value)  # every answer is valid EDTF for the checker


@pytest.mark.parametrize("sentence,words", [
    ("The affirmation came a day following the minister's revelation that it was true.",
     "a day following the minister's revelation"),
    ("Following the agreement, the ferry stopped.", "Following the agreement"),
    ("The ferry initially ran at night.", "initially"),
    ("With four months elapsed since the flood, the bridge is open.", "four months elapsed since the flood"),
])
def test_phrases_relative_to_another_happening_stay_unresolved(sentence: str, words: str) -> None:
    phrase, _ = _only_phrase(sentence, None, words)
    value, why = resolve(phrase, dates.parse(WED))
    assert value is None and why


def test_relative_phrases_need_a_publication_date_and_say_so() -> None:
    phrase, _ = _only_phrase("The council met last week.", None, "last week")
    assert resolve(phrase, None) == (None, "needs the seed's publication date")


def test_since_spans_from_the_date_to_publication() -> None:
    sentence = "Since the leaders met in Russia in September, the ferry has run daily."
    phrase, pub = _only_phrase(sentence, "2024-06-25/2024-06-30", "in September")
    assert since(sentence, phrase, pub) == ("Since the leaders met in Russia in September", "2023-09/2024-06-30")


def test_month_and_weekday_names_must_be_capitalised() -> None:
    found = find_phrases("The troops may march on, and a friday market opens.", lambda s, e: False)
    assert found == []


def test_an_impossible_day_is_unresolved_not_invented() -> None:
    phrase, pub = _only_phrase("The vote took place on June 31.", WED, "on June 31")
    value, why = resolve(phrase, pub)
    assert value is None and "no day 31" in why


@pytest.mark.parametrize("published", ["2024-06-25/2024-07-03", "2023-12-20/2024-01-10", "2024-02-20/2024-03-05"])
@pytest.mark.parametrize("sentence,words", [
    ("Last week the council met.", "Last week"), ("The council met on Friday.", "on Friday"),
    ("The council met last month.", "last month"), ("The council met in October.", "in October"),
    ("The mayor spoke about a week ago.", "about a week ago"), ("The bridge opened last winter.", "last winter"),
    ("The ferry will run within the next month.", "within the next month"),
    ("The vote took place on February 29.", "on February 29"), ("This past weekend it rained.", "This past weekend"),
])
def test_the_hull_covers_every_publication_day_and_no_more(published: str, sentence: str, words: str) -> None:
    """Resolved against an interval, a phrase means at least what it means on each of its days, and its
    ends are exactly those of the first and the last day (so it is never wider than it must be)."""
    phrase, pub = _only_phrase(sentence, published, words)
    hull = dates.parse(resolve(phrase, pub)[0])
    day, per_day = pub.earliest(), []
    while day <= pub.latest():
        per_day.append(dates.parse(resolve(phrase, dates.parse(day.isoformat()))[0]))
        day += dt.timedelta(days=1)
    assert all(hull.earliest() <= d.earliest() and d.latest() <= hull.latest() for d in per_day)
    assert hull.earliest() == per_day[0].earliest() and hull.latest() == per_day[-1].latest()


def test_every_rule_of_the_table_is_exercised_here() -> None:
    exercised = set()
    for sentence, published, words, _ in CASES + INTERVAL_CASES + YEAR_BOUNDARY:
        exercised.add(_only_phrase(sentence, published, words)[0].rule.name)
    missing = {r.name for r in RULES if r.kind != "unresolved"} - exercised
    assert missing == set()


def test_every_phrase_rule_and_chrome_rule_is_on_the_about_page() -> None:
    from generator.intake.chrome import CHROME_RULES
    from tests.conftest import REPO

    about = (REPO / "docs" / "about.md").read_text()
    section = about[about.index("## Adding a source document"):]
    missing = [r.name for r in RULES if f"| {r.name} |" not in section]
    missing += [name for name, _, _ in CHROME_RULES if f"| {name} |" not in section]
    assert missing == []
