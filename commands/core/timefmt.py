"""Times shown to members: Dutch, in the platform's time zone."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime, format_timedelta
from babel.units import format_unit

from commands.texts import moments as texts

#: A configured length of a whole number of hours up to this many reads in hours: the platform
#: promises a visit "binnen 24 uur", and two days read as 48 hours; longer ones read in days.
HOURS_UP_TO = 48


def moment(value: datetime, zone: ZoneInfo) -> str:
    """`zaterdag 28 november 14:05`."""
    return format_datetime(value, "EEEE d MMMM HH:mm", tzinfo=zone, locale="nl")


def short_moment(value: datetime, zone: ZoneInfo) -> str:
    """`28 nov 14:05`."""
    return format_datetime(value, "d MMM HH:mm", tzinfo=zone, locale="nl").replace(".", "")


def duration(value: timedelta) -> str:
    """`23 uur en 50 minuten`, `5 minuten`, `2 dagen en 3 uur`: never rounded up."""
    minutes = int(abs(value).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [
        format_timedelta(timedelta(**{unit: amount}), locale="nl", threshold=1)
        for unit, amount in (("days", days), ("hours", hours), ("minutes", minutes))
        if amount
    ]
    if not parts:
        return texts.LESS_THAN_A_MINUTE
    return texts.DURATION_JOIN.join(parts[:2])


def setting(value: timedelta) -> str:
    """A configured length as members read it: `30 minuten`, `24 uur`, `14 dagen`, and
    `3 seconden` when under a minute."""
    if value < timedelta(minutes=1):
        return format_timedelta(value, locale="nl", threshold=1, granularity="second")
    hours, rest = divmod(value, timedelta(hours=1))
    if not rest and 1 <= hours <= HOURS_UP_TO:
        return format_unit(hours, "duration-hour", length="long", locale="nl")
    return duration(value)


def long_date(value: date) -> str:
    """`1 december 2020`."""
    return format_date(value, "d MMMM y", locale="nl")
