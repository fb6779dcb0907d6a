"""An import file of contacts, read and checked before anything is stored.

CSV (`;` or `,` separated, UTF-8 with or without BOM, a header line with the Dutch column names
naam, organisatie, soort, rol, telefoon, e-mail, regio's, land and aanspreekpunt) or YAML (a list
of mappings with those keys; regio's may be a list). Every value is checked as `!contact
toevoegen` checks it; every problem is named with its line and column, and a file with any
problem yields no contacts at all.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import PurePath

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from commands.contacts.render import POINT_ENTITIES
from commands.contacts.values import ContactValues, field_name, read_contact
from commands.core.message import excerpt
from commands.texts import contacts as texts
from config.matching import normalise
from config.reference import Entity, parse_entity


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
    """The cells of one contact as the file gives them, with the line each cell is on."""

    line: int
    cells: dict[str, str]
    lines: dict[str, int]


@dataclass(frozen=True)
class ImportedContact:
    line: int
    values: ContactValues
    point: Entity | None  # the entity it is the contact point of, in each of its regions


@dataclass(frozen=True)
class ReadContacts:
    """The contacts of a file, or (when `problems` is not empty) none at all."""

    contacts: tuple[ImportedContact, ...]
    problems: tuple[Problem, ...]


def read_contacts(name: str, content: bytes) -> ReadContacts:
    try:
        decoded = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ReadContacts((), (Problem(texts.FILE_NOT_UTF8),))
    suffix = PurePath(name).suffix.lower()
    if suffix == ".csv":
        records, problems = csv_records(decoded)
    elif suffix in (".yaml", ".yml"):
        records, problems = yaml_records(decoded)
    else:
        return ReadContacts((), (Problem(texts.FILE_KIND_UNKNOWN.format(file=name)),))
    contacts = _contacts(records, problems)
    if not records and not problems:
        problems.append(Problem(texts.FILE_EMPTY))
    in_order = tuple(sorted(problems, key=lambda problem: problem.line or 0))
    return ReadContacts(() if problems else tuple(contacts), in_order)


def _contacts(records: list[Record], problems: list[Problem]) -> list[ImportedContact]:
    """The contacts of the records; a contact or a contact point named twice is a problem."""
    contacts: list[ImportedContact] = []
    seen: dict[tuple[str, str], int] = {}
    points: dict[tuple[str, str], int] = {}
    for record in records:
        found = _contact(record, problems)
        if found is None:
            continue
        values = found.values
        key = (normalise(values.name), normalise(values.organisation or ""))
        if key in seen:
            twice = texts.CONTACT_TWICE.format(name=values.name, line=seen[key])
            problems.append(Problem(twice, record.line))
            continue
        seen[key] = record.line
        if found.point is not None:
            _point_once(found, points, problems)
        contacts.append(found)
    return contacts


def _point_once(
    found: ImportedContact, points: dict[tuple[str, str], int], problems: list[Problem]
) -> None:
    """A region's contact point for an entity is named on one line of the file only."""
    assert found.point is not None
    for region in found.values.regions:
        first = points.setdefault((region, found.point), found.line)
        if first != found.line:
            twice = texts.POINT_TWICE.format(entity=found.point, region=region, line=first)
            problems.append(Problem(twice, found.line, texts.FIELD_POINT))


def _contact(record: Record, problems: list[Problem]) -> ImportedContact | None:
    values, found = read_contact(record.cells)
    for problem in found:
        if problem.field in texts.IMPORT_REQUIRED and problem.field not in record.cells:
            continue  # the missing column is named once, where it is missing
        line = record.lines.get(problem.field, record.line)
        problems.append(Problem(str(problem), line, problem.field))
    point = None
    typed = record.cells.get(texts.FIELD_POINT, "").strip()
    if typed:
        point = parse_entity(typed)
        if point not in POINT_ENTITIES:
            message = texts.POINT_COLUMN_UNKNOWN.format(value=excerpt(typed))
            line = record.lines[texts.FIELD_POINT]
            problems.append(Problem(message, line, texts.FIELD_POINT))
            return None
    return None if values is None else ImportedContact(record.line, values, point)


def _column(typed: str) -> str | None:
    key = typed.strip().lower()
    return texts.FIELD_POINT if key == texts.FIELD_POINT else field_name(key)


def _unknown_column(typed: str) -> str:
    columns = ", ".join(texts.IMPORT_COLUMNS)
    return texts.COLUMN_UNKNOWN.format(column=excerpt(typed), columns=columns)


# -- CSV ---------------------------------------------------------------------------------------


def csv_records(content: str) -> tuple[list[Record], list[Problem]]:
    """The rows under the header line; blank lines are passed over."""
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
        return [], [Problem(texts.CSV_INVALID, read_up_to + 1)]
    if not rows:
        return [], []
    (header_line, header), *data = rows
    columns, problems = _header(header_line, header)
    records = []
    for line, cells in data:
        if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
            problems.append(Problem(texts.CELLS_TOO_MANY, line))
        found = {column: cells[i] if i < len(cells) else "" for column, i in columns.items()}
        records.append(Record(line, found, dict.fromkeys(found, line)))
    return records, problems


def _header(line: int, header: list[str]) -> tuple[dict[str, int], list[Problem]]:
    """Each known column and its place; unknown, doubled and missing ones as problems."""
    columns: dict[str, int] = {}
    problems: list[Problem] = []
    for index, typed in enumerate(header):
        if not typed.strip():
            continue
        column = _column(typed)
        if column is None:
            problems.append(Problem(_unknown_column(typed), line))
        elif column in columns:
            problems.append(Problem(texts.COLUMN_TWICE.format(column=column), line))
        else:
            columns[column] = index
    for column in texts.IMPORT_REQUIRED:
        if column not in columns:
            problems.append(Problem(texts.COLUMN_MISSING.format(column=column), line))
    return columns, problems


# -- YAML --------------------------------------------------------------------------------------


def yaml_records(content: str) -> tuple[list[Record], list[Problem]]:
    """The mappings of the top-level list; every value as text (a list of regions joined)."""
    loader = yaml.BaseLoader(content)
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
                records.append(_yaml_record(item, problems))
            else:
                problems.append(Problem(_expected(texts.YAML_NOT_A_MAPPING), _line(item)))
        return records, problems
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [], [Problem(texts.YAML_INVALID, mark.line + 1 if mark else None)]
    finally:
        loader.dispose()


def _yaml_record(node: MappingNode, problems: list[Problem]) -> Record:
    cells: dict[str, str] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        typed = key_node.value if isinstance(key_node, ScalarNode) else ""
        column = _column(typed)
        if column is None:
            problems.append(Problem(_unknown_column(typed), _line(key_node)))
        elif column in cells:
            problems.append(Problem(texts.COLUMN_TWICE.format(column=column), _line(key_node)))
        else:
            cells[column] = _yaml_text(value_node, column, problems)
            lines[column] = _line(value_node)
    for column in texts.IMPORT_REQUIRED:
        if column not in cells:
            problems.append(Problem(texts.COLUMN_MISSING.format(column=column), _line(node)))
    return Record(_line(node), cells, lines)


def _yaml_text(node: Node, column: str, problems: list[Problem]) -> str:
    if isinstance(node, ScalarNode):
        return str(node.value)
    if isinstance(node, SequenceNode) and all(isinstance(n, ScalarNode) for n in node.value):
        return ", ".join(str(item.value) for item in node.value)
    problems.append(Problem(texts.YAML_NOT_TEXT, _line(node), column))
    return ""


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _expected(template: str) -> str:
    return template.format(columns=", ".join(texts.IMPORT_COLUMNS))
