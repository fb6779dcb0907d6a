"""The biweekly platform meeting (plan, 3): its dates, the agenda the bot posts before it,
`!agenda` for the draft and `!agenda punt` to add an item."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from commands.agenda.draft import Period, draft
from commands.core.context import Context, Workspace
from commands.core.effects import Effect, PostInRoom, Reply
from commands.core.limits import refuse_if_longer
from commands.core.message import text
from commands.core.registry import Command, UsageError
from commands.core.schedule import first_start
from commands.core.timefmt import moment
from commands.meetings.flow import convene
from commands.texts import agenda as texts
from config.settings import Settings
from storage.meetings import AgendaItem, Meeting, MeetingStatus
from storage.reminders import Reminder, ReminderKind


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
    rows = await workspace.reminders.of_kind(ReminderKind.AGENDA)
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
        await workspace.remind(ReminderKind.AGENDA, wanted)


async def post_agenda(reminder: Reminder, workspace: Workspace) -> list[Effect] | None:
    """Convene the platform meeting, post its agenda, and plan the next one's."""
    settings = workspace.settings
    if settings.agenda.first is None:
        return None
    starts_at = reminder.due_at + settings.agenda.post_before
    period = await _period(workspace, starts_at)
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
    agenda = await draft(workspace, period, starts_at, final=True)
    for item in await workspace.meetings.open_agenda_items():
        item.meeting_id = meeting.id
    following = next_occurrence(settings, starts_at)
    await workspace.remind(ReminderKind.AGENDA, following - settings.agenda.post_before)
    invitation = await convene(meeting, workspace, starts_at=starts_at, by=None)
    return [PostInRoom(workspace.platform_room, agenda), *invitation]


async def _period(workspace: Workspace, starts_at: datetime) -> Period:
    """What the operational picture covers: everything since the previous agenda was posted,
    so what happened between that agenda and its meeting is on this one; the first agenda
    covers everything since the bot first started."""
    previous = await workspace.meetings.last_regular(before=starts_at)
    if previous is not None:
        return Period(previous.requested_at, first=False)  # when its agenda was posted
    return Period(await first_start(workspace), first=True)


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
        refuse_if_longer(request.text, limit, texts.AGENDA_ITEM_FIELD)
        await context.meetings.add_agenda_item(
            AgendaItem(text=request.text, added_by=context.sender, added_at=context.sent_at)
        )
        when = moment(starts_at, settings.platform.zone) if starts_at else texts.AGENDA_NEXT_MEETING
        return [Reply(text(texts.AGENDA_ITEM_ADDED.format(when=when, text=request.text)))]
    period = await _period(context, starts_at or context.now)
    return [Reply(await draft(context, period, starts_at, final=False))]


COMMAND = Command(
    help=texts.AGENDA_HELP,
    request=AgendaRequest,
    parse=parse_agenda,
    handler=handle_agenda,
)
