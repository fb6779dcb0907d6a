"""`!signaal`: a signal of a possible outbreak becomes a case, or joins the open case it repeats."""

from __future__ import annotations

from commands.cases.fields import SignalRequest, company_key, split_fields
from commands.cases.views import deadline_line, room_line
from commands.cases.window import replan_case
from commands.core.context import Context
from commands.core.effects import Effect, OpenIncidentRoom, PostInCaseRoom, Reply
from commands.core.message import bold, fill, lines, user_pill
from commands.core.registry import Command
from commands.texts import cases as texts
from storage.cases import Case, CaseStatus, TimelineKind


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
            aspects=list(request.aspects),
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
        texts.REGION_ASK if case.region is None else None,
    )
    return [Reply(lines(answer, texts.ROOM_COMING)), OpenIncidentRoom(case.id, answer)]


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
