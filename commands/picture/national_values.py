"""The cells of an import of national figures, read the way Dutch partners write them.

Numbers are Dutch: the dot separates thousands (`12.400`, groups of three digits) and the comma
is the decimal sign (`12,5`). A count is a whole number, so `12,5` and `1,234` are refused
rather than guessed at. Dates are `2026-10-01` or `1-10-2026` (also with `/` or `.`).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from commands.core.dates import read_date
from commands.core.import_rows import Cell
from commands.core.message import either, excerpt
from commands.core.timefmt import long_date
from commands.texts import national as texts
from config.indicators import Indicator, indicators
from config.matching import Lookup
from config.reference import regions, sectors
from storage.national import SOURCE_CHARS

_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")
_SECTOR_SEPARATORS = re.compile(r"[,;|]")


class CellProblem(ValueError):
    """Why a cell could not be read: one Dutch sentence per thing wrong with it."""

    def __init__(self, *messages: str) -> None:
        super().__init__(*messages)
        self.messages = messages


def plain(cell: Cell) -> str:
    """The text of a cell that holds one value."""
    if not isinstance(cell, str):
        raise CellProblem(texts.VALUE_NOT_TEXT)
    value = cell.strip()
    if not value:
        raise CellProblem(texts.VALUE_EMPTY)
    return value


def read_region(cell: Cell) -> str:
    """A code (VR06), name or alias (VNOG), exactly; a typo is not guessed at."""
    typed = plain(cell)
    found = regions().lookup(typed)
    if found.match:
        return found.match
    raise CellProblem(_with_suggestions(texts.REGION_UNKNOWN.format(value=excerpt(typed)), found))


def read_indicator(cell: Cell) -> Indicator:
    typed = plain(cell)
    code = typed.lower()
    if code in indicators():
        return indicators()[code]
    known = ", ".join(indicator.code for indicator in indicators())
    raise CellProblem(texts.INDICATOR_UNKNOWN.format(value=excerpt(typed), indicators=known))


def dutch_number(typed: str) -> Decimal | None:
    """`12.400` is 12400, `12,5` is 12.5, `1234` is 1234; None when it is no Dutch number."""
    if not _NUMBER.fullmatch(typed):
        return None
    return Decimal(typed.replace(".", "").replace(",", "."))


def read_count(cell: Cell) -> int:
    typed = plain(cell)
    number = dutch_number(typed)
    if number is None:
        raise CellProblem(texts.NUMBER_INVALID.format(value=excerpt(typed)))
    if number != number.to_integral_value():
        raise CellProblem(texts.NUMBER_NOT_WHOLE.format(value=excerpt(typed)))
    if number < 0:
        raise CellProblem(texts.NUMBER_NEGATIVE.format(value=excerpt(typed)))
    return int(number)


def read_sectors(cell: Cell) -> tuple[str, ...]:
    """Sector keys (or names), most important first, separated by commas (or a YAML list)."""
    if isinstance(cell, str):
        items = _SECTOR_SEPARATORS.split(cell)
    elif isinstance(cell, list) and all(isinstance(item, str) for item in cell):
        items = cell
    else:
        raise CellProblem(texts.SECTORS_NONE)
    typed = [item.strip() for item in items if item.strip()]
    if not typed:
        raise CellProblem(texts.SECTORS_NONE)
    keys: list[str] = []
    problems: list[str] = []
    for item in typed:
        found = sectors().lookup(item)
        if found.match is None:
            problems.append(_unknown_sector(item, found))
        elif found.match not in keys:
            keys.append(found.match)
    if problems:
        raise CellProblem(*problems)
    return tuple(keys)


def read_source(cell: Cell) -> str:
    if isinstance(cell, str) and not cell.strip():
        raise CellProblem(texts.SOURCE_MISSING)
    source = " ".join(plain(cell).split())
    if len(source) > SOURCE_CHARS:
        raise CellProblem(texts.SOURCE_TOO_LONG.format(length=len(source), limit=SOURCE_CHARS))
    return source


def read_as_of(cell: Cell, today: date) -> date:
    """The peildatum: a real date, not after `today`."""
    typed = plain(cell)
    as_of = read_date(typed)
    if as_of is None:
        raise CellProblem(texts.DATE_INVALID.format(value=excerpt(typed)))
    if as_of > today:
        raise CellProblem(texts.DATE_IN_FUTURE.format(date=long_date(as_of)))
    return as_of


def _unknown_sector(typed: str, found: Lookup) -> str:
    known = ", ".join(sectors().by_key)
    message = texts.SECTOR_UNKNOWN.format(value=excerpt(typed), sectors=known)
    return _with_suggestions(message, found)


def _with_suggestions(message: str, found: Lookup) -> str:
    if not found.suggestions:
        return message
    return f"{message} {texts.DID_YOU_MEAN.format(options=either(found.suggestions))}"
