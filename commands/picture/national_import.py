"""An import file of national figures, read and checked before anything is stored.

CSV (`;` or `,` separated, UTF-8 with or without BOM, a header line with the columns regio,
indicator, waarde, bron, peildatum) or YAML (a list of mappings with those keys). YAML values
are read as text, exactly like CSV cells, so `waarde: 1.234` is 1234 in both. Every problem is
named with its line and column; a file with any problem yields no figures at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml
from yaml.nodes import Node

from commands.core.import_rows import Problem, Record, RowFormat, in_order, read_rows
from commands.picture import national_values as values
from commands.picture.national_values import Cell, CellProblem
from commands.texts import national as texts
from config.indicators import Indicator, IndicatorKind
from storage.national import FigureValues


@dataclass(frozen=True)
class ReadFigures:
    """The figures of a file, or (when `problems` is not empty) none at all."""

    figures: tuple[FigureValues, ...]
    problems: tuple[Problem, ...]


def read_import(name: str, content: bytes, today: date) -> ReadFigures:
    """Read the file called `name`; a peildatum after `today` is refused."""
    records, problems = read_rows(name, content, _FORMAT)
    figures: list[FigureValues] = []
    first_lines: dict[tuple[str, str], int] = {}
    for record in records:
        figure = _figure(record, today, problems)
        if figure is None:
            continue
        key = (figure.region, figure.indicator)
        if key in first_lines:
            twice = texts.FIGURE_TWICE.format(
                region=figure.region, indicator=figure.indicator, line=first_lines[key]
            )
            problems.append(Problem(twice, record.line))
        else:
            first_lines[key] = record.line
            figures.append(figure)
    return ReadFigures(() if problems else tuple(figures), in_order(problems))


def _figure(record: Record, today: date, problems: list[Problem]) -> FigureValues | None:
    """The figure of a record; its problems are added to `problems`."""

    def read(column: str, reader: Callable[[Cell], Any]) -> Any:
        if column not in record.cells:
            return None  # a missing column is named once, where it is missing
        try:
            return reader(record.cells[column])
        except CellProblem as problem:
            line = record.lines[column]
            problems.extend(Problem(message, line, column) for message in problem.messages)
            return None

    region = read(texts.COLUMN_REGION, values.read_region)
    indicator: Indicator | None = read(texts.COLUMN_INDICATOR, values.read_indicator)
    sectors = indicator is not None and indicator.kind == IndicatorKind.SECTORS
    value = None
    if indicator is not None:
        value = read(texts.COLUMN_VALUE, values.read_sectors if sectors else values.read_count)
    source = read(texts.COLUMN_SOURCE, values.read_source)
    as_of = read(texts.COLUMN_AS_OF, lambda cell: values.read_as_of(cell, today))
    if None in (region, indicator, value, source, as_of):
        return None
    assert indicator is not None
    return FigureValues(
        region=region,
        indicator=indicator.code,
        value=None if sectors else value,
        sectors=value if sectors else None,
        source=source,
        as_of=as_of,
    )


def _column(typed: str) -> str | None:
    name = typed.strip().lower()
    return name if name in texts.COLUMNS else None


def _yaml_key(loader: yaml.BaseLoader, node: Node) -> str:
    """A key in lower case, as the columns are written."""
    key = loader.construct_object(node, deep=True)
    return key.strip().lower() if isinstance(key, str) else str(key)


def _yaml_value(loader: yaml.BaseLoader, node: Node) -> Cell:
    """A value as YAML gives it, a text or a list of texts, read as text as in CSV."""
    return loader.construct_object(node, deep=True)


_FORMAT = RowFormat(
    texts=texts,
    columns=texts.COLUMNS,
    required=texts.COLUMNS,
    column=_column,
    yaml_cell=_yaml_value,
    yaml_key=_yaml_key,
    blank_header_takes_no_value=True,
)
