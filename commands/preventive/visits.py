"""Preventive visits (plan 1.2 and 3.2): `!preventief` plans one with a preparation room,
`!preventief uitgevoerd` records it, `!kalender` lists them; the cadence warning keeps the
promise of one visit every two weeks honest."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from commands.cases.target import split_case_number
from commands.cases.views import CARD, region_label
from commands.cases.window import replan_case
from commands.core.context import Context, Workspace
from commands.core.effects import Effect, OpenIncidentRoom, PostInRoom, RefreshLive, Reply
from commands.core.limits import refuse_if_longer
from commands.core.message import bold, bullets, lines, text
from commands.core.moments import MomentError, format_moment, parse_moment
from commands.core.people import coordinator_label, parse_coordinator
from commands.core.registry import Command, NoArguments, UsageError, no_arguments
from commands.core.schedule import first_start
from commands.core.timefmt import setting, short_moment
from commands.texts import cases as cases_texts
from commands.texts import core as core_texts
from commands.texts import intake as intake_texts
from commands.texts import preventive as texts
from config.reference import Entity, regions, sectors
from storage.cases import Case, CaseKind, CaseStatus, TimelineKind
from storage.reminders import Reminder, ReminderKind

_DONE = re.compile(r"^uitgevoerd\b\s*(.*)$", re.IGNORECASE | re.DOTALL)
_COORDINATOR = re.compile(r"\s+co[oö]rdinator\s+(.+)$", re.IGNORECASE | re.DOTALL)
CALENDAR_LIMIT = 40
_LONGEST_REGION_NAME = 6  # words, e.g. "Noord- en Oost-Gelderland" is three


class PreventiveRequest(BaseModel):
    model_config = ConfigDict(frozen=True)

    action: Literal["plan", "done"]
    rest: str = ""


def parse_preventive(arguments: str) -> dict[str, Any]:
    value = " ".join(arguments.split())
    done = _DONE.match(value)
    if done:
        return {"action": "done", "rest": done[1]}
    return {"action": "plan", "rest": value}


async def handle_preventive(request: PreventiveRequest, context: Context) -> list[Effect]:
    if request.action == "done":
        return await _done(request.rest, context)
    return await _plan(request.rest, context)


def _read_moment(value: str, context: Context, prefer: str) -> tuple[datetime, str]:
    try:
        return parse_moment(value, context.now, context.settings.platform.zone, prefer=prefer)
    except MomentError as error:
        raise UsageError(str(error)) from error


def _read_region(value: str) -> tuple[str, str]:
    """The region at the start (code, name or alias, up to several words) and the rest."""
    words = value.split()
    for length in range(min(len(words), _LONGEST_REGION_NAME), 0, -1):
        found = regions().lookup(" ".join(words[:length])).match
        if found is not None:
            return found, " ".join(words[length:])
    if not words:
        raise UsageError(texts.PREVENTIVE_REGION_MISSING)
    suggestions = regions().lookup(words[0]).suggestions
    hint = core_texts.DID_YOU_MEAN.format(options=" of ".join(suggestions)) if suggestions else ""
    raise UsageError(intake_texts.REGION_NOT_FOUND.format(value=words[0][:60]) + " " + hint)


@dataclass(frozen=True)
class _Plan:
    """`!preventief <wanneer> <regio> <bedrijf of sector> [coordinator <entiteit>]`, read."""

    at: datetime
    region: str
    subject: str
    entity: Entity | None
    entity_region: str | None


def _read_plan(value: str, context: Context) -> _Plan:
    if not value:
        raise UsageError(texts.PREVENTIVE_WHEN_MISSING)
    at, rest = _read_moment(value, context, "future")
    if at < context.now - timedelta(minutes=1):
        moment = format_moment(at, context.settings.platform.zone)
        raise UsageError(texts.PREVENTIVE_IN_PAST.format(moment=moment))
    region, rest = _read_region(rest)
    coordinator = _COORDINATOR.search(rest)
    entity, entity_region = (None, None)
    if coordinator:
        entity, entity_region = parse_coordinator(coordinator[1], region)
        rest = rest[: coordinator.start()]
    subject = " ".join(rest.split())
    if not subject:
        raise UsageError(texts.PREVENTIVE_SUBJECT_MISSING)
    limit = context.settings.limits.title_chars
    refuse_if_longer(subject, limit, texts.PREVENTIVE_SUBJECT_FIELD)
    return _Plan(at, region, subject, entity, entity_region)


async def _new_visit(plan: _Plan, context: Context) -> Case:
    sector = sectors().lookup(plan.subject).match
    year = plan.at.astimezone(context.settings.platform.zone).year
    return await context.cases.add(
        Case(
            kind=CaseKind.PREVENTIVE,
            year=year,
            seq=await context.cases.next_seq(year),
            title=sectors()[sector].name if sector else plan.subject,
            company_key=f"preventief:{plan.subject.lower()}",
            region=plan.region,
            sector=sector,
            status=CaseStatus.PLANNED,
            signalled_at=context.sent_at,
            deadline_at=plan.at,
            visit_planned_at=plan.at,
            coordinator=plan.entity.value if plan.entity else None,
            coordinator_region=plan.entity_region,
            created_by=context.sender,
            intake_room_id=context.room_id,
            intake_event_id=context.event_id,
        )
    )


async def _plan(value: str, context: Context) -> list[Effect]:
    plan = _read_plan(value, context)
    case = await _new_visit(plan, context)
    shown = format_moment(plan.at, context.settings.platform.zone, context.now)
    planned = texts.TIMELINE_PREVENTIVE_PLANNED.format(moment=shown)
    await context.record(case, TimelineKind.PREVENTIVE_PLANNED, planned)
    await replan_case(context, case, new_case=True)
    who = (
        coordinator_label(plan.entity, plan.entity_region)
        if plan.entity
        else texts.PREVENTIVE_NO_COORDINATOR
    )
    answer = lines(
        bold(text(texts.PREVENTIVE_PLANNED.format(number=case.number, title=case.title))),
        texts.PREVENTIVE_PLANNED_DETAILS.format(
            moment=shown, region=region_label(case), coordinator=who
        ),
    )
    return [Reply(lines(answer, texts.PREVENTIVE_ROOM_OPENING)), OpenIncidentRoom(case.id, answer)]


async def _done(value: str, context: Context) -> list[Effect]:
    number, rest = split_case_number(value)
    case = await _visit(number, context)
    zone = context.settings.platform.zone
    moment = context.sent_at
    if rest:
        moment, _rest = _read_moment(rest, context, "past")
    shown = format_moment(moment, zone, context.now)
    if moment > context.now + timedelta(minutes=1):
        raise UsageError(cases_texts.VISIT_IN_FUTURE.format(moment=shown))
    case.visited_at = moment
    case.status = CaseStatus.VISITED
    await context.record(
        case, TimelineKind.VISITED, cases_texts.TIMELINE_VISITED.format(moment=shown)
    )
    await replan_case(context, case)
    await replan_cadence(context)
    who = (
        coordinator_label(case.coordinator, case.coordinator_region)
        if case.coordinator
        else texts.PREVENTIVE_NO_COORDINATOR
    )
    answer = lines(
        bold(text(texts.PREVENTIVE_DONE.format(number=case.number, moment=shown))),
        cases_texts.VISIT_REPORT_DUE.format(coordinator=who),
    )
    return [Reply(answer), RefreshLive(CARD, case.id)]


async def _visit(number: tuple[int | None, int] | None, context: Context) -> Case:
    """The preventive visit meant: this preparation room's, or the number given."""
    if number is None:
        case = context.room_case
        if case is None or case.kind != CaseKind.PREVENTIVE:
            raise UsageError(texts.PREVENTIVE_WHICH)
    else:
        year = number[0] or context.now.astimezone(context.settings.platform.zone).year
        found = await context.cases.by_number(year, number[1])
        if found is None or found.kind != CaseKind.PREVENTIVE:
            raise UsageError(texts.PREVENTIVE_NOT_FOUND.format(number=f"{year}-{number[1]:03d}"))
        case = found
    if case.status == CaseStatus.CLOSED:
        raise UsageError(cases_texts.CASE_CLOSED.format(number=case.number))
    if case.visited_at is not None:
        zone = context.settings.platform.zone
        raise UsageError(
            cases_texts.VISIT_ALREADY_DONE.format(moment=format_moment(case.visited_at, zone))
        )
    return case


