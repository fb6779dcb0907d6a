"""The accountability report as a chat message: each section a bold title and bullets."""

from __future__ import annotations

from commands.core.message import Message, bold, bullets, lines, text
from commands.picture.accountability_doc import AccountabilityDocument, report_content
from commands.picture.report_sections import Section, Table

ROW_LEAD = " — "
CELL_JOIN = " · "
CELL = "{column}: {value}"


def report_message(doc: AccountabilityDocument) -> Message:
    content = report_content(doc)
    return lines(
        bold(content.title),
        content.addressees,
        content.period,
        *(_section(section) for section in content.sections),
        content.generated,
    )


def _section(section: Section) -> Message:
    items = [text(line) for line in section.lines]
    if section.table is not None:
        items += [text(row) for row in table_lines(section.table)]
    items += [text(line) for line in section.after]
    return lines(bold(section.title), bullets(items))


def table_lines(table: Table) -> list[str]:
    """A table row on one line: its first cell, then each other cell after its column's name."""
    return [
        row[0]
        + ROW_LEAD
        + CELL_JOIN.join(
            CELL.format(column=column, value=value)
            for column, value in zip(table.columns[1:], row[1:], strict=True)
            if value
        )
        for row in table.rows
    ]
