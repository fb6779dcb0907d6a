"""When the accountability report is due: calendar months across daylight saving, a fixed
duration, and what is still sent after an outage."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from commands.picture.report_schedule import (
    due_at,
    following,
    next_to_report,
    period_containing,
    period_due,
)
from storage.figures import Window
from tests.unit.agenda.helpers import cycle_settings

STARTED = datetime(2026, 9, 14, 8, 0, tzinfo=UTC)
MONTHLY = cycle_settings()


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_a_month_runs_from_local_midnight_to_local_midnight() -> None:
    october = period_containing(MONTHLY, utc(2026, 10, 15, 12), STARTED)
    assert october == Window(utc(2026, 9, 30, 22), utc(2026, 10, 31, 23))
    assert october.length == timedelta(days=31, hours=1)  # the clocks went back on 25 October
    assert following(MONTHLY, october, STARTED) == Window(
        utc(2026, 10, 31, 23), utc(2026, 11, 30, 23)
    )


def test_the_monthly_report_goes_out_at_nine_on_the_first() -> None:
    october = period_containing(MONTHLY, utc(2026, 10, 15), STARTED)
    assert due_at(MONTHLY, october) == utc(2026, 11, 1, 8)  # 09:00 in Amsterdam, winter time
    september = period_containing(MONTHLY, utc(2026, 9, 15), STARTED)
    assert due_at(MONTHLY, september) == utc(2026, 10, 1, 7)  # 09:00, summer time
    assert period_due(MONTHLY, utc(2026, 11, 1, 8), STARTED) == october
    december = period_containing(MONTHLY, utc(2026, 12, 20), STARTED)
    assert december.until == utc(2026, 12, 31, 23)  # a year's end rolls over


def test_a_fixed_duration_counts_from_its_first_period() -> None:
    settings = cycle_settings(
        accountability={"every": "7d", "first": "2026-11-02T00:00", "post_after": "0s"}
    )
    week = period_containing(settings, utc(2026, 11, 12), STARTED)
    assert week == Window(utc(2026, 11, 8, 23), utc(2026, 11, 15, 23))
    assert due_at(settings, week) == week.until
    assert period_due(settings, week.until, STARTED) == week


def test_without_a_first_period_the_duration_counts_from_the_first_start() -> None:
    settings = cycle_settings(accountability={"every": "30s", "post_after": "2s"})
    second = period_containing(settings, STARTED + timedelta(seconds=45), STARTED)
    assert second == Window(STARTED + timedelta(seconds=30), STARTED + timedelta(seconds=60))
    assert due_at(settings, second) == STARTED + timedelta(seconds=62)


def test_the_first_report_is_for_the_period_the_bot_started_in() -> None:
    upcoming = next_to_report(MONTHLY, None, utc(2026, 9, 20), STARTED)
    assert upcoming == period_containing(MONTHLY, STARTED, STARTED)


def test_after_a_report_the_next_period_follows() -> None:
    september = period_containing(MONTHLY, STARTED, STARTED)
    upcoming = next_to_report(MONTHLY, september, utc(2026, 10, 1, 7, 5), STARTED)
    assert upcoming == following(MONTHLY, september, STARTED)


def test_after_a_long_outage_only_the_latest_finished_period_is_sent_late() -> None:
    september = period_containing(MONTHLY, STARTED, STARTED)
    back_on = utc(2027, 1, 10)  # October, November and December passed unreported
    upcoming = next_to_report(MONTHLY, september, back_on, STARTED)
    assert upcoming == period_containing(MONTHLY, utc(2026, 12, 15), STARTED)
    assert due_at(MONTHLY, upcoming) < back_on  # due already: it goes out at once
