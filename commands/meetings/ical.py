"""The calendar invitation of a meeting, as an iCalendar (.ics) file with its time zone."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

PRODUCT = "-//signaalbot//Samenwerkingsplatform//NL"


def invitation_ics(
    *,
    uid: str,
    summary: str,
    description: str,
    url: str,
    starts_at: datetime,
    ends_at: datetime,
    stamp: datetime,
    zone_name: str,
    sequence: int = 0,
    cancelled: bool = False,
) -> str:
    """One event in local wall time with a VTIMEZONE, so calendars keep it right across DST.

    A moved or cancelled meeting keeps its UID with a higher SEQUENCE, so calendars update it.
    """
    zone = ZoneInfo(zone_name)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    event = Event()
    event.add("uid", uid)
    event.add("sequence", sequence)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("dtstamp", stamp)
    event.add("dtstart", starts_at.astimezone(zone))
    event.add("dtend", ends_at.astimezone(zone))
    event.add("summary", summary)
    event.add("description", description)
    event.add("location", url)
    event.add("url", url)
    calendar.add_component(event)
    # Rules for the years around the event only: a small file, right after 2038 too.
    local = starts_at.astimezone(zone)
    calendar.add_missing_timezones(
        first_date=date(local.year - 1, 1, 1), last_date=date(local.year + 2, 1, 1)
    )
    return calendar.to_ical().decode("utf-8")
