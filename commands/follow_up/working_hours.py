"""When an action may be reminded: in working hours on working days, in the platform's zone."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from config.settings import ActionSettings


def working_moment(moment: datetime, hours: ActionSettings, zone: ZoneInfo) -> datetime:
    """`moment` itself when it falls in working hours, else the start of the next working day."""
    local = moment.astimezone(zone)
    for _ in range(8):
        if local.isoweekday() in hours.work_days:
            start = datetime.combine(local.date(), hours.work_start, tzinfo=zone)
            end = datetime.combine(local.date(), hours.work_end, tzinfo=zone)
            if local < start:
                return start.astimezone(moment.tzinfo)
            if local < end:
                return moment
        next_day = local.date() + timedelta(days=1)
        local = datetime.combine(next_day, hours.work_start, tzinfo=zone)
        if local.isoweekday() in hours.work_days:
            return local.astimezone(moment.tzinfo)
    raise AssertionError("work_days names at least one day of the week")
