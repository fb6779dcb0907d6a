"""A row of the netwerkkaart in words: its aspects, its period and its marker, and the one-line
summary of what a holder may do that other families show next to a contact point."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from commands.core.timefmt import long_date
from commands.network.request import parse_holder
from commands.texts import network as texts
from config.powers import Aspect, Power, PowerKind, PowersTable, shipped_powers


def short_date(value: date) -> str:
    """`1-12-2020`, where room is short."""
    return f"{value.day}-{value.month}-{value.year}"


def period(row: Power, show: Callable[[date], str] = long_date) -> str | None:
    """`vanaf 1 december 2020`, `tot ...`, `van ... tot ...`; None for a row without dates."""
    if row.start and row.end:
        return texts.PERIOD_BETWEEN.format(start=show(row.start), end=show(row.end))
    if row.start:
        return texts.PERIOD_FROM.format(start=show(row.start))
    if row.end:
        return texts.PERIOD_UNTIL.format(end=show(row.end))
    return None


def aspects_label(aspects: tuple[Aspect, ...]) -> str:
    """`Werken`, `Wonen en vervoer`, `Alle aspecten`."""
    if len(aspects) == len(Aspect):
        return texts.ALL_ASPECTS
    names = [texts.ASPECT_NAMES[aspect].lower() for aspect in aspects]
    joined = names[0]
    if len(names) > 1:
        joined = texts.ASPECTS_JOINED.format(first=", ".join(names[:-1]), last=names[-1])
    return joined[0].upper() + joined[1:]


def power_text(row: Power) -> str:
    """What it may do; for a limit, that it is not its task."""
    return texts.LIMIT.format(power=row.power) if row.kind is PowerKind.LIMIT else row.power


def basis_text(row: Power, show: Callable[[date], str] = long_date) -> str:
    """The legal basis, its period if it has one, and its marker unless it is verified."""
    when = period(row, show)
    said = texts.WITH_PERIOD.format(basis=row.basis, period=when) if when else row.basis
    return said if row.verified else texts.WITH_MARKER.format(text=said, status=row.status)


def powers_line(holder_code: str, table: PowersTable | None = None, on: date | None = None) -> str:
    """What a holder may do, in one line: `werk stilleggen bij ernstig gevaar (Arbowet art. 28);
    bestuurlijke boetes (Wav art. 19d; ...)`.

    `holder_code` is a holder's code or a name members use (`ISZW`, `NLA`, `GGD`, `VR`); an
    entity without powers on the map (RIVM, LOT-C) gives an empty line. `table`: the table with
    the operator's rows (config.powers.load_powers), the shipped one when None. `on`: only what
    was in force that day; without it every power, each with its period.
    """
    holder = parse_holder(holder_code)
    if holder is None:
        return ""
    rows = (table or shipped_powers()).of_holder(holder)
    items = []
    for row in rows:
        if row.kind is PowerKind.LIMIT or (on is not None and not row.applies_on(on)):
            continue
        when = None if on is not None else period(row, short_date)
        template = texts.LINE_ITEM_PERIOD if when else texts.LINE_ITEM
        items.append(template.format(power=row.power, basis=row.basis, period=when))
    return texts.LINE_SEPARATOR.join(items)
