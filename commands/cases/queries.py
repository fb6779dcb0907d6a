"""`!status` and `!zaken`: reading cases."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, field_validator

from commands.cases.views import listing_line, status
from commands.core.context import Context
from commands.core.effects import Effect, Reply
from commands.core.message import bold, lines, text
from commands.core.registry import Command, NoArguments, UsageError, no_arguments
from commands.texts import cases as texts
from storage.audit import AuditResult, case_object

LISTING_LIMIT = 20
TIMELINE_SHOWN = 5


class StatusRequest(BaseModel):
    model_config = ConfigDict(frozen=True)

    year: int | None = None
    seq: int | None = None

    @field_validator("seq")
    @classmethod
    def _positive(cls, value: int | None) -> int | None:
        if value is not None and value < 1:
            raise UsageError(texts.CASE_NUMBER_INVALID.format(value=value))
        return value


def parse_case_number(arguments: str) -> dict[str, int | None]:
    """`2026-017`, `2026-17` or `17` (this year); nothing means: the case of this room."""
    value = arguments.strip()
    if not value:
        return {}
    match = re.fullmatch(r"(?:(\d{4})\s*[-/]\s*)?0*(\d{1,6})", value.lstrip("#"))
    if match is None:
        raise UsageError(texts.CASE_NUMBER_INVALID.format(value=value[:40]))
    return {"year": int(match[1]) if match[1] else None, "seq": int(match[2])}


async def handle_status(request: StatusRequest, context: Context) -> list[Effect]:
    if request.seq is None:
        if context.room_case is None:
            raise UsageError(texts.STATUS_NEEDS_NUMBER)
        case = context.room_case
    else:
        year = request.year or context.now.astimezone(context.settings.platform.zone).year
        case = await context.cases.by_number(year, request.seq)
        if case is None:
            context.audit_result = AuditResult.REFUSED
            return [Reply(text(texts.CASE_NOT_FOUND.format(number=f"{year}-{request.seq:03d}")))]
    context.audit_object = case_object(case.number)  # a read of this case
    entries = await context.cases.recent_timeline(case, TIMELINE_SHOWN)
    return [Reply(status(case, entries, context.settings, context.directory, context.now))]


async def handle_cases(_request: NoArguments, context: Context) -> list[Effect]:
    cases = await context.cases.open_cases(LISTING_LIMIT)
    if not cases:
        return [Reply(text(texts.CASES_NONE))]
    total = await context.cases.count_open()
    shown = [listing_line(case, context.settings, context.now) for case in cases]
    more = texts.CASES_MORE.format(count=total - len(cases)) if total > len(cases) else None
    return [Reply(lines(bold(texts.CASES_HEADER.format(count=total)), *shown, more))]


STATUS = Command(
    help=texts.STATUS_HELP,
    request=StatusRequest,
    parse=parse_case_number,
    handler=handle_status,
)

CASES = Command(
    help=texts.ZAKEN_HELP,
    request=NoArguments,
    parse=no_arguments("zaken"),
    handler=handle_cases,
)
