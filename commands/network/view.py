"""`!netwerk` in the chat: the netwerkkaart grouped by holder, each row with its aspects, its
basis, its period and its marker, so it reads as a table in Element."""

from __future__ import annotations

from datetime import date

from commands.core.message import Message, bold, bullets, lines, text
from commands.core.timefmt import long_date
from commands.network.rows import aspects_label, basis_text, power_text
from commands.texts import network as texts
from config.powers import Aspect, Holder, Power, PowersTable


def network_message(
    table: PowersTable, aspect: Aspect | None, holder: Holder | None, on: date | None
) -> Message:
    """The map, or the part asked for; the legend of the markers when a row shown has one, and
    under the whole map how to ask for a part of it."""
    shown = table.on(on) if on else table
    if holder is not None:
        header = texts.HEADER_HOLDER.format(holder=texts.HOLDER_NAMES[holder])
        rows = shown.of_holder(holder)
        body = _holder_detail(rows)
    elif aspect is not None:
        header = texts.HEADER_ASPECT.format(aspect=texts.ASPECT_NAMES[aspect].lower())
        rows = shown.of_aspect(aspect)
        body = _grouped(PowersTable(rows), with_aspects=False)
    else:
        header, rows = texts.HEADER_ALL, list(shown)
        body = _grouped(shown, with_aspects=True)
    if on:
        header = texts.HEADER_ON.format(header=header, date=long_date(on))
    if body is None and on:
        body = text(texts.NOTHING_ON.format(date=long_date(on)))
    legend = texts.LEGEND if any(not row.verified for row in rows) else None
    more = texts.MORE if holder is None and aspect is None else None
    return lines(bold(header), body, legend, more)


def _row(row: Power, with_aspects: bool) -> Message:
    if with_aspects:
        said = texts.ROW.format(
            aspects=aspects_label(row.aspects), power=power_text(row), basis=basis_text(row)
        )
    else:
        said = texts.ROW_IN_ASPECT.format(power=power_text(row), basis=basis_text(row))
    return text(said)


def _grouped(table: PowersTable, with_aspects: bool) -> Message | None:
    """Per holder its name, then its rows."""
    parts: list[Message] = []
    for holder in table.holders():
        parts.append(bold(texts.HOLDER_NAMES[holder]))
        parts.append(bullets([_row(row, with_aspects) for row in table.of_holder(holder)]))
    return lines(*parts) if parts else None


def _holder_detail(rows: list[Power]) -> Message | None:
    """One holder: each row, and under it its conditions and its source."""
    items = []
    for row in rows:
        detail = (
            texts.NOTE.format(note=row.note, source=row.source)
            if row.note
            else texts.SOURCE.format(source=row.source)
        )
        items.append(lines(_row(row, with_aspects=True), detail))
    return bullets(items) if items else None
