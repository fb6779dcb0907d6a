"""The decision and action lists and meeting notes: `!besluit`, `!actie`, `!acties`, `!besluiten`,
`!notitie`. Each is recorded against the room's current meeting and its case, if any."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

from commands.core.context import Context, Workspace
from commands.core.effects import Effect, Reply
from commands.core.limits import refuse_if_longer
from commands.core.message import Message, bold, fill, lines, text, user_pill
from commands.core.moments import MomentError, format_moment, parse_moment, starts_with_moment
from commands.core.people import coordinator_label, display_name, entity_members
from commands.core.registry import Command, UsageError
from commands.core.timefmt import short_moment
from commands.follow_up.working_hours import working_moment
from commands.texts import follow_up as texts
from commands.texts import meetings as meetings_texts
from config.reference import REGIONAL_ENTITIES, Entity, parse_entity, regions
from storage.cases import Case, TimelineKind
from storage.follow_up import Action, DecisionEntry, Note
from storage.reminders import ReminderKind

_USER_ID = re.compile(r"@[\w.=\-/+]+:[\w.\-]+(?::\d+)?")
_DUE = re.compile(r"\bvoor\s+", re.IGNORECASE)
_DONE = re.compile(r"^(?:klaar|gedaan|afgerond)\b\s*(.*)$", re.IGNORECASE | re.DOTALL)
_NUMBER = re.compile(r"^(?:#|a)?(\d{1,9})$", re.IGNORECASE)


class TextRequest(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str = ""


def parse_text(arguments: str) -> dict[str, Any]:
    return {"text": " ".join(arguments.split())}


def _require(value: str, missing: str, field: str, context: Context) -> str:
    if not value:
        raise UsageError(missing)
    limit = context.settings.limits.field_chars
    refuse_if_longer(value, limit, field)
    return value


async def _where(context: Context) -> tuple[int | None, Case | None, str]:
    """The room's current meeting (its id), its case, and how to say so in an answer."""
    meeting = await context.meetings.current_in_room(context.room_id)
    case = context.room_case
    parts = [
        meetings_texts.MEETING_LABEL.format(number=meeting.id) if meeting else None,
        texts.CASE_LABEL.format(number=case.number) if case else None,
    ]
    shown = ", ".join(part for part in parts if part)
    return (meeting.id if meeting else None), case, (f" ({shown})" if shown else "")


# -- !besluit <tekst> ----------------------------------------------------------------------


async def record_decision(value: str, context: Context, case: Case | None) -> DecisionEntry:
    """Add to the decision list, against the room's meeting and the given case."""
    meeting = await context.meetings.current_in_room(context.room_id)
    entry = DecisionEntry(
        meeting_id=meeting.id if meeting else None,
        case_id=case.id if case else None,
        text=value,
        taken_by=context.sender,
        taken_at=context.sent_at,
        event_id=context.event_id,
    )
    await context.follow_up.add(entry)
    return entry


async def handle_general_decision(value: str, context: Context) -> list[Effect]:
    decision = _require(" ".join(value.split()), texts.DECISION_TEXT_MISSING, "besluit", context)
    _meeting, case, where = await _where(context)
    entry = await record_decision(decision, context, case)
    if case:
        await context.record(
            case, TimelineKind.DECISION, texts.TIMELINE_GENERAL_DECISION.format(text=decision)
        )
    return [
        Reply(text(texts.DECISION_RECORDED.format(number=entry.id, where=where, text=decision)))
    ]


# -- !actie ----------------------------------------------------------------------------------


async def handle_action(request: TextRequest, context: Context) -> list[Effect]:
    done = _DONE.match(request.text)
    # `klaar 12` (or `klaar` alone: which one?) finishes; `Klaar zetten van ...` is a new action.
    if done and (not done[1] or _NUMBER.match(done[1].strip())):
        return await _finish(done[1], context)
    value, due = _split_due(request.text, context)
    value, owner_user, owner_entity, owner_region = _split_owner(value, context)
    value = _require(value, texts.ACTION_TEXT_MISSING, "actie", context)
    meeting_id, case, where = await _where(context)
    action = Action(
        meeting_id=meeting_id,
        case_id=case.id if case else None,
        room_id=context.room_id,
        text=value,
        owner_user=owner_user,
        owner_entity=owner_entity,
        owner_region=owner_region,
        due_at=due,
        created_by=context.sender,
        created_at=context.sent_at,
    )
    await context.follow_up.add(action)
    if due is not None:
        zone = context.settings.platform.zone
        first = working_moment(max(due, context.now), context.settings.actions, zone)
        await context.remind(ReminderKind.ACTION_OVERDUE, first, action_id=action.id)
    if case:
        await context.record(
            case, TimelineKind.ACTION, texts.TIMELINE_ACTION.format(number=action.id, text=value)
        )
    answer = lines(
        bold(text(texts.ACTION_RECORDED.format(number=action.id, where=where))),
        action_line(action, context, full=True),
    )
    return [Reply(answer, tuple(owner_people(action, context)))]


def _split_due(value: str, context: Context) -> tuple[str, datetime | None]:
    """`<tekst> voor vrijdag 12:00` -> the text and the moment; `voor` in the text stays.

    A day alone (`voor vrijdag`) means the end of that day's working hours.
    """
    for found in reversed(list(_DUE.finditer(value))):
        after = value[found.end() :]
        if not starts_with_moment(after):
            continue
        zone = context.settings.platform.zone
        try:
            due, rest = parse_moment(
                after, context.now, zone, day_alone=context.settings.actions.work_end
            )
        except MomentError as error:
            raise UsageError(str(error)) from error
        if due < context.now:
            raise UsageError(texts.ACTION_DUE_IN_PAST.format(moment=short_moment(due, zone)))
        return " ".join(f"{value[: found.start()]} {rest}".split()), due
    return value, None


