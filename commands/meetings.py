"""`!overleg`: any member asks LOT-C for a meeting; LOT-C confirms, or the bot convenes it."""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from commands import texts
from commands.context import Context, Workspace
from commands.effects import AlertLotC, Effect, PostInRoom, RefreshCard, Reply, UploadFile
from commands.ical import invitation_ics
from commands.meeting_views import (
    about_line,
    invitation,
    meeting_label,
    not_answered,
    participants,
    request_message,
    soon_message,
    when_text,
)
from commands.message import bold, lines, text
from commands.moments import MomentError, parse_moment, starts_with_moment
from commands.people import is_lotc, lotc_people
from commands.registry import Command, UsageError
from commands.timefmt import moment
from storage.models import CaseStatus, Meeting, MeetingStatus

#: Reminder kinds about meetings.
CONVENE = "convene"  # LOT-C has not confirmed in time: convene it anyway
MEETING_SOON = "meeting soon"  # shortly before the start, to those who have not answered

_GRACE = timedelta(minutes=1)  # "nu" typed a moment ago is not in the past
_CONFIRM = re.compile(r"^bevestig\w*\s+#?(\d{1,9})\b\s*(.*)$", re.IGNORECASE | re.DOTALL)


class MeetingRequest(BaseModel):
    model_config = ConfigDict(frozen=True)

    action: Literal["request", "confirm"]
    number: int | None = None
    rest: str = ""


def parse_meeting(arguments: str) -> dict[str, Any]:
    text_ = " ".join(arguments.split())
    if text_.lower().startswith("bevestig"):
        match = _CONFIRM.match(text_)
        if match is None:
            raise UsageError(texts.MEETING_CONFIRM_NUMBER_MISSING)
        return {"action": "confirm", "number": int(match[1]), "rest": match[2]}
    return {"action": "request", "rest": text_}


async def handle_meeting(request: MeetingRequest, context: Context) -> list[Effect]:
    if request.action == "confirm":
        assert request.number is not None
        return await _confirm(request.number, request.rest, context)
    return await _request(request.rest, context)


def _read_when(value: str, context: Context) -> tuple[datetime | None, str]:
    """An optional moment at the start; a moment that cannot be read or is past is refused."""
    if not value or not starts_with_moment(value):
        return None, value
    try:
        at, rest = parse_moment(value, context.now, context.settings.platform.zone)
    except MomentError as error:
        raise UsageError(str(error)) from error
    if at < context.now - _GRACE:
        shown = moment(at, context.settings.platform.zone)
        raise UsageError(texts.MEETING_IN_PAST.format(moment=shown))
    return at, rest


async def _request(value: str, context: Context) -> list[Effect]:
    at, topic = _read_when(value, context)
    limit = context.settings.limits.field_chars
    if len(topic) > limit:
        raise UsageError(
            texts.FIELD_TOO_LONG.format(field="onderwerp", length=len(topic), limit=limit)
        )
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
            case, "overleg", texts.TIMELINE_MEETING_REQUESTED.format(label=meeting_label(meeting))
        )
    zone = context.settings.platform.zone
    if is_lotc(context.settings, context.sender):  # LOT-C asking LOT-C: convened at once
        starts_at = _proposed_or_now(meeting, context.now)
        effects = await convene(meeting, context, starts_at=starts_at, by=context.sender)
        shown = moment(starts_at, zone)
        answer = text(texts.MEETING_CONFIRMED.format(label=meeting_label(meeting), when=shown))
        return [Reply(answer), *effects]
    confirm_by = context.now + context.settings.meetings.confirm_within
    await context.remind(CONVENE, confirm_by, meeting_id=meeting.id)
    answer = lines(
        bold(text(texts.MEETING_REQUESTED.format(label=meeting_label(meeting)))),
        texts.MEETING_PROPOSED.format(when=when_text(at, context.settings)),
        texts.MEETING_WAITING_FOR_LOTC.format(moment=moment(confirm_by, zone)),
    )
    ask = request_message(meeting, case, context.settings, context.now)
    return [Reply(answer), AlertLotC(ask, tuple(lotc_people(context.settings)))]


