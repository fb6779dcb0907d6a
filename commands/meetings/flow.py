"""`!overleg`: any member asks LOT-C for a meeting; LOT-C confirms, or the bot convenes it."""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from commands.cases.views import CARD
from commands.core.context import Context, Workspace
from commands.core.effects import (
    AlertLotC,
    Effect,
    Live,
    PostInRoom,
    RefreshLive,
    Reply,
    UploadFile,
)
from commands.core.limits import refuse_if_longer
from commands.core.message import Message, bold, lines, text
from commands.core.moments import MomentError, parse_moment, starts_with_moment
from commands.core.people import is_lotc, lotc_people
from commands.core.registry import Command, UsageError
from commands.core.timefmt import moment
from commands.meetings.ical import invitation_ics
from commands.meetings.views import (
    INVITATION,
    about_line,
    invitation,
    meeting_label,
    not_answered,
    participants,
    request_message,
    soon_message,
    when_text,
)
from commands.texts import meetings as texts
from storage.cases import Case, CaseStatus, TimelineKind
from storage.meetings import Meeting, MeetingStatus
from storage.reminders import Reminder, ReminderKind

_GRACE = timedelta(minutes=1)  # "nu" typed a moment ago is not in the past
_FOLLOW_UP = re.compile(
    r"^(?P<word>bevestig(?:en)?|verzet(?:ten)?|verplaats(?:en)?|afzeggen|annuleer|annuleren)"
    r"\b\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_NUMBER = re.compile(r"^#?(\d{1,9})\b\s*(.*)$", re.DOTALL)
_ACTIONS = {"bevestig": "confirm", "verzet": "move", "verplaats": "move", "afzeg": "cancel"}
# Only these exact words: a topic such as "verplaatsing van werknemers" stays a topic.


class MeetingRequest(BaseModel):
    model_config = ConfigDict(frozen=True)

    action: Literal["request", "confirm", "move", "cancel"]
    number: int | None = None
    rest: str = ""


def parse_meeting(arguments: str) -> dict[str, Any]:
    text_ = " ".join(arguments.split())
    found = _FOLLOW_UP.match(text_)
    if found is None:
        return {"action": "request", "rest": text_}
    word = found["word"].lower()
    action = next((a for prefix, a in _ACTIONS.items() if word.startswith(prefix)), "cancel")
    number = _NUMBER.match(found["rest"])
    if number is None:
        raise UsageError(texts.MEETING_NUMBER_MISSING.format(word=word))
    return {"action": action, "number": int(number[1]), "rest": number[2]}


async def handle_meeting(request: MeetingRequest, context: Context) -> list[Effect]:
    if request.number is None:
        return await _request(request.rest, context)
    meeting = await context.meetings.by_id(request.number)
    if meeting is None:
        raise UsageError(texts.MEETING_NOT_FOUND.format(number=request.number))
    if request.action == "confirm":
        return await _confirm(meeting, request.rest, context)
    if not (is_lotc(context.directory, context.sender) or context.sender == meeting.requested_by):
        raise UsageError(texts.MEETING_CHANGE_NOT_ALLOWED)
    if meeting.status == MeetingStatus.CANCELLED:
        raise UsageError(texts.MEETING_IS_CANCELLED.format(label=meeting_label(meeting)))
    if request.action == "move":
        return await _move(meeting, request.rest, context)
    return await _cancel(meeting, request.rest, context)


def _read_when(value: str, context: Context) -> tuple[datetime | None, str]:
    """An optional moment at the start; a moment that cannot be read or is past is refused.
    `over 2 uur` is rounded up to `meetings.round_to`, so the invitation shows a round time."""
    if not value or not starts_with_moment(value):
        return None, value
    meetings = context.settings.meetings
    try:
        at, rest = parse_moment(
            value, context.now, context.settings.platform.zone, round_relative=meetings.round_to
        )
    except MomentError as error:
        raise UsageError(str(error)) from error
    if at < context.now - _GRACE:
        shown = moment(at, context.settings.platform.zone)
        raise UsageError(texts.MEETING_IN_PAST.format(moment=shown))
    return at, rest


async def _request(value: str, context: Context) -> list[Effect]:
    at, topic = _read_when(value, context)
    limit = context.settings.limits.field_chars
    refuse_if_longer(topic, limit, texts.MEETING_TOPIC_FIELD)
    case = context.room_case
    meeting = await context.meetings.add(
        Meeting(
            case_id=case.id if case else None,
            room_id=case.room_id if case and case.room_id else context.platform_room,
            topic=topic or None,
            status=MeetingStatus.REQUESTED,
            requested_by=context.sender,
            requested_at=context.now,
            proposed_at=at,
        )
    )
    if case:
        await context.record(
            case,
            TimelineKind.MEETING,
            texts.TIMELINE_MEETING_REQUESTED.format(label=meeting_label(meeting)),
        )
    zone = context.settings.platform.zone
    if is_lotc(context.directory, context.sender):  # LOT-C asking LOT-C: convened at once
        starts_at = _proposed_or_now(meeting, context.now)
        effects = await convene(meeting, context, starts_at=starts_at, by=context.sender)
        shown = moment(starts_at, zone)
        answer = _confirmed(meeting, shown, context)
        return [Reply(answer), *effects]
    confirm_by = context.now + context.settings.meetings.lotc_confirm_timeout
    await context.remind(ReminderKind.CONVENE, confirm_by, meeting_id=meeting.id)
    answer = lines(
        bold(text(texts.MEETING_REQUESTED.format(label=meeting_label(meeting)))),
        texts.MEETING_PROPOSED.format(when=when_text(at, context.settings)),
        texts.MEETING_WAITING_FOR_LOTC.format(moment=moment(confirm_by, zone)),
    )
    ask = request_message(meeting, case, context)
    return [Reply(answer), AlertLotC(ask, tuple(lotc_people(context.directory, context.now)))]


async def _confirm(meeting: Meeting, value: str, context: Context) -> list[Effect]:
    if not is_lotc(context.directory, context.sender):
        raise UsageError(texts.MEETING_CONFIRM_LOTC_ONLY)
    if meeting.status == MeetingStatus.CANCELLED:
        raise UsageError(texts.MEETING_IS_CANCELLED.format(label=meeting_label(meeting)))
    if meeting.status == MeetingStatus.CONVENED:
        assert meeting.starts_at is not None
        shown = moment(meeting.starts_at, context.settings.platform.zone)
        raise UsageError(
            texts.MEETING_ALREADY_CONVENED.format(label=meeting_label(meeting), when=shown)
        )
    at, _rest = _read_when(value, context)
    if value and at is None:
        raise UsageError(texts.MEETING_CONFIRM_WHEN_UNREADABLE.format(value=value[:60]))
    starts_at = at or _proposed_or_now(meeting, context.now)
    effects = await convene(meeting, context, starts_at=starts_at, by=context.sender)
    shown = moment(starts_at, context.settings.platform.zone)
    answer = _confirmed(meeting, shown, context)
    return [Reply(answer), *effects]


async def _move(meeting: Meeting, value: str, context: Context) -> list[Effect]:
    """A convened meeting to another time: the invitation edited, everyone told, a new .ics."""
    if meeting.status != MeetingStatus.CONVENED:
        raise UsageError(texts.MEETING_MOVE_NOT_CONVENED.format(number=meeting.id))
    at, _rest = _read_when(value, context)
    if at is None:
        raise UsageError(texts.MEETING_MOVE_WHEN_MISSING)
    meeting.starts_at = at
    meeting.revision += 1
    await context.reminders.cancel_for_meeting(meeting.id, context.now, context.reminder_changes)
    remind_at = at - context.settings.meetings.reminder_before
    if remind_at > context.now:
        await context.remind(ReminderKind.MEETING_SOON, remind_at, meeting_id=meeting.id)
    shown = moment(at, context.settings.platform.zone)
    told = text(texts.MEETING_MOVED.format(label=meeting_label(meeting), when=shown))
    return await _tell_participants(meeting, context, told, cancelled=False)


async def _cancel(meeting: Meeting, value: str, context: Context) -> list[Effect]:
    """Called off: no more reminders; a convened one's participants are told, with a .ics."""
    was_convened = meeting.status == MeetingStatus.CONVENED
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancel_reason = value or None
    meeting.revision += 1
    await context.reminders.cancel_for_meeting(meeting.id, context.now, context.reminder_changes)
    told = text(
        texts.MEETING_CANCELLED.format(
            label=meeting_label(meeting),
            reason=texts.MEETING_CANCEL_REASON.format(reason=value) if value else "",
        )
    )
    if not was_convened:
        return [Reply(told), AlertLotC(told, ())]
    return await _tell_participants(meeting, context, told, cancelled=True)


async def _tell_participants(
    meeting: Meeting, context: Context, told: Message, *, cancelled: bool
) -> list[Effect]:
    case = await context.cases.by_id(meeting.case_id) if meeting.case_id else None
    invited = participants(meeting, case, context)
    effects: list[Effect] = [Reply(told)]
    if context.room_id != meeting.room_id:
        effects.append(PostInRoom(meeting.room_id, told, mentions=tuple(invited)))
    else:
        effects = [Reply(told, mentions=tuple(invited))]
    if case:
        await context.record(case, TimelineKind.MEETING, told.body)
    return [
        *effects,
        RefreshLive(INVITATION, meeting.id),
        _calendar_file(meeting, case, context, cancelled=cancelled),
    ]


def _confirmed(meeting: Meeting, shown: str, context: Context) -> Message:
    """The answer to whoever convened it; pointing to the invitation if it is elsewhere."""
    answer = texts.MEETING_CONFIRMED.format(label=meeting_label(meeting), when=shown)
    if meeting.room_id != context.room_id:
        answer += " " + texts.MEETING_INVITATION_ELSEWHERE
    return text(answer)


def _proposed_or_now(meeting: Meeting, now: datetime) -> datetime:
    if meeting.proposed_at is None or meeting.proposed_at < now:
        return now
    return meeting.proposed_at


async def convene(
    meeting: Meeting, workspace: Workspace, *, starts_at: datetime, by: str | None
) -> list[Effect]:
    """Convene: video link, pinned invitation with mentions, .ics, and the reminder before."""
    settings = workspace.settings
    meeting.status = MeetingStatus.CONVENED
    meeting.starts_at = starts_at
    meeting.convened_at = workspace.now
    meeting.convened_by = by
    meeting.video_url = settings.meetings.video_url_template.format(token=_video_room())
    case = await workspace.cases.by_id(meeting.case_id) if meeting.case_id else None
    invited = participants(meeting, case, workspace)
    remind_at = starts_at - settings.meetings.reminder_before
    if remind_at > workspace.now:
        await workspace.remind(ReminderKind.MEETING_SOON, remind_at, meeting_id=meeting.id)
    effects: list[Effect] = []
    if case:
        if case.status == CaseStatus.REPORTED:  # a meeting about it: the case is being assessed
            case.status = CaseStatus.ASSESSING
            effects.append(RefreshLive(CARD, case.id))
        await workspace.cases.record(
            case,
            at=workspace.now,
            actor=by or settings.matrix.user_id,
            kind=TimelineKind.MEETING,
            text=texts.TIMELINE_MEETING_CONVENED.format(
                label=meeting_label(meeting), when=moment(starts_at, settings.platform.zone)
            ),
        )
    return [
        *effects,
        PostInRoom(
            meeting.room_id,
            invitation(meeting, case, [], workspace),
            mentions=tuple(invited),
            pin=True,
            live=Live(INVITATION, meeting.id),
        ),
        _calendar_file(meeting, case, workspace, cancelled=False),
    ]


def _calendar_file(
    meeting: Meeting, case: Case | None, workspace: Workspace, *, cancelled: bool
) -> UploadFile:
    """The meeting as an .ics file; the same UID each time, so calendars update the event."""
    settings = workspace.settings
    assert meeting.starts_at is not None and meeting.video_url is not None
    summary = texts.MEETING_ICS_SUMMARY.format(
        label=meeting_label(meeting), topic=meeting.topic or about_line(case, workspace.now)
    )
    ics = invitation_ics(
        uid=f"overleg-{meeting.id}-{meeting.video_url.rsplit('/', 1)[-1]}@signaalbot",
        summary=summary,
        description=texts.MEETING_ICS_DESCRIPTION.format(
            about=about_line(case, workspace.now), url=meeting.video_url
        ),
        url=meeting.video_url,
        starts_at=meeting.starts_at,
        ends_at=meeting.starts_at + settings.meetings.length,
        stamp=workspace.now,
        zone_name=settings.platform.timezone,
        sequence=meeting.revision,
        cancelled=cancelled,
    )
    name = (texts.ICS_CANCELLED_FILE if cancelled else texts.ICS_FILE).format(number=meeting.id)
    return UploadFile(meeting.room_id, name, "text/calendar", ics.encode("utf-8"))


async def convene_unanswered(reminder: Reminder, workspace: Workspace) -> list[Effect] | None:
    """LOT-C did not confirm in time: convene it anyway and tell LOT-C. None: nothing to do."""
    meeting = await _meeting_of(reminder, workspace)
    if meeting is None or meeting.status != MeetingStatus.REQUESTED:
        return None
    starts_at = _proposed_or_now(meeting, workspace.now)
    effects = await convene(meeting, workspace, starts_at=starts_at, by=None)
    note = text(
        texts.MEETING_CONVENED_TELL_LOTC.format(
            label=meeting_label(meeting), when=moment(starts_at, workspace.settings.platform.zone)
        )
    )
    return [*effects, AlertLotC(note, tuple(lotc_people(workspace.directory, workspace.now)))]


async def remind_soon(reminder: Reminder, workspace: Workspace) -> list[Effect] | None:
    """Shortly before the start: the tally, mentioning only those who have not answered."""
    meeting = await _meeting_of(reminder, workspace)
    if meeting is None or meeting.status != MeetingStatus.CONVENED:
        return None
    case = await workspace.cases.by_id(meeting.case_id) if meeting.case_id else None
    invited = participants(meeting, case, workspace)
    answers = await workspace.meetings.answers(meeting)
    message = soon_message(meeting, invited, answers, workspace)
    silent = tuple(not_answered(invited, answers))
    return [PostInRoom(meeting.room_id, message, mentions=silent)]


async def _meeting_of(reminder: Reminder, workspace: Workspace) -> Meeting | None:
    if reminder.meeting_id is None:
        return None
    return await workspace.meetings.by_id(reminder.meeting_id)


def _video_room() -> str:
    """Unguessable: 80 random bits, in letters and digits any video service accepts."""
    return f"Overleg{secrets.token_hex(10)}"


COMMAND = Command(
    help=texts.MEETING_HELP,
    request=MeetingRequest,
    parse=parse_meeting,
    handler=handle_meeting,
)
