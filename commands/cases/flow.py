"""The repressive path after the signal: coordinator, decision, visit, report, closing, timeline."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict

from commands.cases.fields import region_code
from commands.cases.target import split_case_number, target_case
from commands.cases.window import replan_case
from commands.core.command_help import CommandHelp
from commands.core.context import Context
from commands.core.effects import Effect, PostInCaseRoom, RefreshCard, Reply, UpdateCaseRoom
from commands.core.message import bold, fill, lines, text, user_pill
from commands.core.moments import MomentError, format_moment, parse_moment
from commands.core.registry import Command, UsageError
from commands.core.timefmt import duration, short_moment
from commands.directory.people import (
    coordinator_label,
    entity_members,
    incident_invitees,
    parse_coordinator,
)
from commands.follow_up.entries import handle_general_decision, record_decision
from commands.texts import cases as texts
from commands.texts import directory as directory_texts
from config.reference import parse_entity, regions
from storage.cases import Case, CaseKind, CaseStatus, Decision

TIMELINE_LIMIT = 50


class CaseRequest(BaseModel):
    """A case number (or none: this room's case) and the rest of the text."""

    model_config = ConfigDict(frozen=True)

    number: tuple[int | None, int] | None = None
    rest: str = ""
    raw: str = ""  # the arguments as typed, for commands that also take free text


def parse_case_request(arguments: str) -> dict[str, Any]:
    number, rest = split_case_number(arguments)
    return {"number": number, "rest": rest, "raw": arguments.strip()}


def _changed(case: Case) -> list[Effect]:
    return [RefreshCard(case.id)]


# -- !coordinator ---------------------------------------------------------------------------


async def handle_coordinator(request: CaseRequest, context: Context) -> list[Effect]:
    case = await target_case(request.number, context, "!coordinator 2026-017 ISZW")
    entity, region = parse_coordinator(request.rest, case.region)
    label = coordinator_label(entity, region)
    previous = (
        coordinator_label(case.coordinator, case.coordinator_region) if case.coordinator else None
    )
    if previous == label:
        return [Reply(text(texts.COORDINATOR_SAME.format(coordinator=label, number=case.number)))]
    case.coordinator, case.coordinator_region = entity.value, region
    if case.status == CaseStatus.REPORTED:
        case.status = CaseStatus.ASSESSING
    if previous:
        await context.record(
            case, "overdracht", texts.TIMELINE_HANDOVER.format(previous=previous, coordinator=label)
        )
        answer = texts.COORDINATOR_HANDOVER.format(
            number=case.number, previous=previous, coordinator=label
        )
    else:
        await context.record(
            case, "coordinator", texts.TIMELINE_COORDINATOR.format(coordinator=label)
        )
        answer = texts.COORDINATOR_SET.format(coordinator=label, number=case.number)
    members = entity_members(context.settings, entity, region)
    duties = lines(
        bold(answer),
        texts.COORDINATOR_DUTIES,
        texts.COORDINATOR_NO_MEMBERS.format(coordinator=label) if not members else None,
    )
    effects: list[Effect] = [Reply(text(answer))]
    if context.room_case is None or context.room_case.id != case.id:
        effects.append(PostInCaseRoom(case.id, duties, tuple(members)))
    else:
        effects = [Reply(duties, tuple(members))]
    return [*effects, *_changed(case)]


# -- !regio --------------------------------------------------------------------------------


async def handle_region(request: CaseRequest, context: Context) -> list[Effect]:
    case = await target_case(request.number, context, "!regio 2026-017 VNOG")
    if not request.rest.strip():
        raise UsageError(texts.REGION_MISSING)
    region = region_code(request.rest.strip())
    label = regions()[region].label
    if case.region == region:
        return [Reply(text(texts.REGION_SAME.format(number=case.number, region=label)))]
    case.region = region
    await context.record(case, "regio", texts.TIMELINE_REGION.format(region=label))
    invite = tuple(incident_invitees(case, context.settings))
    answer = text(texts.REGION_SET.format(number=case.number, region=label))
    return [Reply(answer), UpdateCaseRoom(case.id, invite), *_changed(case)]


# -- !besluit --------------------------------------------------------------------------------

_DECISION = re.compile(r"^(geen\s+inzet|inzet)\b[\s:,-]*(.*)$", re.IGNORECASE | re.DOTALL)


async def handle_decision(request: CaseRequest, context: Context) -> list[Effect]:
    """`inzet`/`geen inzet` decides the case's visit; any other text goes on the decision list."""
    match = _DECISION.match(request.rest.strip())
    if match is None:
        return await handle_general_decision(request.raw, context)
    case = await target_case(request.number, context, "!besluit 2026-017 inzet <toelichting>")
    if case.kind == CaseKind.PREVENTIVE:
        raise UsageError(texts.PREVENTIVE_NO_DECISION)
    decision = Decision.NO_VISIT if match[1].lower().startswith("geen") else Decision.VISIT
    note = " ".join(match[2].split())
    if not note:
        raise UsageError(texts.DECISION_NOTE_MISSING)
    if len(note) > context.settings.limits.field_chars:
        raise UsageError(
            texts.FIELD_TOO_LONG.format(
                field="toelichting", length=len(note), limit=context.settings.limits.field_chars
            )
        )
    if case.visited_at is not None:
        raise UsageError(texts.DECISION_AFTER_VISIT)
    previous = case.decision
    case.decision, case.decision_note = decision, note
    if case.status in (CaseStatus.REPORTED, CaseStatus.ASSESSING) or decision == Decision.NO_VISIT:
        case.status = CaseStatus.DECIDED
    if decision == Decision.NO_VISIT:
        case.visit_planned_at = None
    await context.record(
        case, "besluit", texts.TIMELINE_DECISION.format(decision=decision, note=note)
    )
    await record_decision(
        texts.DECISION_LIST_ENTRY.format(decision=decision, note=note), context, case
    )
    await replan_case(context, case)
    template = texts.DECISION_CHANGED if previous and previous != decision else texts.DECISION_SET
    answer = template.format(number=case.number, decision=decision, previous=previous, note=note)
    return [Reply(text(answer)), *_changed(case)]


# -- !inzet ------------------------------------------------------------------------------------

_VISIT = re.compile(r"^(gepland|uitgevoerd)\b\s*(.*)$", re.IGNORECASE | re.DOTALL)


async def handle_visit(request: CaseRequest, context: Context) -> list[Effect]:
    case = await target_case(request.number, context, "!inzet 2026-017 gepland morgen 14:00")
    if case.kind == CaseKind.PREVENTIVE:
        raise UsageError(texts.PREVENTIVE_USE_OWN_COMMAND)
    match = _VISIT.match(request.rest.strip())
    if match is None:
        raise UsageError(texts.VISIT_KIND_MISSING)
    zone = context.settings.platform.zone
    if case.visited_at is not None:
        raise UsageError(
            texts.VISIT_ALREADY_DONE.format(moment=format_moment(case.visited_at, zone))
        )
    if case.decision is None:
        raise UsageError(texts.VISIT_NEEDS_DECISION)
    if case.decision == Decision.NO_VISIT:
        raise UsageError(texts.VISIT_DECIDED_AGAINST)
    if match[1].lower() == "gepland":
        return await _planned(case, match[2], context)
    return await _done(case, match[2], context)


def _read_moment(value: str, context: Context, prefer: str) -> tuple[Any, str]:
    try:
        return parse_moment(value, context.now, context.settings.platform.zone, prefer=prefer)
    except MomentError as error:
        raise UsageError(str(error)) from error


async def _planned(case: Case, value: str, context: Context) -> list[Effect]:
    if not value.strip():
        raise UsageError(texts.VISIT_WHEN_MISSING)
    moment, location = _read_moment(value, context, "future")
    zone = context.settings.platform.zone
    shown = format_moment(moment, zone, context.now)
    if moment < context.now:
        raise UsageError(texts.VISIT_IN_PAST.format(moment=shown))
    location = " ".join(location.split()) or None
    if location and len(location) > context.settings.limits.field_chars:
        raise UsageError(
            texts.FIELD_TOO_LONG.format(
                field="locatie", length=len(location), limit=context.settings.limits.field_chars
            )
        )
    case.visit_planned_at, case.visit_location = moment, location
    case.status = CaseStatus.PLANNED
    where = f", {location}" if location else ""
    await context.record(
        case, "inzet gepland", texts.TIMELINE_PLANNED.format(moment=shown, location=where)
    )
    answer = lines(
        bold(texts.VISIT_PLANNED.format(number=case.number, moment=shown)),
        texts.VISIT_PLANNED_AT.format(location=location) if location else None,
    )
    return [Reply(answer), *_changed(case)]


async def _done(case: Case, value: str, context: Context) -> list[Effect]:
    zone = context.settings.platform.zone
    moment = context.sent_at
    if value.strip():
        moment, _rest = _read_moment(value, context, "past")
    shown = format_moment(moment, zone, context.now)
    if moment > context.now:
        raise UsageError(texts.VISIT_IN_FUTURE.format(moment=shown))
    if moment < case.signalled_at:
        raise UsageError(
            texts.VISIT_BEFORE_SIGNAL.format(
                moment=shown, signal=format_moment(case.signalled_at, zone, context.now)
            )
        )
    case.visited_at = moment
    case.lead_time_seconds = int((moment - case.signalled_at).total_seconds())
    case.status = CaseStatus.VISITED
    await context.record(case, "inzet uitgevoerd", texts.TIMELINE_VISITED.format(moment=shown))
    await replan_case(context, case)
    coordinator = (
        coordinator_label(case.coordinator, case.coordinator_region) if case.coordinator else None
    )
    answer = lines(
        bold(
            texts.VISIT_DONE.format(
                number=case.number, moment=shown, lead_time=duration(moment - case.signalled_at)
            )
        ),
        texts.VISIT_REPORT_DUE.format(coordinator=coordinator) if coordinator else None,
    )
    return [Reply(answer), *_changed(case)]


# -- !rapport --------------------------------------------------------------------------------


def parse_report(arguments: str) -> dict[str, Any]:
    number, rest = split_case_number(arguments)
    fields: dict[str, str] = {}
    current: str | None = None
    for line in rest.splitlines():
        match = re.match(r"^\s*([a-zA-Z ]+?)\s*:\s*(.*)$", line)
        key = match[1].lower() if match else None
        if match and key in texts.REPORT_FIELDS:
            current = texts.REPORT_FIELDS[key]
            if current in fields:
                raise UsageError(texts.FIELD_TWICE.format(field=key))
            fields[current] = match[2].strip()
        elif match and current is None:
            raise UsageError(
                texts.FIELD_UNKNOWN.format(
                    field=match[1][:40], fields=", ".join(texts.REPORT_FIELDS)
                )
            )
        elif line.strip():
            if current is None:
                raise UsageError(texts.REPORT_FIELDS_MISSING)
            fields[current] += "\n" + line.strip()
    return {"number": number, "fields": fields}


class ReportRequest(BaseModel):
    model_config = ConfigDict(frozen=True)

    number: tuple[int | None, int] | None = None
    fields: dict[str, str]


async def handle_report(request: ReportRequest, context: Context) -> list[Effect]:
    case = await target_case(request.number, context, "!rapport 2026-017")
    if not request.fields.get("findings"):
        raise UsageError(texts.REPORT_FIELDS_MISSING)
    limit = context.settings.limits.field_chars
    for key, value in request.fields.items():
        if len(value) > limit:
            raise UsageError(
                texts.FIELD_TOO_LONG.format(
                    field=texts.REPORT_LABELS[key].lower(), length=len(value), limit=limit
                )
            )
    participants = request.fields.get("participants", "")
    for word in filter(None, (w.strip() for w in re.split(r"[,;]", participants))):
        if parse_entity(word) is None and not _is_region(word):
            raise UsageError(directory_texts.ENTITY_UNKNOWN.format(value=word[:60]))
    if case.coordinator is None:
        raise UsageError(texts.REPORT_NO_COORDINATOR)
    label = coordinator_label(case.coordinator, case.coordinator_region)
    if context.sender not in entity_members(
        context.settings, case.coordinator, case.coordinator_region
    ):
        raise UsageError(texts.REPORT_NOT_COORDINATOR.format(coordinator=label))
    if case.visited_at is None:
        raise UsageError(texts.REPORT_BEFORE_VISIT)
    case.report = dict(request.fields)
    case.report_filed_at = context.sent_at
    case.status = CaseStatus.REPORT_RECEIVED
    await context.record(case, "rapportage", texts.TIMELINE_REPORT)
    await replan_case(context, case)
    answer = fill(
        texts.REPORT_FILED,
        number=case.number,
        sender=user_pill(context.sender, context.member.name),
    )
    return [Reply(answer), *_changed(case)]


def _is_region(word: str) -> bool:
    return regions().lookup(word).match is not None


# -- !sluit ----------------------------------------------------------------------------------


async def handle_close(request: CaseRequest, context: Context) -> list[Effect]:
    case = await target_case(request.number, context, "!sluit 2026-017 <reden>")
    reason = " ".join(request.rest.split()) or None
    if case.report_filed_at is None and reason is None:
        raise UsageError(texts.CLOSE_NEEDS_REASON)
    if reason and len(reason) > context.settings.limits.field_chars:
        raise UsageError(
            texts.FIELD_TOO_LONG.format(
                field="reden", length=len(reason), limit=context.settings.limits.field_chars
            )
        )
    case.status = CaseStatus.CLOSED
    case.closed_at = context.sent_at
    case.close_reason = reason
    await context.record(
        case, "gesloten", texts.TIMELINE_CLOSED.format(reason=f": {reason}" if reason else "")
    )
    await replan_case(context, case)
    template = texts.CLOSED_REASON if reason else texts.CLOSED
    return [Reply(text(template.format(number=case.number, reason=reason))), *_changed(case)]


# -- !tijdlijn -------------------------------------------------------------------------------


async def handle_timeline(request: CaseRequest, context: Context) -> list[Effect]:
    if request.rest.strip():
        raise UsageError(texts.NO_ARGUMENTS_CASE.format(name="tijdlijn"))
    case = await target_case(request.number, context, "!tijdlijn 2026-017", open_only=False)
    everything = await context.cases.recent_timeline(case, limit=None)
    entries = everything[-TIMELINE_LIMIT:]
    left_out = len(everything) - len(entries)
    zone = context.settings.platform.zone
    shown = []
    for entry in entries:
        member = context.settings.member(entry.actor)
        who = user_pill(entry.actor, member.name if member else None)
        shown.append(text(f"{short_moment(entry.at, zone)} · ") + who + f": {entry.text}")
    while True:  # long entries: the oldest make way until the message fits in one event
        message = lines(
            bold(texts.TIMELINE_HEADER.format(number=case.number, title=case.title)),
            texts.TIMELINE_MORE.format(count=left_out) if left_out else None,
            *shown,
        )
        if message.fits() or not shown:
            return [Reply(message)]
        shown, left_out = shown[1:], left_out + 1


def _command(
    help: CommandHelp,
    handler: Any,
    *,
    request: Any = CaseRequest,
    parse: Any = parse_case_request,
) -> Command:
    return Command(help=help, request=request, parse=parse, handler=handler)


COMMANDS = (
    _command(
        texts.COORDINATOR_HELP,
        handle_coordinator,
    ),
    _command(
        texts.REGION_HELP,
        handle_region,
    ),
    _command(
        texts.DECISION_HELP,
        handle_decision,
    ),
    _command(
        texts.VISIT_HELP,
        handle_visit,
    ),
    _command(
        texts.REPORT_HELP,
        handle_report,
        request=ReportRequest,
        parse=parse_report,
    ),
    _command(
        texts.CLOSE_HELP,
        handle_close,
    ),
    _command(
        texts.TIMELINE_HELP,
        handle_timeline,
    ),
)
