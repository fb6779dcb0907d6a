"""An import file of contacts, read and checked before anything is stored.

CSV (`;` or `,` separated, UTF-8 with or without BOM, a header line with the Dutch column names
naam, organisatie, soort, rol, telefoon, e-mail, regio's, land and aanspreekpunt) or YAML (a list
of mappings with those keys; regio's may be a list). Every value is checked as `!contact
toevoegen` checks it; every problem is named with its line and column, and a file with any
problem yields no contacts at all.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from yaml.nodes import Node, ScalarNode, SequenceNode

from commands.contacts.render import POINT_ENTITIES
from commands.contacts.values import ContactValues, field_name, read_contact
from commands.core.import_rows import (
    Problem,
    Record,
    RowFormat,
    UnreadableCell,
    in_order,
    read_rows,
)
from commands.core.message import excerpt
from commands.texts import contacts as texts
from config.matching import normalise
from config.reference import Entity, parse_entity


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
    records, problems = read_rows(name, content, _FORMAT)
    contacts = _contacts(records, problems)
    return ReadContacts(() if problems else tuple(contacts), in_order(problems))


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


def _yaml_text(loader: yaml.BaseLoader, node: Node) -> str:
    """Every value as text; a list of regions is joined."""
    if isinstance(node, ScalarNode):
        return str(node.value)
    if isinstance(node, SequenceNode) and all(isinstance(n, ScalarNode) for n in node.value):
        return ", ".join(str(item.value) for item in node.value)
    raise UnreadableCell(texts.YAML_NOT_TEXT)


_FORMAT = RowFormat(
    texts=texts,
    columns=texts.IMPORT_COLUMNS,
    required=texts.IMPORT_REQUIRED,
    column=_column,
    yaml_cell=_yaml_text,
)
