"""An import file read into records (its rows, cell by cell) and the problems of reading it.

CSV (`;` or `,` separated, guessed from the first line; UTF-8 with or without BOM; a header line
naming the columns) or YAML (a list of mappings), chosen by the file's suffix. Each cell keeps the
line it is on, so the family that checks the values can name a problem's line and column. What
differs between imports (the columns, how a header names one, how a YAML value becomes a cell and
the wording of each problem) is a `RowFormat`; what the cells mean is left to the family.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import PurePath

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from commands.core.message import excerpt
from commands.texts import imports as texts
from commands.texts.imports import ImportTexts

#: What one cell holds: text, or (from YAML, for an import that keeps its types) a list or mapping.
Cell = str | list | dict


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
    """The cells of one row as the file gives them, with the line each cell is on."""

    line: int
    cells: dict[str, Cell]
    lines: dict[str, int]


class UnreadableCell(ValueError):
    """A YAML value that cannot be a cell: it is named as a problem and read as empty text."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def scalar_key(loader: yaml.BaseLoader, node: Node) -> str:
    """A YAML key as typed; a key that is a list or a mapping names no column."""
    return node.value if isinstance(node, ScalarNode) else ""


@dataclass(frozen=True)
class RowFormat:
    """What one kind of import file looks like."""

    texts: ImportTexts
    #: The columns, in the order the problems list them.
    columns: tuple[str, ...]
    required: tuple[str, ...]
    #: The column a header or YAML key names (its own name or another way to write it), or None.
    column: Callable[[str], str | None]
    #: The cell a YAML value is; it raises UnreadableCell for a value that cannot be one.
    yaml_cell: Callable[[yaml.BaseLoader, Node], Cell]
    #: The text of a YAML key, before `column` reads it.
    yaml_key: Callable[[yaml.BaseLoader, Node], str] = scalar_key
    #: Whether a value under a blank header cell is one too many (else only past the header).
    blank_header_takes_no_value: bool = False

    def expected(self, template: str) -> str:
        return template.format(columns=", ".join(self.columns))

    def unknown_column(self, typed: str) -> str:
        columns = ", ".join(self.columns)
        return self.texts.COLUMN_UNKNOWN.format(column=excerpt(typed), columns=columns)


def read_rows(name: str, content: bytes, form: RowFormat) -> tuple[list[Record], list[Problem]]:
    """The records of the file called `name`, and every problem met in reading them."""
    try:
        decoded = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [Problem(form.texts.FILE_NOT_UTF8)]
    suffix = PurePath(name).suffix.lower()
    if suffix == ".csv":
        records, problems = csv_records(decoded, form)
    elif suffix in (".yaml", ".yml"):
        records, problems = yaml_records(decoded, form)
    else:
        return [], [Problem(form.texts.FILE_KIND_UNKNOWN.format(file=name))]
    if not records and not problems:
        problems.append(Problem(form.texts.FILE_EMPTY))
    return records, problems


def in_order(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """The problems in the order of their lines (a problem of the whole file first)."""
    return tuple(sorted(problems, key=lambda problem: problem.line or 0))


# -- CSV ---------------------------------------------------------------------------------------


def csv_records(content: str, form: RowFormat) -> tuple[list[Record], list[Problem]]:
    """The rows under the header line; blank lines are passed over."""
    rows, problem = _csv_rows(content)
    if problem is not None:
        return [], [Problem(form.texts.CSV_INVALID, problem)]
    if not rows:
        return [], []
    (header_line, header), *data = rows
    columns, problems = _header(header_line, header, form)
    if form.blank_header_takes_no_value:
        owned = {index for index, typed in enumerate(header) if typed.strip()}
    else:
        owned = set(range(len(header)))
    records: list[Record] = []
    for line, cells in data:
        if any(cell.strip() for index, cell in enumerate(cells) if index not in owned):
            problems.append(Problem(form.texts.CELLS_TOO_MANY, line))
        found = {column: cells[i] if i < len(cells) else "" for column, i in columns.items()}
        records.append(Record(line, found, dict.fromkeys(found, line)))
    return records, problems


def _csv_rows(content: str) -> tuple[list[tuple[int, list[str]]], int | None]:
    """The lines that are not blank, each with its number; or the line that is no CSV."""
    first_line = next((line for line in content.splitlines() if line.strip()), "")
    delimiter = ";" if ";" in first_line else ","
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    read_up_to = 0
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((read_up_to + 1, cells))
            read_up_to = reader.line_num
    except csv.Error:
        return [], read_up_to + 1
    return rows, None


def _header(line: int, header: list[str], form: RowFormat) -> tuple[dict[str, int], list[Problem]]:
    """Each known column and its place; unknown, doubled and missing ones as problems."""
    columns: dict[str, int] = {}
    problems: list[Problem] = []
    for index, typed in enumerate(header):
        if not typed.strip():
            continue
        column = form.column(typed)
        if column is None:
            problems.append(Problem(form.unknown_column(typed), line))
        elif column in columns:
            problems.append(Problem(form.texts.COLUMN_TWICE.format(column=column), line))
        else:
            columns[column] = index
    problems.extend(_missing(columns, line, form))
    return columns, problems


def _missing(found: Iterable[str], line: int, form: RowFormat) -> list[Problem]:
    present = set(found)
    missing = (column for column in form.required if column not in present)
    return [Problem(form.texts.COLUMN_MISSING.format(column=column), line) for column in missing]


# -- YAML --------------------------------------------------------------------------------------


def yaml_records(content: str, form: RowFormat) -> tuple[list[Record], list[Problem]]:
    """The mappings of the top-level list, each value a cell as `form.yaml_cell` reads it."""
    loader = yaml.BaseLoader(content)
    try:
        root = loader.get_single_node()
        if root is None:
            return [], []
        if not isinstance(root, SequenceNode):
            return [], [Problem(form.expected(form.texts.YAML_NOT_A_LIST), _line(root))]
        records: list[Record] = []
        problems: list[Problem] = []
        for item in root.value:
            if isinstance(item, MappingNode):
                records.append(_yaml_record(loader, item, form, problems))
            else:
                problems.append(Problem(form.expected(form.texts.YAML_NOT_A_MAPPING), _line(item)))
        return records, problems
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [], [Problem(form.texts.YAML_INVALID, mark.line + 1 if mark else None)]
    finally:
        loader.dispose()


def _yaml_record(
    loader: yaml.BaseLoader, node: MappingNode, form: RowFormat, problems: list[Problem]
) -> Record:
    cells: dict[str, Cell] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        typed = form.yaml_key(loader, key_node)
        column = form.column(typed)
        if column is None:
            problems.append(Problem(form.unknown_column(typed), _line(key_node)))
        elif column in cells:
            twice = form.texts.COLUMN_TWICE.format(column=column)
            problems.append(Problem(twice, _line(key_node)))
        else:
            cells[column] = _yaml_cell(loader, value_node, column, form, problems)
            lines[column] = _line(value_node)
    problems.extend(_missing(cells, _line(node), form))
    return Record(_line(node), cells, lines)


def _yaml_cell(
    loader: yaml.BaseLoader,
    node: Node,
    column: str,
    form: RowFormat,
    problems: list[Problem],
) -> Cell:
    try:
        return form.yaml_cell(loader, node)
    except UnreadableCell as unreadable:
        problems.append(Problem(unreadable.message, _line(node), column))
        return ""


def _line(node: Node) -> int:
    return node.start_mark.line + 1