async def _confirm(number: int, value: str, context: Context) -> list[Effect]:
    meeting = await context.meetings.by_id(number)
    if meeting is None:
        raise UsageError(texts.MEETING_NOT_FOUND.format(number=number))
    if not is_lotc(context.settings, context.sender):
        raise UsageError(texts.MEETING_CONFIRM_LOTC_ONLY)
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
    answer = text(texts.MEETING_CONFIRMED.format(label=meeting_label(meeting), when=shown))
    return [Reply(answer), *effects]


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
    meeting.video_url = settings.meetings.video_url.format(room=_video_room())
    case = await workspace.cases.by_id(meeting.case_id) if meeting.case_id else None
    invited = participants(meeting, case, settings)
    remind_at = starts_at - settings.meetings.remind_before
    if remind_at > workspace.now:
        await workspace.remind(MEETING_SOON, remind_at, meeting_id=meeting.id)
    effects: list[Effect] = []
    if case:
        if case.status == CaseStatus.REPORTED:  # a meeting about it: the case is being assessed
            case.status = CaseStatus.ASSESSING
            effects.append(RefreshCard(case.id))
        await workspace.cases.record(
            case,
            at=workspace.now,
            actor=by or settings.matrix.user_id,
            kind="overleg",
            text=texts.TIMELINE_MEETING_CONVENED.format(
                label=meeting_label(meeting), when=moment(starts_at, settings.platform.zone)
            ),
        )
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
        starts_at=starts_at,
        ends_at=starts_at + settings.meetings.length,
        stamp=workspace.now,
        zone_name=settings.platform.timezone,
    )
    return [
        *effects,
        PostInRoom(
            meeting.room_id,
            invitation(meeting, case, [], settings, workspace.now),
            mentions=tuple(invited),
            pin=True,
            invitation_of=meeting.id,
        ),
        UploadFile(meeting.room_id, f"overleg-{meeting.id}.ics", "text/calendar", ics),
    ]


async def convene_unanswered(meeting: Meeting, workspace: Workspace) -> list[Effect] | None:
    """LOT-C did not confirm in time: convene it anyway and tell LOT-C. None: nothing to do."""
    if meeting.status != MeetingStatus.REQUESTED:
        return None
    starts_at = _proposed_or_now(meeting, workspace.now)
    effects = await convene(meeting, workspace, starts_at=starts_at, by=None)
    note = text(
        texts.MEETING_CONVENED_TELL_LOTC.format(
            label=meeting_label(meeting), when=moment(starts_at, workspace.settings.platform.zone)
        )
    )
    return [*effects, AlertLotC(note, tuple(lotc_people(workspace.settings)))]


async def remind_soon(meeting: Meeting, workspace: Workspace) -> list[Effect] | None:
    """Shortly before the start: the tally, mentioning only those who have not answered."""
    if meeting.status != MeetingStatus.CONVENED:
        return None
    case = await workspace.cases.by_id(meeting.case_id) if meeting.case_id else None
    invited = participants(meeting, case, workspace.settings)
    answers = await workspace.meetings.answers(meeting)
    message = soon_message(meeting, invited, answers, workspace.settings, workspace.now)
    silent = tuple(not_answered(invited, answers))
    return [PostInRoom(meeting.room_id, message, mentions=silent)]


def _video_room() -> str:
    """Unguessable: 80 random bits, in letters and digits any video service accepts."""
    return f"Overleg{secrets.token_hex(10)}"


COMMAND = Command(
    name="overleg",
    summary=texts.MEETING_SUMMARY,
    usage=texts.MEETING_USAGE,
    request=MeetingRequest,
    parse=parse_meeting,
    handler=handle_meeting,
    examples=texts.MEETING_EXAMPLES,
    details=texts.MEETING_DETAILS,
)
