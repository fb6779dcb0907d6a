"""How the export and the accountability report show a figure: trends, local times, hours,
region and sector names, the period in a file name."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Protocol, TypeVar
from zoneinfo import ZoneInfo

from babel.units import format_unit

from commands.core.timefmt import duration
from commands.texts import export as texts
from config.reference import regions, sectors
from storage.figures import Trend, Window

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
WEEK = timedelta(days=7)


class _Ordered(Protocol):
    def __lt__(self, other: object, /) -> bool: ...


Value = TypeVar("Value", bound=_Ordered)


def trend(current: Value | None, previous: Value | None) -> Trend | None:
    """Up, down or the same; None when either period has no value (no visits, say)."""
    if current is None or previous is None:
        return None
    if previous < current:
        return Trend.UP
    if current < previous:
        return Trend.DOWN
    return Trend.SAME


def trend_word(current: Value | None, previous: Value | None) -> str:
    found = trend(current, previous)
    return texts.TREND_LABELS[found] if found else ""


def exact_duration(value: timedelta) -> str:
    """`1 dag en 6 uur`, `12 dagen en 4 uur`: as `timefmt.duration`, which reads a week or more
    in rounded weeks or months (12 days: `2 weken`), so longer lengths are counted in days."""
    if value < WEEK:
        return duration(value)
    days, rest = divmod(value, DAY)
    parts = [format_unit(days, "duration-day", length="long", locale="nl")]
    if rest >= HOUR:
        parts.append(format_unit(rest // HOUR, "duration-hour", length="long", locale="nl"))
    return texts.DURATION_JOIN.join(parts)


def local(value: datetime | None, zone: ZoneInfo) -> datetime | None:
    """A moment as the platform's clocks showed it, without a zone (spreadsheets keep none)."""
    return None if value is None else value.astimezone(zone).replace(tzinfo=None)


def hours(value: timedelta | None) -> float | None:
    return None if value is None else value / HOUR


def within(lead_time_seconds: int | None, promise: timedelta) -> bool | None:
    """Visited within the promise (exactly on it counts); None when not visited."""
    if lead_time_seconds is None:
        return None
    return timedelta(seconds=lead_time_seconds) <= promise


def yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return texts.YES if value else texts.NO


def region_name(code: str | None) -> str:
    """`Noord- en Oost-Gelderland (VR06)`; a code no longer in the reference data as it is."""
    if code is None:
        return texts.UNKNOWN
    return regions()[code].label if code in regions() else code


def sector_name(key: str | None) -> str:
    if key is None:
        return texts.UNKNOWN
    found = sectors().by_key.get(key)
    return found.name if found else key


def _month_start(moment: datetime) -> bool:
    return moment.day == 1 and moment.time() == time(0)


def period_slug(window: Window, zone: ZoneInfo) -> str:
    """`2026-11` for a calendar month, else `2026-11-01-tot-en-met-2026-11-14`."""
    first = window.since.astimezone(zone)
    last = (window.until - timedelta(microseconds=1)).astimezone(zone)
    one_month = (first.year, first.month) == (last.year, last.month)
    if one_month and _month_start(first) and _month_start(window.until.astimezone(zone)):
        return f"{first:%Y-%m}"
    return texts.PERIOD_DAYS.format(first=f"{first:%Y-%m-%d}", last=f"{last:%Y-%m-%d}")