# -- !kalender ----------------------------------------------------------------------------------


async def handle_calendar(_request: NoArguments, context: Context) -> list[Effect]:
    visits = await context.cases.preventive_visits()
    if not visits:
        return [Reply(text(texts.CALENDAR_EMPTY))]
    shown = visits[-CALENDAR_LIMIT:]  # the planned ones come last, and stay
    items = [text(calendar_line(visit, context.settings.platform.zone)) for visit in shown]
    earlier = len(visits) - len(shown)
    return [
        Reply(
            lines(
                bold(texts.CALENDAR_HEADER),
                texts.CALENDAR_EARLIER.format(count=earlier) if earlier else None,
                bullets(items),
            )
        )
    ]


def calendar_line(visit: Case, zone: Any) -> str:
    who = (
        coordinator_label(visit.coordinator, visit.coordinator_region)
        if visit.coordinator
        else texts.PREVENTIVE_NO_COORDINATOR
    )
    if visit.status == CaseStatus.CLOSED and visit.visited_at is None:
        state = texts.CALENDAR_CANCELLED
    elif visit.visited_at is None:
        state = texts.CALENDAR_PLANNED
    elif visit.report_filed_at is None:
        state = texts.CALENDAR_REPORT_MISSING
    else:
        state = texts.CALENDAR_REPORT_IN
    when = visit.visited_at or visit.deadline_at
    return texts.CALENDAR_LINE.format(
        number=visit.number,
        moment=short_moment(when, zone),
        region=region_label(visit),
        title=visit.title,
        coordinator=who,
        state=state,
    )


