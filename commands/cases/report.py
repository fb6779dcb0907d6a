"""The end of a case's path: the report, closing, and the timeline that accounts for it."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict

from commands.cases.target import (
    CaseRequest,
    card_changed,
    case_command,
    split_case_number,
    target_case,
)
from commands.cases.window import replan_case
from commands.core.context import Context
from commands.core.effects import Effect, Reply
from commands.core.limits import refuse_if_longer
from commands.core.message import bold, fill, lines, text, user_pill
from commands.core.people import coordinator_label, display_name, entity_members
from commands.core.registry import UsageError
from commands.core.timefmt import short_moment
from commands.texts import cases as texts
from commands.texts import directory as directory_texts
from commands.texts import intake as intake_texts
from config.reference import parse_entity, regions
from storage.cases import CaseStatus, TimelineKind

TIMELINE_LIMIT = 50


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
                raise UsageError(intake_texts.FIELD_TWICE.format(field=key))
            fields[current] = match[2].strip()
        elif match and current is None:
            raise UsageError(
                intake_texts.FIELD_UNKNOWN.format(
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
    case = await target_case(request.number, context, texts.REPORT_NUMBERED)
    if not request.fields.get("findings"):
        raise UsageError(texts.REPORT_FIELDS_MISSING)
    limit = context.settings.limits.field_chars
    for key, value in request.fields.items():
        refuse_if_longer(value, limit, texts.REPORT_LABELS[key].lower())
    participants = request.fields.get("participants", "")
    for word in filter(None, (w.strip() for w in re.split(r"[,;]", participants))):
        if parse_entity(word) is None and not _is_region(word):
            raise UsageError(directory_texts.ENTITY_UNKNOWN.format(value=word[:60]))
    if case.coordinator is None:
        raise UsageError(texts.REPORT_NO_COORDINATOR)
    label = coordinator_label(case.coordinator, case.coordinator_region)
    if context.sender not in entity_members(
        context.directory, case.coordinator, case.coordinator_region, context.now
    ):
        raise UsageError(texts.REPORT_NOT_COORDINATOR.format(coordinator=label))
    if case.visited_at is None:
        raise UsageError(texts.REPORT_BEFORE_VISIT)
    case.report = dict(request.fields)
    case.report_filed_at = context.sent_at
    case.status = CaseStatus.REPORT_RECEIVED
    await context.record(case, TimelineKind.REPORT, texts.TIMELINE_REPORT)
    await replan_case(context, case)
    answer = fill(
        texts.REPORT_FILED,
        number=case.number,
        sender=user_pill(context.sender, context.member.name),
    )
    return [Reply(answer), *card_changed(case)]


def _is_region(word: str) -> bool:
    return regions().lookup(word).match is not None


# -- !sluit ----------------------------------------------------------------------------------


async def handle_close(request: CaseRequest, context: Context) -> list[Effect]:
    case = await target_case(request.number, context, texts.CLOSE_NUMBERED)
    reason = " ".join(request.rest.split()) or None
    if case.report_filed_at is None and reason is None:
        raise UsageError(texts.CLOSE_NEEDS_REASON)
    refuse_if_longer(reason, context.settings.limits.field_chars, texts.FIELD_REASON)
    case.status = CaseStatus.CLOSED
    case.closed_at = context.sent_at
    case.close_reason = reason
    await context.record(
        case,
        TimelineKind.CLOSED,
        texts.TIMELINE_CLOSED.format(reason=f": {reason}" if reason else ""),
    )
    await replan_case(context, case)
    template = texts.CLOSED_REASON if reason else texts.CLOSED
    return [Reply(text(template.format(number=case.number, reason=reason))), *card_changed(case)]


# -- !tijdlijn -------------------------------------------------------------------------------


async def handle_timeline(request: CaseRequest, context: Context) -> list[Effect]:
    if request.rest.strip():
        raise UsageError(texts.NO_ARGUMENTS_CASE.format(name="tijdlijn"))
    case = await target_case(request.number, context, texts.TIMELINE_NUMBERED, open_only=False)
    everything = await context.cases.recent_timeline(case, limit=None)
    entries = everything[-TIMELINE_LIMIT:]
    left_out = len(everything) - len(entries)
    zone = context.settings.platform.zone
    shown = []
    for entry in entries:
        who = user_pill(entry.actor, display_name(context.directory, entry.actor))
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


COMMANDS = (
    case_command(
        texts.REPORT_HELP,
        handle_report,
        request=ReportRequest,
        parse=parse_report,
    ),
    case_command(
        texts.CLOSE_HELP,
        handle_close,
    ),
    case_command(
        texts.TIMELINE_HELP,
        handle_timeline,
    ),
)
