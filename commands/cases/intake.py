"""`!signaal`: a signal of a possible outbreak becomes a case, or joins the open case it repeats."""

from __future__ import annotations

from commands.border.flag import signal_border
from commands.cases.fields import FIELDS, SignalRequest, company_key
from commands.cases.signal_text import split_fields
from commands.cases.values import READERS
from commands.cases.views import deadline_line, room_line
from commands.cases.window import replan_case
from commands.core.context import Context
from commands.core.effects import Effect, OpenIncidentRoom, PostInCaseRoom, Reply
from commands.core.message import bold, excerpt, fill, lines, user_pill
from commands.core.registry import Command
from commands.texts import cases as texts
from commands.texts import intake as intake_texts
from config.settings import LimitSettings
from storage.cases import Case, CaseStatus, IntakeField, TimelineKind

#: Names before a colon that are no field, at most this many named in the answer.
_STRANGERS_SHOWN = 5


async def handle_signal(request: SignalRequest, context: Context) -> list[Effect]:
    key = company_key(request.title, request.location)
    existing = await context.cases.find_open_duplicate(request.kvk, key)
    if existing is not None:
        return await _join_existing(existing, request, context)

    zone = context.settings.platform.zone
    year = context.sent_at.astimezone(zone).year
    case = await context.cases.add(
        Case(
            year=year,
            seq=await context.cases.next_seq(year),
            title=request.title,
            company_key=key,
            kvk=request.kvk,
            region=request.region,
            sector=request.sector,
            source=request.source,
            location=request.location,
            border=signal_border(request.border, request.location, context.settings),
            aspects=list(request.aspects),
            unread={code.value: typed for code, typed in request.unread.items()},
            description=request.description,
            status=CaseStatus.REPORTED,
            signalled_at=context.sent_at,
            deadline_at=context.sent_at + context.settings.window.repressive,
            created_by=context.sender,
            intake_room_id=context.room_id,
            intake_event_id=context.event_id,
        )
    )
    await context.record(
        case, TimelineKind.SIGNAL, texts.TIMELINE_SIGNAL.format(title=request.title)
    )
    await replan_case(context, case, new_case=True)
    answer = lines(
        bold(texts.CASE_OPENED.format(number=case.number, title=case.title)),
        deadline_line(case, context.settings, context.now),
        *_not_read(request, case.number, context.settings.limits),
        texts.REGION_ASK if case.region is None else None,
    )
    return [Reply(lines(answer, texts.ROOM_COMING)), OpenIncidentRoom(case.id, answer)]


def _not_read(request: SignalRequest, number: str, limits: LimitSettings) -> list[str]:
    """One line per field the bot could not read or had to cut, and how to correct it."""
    said: list[str] = []
    for code, typed in request.unread.items():
        fix = intake_texts.UNREAD_FIX.format(number=number, field=intake_texts.FIELD_NAMES[code])
        said.append(f"{READERS[code](typed).problem} {fix}")
    if request.strangers:
        said.append(f"{_strangers(request.strangers)} {intake_texts.STRANGERS_KEPT}")
    for code in request.cut:
        if code is IntakeField.TITLE:
            said.append(intake_texts.TITLE_CUT.format(limit=limits.title_chars))
        else:
            label = intake_texts.FIELD_NAMES[code].capitalize()
            said.append(intake_texts.FIELD_CUT.format(field=label, limit=limits.field_chars))
    return said


def _strangers(names: tuple[str, ...]) -> str:
    fields = ", ".join(FIELDS)
    if len(names) == 1:
        return intake_texts.FIELD_UNKNOWN.format(field=excerpt(names[0]), fields=fields)
    shown = ", ".join(excerpt(name) for name in names[:_STRANGERS_SHOWN])
    return intake_texts.FIELDS_UNKNOWN.format(names=shown, fields=fields)


async def _join_existing(case: Case, request: SignalRequest, context: Context) -> list[Effect]:
    await context.record(
        case, TimelineKind.REPEAT_SIGNAL, texts.TIMELINE_REPEAT.format(title=request.title)
    )
    told = lines(
        bold(
            fill(texts.DUPLICATE_ROOM_TOLD, sender=user_pill(context.sender, context.member.name))
        ),
        request.title,
        request.description,
    )
    answer = lines(
        texts.DUPLICATE_JOINED.format(number=case.number, title=case.title),
        deadline_line(case, context.settings, context.now),
        room_line(case),
    )
    return [Reply(answer), PostInCaseRoom(case.id, told)]


COMMAND = Command(
    help=texts.SIGNAAL_HELP,
    request=SignalRequest,
    parse=split_fields,
    handler=handle_signal,
)
