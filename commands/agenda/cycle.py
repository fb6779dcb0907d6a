"""The biweekly platform meeting (plan, 3): its dates, the agenda the bot posts before it,
`!agenda` for the draft and `!agenda punt` to add an item."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from commands import texts
from commands.core.context import Context, Workspace
from commands.core.effects import Effect, PostInRoom, Reply
from commands.core.message import Message, bold, bullets, lines, text
from commands.core.registry import Command, UsageError
from commands.core.timefmt import duration, moment, short_moment
from commands.directory.people import coordinator_label
from commands.follow_up.entries import action_line, decision_line
from commands.meetings.flow import convene
from commands.preventive.visits import cadence_base, calendar_line, replan_cadence
from config.settings import Settings
from storage.cases import Case, CaseKind, CaseStatus
from storage.meetings import AgendaItem, Meeting, MeetingStatus
from storage.reminders import Reminder

#: Reminder kind: post the agenda of the next platform meeting.
AGENDA = "agenda"
LIST_LIMIT = 10


# -- when ---------------------------------------------------------------------------------------


def occurrence(settings: Settings, index: int) -> datetime:
    """The index-th platform meeting (0 is `agenda.first`), in UTC.

    Counted in wall-clock time, so a meeting at 10:00 stays at 10:00 across daylight saving.
    """
    first = settings.agenda.first
    assert first is not None
    zone = settings.platform.zone
    wall = first.astimezone(zone).replace(tzinfo=None) if first.tzinfo else first
    return (wall + settings.agenda.every * index).replace(tzinfo=zone).astimezone(UTC)


def next_occurrence(settings: Settings, after: datetime) -> datetime:
    """The first platform meeting that starts after `after`."""
    first = occurrence(settings, 0)
    index = max(0, math.floor((after - first) / settings.agenda.every) - 1)
    while occurrence(settings, index) <= after:
        index += 1
    return occurrence(settings, index)


async def ensure_agenda(workspace: Workspace) -> None:
    """At start-up: exactly one open agenda reminder, for the next meeting still to come."""
    settings = workspace.settings
    rows = await workspace.reminders.of_kind(AGENDA)
    wanted: datetime | None = None
    if settings.agenda.first is not None:
        starts = next_occurrence(settings, workspace.now)
        sent = {row.due_at for row in rows if row.sent_at is not None}
        while starts - settings.agenda.post_before in sent:
            starts = next_occurrence(settings, starts)
        wanted = starts - settings.agenda.post_before
    for row in rows:
        if row.sent_at is None and row.cancelled_at is None:
            if row.due_at == wanted:
                return
            row.cancelled_at = workspace.now  # the configuration changed, or its meeting passed
            workspace.reminder_changes.cancelled.append(row.id)
    if wanted is not None:
        await workspace.remind(AGENDA, wanted)


async def post_agenda(reminder: Reminder, workspace: Workspace) -> list[Effect] | None:
    """Convene the platform meeting, post its agenda, and plan the next one's."""
    settings = workspace.settings
    if settings.agenda.first is None:
        return None
    starts_at = reminder.due_at + settings.agenda.post_before
    since = await _since(workspace, starts_at)
    meeting = await workspace.meetings.add(
        Meeting(
            room_id=workspace.platform_room,
            topic=texts.PLATFORM_MEETING_TOPIC,
            status=MeetingStatus.REQUESTED,
            regular=True,
            requested_by=settings.matrix.user_id,
            requested_at=workspace.now,
            proposed_at=starts_at,
        )
    )
    agenda = await draft(workspace, since, starts_at, final=True)
    for item in await workspace.meetings.open_agenda_items():
        item.meeting_id = meeting.id
    following = next_occurrence(settings, starts_at)
    await workspace.remind(AGENDA, following - settings.agenda.post_before)
    invitation = await convene(meeting, workspace, starts_at=starts_at, by=None)
    return [PostInRoom(workspace.platform_room, agenda), *invitation]


