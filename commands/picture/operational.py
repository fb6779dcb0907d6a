"""The operational picture (plan, 2.4): signals, repressive visits and their lead times against
the 24-hour promise, open and overdue cases, preventive visits and the reports filed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from commands.core.timefmt import duration, setting, short_moment
from commands.directory.people import coordinator_label
from commands.texts import cases as cases_texts
from commands.texts import picture as texts
from commands.texts import preventive as preventive_texts
from config.settings import Settings
from storage.cases import Case, CaseStatus

LIST_LIMIT = 10


def between(value: datetime | None, since: datetime, until: datetime) -> bool:
    return value is not None and since <= value <= until


def picture_lines(
    cases: Sequence[Case],
    visits: Sequence[Case],
    since: datetime,
    now: datetime,
    settings: Settings,
) -> list[str]:
    promise = settings.window.repressive
    new = [c for c in cases if between(c.signalled_at, since, now)]
    visited = [c for c in cases if between(c.visited_at, since, now)]
    in_time = [c for c in visited if c.visited_at - c.signalled_at <= promise]
    still_open = [c for c in cases if c.status != CaseStatus.CLOSED]
    overdue = [c for c in still_open if c.overdue and c.visited_at is None]
    done = [v for v in visits if between(v.visited_at, since, now)]
    planned = [v for v in visits if v.visited_at is None and v.status != CaseStatus.CLOSED]
    lead_times = [
        texts.AGENDA_LEAD_TIME.format(
            number=c.number,
            lead_time=duration(c.visited_at - c.signalled_at),
            verdict=texts.AGENDA_IN_TIME
            if c.visited_at - c.signalled_at <= promise
            else texts.AGENDA_TOO_LATE,
        )
        for c in visited
    ]
    return [
        (texts.AGENDA_NEW_SIGNALS_LISTED if new else texts.AGENDA_NEW_SIGNALS).format(
            count=len(new), cases=", ".join(f"{c.number} {c.title}" for c in new[:LIST_LIMIT])
        ),
        texts.AGENDA_VISITS.format(
            count=len(visited), in_time=len(in_time), promise=setting(promise)
        ),
        *lead_times,
        texts.AGENDA_OPEN.format(count=len(still_open), overdue=len(overdue)),
        texts.AGENDA_PREVENTIVE_COUNTS.format(done=len(done), planned=len(planned)),
    ]


def report_lines(
    cases: Sequence[Case], since: datetime, now: datetime, settings: Settings
) -> list[str]:
    zone = settings.platform.zone
    filed = sorted(
        (c for c in cases if between(c.report_filed_at, since, now)),
        key=lambda c: c.report_filed_at or now,
    )
    if not filed:
        return [texts.AGENDA_NO_REPORTS]
    return [
        texts.AGENDA_REPORT.format(
            number=c.number,
            kind=cases_texts.KIND_LABELS[c.kind],
            title=c.title,
            coordinator=coordinator_label(c.coordinator, c.coordinator_region)
            if c.coordinator
            else preventive_texts.PREVENTIVE_NO_COORDINATOR,
            moment=short_moment(c.report_filed_at, zone),
        )
        for c in filed
    ]
