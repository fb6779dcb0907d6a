"""The periods of `!beeld`, `!risico` and `!verantwoording`: each form's windows in UTC, the one it
is compared with, and their labels, on fixed clocks in winter and around both clock changes."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from commands.core.registry import UsageError
from commands.picture.periods import Span, resolve_span
from commands.texts.periods import PERIOD_HELP
from storage.figures import Window

ZONE = ZoneInfo("Europe/Amsterdam")
#: Tuesday 1 December 2026, 21:30 in Amsterdam (winter time, 20:30 UTC); ISO week 49.
DECEMBER = datetime(2026, 12, 1, 21, 30, tzinfo=ZONE)
#: Monday 30 March 2026, 10:00 summer time (08:00 UTC): the clocks went forward yesterday.
SPRING = datetime(2026, 3, 30, 10, 0, tzinfo=ZONE)
#: Friday 10 April 2026, 12:00 summer time.
APRIL = datetime(2026, 4, 10, 12, 0, tzinfo=ZONE)
#: Monday 26 October 2026, 09:00 winter time (08:00 UTC): the clocks went back yesterday.
AUTUMN = datetime(2026, 10, 26, 9, 0, tzinfo=ZONE)
#: The agenda before: Tuesday 24 November 2026, 14:05 in Amsterdam.
LAST_AGENDA = datetime(2026, 11, 24, 13, 5, tzinfo=UTC)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def span(period: str | None, now: datetime = DECEMBER) -> Span:
    return resolve_span(period, now, ZONE, Window(LAST_AGENDA, now.astimezone(UTC)))


def windows(period: str | None, now: datetime = DECEMBER) -> tuple[Window, Window]:
    found = span(period, now)
    return found.current, found.previous


def labels(period: str | None, now: datetime = DECEMBER) -> tuple[str, str]:
    found = span(period, now)
    return found.label, found.previous_label


def refused(period: str, now: datetime = DECEMBER) -> str:
    with pytest.raises(UsageError) as caught:
        span(period, now)
    return str(caught.value)


NOW = utc(2026, 12, 1, 20, 30)


# The last days or weeks: wall-clock days back from now.


@pytest.mark.parametrize(
    "period",
    ["14d", "14 d", "14D", "14 dagen", "14  Dagen", "de laatste 14 dagen", "afgelopen 14 dagen"],
)
def test_fourteen_days_are_the_last_fourteen_and_the_fourteen_before(period: str) -> None:
    assert windows(period) == (
        Window(utc(2026, 11, 17, 20, 30), NOW),
        Window(utc(2026, 11, 3, 20, 30), utc(2026, 11, 17, 20, 30)),
    )
    assert labels(period) == ("de laatste 14 dagen", "de 14 dagen daarvoor")


@pytest.mark.parametrize("period", ["3w", "3 weken", "3 wk", "drie weken"])
def test_three_weeks_before_the_clocks_went_back_start_at_the_same_time_of_day(
    period: str,
) -> None:
    current, previous = windows(period)
    assert current == Window(utc(2026, 11, 10, 20, 30), NOW)
    # 20 October 21:30 was summer time: those three weeks are an hour longer.
    assert previous == Window(utc(2026, 10, 20, 19, 30), utc(2026, 11, 10, 20, 30))
    assert previous.length == timedelta(days=21, hours=1)
    assert labels(period) == ("de laatste 3 weken", "de 3 weken daarvoor")


def test_one_day_and_one_week_read_in_the_singular() -> None:
    assert windows("1 dag") == (
        Window(utc(2026, 11, 30, 20, 30), NOW),
        Window(utc(2026, 11, 29, 20, 30), utc(2026, 11, 30, 20, 30)),
    )
    assert labels("1 dag") == ("de laatste dag", "de dag daarvoor")
    assert labels("een week") == ("de laatste week", "de week daarvoor")
    assert windows("1w")[0] == Window(utc(2026, 11, 24, 20, 30), NOW)


def test_the_last_day_after_the_clocks_went_forward_is_23_hours_long() -> None:
    current, previous = windows("1 dag", SPRING)
    # Sunday 29 March 10:00 was already summer time, Saturday 10:00 was not.
    assert current == Window(utc(2026, 3, 29, 8), utc(2026, 3, 30, 8))
    assert previous == Window(utc(2026, 3, 28, 9), utc(2026, 3, 29, 8))
    assert previous.length == timedelta(hours=23)


def test_the_day_before_the_clocks_went_back_is_25_hours_long() -> None:
    current, previous = windows("1 dag", AUTUMN)
    assert current == Window(utc(2026, 10, 25, 8), utc(2026, 10, 26, 8))
    assert previous == Window(utc(2026, 10, 24, 7), utc(2026, 10, 25, 8))
    assert previous.length == timedelta(hours=25)


# This week, month or year so far; the previous one whole.


@pytest.mark.parametrize("period", ["week", "deze week", "Deze  Week", "dezeweek"])
def test_this_week_so_far_against_the_same_part_of_last_week(period: str) -> None:
    assert windows(period) == (
        Window(utc(2026, 11, 29, 23), NOW),  # Monday 30 November, midnight
        Window(utc(2026, 11, 22, 23), utc(2026, 11, 24, 20, 30)),  # to Tuesday 21:30
    )
    assert labels(period) == ("week 49 van 2026 tot nu", "hetzelfde deel van week 48 van 2026")


@pytest.mark.parametrize("period", ["maand", "deze maand", "december", "dec", "december 2026"])
def test_this_month_so_far_against_the_same_part_of_last_month(period: str) -> None:
    assert windows(period) == (
        Window(utc(2026, 11, 30, 23), NOW),
        Window(utc(2026, 10, 31, 23), utc(2026, 11, 1, 20, 30)),
    )
    assert labels(period) == ("december 2026 tot nu", "hetzelfde deel van november 2026")


@pytest.mark.parametrize("period", ["jaar", "dit jaar", "2026"])
def test_this_year_so_far_against_the_same_part_of_last_year(period: str) -> None:
    assert windows(period) == (
        Window(utc(2025, 12, 31, 23), NOW),
        Window(utc(2024, 12, 31, 23), utc(2025, 12, 1, 20, 30)),
    )
    assert labels(period) == ("2026 tot nu", "hetzelfde deel van 2025")


def test_a_month_so_far_longer_than_the_month_before_is_compared_with_all_of_it() -> None:
    current, previous = windows("maand", SPRING)
    assert current == Window(utc(2026, 2, 28, 23), utc(2026, 3, 30, 8))
    assert previous == Window(utc(2026, 1, 31, 23), utc(2026, 2, 28, 23))
    assert labels("maand", SPRING) == ("maart 2026 tot nu", "februari 2026")


def test_this_month_after_the_clocks_went_back_compares_the_same_wall_clock_stretch() -> None:
    current, previous = windows("oktober", AUTUMN)
    assert current == Window(utc(2026, 9, 30, 22), utc(2026, 10, 26, 8))
    # 25 days and 9 hours on the wall clock: to 26 September 09:00, summer time.
    assert previous == Window(utc(2026, 8, 31, 22), utc(2026, 9, 26, 7))
    assert labels("oktober", AUTUMN) == ("oktober 2026 tot nu", "hetzelfde deel van september 2026")


def test_this_week_on_a_monday_morning_after_the_clocks_went_forward() -> None:
    assert windows("week", SPRING) == (
        Window(utc(2026, 3, 29, 22), utc(2026, 3, 30, 8)),
        Window(utc(2026, 3, 22, 23), utc(2026, 3, 23, 9)),
    )
    assert labels("week", SPRING) == (
        "week 14 van 2026 tot nu",
        "hetzelfde deel van week 13 van 2026",
    )


@pytest.mark.parametrize("period", ["vorige week", "Vorige week", "vorigeweek"])
def test_last_week_whole_against_the_week_before(period: str) -> None:
    assert windows(period) == (
        Window(utc(2026, 11, 22, 23), utc(2026, 11, 29, 23)),
        Window(utc(2026, 11, 15, 23), utc(2026, 11, 22, 23)),
    )
    assert labels(period) == ("week 48 van 2026", "week 47 van 2026")


def test_the_week_in_which_the_clocks_went_forward_lasts_an_hour_less() -> None:
    current, previous = windows("vorige week", SPRING)
    assert current == Window(utc(2026, 3, 22, 23), utc(2026, 3, 29, 22))
    assert current.length == timedelta(days=7, hours=-1)
    assert previous == Window(utc(2026, 3, 15, 23), utc(2026, 3, 22, 23))
    assert labels("vorige week", SPRING) == ("week 13 van 2026", "week 12 van 2026")


def test_the_week_in_which_the_clocks_went_back_lasts_an_hour_more() -> None:
    current, _ = windows("vorige week", AUTUMN)
    assert current == Window(utc(2026, 10, 18, 22), utc(2026, 10, 25, 23))
    assert current.length == timedelta(days=7, hours=1)
    assert labels("vorige week", AUTUMN)[0] == "week 43 van 2026"


@pytest.mark.parametrize(
    "period", ["vorige maand", "november", "nov", "nov.", "NOV", "november 2026"]
)
def test_last_month_whole_against_the_month_before(period: str) -> None:
    current, previous = windows(period)
    assert current == Window(utc(2026, 10, 31, 23), utc(2026, 11, 30, 23))
    assert previous == Window(utc(2026, 9, 30, 22), utc(2026, 10, 31, 23))
    assert previous.length == timedelta(days=31, hours=1)  # October: the clocks went back
    assert labels(period) == ("november 2026", "oktober 2026")


def test_march_lasts_31_days_less_an_hour() -> None:
    current, previous = windows("vorige maand", APRIL)
    assert current == Window(utc(2026, 2, 28, 23), utc(2026, 3, 31, 22))
    assert current.length == timedelta(days=31, hours=-1)
    assert previous == Window(utc(2026, 1, 31, 23), utc(2026, 2, 28, 23))
    assert labels("maart", APRIL) == ("maart 2026", "februari 2026")


@pytest.mark.parametrize("period", ["vorig jaar", "2025"])
def test_last_year_whole_against_the_year_before(period: str) -> None:
    assert windows(period) == (
        Window(utc(2024, 12, 31, 23), utc(2025, 12, 31, 23)),
        Window(utc(2023, 12, 31, 23), utc(2024, 12, 31, 23)),
    )
    assert labels(period) == ("2025", "2024")


# Named months.


def test_a_month_with_a_year_is_that_month() -> None:
    assert windows("november 2025") == (
        Window(utc(2025, 10, 31, 23), utc(2025, 11, 30, 23)),
        Window(utc(2025, 9, 30, 22), utc(2025, 10, 31, 23)),
    )
    assert labels("nov 2025") == ("november 2025", "oktober 2025")


def test_a_month_not_begun_this_year_is_last_years() -> None:
    assert windows("november", SPRING)[0] == Window(utc(2025, 10, 31, 23), utc(2025, 11, 30, 23))
    assert labels("november", SPRING) == ("november 2025", "oktober 2025")
    assert labels("sept") == ("september 2026", "augustus 2026")


@pytest.mark.parametrize(
    ("period", "label"),
    [
        ("jan", "januari 2026"),
        ("feb.", "februari 2026"),
        ("mrt", "maart 2026"),
        ("april", "april 2026"),
        ("mei", "mei 2026"),
        ("jun", "juni 2026"),
        ("juli", "juli 2026"),
        ("aug", "augustus 2026"),
        ("sep", "september 2026"),
        ("okt", "oktober 2026"),
    ],
)
def test_every_month_reads_by_its_abbreviation(period: str, label: str) -> None:
    assert labels(period)[0] == label


def test_january_is_compared_with_december_of_the_year_before() -> None:
    assert windows("januari 2026") == (
        Window(utc(2025, 12, 31, 23), utc(2026, 1, 31, 23)),
        Window(utc(2025, 11, 30, 23), utc(2025, 12, 31, 23)),
    )
    assert labels("januari 2026")[1] == "december 2025"


# Since a day.


@pytest.mark.parametrize(
    "period",
    [
        "sinds 1 nov",
        "sinds 1 nov.",
        "sinds 1 november",
        "Sinds 1 November 2026",
        "sinds 2026-11-01",
        "sinds 1-11-2026",
        "sinds 01/11/26",
        "vanaf 1 nov",
    ],
)
def test_since_a_day_is_from_its_midnight_against_as_long_before(period: str) -> None:
    current, previous = windows(period)
    assert current == Window(utc(2026, 10, 31, 23), NOW)
    # 30 days, 21 hours and 30 minutes back, in real hours.
    assert previous == Window(utc(2026, 10, 1, 1, 30), utc(2026, 10, 31, 23))
    assert labels(period) == ("sinds 1 november 2026", "de even lange periode daarvoor")


def test_since_a_day_without_a_year_still_to_come_is_last_years() -> None:
    assert windows("sinds 2 dec")[0] == Window(utc(2025, 12, 1, 23), NOW)
    assert labels("sinds 2 dec")[0] == "sinds 2 december 2025"


def test_since_today_is_from_midnight() -> None:
    assert windows("sinds 1 december")[0] == Window(utc(2026, 11, 30, 23), NOW)


def test_since_a_leap_day_in_a_leap_year() -> None:
    assert windows("sinds 29 feb 2024")[0] == Window(utc(2024, 2, 28, 23), NOW)


# No period.


def test_no_period_is_the_default_against_as_long_before() -> None:
    for period in (None, "", "  "):
        current, previous = windows(period)
        assert current == Window(LAST_AGENDA, NOW)
        assert previous == Window(utc(2026, 11, 17, 5, 40), LAST_AGENDA)  # 7 days 7:25 before
        assert labels(period) == ("sinds 24 nov 14:05", "de even lange periode daarvoor")


def test_a_default_reaching_past_now_stops_at_now() -> None:
    found = resolve_span(None, DECEMBER, ZONE, Window(LAST_AGENDA, utc(2026, 12, 8)))
    assert found.current == Window(LAST_AGENDA, NOW)


def test_a_default_that_ended_is_named_from_and_to() -> None:
    ended = Window(utc(2026, 11, 17, 9), utc(2026, 11, 24, 9))
    found = resolve_span(None, DECEMBER, ZONE, ended)
    assert found.current == ended
    assert found.previous == Window(utc(2026, 11, 10, 9), utc(2026, 11, 17, 9))
    assert found.label == "17 nov 10:00 tot 24 nov 10:00"


def test_now_in_any_zone_is_the_same_moment() -> None:
    assert resolve_span("14d", NOW, ZONE, Window(LAST_AGENDA, NOW)) == span("14d")


# Refusals.


@pytest.mark.parametrize(
    ("period", "problem"),
    [
        ("2027", "'2027' is nog niet begonnen: dat begint op 1 januari 2027."),
        ("januari 2027", "'januari 2027' is nog niet begonnen: dat begint op 1 januari 2027."),
        (
            "sinds 2 december 2026",
            "'sinds 2 december 2026' is nog niet begonnen: dat begint op 2 december 2026.",
        ),
        ("sinds 31 november", "31 november bestaat niet."),
        ("sinds 31-11-2026", "31 november 2026 bestaat niet."),
        ("sinds 2026-02-30", "30 februari 2026 bestaat niet."),
        ("sinds 29 feb", "29 februari 2026 bestaat niet."),
        ("sinds 1-13-2026", "In 'sinds 1-13-2026' staat geen bestaande maand (de dag komt eerst)."),
        ("1999", "'1999' begint vóór 2000; zo ver terug gaat een periode niet."),
        ("november 1999", "'november 1999' begint vóór 2000; zo ver terug gaat een periode niet."),
        (
            "sinds 1-1-1999",
            "'sinds 1-1-1999' begint vóór 2000; zo ver terug gaat een periode niet.",
        ),
        ("9999d", "'9999d' begint vóór 2000; zo ver terug gaat een periode niet."),
        ("0d", "'0d' is geen periode: tel minstens 1 dag of 1 week."),
        ("0 weken", "'0 weken' is geen periode: tel minstens 1 dag of 1 week."),
        ("gisteren", "Ik kan 'gisteren' niet als periode lezen."),
    ],
)
def test_a_period_that_cannot_be_is_refused_with_the_forms_that_can(
    period: str, problem: str
) -> None:
    assert refused(period) == f"{problem} {PERIOD_HELP}"


def test_last_year_in_2000_would_begin_before_2000() -> None:
    assert refused("vorig jaar", datetime(2000, 6, 1, tzinfo=ZONE)).startswith(
        "'vorig jaar' begint vóór 2000"
    )


def test_every_example_in_the_help_reads() -> None:
    examples = re.findall(r"'([^']+)'", PERIOD_HELP)
    assert len(examples) == 8
    for example in examples:
        current = span(example).current
        assert current.since < current.until <= NOW