async def _since(workspace: Workspace, starts_at: datetime) -> datetime:
    """What the operational picture covers: everything since the previous agenda was posted,
    so what happened between that agenda and its meeting is on this one."""
    previous = await workspace.meetings.last_regular(before=starts_at)
    if previous is not None and previous.convened_at is not None:
        return previous.convened_at
    return starts_at - workspace.settings.agenda.every - workspace.settings.agenda.post_before


# -- what --------------------------------------------------------------------------------------


async def draft(
    workspace: Workspace, since: datetime, starts_at: datetime | None, *, final: bool
) -> Message:
    """The agenda: five items, filled from the cases, visits, actions and decisions.

    `final` for the one posted before the meeting; `!agenda` shows a draft.
    """
    settings, now = workspace.settings, workspace.now
    zone = settings.platform.zone
    if starts_at is None:
        header = texts.AGENDA_HEADER_UNSCHEDULED
    else:
        template = texts.AGENDA_HEADER if final else texts.AGENDA_DRAFT_HEADER
        header = template.format(when=moment(starts_at, zone))
    cases = await workspace.cases.of_kind(CaseKind.REPRESSIVE)
    visits = await workspace.cases.preventive_visits()
    items = await workspace.meetings.open_agenda_items()
    return lines(
        bold(header),
        texts.AGENDA_SINCE.format(since=moment(since, zone)),
        bold(texts.AGENDA_PICTURE),
        bullets([text(line) for line in _picture(cases, visits, since, now, settings)]),
        bold(texts.AGENDA_PREVENTIVE),
        bullets([text(line) for line in await _preventive(visits, since, now, workspace)]),
        bold(texts.AGENDA_PLAN),
        bullets(await _plan(workspace, since)),
        bold(texts.AGENDA_REPORTS),
        bullets([text(line) for line in _reports([*cases, *visits], since, now, settings)]),
        bold(texts.AGENDA_ITEMS),
        bullets(
            [text(texts.AGENDA_ITEM.format(text=item.text)) for item in items]
            + [text(texts.AGENDA_ANY_OTHER_BUSINESS)]
        ),
    )


def _between(value: datetime | None, since: datetime, until: datetime) -> bool:
    return value is not None and since <= value <= until


def _picture(
    cases: Sequence[Case],
    visits: Sequence[Case],
    since: datetime,
    now: datetime,
    settings: Settings,
) -> list[str]:
    promise = settings.window.repressive
    new = [c for c in cases if _between(c.signalled_at, since, now)]
    visited = [c for c in cases if _between(c.visited_at, since, now)]
    in_time = [c for c in visited if c.visited_at - c.signalled_at <= promise]
    still_open = [c for c in cases if c.status != CaseStatus.CLOSED]
    overdue = [c for c in still_open if c.overdue and c.visited_at is None]
    done = [v for v in visits if _between(v.visited_at, since, now)]
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
            count=len(visited), in_time=len(in_time), promise=duration(promise)
        ),
        *lead_times,
        texts.AGENDA_OPEN.format(count=len(still_open), overdue=len(overdue)),
        texts.AGENDA_PREVENTIVE_COUNTS.format(done=len(done), planned=len(planned)),
    ]


async def _preventive(
    visits: Sequence[Case], since: datetime, now: datetime, workspace: Workspace
) -> list[str]:
    settings = workspace.settings
    zone = settings.platform.zone
    shown = [
        calendar_line(v, zone)
        for v in visits
        if _between(v.visited_at or v.deadline_at, since, now)
        or (v.visited_at is None and v.status != CaseStatus.CLOSED)
    ]
    upcoming = [v for v in visits if v.visited_at is None and v.status != CaseStatus.CLOSED]
    due_by = await cadence_base(workspace) + settings.preventive.every
    if upcoming:
        first = min(upcoming, key=lambda v: v.deadline_at)
        verdict = texts.AGENDA_NEXT_PLANNED.format(
            moment=short_moment(first.deadline_at, zone), number=first.number
        )
    else:
        verdict = texts.AGENDA_NEXT_MISSING.format(due=short_moment(due_by, zone))
    return [*shown, verdict] if shown else [texts.AGENDA_NO_VISITS, verdict]


