"""`!wijzig`: any member corrects fields of a case, each value read with the rules of `!signaal`.

A correction is on the timeline (old and new value), renews the incident room's name and topic
and the status card, invites the members of a new region, and changes what duplicate detection
compares, so a later signal about the corrected company joins the case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz, process

from commands.border.flag import country_label, follow_location, is_cross_border
from commands.border.proposal import propose_if_newly_flagged
from commands.cases.fields import company_key
from commands.cases.signal_text import field_code
from commands.cases.target import card_changed, split_case_number, target_case
from commands.cases.values import READERS
from commands.core.context import Context
from commands.core.effects import Effect, PostInCaseRoom, Reply, UpdateCaseRoom
from commands.core.limits import refuse_if_longer
from commands.core.message import Message, bold, bullets, excerpt, fill, lines, text, user_pill
from commands.core.people import incident_invitees
from commands.core.registry import Command, UsageError
from commands.texts import border as border_texts
from commands.texts import cases as texts
from commands.texts import core as core_texts
from commands.texts import intake as intake_texts
from config.reference import normalise, regions, sectors
from config.settings import Settings
from storage.cases import Case, IntakeField, TimelineKind

#: A value quoted in the answer is cut to this many characters: a whole title, a description not.
ANSWER_VALUE_CHARS = 160

_WITH_COLON = re.compile(r"^\s*([A-Za-zÀ-ÿ]+)\s*:\s*(.*)$", re.DOTALL)
_WITHOUT_COLON = re.compile(r"^\s*([A-Za-zÀ-ÿ]+)\s+(.*)$", re.DOTALL)
#: The attribute of a Case that holds a field, where it is not named like the field's code.
_ATTRIBUTES = {IntakeField.ASPECT: "aspects"}
#: Fields shown in the room's name or topic: a correction renews the room.
_IN_ROOM = {IntakeField.TITLE, IntakeField.REGION, IntakeField.SECTOR}

Value = str | list[str] | None


class CorrectionRequest(BaseModel):
    """A case number (or none: this room's case) and what the member typed per field, in order."""

    model_config = ConfigDict(frozen=True)

    number: tuple[int | None, int] | None = None
    values: dict[IntakeField, str]


def parse_correction(arguments: str) -> dict[str, Any]:
    number, rest = split_case_number(arguments)
    return {"number": number, "values": split_corrections(rest)}


def split_corrections(arguments: str) -> dict[IntakeField, str]:
    """`veld: waarde` per line or per `;`; a line without a field continues the field before it.

    The first field may go without its colon (`!wijzig sector logistiek`): people type it so.
    """
    values: dict[IntakeField, str] = {}
    current: IntakeField | None = None
    for segment in (part.strip() for part in re.split(r"[;\n]", arguments)):
        if not segment:
            continue
        match = _WITH_COLON.match(segment)
        if match is None and current is not None:
            values[current] += "\n" + segment
            continue
        match = match or _WITHOUT_COLON.match(segment)
        if match is None:
            raise UsageError(intake_texts.CORRECTION_MISSING.format(fields=_field_list()))
        field = _field(match[1])
        if field in values:
            raise UsageError(
                intake_texts.FIELD_TWICE.format(field=intake_texts.CORRECTION_NAMES[field])
            )
        values[field], current = match[2].strip(), field
    if not values:
        raise UsageError(intake_texts.CORRECTION_MISSING.format(fields=_field_list()))
    for field, value in values.items():
        if not value:
            raise UsageError(
                intake_texts.FIELD_EMPTY.format(field=intake_texts.CORRECTION_NAMES[field])
            )
    return values


def _field_list() -> str:
    return ", ".join(intake_texts.CORRECTION_FIELDS)


def _field(name: str) -> IntakeField:
    key = name.lower()
    key = intake_texts.CORRECTION_ALIASES.get(key, key)
    if key in intake_texts.CORRECTION_FIELDS:
        return intake_texts.CORRECTION_FIELDS[key]
    code = field_code(name)  # every name `!signaal` knows for a field, and small typos
    if code is not None:
        return code
    message = intake_texts.FIELD_UNKNOWN.format(field=excerpt(name), fields=_field_list())
    close = process.extractOne(
        key, intake_texts.CORRECTION_FIELDS, scorer=fuzz.ratio, score_cutoff=60
    )
    raise UsageError(
        message + (" " + core_texts.DID_YOU_MEAN.format(options=close[0]) if close else "")
    )


def read_value(field: IntakeField, typed: str, settings: Settings) -> Value:
    """The value to store, read as `!signaal` reads it; `onbekend` empties all but the title."""
    limits = settings.limits
    if field == IntakeField.TITLE:
        title = " ".join(typed.split())
        refuse_if_longer(title, limits.title_chars, intake_texts.CORRECTION_TITLE)
        return title
    if normalise(typed) == intake_texts.CLEAR_WORD:
        return [] if field == IntakeField.ASPECT else None
    if field in READERS:
        reading = READERS[field](typed)
        if reading.problem:
            raise UsageError(reading.problem)
        return list(reading.value or ()) if field == IntakeField.ASPECT else reading.value
    refuse_if_longer(typed, limits.field_chars, intake_texts.CORRECTION_NAMES[field])
    return typed.strip()


def shown(field: IntakeField, value: Value) -> str:
    """A stored value as members read it: the region's and sector's names, not their codes."""
    if not value:
        return texts.NOT_KNOWN
    if isinstance(value, list):
        return ", ".join(value)
    match field:
        case IntakeField.REGION:
            return regions()[value].label
        case IntakeField.SECTOR:
            return sectors()[value].name
        case IntakeField.SOURCE:
            return intake_texts.SOURCES[value]
        case IntakeField.BORDER:
            return border_texts.BORDER_SHOWN.format(name=country_label(value), code=value)
    return value


def _stored(case: Case, field: IntakeField) -> Value:
    return getattr(case, _ATTRIBUTES.get(field, field.value))


@dataclass(frozen=True)
class Change:
    field: IntakeField
    old: str
    new: str

    def line(self, limit: int) -> str:
        return intake_texts.CORRECTED_LINE.format(
            field=intake_texts.CORRECTION_NAMES[self.field],
            old=excerpt(self.old, limit),
            new=excerpt(self.new, limit),
        )


def _old(case: Case, field: IntakeField) -> str:
    """What the case holds now; for a field the bot could not read at intake, what was typed."""
    typed = case.unread.get(field)
    if typed is not None and not _stored(case, field):
        return intake_texts.CORRECTION_WAS_UNREAD.format(typed=excerpt(typed))
    return shown(field, _stored(case, field))


def _apply(case: Case, new: dict[IntakeField, Value]) -> tuple[list[Change], list[str]]:
    """Set the values that differ; the changes, and what was already so."""
    changes: list[Change] = []
    same: list[str] = []
    for field, value in new.items():
        if value == _stored(case, field) and field not in case.unread:
            same.append(
                intake_texts.CORRECTION_SAME.format(
                    field=intake_texts.CORRECTION_NAMES[field], value=excerpt(shown(field, value))
                )
            )
            continue
        changes.append(Change(field, _old(case, field), shown(field, value)))
        setattr(case, _ATTRIBUTES.get(field, field.value), value)
    # A new dict: SQLAlchemy sees a JSON column change only when the value is replaced.
    case.unread = {key: typed for key, typed in case.unread.items() if key not in new}
    if {IntakeField.TITLE, IntakeField.LOCATION} & new.keys():
        case.company_key = company_key(case.title, case.location)
    return changes, same


async def handle_correction(request: CorrectionRequest, context: Context) -> list[Effect]:
    case = await target_case(request.number, context, intake_texts.CORRECTION_NUMBERED)
    # Every value is read before anything changes: one bad value refuses the whole command.
    new = {
        field: read_value(field, typed, context.settings) for field, typed in request.values.items()
    }
    follow_location(case, new, context.settings)
    was_cross_border = is_cross_border(case)
    changes, same = _apply(case, new)
    if not changes:
        answer = intake_texts.CORRECTION_NOTHING.format(number=case.number, same="; ".join(same))
        return [Reply(text(answer))]
    for change in changes:
        await context.record(
            case,
            TimelineKind.CORRECTION,
            intake_texts.TIMELINE_CORRECTION.format(
                field=intake_texts.CORRECTION_NAMES[change.field],
                old=" ".join(change.old.split()),
                new=" ".join(change.new.split()),
            ),
        )
    proposal = propose_if_newly_flagged(case, was_cross_border, context)
    return [*_effects(case, changes, same, context), *proposal]


def _effects(case: Case, changes: list[Change], same: list[str], context: Context) -> list[Effect]:
    """The answer; the room renewed (name, topic, invitations); the card; the room told."""
    fields = {change.field for change in changes}
    invited = IntakeField.REGION in fields and case.region is not None
    told = bullets([text(change.line(ANSWER_VALUE_CHARS)) for change in changes])
    answer = lines(
        bold(intake_texts.CORRECTED.format(number=case.number)),
        told,
        intake_texts.CORRECTION_INVITED.format(region=regions()[case.region].label)
        if invited
        else None,
        intake_texts.CORRECTION_UNCHANGED.format(same="; ".join(same)) if same else None,
    )
    effects: list[Effect] = [Reply(answer)]
    if fields & _IN_ROOM:
        invite = tuple(incident_invitees(case, context.directory, context.now)) if invited else ()
        effects.append(UpdateCaseRoom(case.id, invite, rename=IntakeField.TITLE in fields))
    if context.room_case is None or context.room_case.id != case.id:
        effects.append(PostInCaseRoom(case.id, _told(context, told)))
    return [*effects, *card_changed(case)]


def _told(context: Context, changes: Message) -> Message:
    sender = user_pill(context.sender, context.member.name)
    return lines(fill(intake_texts.CORRECTION_TOLD, sender=sender), changes)


COMMAND = Command(
    help=intake_texts.CORRECTION_HELP,
    request=CorrectionRequest,
    parse=parse_correction,
    handler=handle_correction,
)