def _split_owner(value: str, context: Context) -> tuple[str, str | None, str | None, str | None]:
    """The owner: a member named by Matrix id or mention, else an entity at the end, else the
    sender. Returns the text without the owner, and the owner as user or (entity, region)."""
    named = set(_USER_ID.findall(value)) | {
        user for user in context.mentions if user != context.settings.matrix.user_id
    }
    if named:
        strangers = sorted(user for user in named if user not in context.directory)
        if strangers:
            raise UsageError(texts.ACTION_OWNER_UNKNOWN.format(user=strangers[0][:80]))
        if len(named) > 1:
            raise UsageError(texts.ACTION_ONE_OWNER)
        owner = named.pop()
        return " ".join(value.replace(owner, " ").split()), owner, None, None
    words = value.split()
    if len(words) >= 3 and (entity := parse_entity(words[-2])) in REGIONAL_ENTITIES:
        region = regions().lookup(words[-1]).match
        if region is not None:
            return " ".join(words[:-2]), None, entity, region
    if len(words) >= 2 and (entity := parse_entity(words[-1])) is not None:
        region = context.room_case.region if context.room_case else None
        region = region if entity in REGIONAL_ENTITIES else None
        return " ".join(words[:-1]), None, entity, region
    return value, context.sender, None, None


async def _finish(value: str, context: Context) -> list[Effect]:
    number = _NUMBER.match(value.strip())
    if number is None:
        raise UsageError(texts.ACTION_DONE_NUMBER_MISSING)
    action = await context.follow_up.action(int(number[1]))
    if action is None:
        raise UsageError(texts.ACTION_NOT_FOUND.format(number=number[1]))
    zone = context.settings.platform.zone
    if action.done_at is not None:
        raise UsageError(
            texts.ACTION_ALREADY_DONE.format(
                number=action.id, moment=short_moment(action.done_at, zone)
            )
        )
    action.done_at, action.done_by = context.sent_at, context.sender
    case = await context.cases.by_id(action.case_id) if action.case_id else None
    if case:
        await context.record(
            case, TimelineKind.ACTION, texts.TIMELINE_ACTION_DONE.format(number=action.id)
        )
    return [Reply(text(texts.ACTION_DONE.format(number=action.id, text=action.text)))]


def owner_label(action: Action, workspace: Workspace) -> str:
    if action.owner_user:
        return display_name(workspace.directory, action.owner_user)
    assert action.owner_entity is not None
    return coordinator_label(action.owner_entity, action.owner_region)


def owner_people(action: Action, workspace: Workspace) -> list[str]:
    """Who the action is for, and the substitutes of those who are away."""
    directory, now = workspace.directory, workspace.now
    if action.owner_user:
        return directory.with_stand_ins([action.owner_user], now)
    assert action.owner_entity is not None
    return entity_members(directory, Entity(action.owner_entity), action.owner_region, now)


def action_line(action: Action, workspace: Workspace, *, full: bool = False) -> Message:
    """One line of the list; `full` spells the due moment out (`vrijdag 4 december 17:00`), as
    the answer to `!actie` does, so that a day without a time shows the hour it was given."""
    zone, now = workspace.settings.platform.zone, workspace.now
    owner = (
        user_pill(action.owner_user, owner_label(action, workspace))
        if action.owner_user
        else text(owner_label(action, workspace))
    )
    due = None
    if action.due_at is not None:
        late = action.done_at is None and action.due_at < now
        template = texts.ACTION_DUE_LATE if late else texts.ACTION_DUE
        shown = (
            format_moment(action.due_at, zone, now) if full else short_moment(action.due_at, zone)
        )
        due = template.format(moment=shown)
    done = (
        texts.ACTION_IS_DONE.format(moment=short_moment(action.done_at, zone))
        if action.done_at
        else None
    )
    return fill(
        texts.ACTION_LINE,
        number=str(action.id),
        text=action.text,
        owner=owner,
        due=f" · {due}" if due else "",
        done=f" · {done}" if done else "",
    )


def decision_line(entry: DecisionEntry, workspace: Workspace) -> Message:
    return text(
        texts.DECISION_LINE.format(
            number=entry.id,
            moment=short_moment(entry.taken_at, workspace.settings.platform.zone),
            text=entry.text,
            who=display_name(workspace.directory, entry.taken_by),
            meeting=f" ({meetings_texts.MEETING_LABEL.format(number=entry.meeting_id)})"
            if entry.meeting_id
            else "",
        )
    )


# -- !notitie ----------------------------------------------------------------------------------


async def handle_note(request: TextRequest, context: Context) -> list[Effect]:
    value = _require(request.text, texts.NOTE_TEXT_MISSING, "notitie", context)
    meeting_id, case, where = await _where(context)
    if meeting_id is None and case is None:
        raise UsageError(texts.NOTE_NOWHERE)
    note = Note(
        meeting_id=meeting_id,
        case_id=case.id if case else None,
        text=value,
        written_by=context.sender,
        written_at=context.sent_at,
    )
    await context.follow_up.add(note)
    if case:
        await context.record(case, TimelineKind.NOTE, value)
    return [Reply(text(texts.NOTE_RECORDED.format(where=where)))]


COMMANDS = (
    Command(
        help=texts.ACTION_HELP,
        request=TextRequest,
        parse=parse_text,
        handler=handle_action,
    ),
    Command(
        help=texts.NOTE_HELP,
        request=TextRequest,
        parse=parse_text,
        handler=handle_note,
    ),
)