async def _plan(workspace: Workspace, since: datetime) -> list[Message]:
    settings, now = workspace.settings, workspace.now
    actions = await workspace.follow_up.open_actions(now)
    late = [a for a in actions if a.due_at is not None and a.due_at < now]
    decisions = [d for d in await workspace.follow_up.decisions() if d.taken_at >= since]
    return [
        text(texts.AGENDA_ACTIONS.format(count=len(actions), overdue=len(late))),
        *(action_line(a, settings, now) for a in late[:LIST_LIMIT]),
        text(texts.AGENDA_DECISIONS.format(count=len(decisions))),
        *(decision_line(d, settings) for d in decisions[-LIST_LIMIT:]),
    ]


def _reports(
    cases: Sequence[Case], since: datetime, now: datetime, settings: Settings
) -> list[str]:
    zone = settings.platform.zone
    filed = sorted(
        (c for c in cases if _between(c.report_filed_at, since, now)),
        key=lambda c: c.report_filed_at or now,
    )
    if not filed:
        return [texts.AGENDA_NO_REPORTS]
    return [
        texts.AGENDA_REPORT.format(
            number=c.number,
            kind=c.kind,
            title=c.title,
            coordinator=coordinator_label(c.coordinator, c.coordinator_region)
            if c.coordinator
            else texts.PREVENTIVE_NO_COORDINATOR,
            moment=short_moment(c.report_filed_at, zone),
        )
        for c in filed
    ]


# -- !agenda -----------------------------------------------------------------------------------


class AgendaRequest(BaseModel):
    model_config = ConfigDict(frozen=True)

    action: Literal["show", "add"]
    text: str = ""


def parse_agenda(arguments: str) -> dict[str, Any]:
    value = " ".join(arguments.split())
    word, _, rest = value.partition(" ")
    if word.lower() in ("punt", "agendapunt"):
        return {"action": "add", "text": rest}
    if value:
        raise UsageError(texts.AGENDA_UNKNOWN_WORD.format(word=word[:40]))
    return {"action": "show"}


async def handle_agenda(request: AgendaRequest, context: Context) -> list[Effect]:
    settings = context.settings
    starts_at = (
        next_occurrence(settings, context.now) if settings.agenda.first is not None else None
    )
    if request.action == "add":
        if not request.text:
            raise UsageError(texts.AGENDA_ITEM_MISSING)
        limit = settings.limits.field_chars
        if len(request.text) > limit:
            raise UsageError(
                texts.FIELD_TOO_LONG.format(
                    field="agendapunt", length=len(request.text), limit=limit
                )
            )
        await context.meetings.add_agenda_item(
            AgendaItem(text=request.text, added_by=context.sender, added_at=context.sent_at)
        )
        when = moment(starts_at, settings.platform.zone) if starts_at else texts.AGENDA_NEXT_MEETING
        return [Reply(text(texts.AGENDA_ITEM_ADDED.format(when=when, text=request.text)))]
    since = await _since(context, starts_at or context.now)
    return [Reply(await draft(context, since, starts_at, final=False))]


async def plan_cycle(workspace: Workspace) -> None:
    """At start-up: the next agenda and the cadence warning are planned (once each)."""
    await ensure_agenda(workspace)
    await replan_cadence(workspace)


COMMAND = Command(
    name="agenda",
    summary=texts.AGENDA_SUMMARY,
    usage=texts.AGENDA_USAGE,
    request=AgendaRequest,
    parse=parse_agenda,
    handler=handle_agenda,
    examples=texts.AGENDA_EXAMPLES,
)
