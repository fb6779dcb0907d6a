"""`!contact`: look up whom to call, and (project leaders) add or remove a contact."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from commands.contacts.changes import add_contact, remove_contact
from commands.contacts.render import POINT_ENTITIES, contact_line
from commands.contacts.values import field_name, read_contact
from commands.contacts.views import (
    contact_store,
    entity_view,
    region_view,
    search_view,
    search_words,
)
from commands.core.context import Context
from commands.core.effects import Effect, Reply
from commands.core.message import Message, excerpt, lines, text
from commands.core.registry import Command, UsageError
from commands.texts import contacts as texts
from config.reference import parse_entity, regions
from storage.audit import AuditResult
from storage.contacts import ContactSource

_NUMBER = re.compile(r"^#?(\d{1,9})$")
_ADD_WORDS = ("toevoegen", "nieuw")
_REMOVE_WORDS = ("verwijder", "verwijderen")


class Action(StrEnum):
    FIND = "find"
    ADD = "add"
    REMOVE = "remove"


class ContactRequest(BaseModel):
    model_config = ConfigDict(frozen=True)

    action: Action
    query: str = ""  # what to look up
    fields: dict[str, str] = {}  # what to add: field name -> value as typed
    number: int | None = None  # what to remove


def parse_contact(arguments: str) -> dict[str, Any]:
    first, _, rest = arguments.strip().partition(" ")
    word = first.lower()
    if word in _ADD_WORDS:
        return {"action": Action.ADD, "fields": parse_fields(rest)}
    if word in _REMOVE_WORDS:
        return {"action": Action.REMOVE, "number": contact_number(rest)}
    query = " ".join(arguments.split())
    if not search_words(query) and not regions().lookup(query).match:
        raise UsageError(texts.CONTACT_WHAT)
    return {"action": Action.FIND, "query": query}


def parse_fields(value: str) -> dict[str, str]:
    """`<naam>; organisatie: …; soort: …` -> field name -> value, every field named once."""
    name, *parts = value.split(";")
    name = re.sub(r"^\s*naam\s*:", "", name, flags=re.IGNORECASE)
    fields = {texts.FIELD_NAME: name.strip()}
    for part in (part for part in parts if part.strip()):
        key, colon, typed = part.partition(":")
        if not colon:
            raise UsageError(texts.PART_WITHOUT_FIELD.format(part=excerpt(part)))
        field = field_name(key)
        if field is None:
            known = ", ".join(texts.FIELDS[1:])
            raise UsageError(texts.FIELD_UNKNOWN.format(field=excerpt(key.strip()), fields=known))
        if field in fields:
            raise UsageError(texts.FIELD_TWICE.format(field=field))
        fields[field] = typed.strip()
    return fields


def contact_number(value: str) -> int:
    found = _NUMBER.match(value.strip())
    if found is None:
        raise UsageError(texts.NUMBER_MISSING)
    return int(found[1])


async def handle_contact(request: ContactRequest, context: Context) -> list[Effect]:
    if request.action == Action.FIND:
        return [Reply(await _find(request.query, context))]
    if not context.member.is_project_leader:
        what = texts.WHAT_ADD if request.action == Action.ADD else texts.WHAT_REMOVE
        context.audit_result = AuditResult.REFUSED
        return [Reply(text(texts.ONLY_PROJECT_LEADERS.format(what=what)))]
    if request.action == Action.ADD:
        return await _add(request.fields, context)
    assert request.number is not None
    return await _remove(request.number, context)


async def _find(query: str, context: Context) -> Message:
    """An entity with points, else a region by its code or name, else names; else a region
    as people write it (a typo), else nothing found."""
    entity = parse_entity(query)
    if entity in POINT_ENTITIES:
        return await entity_view(context, entity)
    region = regions().lookup(query).match
    if region is not None:
        return await region_view(context, region)
    found = await search_view(context, query)
    if found is not None:
        return found
    recognised = regions().recognise(query)
    if recognised.match is not None:
        return await region_view(context, recognised.match)
    words = excerpt(query)
    hint = texts.SEARCH_NONE.format(words=words)
    if recognised.suggestions:
        hint += " " + texts.REGION_OPTIONS.format(options=" of ".join(recognised.suggestions))
    return text(hint)


async def _add(fields: dict[str, str], context: Context) -> list[Effect]:
    values, problems = read_contact(fields)
    if values is None:
        raise UsageError(str(problems[0]))
    store = contact_store(context)
    contact = await add_contact(
        store, values, at=context.sent_at, by=context.sender, source=ContactSource.CHAT
    )
    answer = lines(
        text(texts.CONTACT_ADDED.format(number=contact.id)), contact_line(contact, full=True)
    )
    return [Reply(answer)]


async def _remove(number: int, context: Context) -> list[Effect]:
    store = contact_store(context)
    contact = await store.get(number)
    if contact is None:
        raise UsageError(texts.CONTACT_NOT_FOUND.format(number=number))
    name = contact.name
    points = await remove_contact(store, contact, at=context.sent_at, by=context.sender)
    cleared = ", ".join(f"{point.region} {point.entity}" for point in points)
    return [
        Reply(
            lines(
                text(texts.CONTACT_REMOVED.format(number=number, name=name)),
                text(texts.CONTACT_WAS_POINT.format(points=cleared)) if points else None,
            )
        )
    ]


COMMANDS = (
    Command(
        help=texts.CONTACT_HELP,
        request=ContactRequest,
        parse=parse_contact,
        handler=handle_contact,
        keeps_contact_details=True,
    ),
)
