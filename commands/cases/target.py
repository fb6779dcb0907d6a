"""Which case a command is about: the incident room's own, or a number put in front; the
request every such command takes."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict

from commands.cases.views import CARD
from commands.core.context import Context
from commands.core.effects import Effect, RefreshLive
from commands.core.registry import Command, UsageError
from commands.texts import cases as texts
from commands.texts.command_help import CommandHelp
from storage.audit import case_object
from storage.cases import Case, CaseStatus

_NUMBER = re.compile(r"^#?(?:(\d{4})\s*-\s*)?0*(\d{1,6})(?=\s|$)\s*", re.DOTALL)


def split_case_number(arguments: str) -> tuple[tuple[int | None, int] | None, str]:
    """`2026-017 rest` -> ((2026, 17), `rest`); no number in front -> (None, arguments)."""
    match = _NUMBER.match(arguments.strip())
    if match is None:
        return None, arguments.strip()
    year = int(match[1]) if match[1] else None
    return (year, int(match[2])), arguments.strip()[match.end() :]


async def target_case(
    number: tuple[int | None, int] | None, context: Context, example: str, *, open_only: bool = True
) -> Case:
    """The case meant; a Dutch UsageError when there is none, or when it is closed."""
    if number is None:
        if context.room_case is None:
            raise UsageError(texts.CASE_NEEDED.format(example=example))
        case = context.room_case
    else:
        year = number[0] or context.now.astimezone(context.settings.platform.zone).year
        found = await context.cases.by_number(year, number[1])
        if found is None:
            raise UsageError(texts.CASE_NOT_FOUND.format(number=f"{year}-{number[1]:03d}"))
        case = found
    context.audit_object = case_object(case.number)
    if open_only and case.status == CaseStatus.CLOSED:
        raise UsageError(texts.CASE_CLOSED.format(number=case.number))
    return case


class CaseRequest(BaseModel):
    """A case number (or none: this room's case) and the rest of the text."""

    model_config = ConfigDict(frozen=True)

    number: tuple[int | None, int] | None = None
    rest: str = ""
    raw: str = ""  # the arguments as typed, for commands that also take free text


def parse_case_request(arguments: str) -> dict[str, Any]:
    number, rest = split_case_number(arguments)
    return {"number": number, "rest": rest, "raw": arguments.strip()}


def card_changed(case: Case) -> list[Effect]:
    return [RefreshLive(CARD, case.id)]


def case_command(
    help: CommandHelp,
    handler: Any,
    *,
    request: Any = CaseRequest,
    parse: Any = parse_case_request,
) -> Command:
    """A command about one case: its number first, or none in the case's incident room."""
    return Command(help=help, request=request, parse=parse, handler=handler)
