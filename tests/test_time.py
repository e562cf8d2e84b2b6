"""Time expressions: normalised against the publication date, never against today."""

from __future__ import annotations

import pytest

from newsloom import normalize_time
from newsloom.temporal import find_times
from tests.conftest import needs_shared


@pytest.mark.parametrize(
    ("expression", "reference", "value"),
    [
        ("on Wednesday", "2021-07-29", "2021-07-28"),  # the most recent Wednesday on or before publication
        ("Friday", "2021-08-13", "2021-08-13"),
        ("last Friday", "2021-08-13", "2021-08-06"),
        ("yesterday", "1998-01-08", "1998-01-07"),
        ("last week", "2021-08-13", "2021-W31"),
        ("this week", "2021-08-13", "2021-W32"),
        ("since May", "2021-08-13", "2021-05"),
        ("on August 31", "2021-09-02", "2021-08-31"),
        ("in 2001", "2021-08-13", "2001"),
        ("20 years", "2021-08-13", "P20Y"),
        ("within 48 hours", "2021-08-13", "2021-08-13/2021-08-15"),
        ("by the end of the weekend", "2021-08-13", "2021-W32-WE"),
        ("the third quarter", "1989-10-26", "1989-Q3"),
        ("by year end", "1989-10-26", "1989"),  # spelled open or hyphenated, the year
        ("year-end", "1989-10-26", "1989"),
        ("a year earlier", "1989-10-26", "1988"),
        ("the latest fiscal year", "1989-10-26", "1988"),  # fiscal years are written as calendar years
        ("this fiscal year", "2016-03-15", "2016"),
        ("the prior quarter", "2016-03-15", "2015-Q4"),
        ("the comparable year-ago quarter", "1989-10-26", "1988-Q3"),
        ("the latter half", "2016-03-15", "2016-H2"),
        ("nineteen ninety-one", None, "1991"),
        ("now", None, "PRESENT_REF"),
        ("recently", None, "PAST_REF"),
        ("the summer", "1989-10-26", "1989-SU"),
        ("this past spring", "1989-01-30", "1988-SP"),  # the latest spring that has begun
        ("mid-November", "1989-10-27", "1989-11"),
        ("its fourth quarter", "1989-10-26", "1989-Q4"),
        ("a flat second quarter", "1989-11-01", "1989-Q2"),
        ("this coming Sunday, March eighth", "1998-03-05", "1998-03-08"),  # spelled ordinal day
        ("this coming Sunday", "1998-03-05", "1998-03-08"),  # "coming" looks forward
        ("nearly two weeks ago", "2021-08-13", "2021-W30"),  # hedges do not move the date
        ("the next year or so", "1989-11-02", "1990"),
        ("the winter of nineteen ninety-four", None, "1994-WI"),
        ("the 20th century", None, "19"),  # TIMEX3 writes a century as its two leading digits
        ("in recent weeks and months", None, "PAST_REF"),
        ("at the time", None, "PAST_REF"),
        ("coming quarters", None, "FUTURE_REF"),
        ("this crucial moment", None, "PRESENT_REF"),
        ("weeks ago", None, "PAST_REF"),
        ("the other day", None, "PAST_REF"),
        ("earlier in the day", "2016-03-15", "2016-03-15"),
        ("this past weekend", "2016-03-15", "2016-W10-WE"),  # a Tuesday: the weekend just gone
        ("a decade ago", "2016-03-15", "2006"),
        ("a quarter-century ago", "2016-03-15", "1991"),
        ("the first half of the year", "2016-03-15", "2016-H1"),
        ("Christmas", "2016-03-15", "2015-12-25"),  # the nearest one
        ("next Christmas", "2016-03-15", "2016-12-25"),
        ("Thanksgiving", "2016-11-01", "2016-11-24"),  # the fourth Thursday of November
        ("Election Day", "2016-10-20", "2016-11-08"),  # the Tuesday after the first Monday of November
        ("Memorial Day", "2016-03-15", "2016-05-30"),  # the last Monday of May
        ("New Year’s Day", "2016-03-15", "2016-01-01"),  # a possessive in the name, either apostrophe
    ],
)
def test_normalize_time(expression, reference, value):
    assert normalize_time(expression, reference) == value


def test_relative_expressions_stay_unresolved_without_a_publication_date():
    assert normalize_time("on Wednesday", None) is None
    assert normalize_time("last week", None) is None
    (found,) = find_times("The Pentagon said on Thursday it would act.", None)
    assert found.text == "Thursday" and found.value is None  # kept as text, not resolved against today


def test_year_ago_in_an_earnings_report_is_the_year_ago_quarter():
    report = "Third-quarter profit rose. Quarter sales were flat. Net income was $5 million a year ago."
    assert normalize_time("a year ago", "1989-10-26", report) == "1988-Q3"


def test_find_times_offsets_and_may_the_verb():
    text = "Officials may decide in May. The vote was on August 31, 2021, and talks resume next week."
    found = find_times(text, "2021-09-02")
    assert [(t.text, t.value) for t in found] == [("May", "2021-05"), ("August 31, 2021", "2021-08-31"),
                                                  ("next week", "2021-W36")]
    assert all(text[t.start : t.end] == t.text for t in found)


@needs_shared
def test_seed_times(seed_articles):
    from newsloom.temporal import find_times as ft

    shoigu = seed_articles["002"]
    wednesday = next(t for t in ft(shoigu.body, shoigu.published) if t.text == "Wednesday")
    assert wednesday.value == "2021-07-28"
    undated = seed_articles["003"]
    assert undated.published is None
    relative = [t for t in ft(undated.body, undated.published) if t.text in ("Friday", "Thursday", "this week")]
    assert relative and all(t.value is None for t in relative)


def test_find_times_holidays_decades_and_the_week_just_gone():
    text = "A decade ago, before Christmas, turnout fell. This past weekend it rose again, officials said earlier in the day."
    found = {t.text: t.value for t in find_times(text, "2016-03-15")}
    assert found == {"A decade ago": "2006", "Christmas": "2015-12-25", "This past weekend": "2016-W10-WE",
                     "earlier in the day": "2016-03-15"}


def test_find_times_in_an_earnings_report():
    text = ("Profit rose from the prior quarter and from the comparable year-ago quarter; the company expects "
            "more growth this fiscal year, most of it in the latter half of the year.")
    found = {t.text: t.value for t in find_times(text, "2016-03-15")}
    assert found == {"the prior quarter": "2015-Q4", "the comparable year-ago quarter": "2014-Q4",
                     "this fiscal year": "2016", "the latter half of the year": "2016-H2"}


def test_the_quarter_of_an_earnings_report_is_the_one_it_names():
    report = ("Net income for the fiscal second quarter fell 12% from a year earlier. Sales in the latest period "
              "rose, though the quarter was hurt by a strike.")
    assert normalize_time("the latest period", "1989-10-27", report) == "1989-Q2"
    assert normalize_time("the quarter", "1989-10-27", report) == "1989-Q2"
    assert normalize_time("a year earlier", "1989-10-27", report) == "1988-Q2"
    # two quarters named: the latest one, as before
    both = report + " The third quarter is expected to be weaker."
    assert normalize_time("the latest period", "1989-10-27", both) == "1989-Q3"
