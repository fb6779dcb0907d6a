"""The repressive path after the signal: coordinator, region, decision and visit."""

from __future__ import annotations

import re
from typing import Any

from commands.border.flag import is_cross_border
from commands.border.proposal import propose_if_newly_flagged, propose_informing
from commands.cases.fields import region_code
from commands.cases.target import (
    CaseRequest,
    card_changed,
    case_command,
    target_case,
)
from commands.cases.window import replan_case
from commands.core.context import Context
from commands.core.effects import Effect, PostInCaseRoom, Reply, UpdateCaseRoom
from commands.core.limits import refuse_if_longer
from commands.core.message import bold, lines, text
from commands.core.moments import MomentError, format_moment, parse_moment
from commands.core.people import (
    coordinator_label,
    entity_members,
    incident_invitees,
    parse_coordinator,
)
from commands.core.registry import UsageError
from commands.core.timefmt import duration
from commands.follow_up.entries import handle_general_decision, record_decision
from commands.texts import cases as texts
from config.reference import regions
from storage.cases import Case, CaseKind, CaseStatus, Decision, TimelineKind

TIMELINE_LIMIT = 50


# -- !coordinator ---------------------------------------------------------------------------


async def handle_coordinator(request: CaseRequest, context: Context) -> list[Effect]:
    case = await target_case(request.number, context, texts.COORDINATOR_NUMBERED)
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
            case,
            TimelineKind.HANDOVER,
            texts.TIMELINE_HANDOVER.format(previous=previous, coordinator=label),
        )
        answer = texts.COORDINATOR_HANDOVER.format(
            number=case.number, previous=previous, coordinator=label
        )
    else:
        await context.record(
            case, TimelineKind.COORDINATOR, texts.TIMELINE_COORDINATOR.format(coordinator=label)
        )
        answer = texts.COORDINATOR_SET.format(coordinator=label, number=case.number)
    members = entity_members(context.directory, entity, region, context.now)
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
    # A GGD or VR of another region coordinates: its members come into the room too.
    invite = UpdateCaseRoom(case.id, tuple(incident_invitees(case, context.directory, context.now)))
    return [*effects, invite, *propose_informing(case, context), *card_changed(case)]


# -- !regio --------------------------------------------------------------------------------


async def handle_region(request: CaseRequest, context: Context) -> list[Effect]:
    case = await target_case(request.number, context, texts.REGION_NUMBERED)
    if not request.rest.strip():
        raise UsageError(texts.REGION_MISSING)
    region = region_code(request.rest.strip())
    label = regions()[region].label
    if case.region == region:
        return [Reply(text(texts.REGION_SAME.format(number=case.number, region=label)))]
    was_cross_border = is_cross_border(case)
    case.region = region
    await context.record(case, TimelineKind.REGION, texts.TIMELINE_REGION.format(region=label))
    invite = tuple(incident_invitees(case, context.directory, context.now))
    answer = text(texts.REGION_SET.format(number=case.number, region=label))
    proposal = propose_if_newly_flagged(case, was_cross_border, context)
    return [Reply(answer), UpdateCaseRoom(case.id, invite), *proposal, *card_changed(case)]


# -- !besluit --------------------------------------------------------------------------------

_DECISION = re.compile(r"^(geen\s+inzet|inzet)\b[\s:,-]*(.*)$", re.IGNORECASE | re.DOTALL)


async def handle_decision(request: CaseRequest, context: Context) -> list[Effect]:
    """`inzet`/`geen inzet` decides the case's visit; any other text goes on the decision list."""
    match = _DECISION.match(request.rest.strip())
    if match is None:
        return await handle_general_decision(request.raw, context)
    case = await target_case(request.number, context, texts.DECISION_NUMBERED)
    if case.kind == CaseKind.PREVENTIVE:
        raise UsageError(texts.PREVENTIVE_NO_DECISION)
    decision = Decision.NO_VISIT if match[1].lower().startswith("geen") else Decision.VISIT
    note = " ".join(match[2].split())
    if not note:
        raise UsageError(texts.DECISION_NOTE_MISSING)
    refuse_if_longer(note, context.settings.limits.field_chars, texts.FIELD_NOTE)
    if case.visited_at is not None:
        raise UsageError(texts.DECISION_AFTER_VISIT)
    previous = case.decision
    case.decision, case.decision_note = decision, note
    if case.status in (CaseStatus.REPORTED, CaseStatus.ASSESSING) or decision == Decision.NO_VISIT:
        case.status = CaseStatus.DECIDED
    if decision == Decision.NO_VISIT:
        case.visit_planned_at = None
    label = texts.DECISION_LABELS[decision]
    await context.record(
        case, TimelineKind.DECISION, texts.TIMELINE_DECISION.format(decision=label, note=note)
    )
    await record_decision(
        texts.DECISION_LIST_ENTRY.format(decision=label, note=note), context, case
    )
    await replan_case(context, case)
    template = texts.DECISION_CHANGED if previous and previous != decision else texts.DECISION_SET
    was = texts.DECISION_LABELS[previous] if previous else None
    answer = template.format(number=case.number, decision=label, previous=was, note=note)
    return [Reply(text(answer)), *card_changed(case)]


# -- !inzet ------------------------------------------------------------------------------------

_VISIT = re.compile(r"^(gepland|uitgevoerd)\b\s*(.*)$", re.IGNORECASE | re.DOTALL)


async def handle_visit(request: CaseRequest, context: Context) -> list[Effect]:
    case = await target_case(request.number, context, texts.VISIT_NUMBERED)
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
    refuse_if_longer(location, context.settings.limits.field_chars, texts.FIELD_VISIT_LOCATION)
    case.visit_planned_at, case.visit_location = moment, location
    case.status = CaseStatus.PLANNED
    where = f", {location}" if location else ""
    await context.record(
        case,
        TimelineKind.VISIT_PLANNED,
        texts.TIMELINE_PLANNED.format(moment=shown, location=where),
    )
    answer = lines(
        bold(texts.VISIT_PLANNED.format(number=case.number, moment=shown)),
        texts.VISIT_PLANNED_AT.format(location=location) if location else None,
    )
    return [Reply(answer), *card_changed(case)]


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
    await context.record(case, TimelineKind.VISITED, texts.TIMELINE_VISITED.format(moment=shown))
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
    return [Reply(answer), *card_changed(case)]


COMMANDS = (
    case_command(
        texts.COORDINATOR_HELP,
        handle_coordinator,
    ),
    case_command(
        texts.REGION_HELP,
        handle_region,
    ),
    case_command(
        texts.DECISION_HELP,
        handle_decision,
    ),
    case_command(
        texts.VISIT_HELP,
        handle_visit,
    ),
)
