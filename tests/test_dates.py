"""The EDTF subset: parsing, rejection, sorting and display, with the edtf package as oracle."""

from __future__ import annotations

import datetime as dt

import edtf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator import dates

ACCEPTED = ["2024", "2024-10", "2024-10-08", "2023-23", "2024-24", "2024-10~", "2024-10-23?", "2024-10%",
            "2024-10-08/2024-10-13", "2024-07/..", "../2024-10-13", "2024-02-29", "2024-21/2024-22"]
REJECTED = ["", "24", "2024-13", "2024-00", "2024-02-30", "2023-02-29", "2024-25", "2024-10-08~?", "../..", "..",
            "2024-10-13/2024-10-08", "2024/2025/2026", "2024-10-8", "2024-1", " 2024", "2024 ", "2024-10-08T12:00",
            "2024-23-01", "２０２４", "2024\n", "2023-23~"]


@pytest.mark.parametrize("text", ACCEPTED)
def test_accepted_forms_are_valid_edtf(text: str) -> None:
    dates.parse(text)
    edtf.parse_edtf(text)


@pytest.mark.parametrize("text", REJECTED)
def test_rejected_forms_raise_date_error(text: str) -> None:
    with pytest.raises(dates.DateError):
        dates.parse(text)


POINTS = st.builds(
    lambda y, m, d, q, kind: (f"{y:04d}" if kind == 0 else f"{y:04d}-{m:02d}" if kind == 1
                              else f"{y:04d}-{m + 20 if m <= 4 else 21}" if kind == 2 else f"{y:04d}-{m:02d}-{d:02d}") + q,
    st.integers(1900, 2100), st.integers(1, 12), st.integers(1, 28), st.sampled_from(["", "~", "?", "%"]),
    st.integers(0, 3)).filter(lambda text: not (len(text) == 8 and text[5] == "2" and text[-1] in "~?%"))


@given(POINTS)
def test_every_generated_point_is_valid_edtf_and_round_trips(text: str) -> None:
    parsed = dates.parse(text)
    assert parsed.start.edtf() == text
    edtf.parse_edtf(text)
    assert parsed.earliest() <= parsed.latest()


@given(POINTS, POINTS)
def test_intervals_parse_exactly_when_ordered_and_are_valid_edtf(a: str, b: str) -> None:
    first, second = dates.parse(a), dates.parse(b)
    text = f"{a}/{b}"
    if first.earliest() <= second.latest():
        assert dates.parse(text).is_interval
        edtf.parse_edtf(text)
    else:
        with pytest.raises(dates.DateError):
            dates.parse(text)


def test_bounds() -> None:
    assert dates.parse("2024-24").latest() == dt.date(2025, 2, 28)
    assert dates.parse("2023-23").earliest() == dt.date(2023, 9, 1)
    assert dates.parse("2024-02").latest() == dt.date(2024, 2, 29)
    assert dates.parse("../2024-10-13").earliest() == dt.date(2024, 10, 13)


def test_sort_puts_coarser_first_within_the_same_start() -> None:
    texts = ["2024-10-08", "2024-10", "2024", "2024-10-08/2024-10-13", "2023-23", "2024-09", "../2024-10-01", "2024-10-01"]
    ordered = [d.text for d in sorted(dates.parse(t) for t in texts)]
    assert ordered == ["2023-23", "2024", "2024-09", "2024-10", "../2024-10-01", "2024-10-01",
                       "2024-10-08", "2024-10-08/2024-10-13"]


@pytest.mark.parametrize("text, shown", [
    ("2024-10-08/2024-10-13", "8–13 Oct 2024"),
    ("2024-10~", "c. Oct 2024"),
    ("2023-23", "Autumn 2023"),
    ("2024-07/..", "from Jul 2024"),
    ("../2024-10-13", "by 13 Oct 2024"),
    ("2024-10-23?", "23 Oct 2024 (?)"),
    ("2024-10-23%", "c. 23 Oct 2024 (?)"),
    ("2024-10/2024-11", "Oct–Nov 2024"),
    ("2024-09-28/2024-10-13", "28 Sep–13 Oct 2024"),
    ("2024-11/2025-07", "Nov 2024 – Jul 2025"),
    ("2024", "2024"),
])
def test_display(text: str, shown: str) -> None:
    assert dates.parse(text).display() == shown
