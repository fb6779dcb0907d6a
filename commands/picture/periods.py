"""The period a picture command covers, and the one it is compared with.

`resolve_span` turns what a member typed (`14d`, `vorige maand`, `november 2025`, `sinds 1 nov`;
see `period_words`) into two windows, now that the clock is known:

- Calendar boundaries are local midnights in the platform's zone, so October 2026 lasts 31 days
  and 1 hour and March 2026 31 days less 1 hour. A window never ends after `now`.
- `14d`, `3 weken`: the last days up to now on the wall clock (14 days ago at this time of day);
  compared with the as many days before that.
- A week, month or year that is still running covers it so far, and is compared with the same
  wall-clock stretch from the start of the one before (the first 9 days and 21 hours of
  November against those of October), but never past that one's end (the 30 days of March so far
  against all of February). A whole one is compared with the whole one before.
- `sinds <dag>` and the default window are compared with the equally long time (in real hours)
  just before them.

A wall-clock time that is skipped or doubled when the clocks change is read with the offset from
before the change.

`read_arguments` reads the words of a command, without a clock: period, region or sector, flags.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict

from commands.core.moment_words import MONTHS
from commands.core.timefmt import long_date, short_moment
from commands.picture.period_arguments import read_words
from commands.picture.period_words import (
    EARLIEST_YEAR,
    LastCount,
    NamedMonth,
    NamedYear,
    PeriodForm,
    PreviousUnit,
    SinceDay,
    ThisUnit,
    Unit,
    day_name,
    read_period,
    refusal,
)
from commands.texts import periods as texts
from storage.figures import Window


class PeriodRequest(BaseModel):
    """What `!beeld`, `!risico` and `!verantwoording` read: a period, a region or sector, flags."""

    model_config = ConfigDict(frozen=True)

    period: str | None = None
    region: str | None = None
    sector: str | None = None
    flags: list[str] = []


@dataclass(frozen=True)
class Span:
    """The period asked for and the one it is compared with, with their Dutch labels."""

    current: Window
    previous: Window
    label: str
    previous_label: str


def read_arguments(arguments: str, flags: Collection[str] = ()) -> dict[str, Any]:
    """`14d VNOG export` -> `{"period": "14d", "region": "VR06", "sector": None,
    "flags": ["export"]}`: plain values for a command's request. The period is kept as typed,
    for `resolve_span`; the flags are those of `flags` that were typed, in the order of `flags`.
    """
    words = read_words(arguments, flags)
    return {
        "period": words.period,
        "region": words.region,
        "sector": words.sector,
        "flags": words.flags,
    }


@dataclass(frozen=True)
class _Clock:
    now: datetime  # UTC
    zone: ZoneInfo

    @property
    def wall(self) -> datetime:
        """Now on the local wall clock, without a zone."""
        return self.now.astimezone(self.zone).replace(tzinfo=None)

    @property
    def today(self) -> date:
        return self.wall.date()

    def at(self, wall: datetime) -> datetime:
        """A local wall-clock time as a UTC moment."""
        return wall.replace(tzinfo=self.zone).astimezone(UTC)

    def midnight(self, day: date) -> datetime:
        return self.at(datetime.combine(day, time()))


def resolve_span(period: str | None, now: datetime, zone: ZoneInfo, default: Window) -> Span:
    """The windows of `period` as typed (None: `default`), at `now` (timezone-aware)."""
    clock = _Clock(now.astimezone(UTC), zone)
    if period is None or not period.strip():
        return _default(default, clock)
    form = read_period(period)
    if form is None:
        raise refusal(texts.PERIOD_UNREADABLE.format(said=period.strip()))
    span = _resolve(form, clock, period.strip())
    if span.current.since < clock.midnight(date(EARLIEST_YEAR, 1, 1)):
        raise refusal(texts.TOO_EARLY.format(said=period.strip()))
    return span


def _resolve(form: PeriodForm, clock: _Clock, said: str) -> Span:
    match form:
        case LastCount():
            return _last(form, clock)
        case ThisUnit():
            return _calendar(_unit_start(clock.today, form.unit), form.unit, clock, said)
        case PreviousUnit():
            start = _shifted(_unit_start(clock.today, form.unit), form.unit, -1)
            return _calendar(start, form.unit, clock, said)
        case NamedMonth():
            return _named_month(form, clock, said)
        case NamedYear():
            return _calendar(date(form.year, 1, 1), Unit.YEAR, clock, said)
        case SinceDay():
            return _since(form, clock, said)


def _default(default: Window, clock: _Clock) -> Span:
    until = min(default.until.astimezone(UTC), clock.now)
    since = min(default.since.astimezone(UTC), until)
    label = texts.SINCE_LABEL.format(moment=short_moment(since, clock.zone))
    if until < clock.now:
        label = texts.BETWEEN_LABEL.format(
            since=short_moment(since, clock.zone), until=short_moment(until, clock.zone)
        )
    return _with_equal_before(Window(since, until), label)


def _with_equal_before(current: Window, label: str) -> Span:
    previous = Window(current.since - current.length, current.since)
    return Span(current, previous, label, texts.EQUALLY_LONG_BEFORE)


def _last(form: LastCount, clock: _Clock) -> Span:
    days = timedelta(days=form.count * (7 if form.unit is Unit.WEEK else 1))
    since = clock.at(clock.wall - days)
    current = Window(since, clock.now)
    previous = Window(clock.at(clock.wall - 2 * days), since)
    one, more = texts.AMOUNTS[form.unit]
    amount = one if form.count == 1 else more.format(count=form.count)
    return Span(
        current, previous, texts.LAST.format(amount=amount), texts.BEFORE.format(amount=amount)
    )


def _named_month(form: NamedMonth, clock: _Clock, said: str) -> Span:
    today = clock.today
    year = form.year
    if year is None:
        year = today.year if form.month <= today.month else today.year - 1
    return _calendar(date(year, form.month, 1), Unit.MONTH, clock, said)


def _since(form: SinceDay, clock: _Clock, said: str) -> Span:
    today = clock.today
    year = form.year
    if year is None:
        year = today.year if (form.month, form.day) <= (today.month, today.day) else today.year - 1
    try:
        day = date(year, form.month, form.day)
    except ValueError:
        raise refusal(
            texts.NO_SUCH_DATE.format(named=day_name(form.day, form.month, year))
        ) from None
    since = clock.midnight(day)
    if since > clock.now:
        raise refusal(texts.IN_FUTURE.format(said=said, start=long_date(day)))
    label = texts.SINCE_LABEL.format(moment=long_date(day))
    return _with_equal_before(Window(since, clock.now), label)


def _calendar(start: date, unit: Unit, clock: _Clock, said: str) -> Span:
    """The week, month or year from `start`: whole, or so far; and the one before."""
    since = clock.midnight(start)
    if since > clock.now:
        raise refusal(texts.IN_FUTURE.format(said=said, start=long_date(start)))
    before = _shifted(start, unit, -1)
    end = clock.midnight(_shifted(start, unit, 1))
    if end <= clock.now:
        return Span(
            Window(since, end),
            Window(clock.midnight(before), since),
            _unit_label(start, unit),
            _unit_label(before, unit),
        )
    elapsed = clock.wall - datetime.combine(start, time())
    previous_until = min(clock.at(datetime.combine(before, time()) + elapsed), since)
    previous_label = _unit_label(before, unit)
    if previous_until < since:
        previous_label = texts.SAME_PART.format(label=previous_label)
    return Span(
        Window(since, clock.now),
        Window(clock.midnight(before), previous_until),
        texts.SO_FAR.format(label=_unit_label(start, unit)),
        previous_label,
    )


def _unit_start(day: date, unit: Unit) -> date:
    if unit is Unit.WEEK:
        return day - timedelta(days=day.weekday())
    if unit is Unit.MONTH:
        return day.replace(day=1)
    return date(day.year, 1, 1)


def _shifted(start: date, unit: Unit, units: int) -> date:
    """The start of the week, month or year `units` after the one starting on `start`."""
    if unit is Unit.WEEK:
        return start + timedelta(weeks=units)
    if unit is Unit.MONTH:
        months = start.year * 12 + start.month - 1 + units
        return date(months // 12, months % 12 + 1, 1)
    return date(start.year + units, 1, 1)


def _unit_label(start: date, unit: Unit) -> str:
    """`week 49 van 2026`, `november 2026`, `2026`."""
    if unit is Unit.WEEK:
        year, week, _ = start.isocalendar()
        return texts.WEEK_LABEL.format(week=week, year=year)
    if unit is Unit.MONTH:
        return texts.MONTH_LABEL.format(month=MONTHS[start.month], year=start.year)
    return str(start.year)
