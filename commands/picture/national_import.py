"""An import file of national figures, read and checked before anything is stored.

CSV (`;` or `,` separated, UTF-8 with or without BOM, a header line with the columns regio,
indicator, waarde, bron, peildatum) or YAML (a list of mappings with those keys). YAML values
are read as text, exactly like CSV cells, so `waarde: 1.234` is 1234 in both. Every problem is
named with its line and column; a file with any problem yields no figures at all.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from commands.core.message import excerpt
from commands.picture import national_values as values
from commands.picture.national_values import Cell, CellProblem
from commands.texts import national as texts
from config.indicators import Indicator, IndicatorKind
from storage.national import FigureValues


@dataclass(frozen=True)
class Problem:
    message: str
    line: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        if self.column is None:
            return texts.AT_LINE.format(line=self.line, message=self.message)
        return texts.AT_LINE_COLUMN.format(line=self.line, column=self.column, message=self.message)


@dataclass(frozen=True)
class Record:
    """The cells of one figure as the file gives them, with the line each cell is on."""

    line: int
    cells: dict[str, Cell]
    lines: dict[str, int]


@dataclass(frozen=True)
class ReadFigures:
    """The figures of a file, or (when `problems` is not empty) none at all."""

    figures: tuple[FigureValues, ...]
    problems: tuple[Problem, ...]


def read_import(name: str, content: bytes, today: date) -> ReadFigures:
    """Read the file called `name`; a peildatum after `today` is refused."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ReadFigures((), (Problem(texts.FILE_NOT_UTF8),))
    suffix = PurePath(name).suffix.lower()
    if suffix == ".csv":
        records, problems = csv_records(text)
    elif suffix in (".yaml", ".yml"):
        records, problems = yaml_records(text)
    else:
        return ReadFigures((), (Problem(texts.FILE_KIND_UNKNOWN.format(file=name)),))
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
    if not records and not problems:
        problems.append(Problem(texts.FILE_EMPTY))
    in_order = sorted(problems, key=lambda problem: problem.line or 0)
    return ReadFigures(() if problems else tuple(figures), tuple(in_order))


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


# -- CSV ---------------------------------------------------------------------------------------


def csv_records(text: str) -> tuple[list[Record], list[Problem]]:
    """The rows under the header line; blank lines are passed over."""
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";" if ";" in first_line else ",")
    rows: list[tuple[int, list[str]]] = []
    read_up_to = 0
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((read_up_to + 1, cells))
            read_up_to = reader.line_num
    except csv.Error:
        return [], [Problem(texts.CSV_INVALID, read_up_to + 1)]
    if not rows:
        return [], []
    (header_line, header), *data = rows
    columns, problems = _header(header_line, header)
    named = {index for index, name in enumerate(header) if name.strip()}
    records = []
    for line, cells in data:
        if any(cell.strip() for index, cell in enumerate(cells) if index not in named):
            problems.append(Problem(texts.CELLS_TOO_MANY, line))
        found = {
            column: cells[index] if index < len(cells) else "" for column, index in columns.items()
        }
        records.append(Record(line, found, dict.fromkeys(found, line)))
    return records, problems


def _header(line: int, header: list[str]) -> tuple[dict[str, int], list[Problem]]:
    """Each known column and its place; unknown, doubled and missing ones as problems."""
    columns: dict[str, int] = {}
    problems: list[Problem] = []
    for index, typed in enumerate(header):
        name = typed.strip().lower()
        if not name:
            continue
        if name not in texts.COLUMNS:
            problems.append(Problem(_unknown_column(typed), line))
        elif name in columns:
            problems.append(Problem(texts.COLUMN_TWICE.format(column=name), line))
        else:
            columns[name] = index
    for column in texts.COLUMNS:
        if column not in columns:
            problems.append(Problem(texts.COLUMN_MISSING.format(column=column), line))
    return columns, problems


def _unknown_column(typed: str) -> str:
    return texts.COLUMN_UNKNOWN.format(column=excerpt(typed), columns=", ".join(texts.COLUMNS))


# -- YAML --------------------------------------------------------------------------------------


def yaml_records(text: str) -> tuple[list[Record], list[Problem]]:
    """The mappings of the top-level list; every value as text (or a list of texts)."""
    loader = yaml.BaseLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return [], []
        if not isinstance(root, SequenceNode):
            return [], [Problem(_expected(texts.YAML_NOT_A_LIST), _line(root))]
        records: list[Record] = []
        problems: list[Problem] = []
        for item in root.value:
            if isinstance(item, MappingNode):
                records.append(_yaml_record(loader, item, problems))
            else:
                problems.append(Problem(_expected(texts.YAML_NOT_A_MAPPING), _line(item)))
        return records, problems
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [], [Problem(texts.YAML_INVALID, mark.line + 1 if mark else None)]
    finally:
        loader.dispose()


def _yaml_record(loader: yaml.BaseLoader, node: MappingNode, problems: list[Problem]) -> Record:
    cells: dict[str, Cell] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        name = key.strip().lower() if isinstance(key, str) else str(key)
        if name not in texts.COLUMNS:
            problems.append(Problem(_unknown_column(name), _line(key_node)))
        elif name in cells:
            problems.append(Problem(texts.COLUMN_TWICE.format(column=name), _line(key_node)))
        else:
            cells[name] = loader.construct_object(value_node, deep=True)
            lines[name] = _line(value_node)
    for column in texts.COLUMNS:
        if column not in cells:
            problems.append(Problem(texts.COLUMN_MISSING.format(column=column), _line(node)))
    return Record(_line(node), cells, lines)


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _expected(template: str) -> str:
    return template.format(columns=", ".join(texts.COLUMNS))