# -- the cadence --------------------------------------------------------------------------------


async def last_visit(workspace: Workspace) -> datetime | None:
    """When the last preventive visit was carried out; None before the first."""
    return await workspace.picture.last_preventive_visit()


async def cadence_base(workspace: Workspace) -> datetime:
    """The last preventive visit carried out, or the bot's first start if there is none."""
    return await last_visit(workspace) or await first_start(workspace)


async def replan_cadence(workspace: Workspace) -> None:
    """One warning per base: planned for `every - warn_before` after the last visit."""
    settings = workspace.settings.preventive
    base = await cadence_base(workspace)
    due = base + settings.every - settings.warn_before
    for row in await workspace.reminders.of_kind(ReminderKind.CADENCE):
        if row.due_at == due:
            return  # planned, or already sent: warned once for this base
        if row.sent_at is None and row.cancelled_at is None:
            row.cancelled_at = workspace.now
            workspace.reminder_changes.cancelled.append(row.id)
    await workspace.remind(ReminderKind.CADENCE, due)


async def cadence_warning(reminder: Reminder, workspace: Workspace) -> list[Effect] | None:
    """Warn once when no visit is planned in time; None when one is (or the base moved on)."""
    settings, now = workspace.settings, workspace.now
    previous = await last_visit(workspace)
    base = previous or await first_start(workspace)
    if reminder.due_at != base + settings.preventive.every - settings.preventive.warn_before:
        return None
    due_by = base + settings.preventive.every
    visits = await workspace.cases.preventive_visits()
    planned = [
        v
        for v in visits
        if v.visited_at is None and v.status != CaseStatus.CLOSED and base < v.deadline_at <= due_by
    ]
    if planned:
        return None
    zone = settings.platform.zone
    suggestions = await suggested_regions(workspace)
    message = lines(
        bold(
            text(
                (texts.CADENCE_WARNING if previous else texts.CADENCE_WARNING_FIRST).format(
                    every=setting(settings.preventive.every),
                    due=format_moment(due_by, zone, now),
                )
            )
        ),
        texts.CADENCE_SUGGESTIONS.format(regions=", ".join(suggestions))
        if suggestions
        else texts.CADENCE_NO_SUGGESTIONS,
        texts.CADENCE_HOW,
    )
    return [PostInRoom(workspace.platform_room, message)]


async def suggested_regions(workspace: Workspace) -> list[str]:
    """Regions with recent signals and no recent or planned preventive visit, most signals first."""
    since = workspace.now - workspace.settings.preventive.recent
    signals = dict(await workspace.cases.signals_by_region(since))
    visited = {
        visit.region
        for visit in await workspace.cases.preventive_visits()
        if visit.status != CaseStatus.CLOSED and (visit.visited_at or visit.deadline_at) >= since
    }
    ranked = [region for region in signals if region not in visited]
    return [
        (texts.CADENCE_REGION_ONE if signals[code] == 1 else texts.CADENCE_REGION).format(
            region=regions()[code].label, count=signals[code]
        )
        for code in ranked
    ]


COMMANDS = (
    Command(
        help=texts.PREVENTIVE_HELP,
        request=PreventiveRequest,
        parse=parse_preventive,
        handler=handle_preventive,
    ),
    Command(
        help=texts.CALENDAR_HELP,
        request=NoArguments,
        parse=no_arguments("kalender"),
        handler=handle_calendar,
    ),
)
