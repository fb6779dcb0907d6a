"""Which case a command is about: the incident room's own, or a number put in front."""

from __future__ import annotations

import re

from commands.core.context import Context
from commands.core.registry import UsageError
from commands.texts import cases as texts
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
    if open_only and case.status == CaseStatus.CLOSED:
        raise UsageError(texts.CASE_CLOSED.format(number=case.number))
    return case
