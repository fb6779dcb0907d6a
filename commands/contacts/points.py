"""`!aanspreekpunt <regio> <ISZW|NVWA|GGD> <@lid | contactnummer | geen>`: name or clear whom
a veiligheidsregio calls first at an inspectorate or its GGD."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict

from commands.contacts.changes import clear_point, name_point
from commands.contacts.render import POINT_ENTITIES, contact_line, member_label, point_label
from commands.contacts.values import ValueProblem, read_region
from commands.contacts.views import contact_store, point_contacts
from commands.core.context import Context
from commands.core.effects import Effect, Reply
from commands.core.message import Message, excerpt, fill, text
from commands.core.people import coordinator_label, display_name
from commands.core.registry import Command, UsageError
from commands.texts import contacts as texts
from config.reference import Entity, parse_entity, regions
from storage.audit import AuditResult
from storage.contacts import Contact, ContactPoint

_USER_ID = re.compile(r"^@[\w.=\-/+]+:[\w.\-]+(?::\d+)?$")
_NUMBER = re.compile(r"^#?(\d{1,9})$")


class PointRequest(BaseModel):
    model_config = ConfigDict(frozen=True)

    region: str
    entity: Entity
    target: str  # a Matrix id, a contact's number, `geen`, or the name a mention shows


def parse_point(arguments: str) -> dict[str, Any]:
    """The region comes first (one or more words), then the entity, then who."""
    words = arguments.split()
    if not words:
        raise UsageError(texts.POINT_WORDS_MISSING)
    place = next((i for i, word in enumerate(words) if parse_entity(word) in POINT_ENTITIES), None)
    if place is None:
        raise UsageError(texts.POINT_ENTITY_MISSING)
    if place == 0:
        raise UsageError(texts.POINT_REGION_MISSING)
    try:
        region = read_region(texts.FIELD_REGIONS, " ".join(words[:place]))
    except ValueProblem as problem:
        raise UsageError(str(problem)) from problem
    entity = parse_entity(words[place])
    return {"region": region, "entity": entity, "target": " ".join(words[place + 1 :])}


async def handle_point(request: PointRequest, context: Context) -> list[Effect]:
    if not context.member.is_project_leader:
        context.audit_result = AuditResult.REFUSED
        return [Reply(text(texts.ONLY_PROJECT_LEADERS.format(what=texts.WHAT_POINT)))]
    store = contact_store(context)
    region, entity, when = request.region, request.entity, context.sent_at
    label = {"region": regions()[region].label, "entity": texts.POINT_ENTITY_LABELS[entity]}
    if request.target.lower() == texts.POINT_CLEAR_WORD:
        old = await clear_point(store, region, entity, at=when, by=context.sender)
        template = texts.POINT_CLEARED if old else texts.POINT_WAS_NOT_SET
        return [Reply(text(template.format(**label)))]
    user_id, contact = await _target(request, context)
    before = await store.point(region, entity)
    was = await _was(context, before)
    await name_point(
        store,
        region,
        entity,
        user_id=user_id,
        contact_id=contact.id if contact else None,
        at=when,
        by=context.sender,
    )
    who = contact_line(contact) if contact else member_label(context, user_id)
    answer = fill(texts.POINT_SET, who=who, **label)
    return [Reply(answer + (fill(" " + texts.POINT_WAS, who=was) if was else ""))]


async def _was(context: Context, point: ContactPoint | None) -> Message | None:
    if point is None:
        return None
    contacts = await point_contacts(contact_store(context), [point])
    return point_label(context, point, contacts)


async def _target(request: PointRequest, context: Context) -> tuple[str | None, Contact | None]:
    """The member or the contact the request names, checked against the region and entity."""
    typed = request.target.strip()
    number = _NUMBER.match(typed)
    if number is not None:
        return None, await _contact(int(number[1]), request.region, context)
    if _USER_ID.match(typed):
        return _member(typed, request, context), None
    mentioned = [user for user in context.mentions if user != context.directory.bot_user]
    if len(mentioned) == 1:
        return _member(mentioned[0], request, context), None
    if not typed:
        raise UsageError(texts.POINT_TARGET_MISSING)
    raise UsageError(texts.POINT_TARGET_UNKNOWN.format(value=excerpt(typed)))


def _member(user_id: str, request: PointRequest, context: Context) -> str:
    person = context.directory.member(user_id)
    if person is None:
        raise UsageError(texts.POINT_MEMBER_UNKNOWN.format(user=excerpt(user_id, 80)))
    who = display_name(context.directory, user_id)
    their = coordinator_label(person.entity, person.region)
    if person.entity != request.entity:
        raise UsageError(
            texts.POINT_MEMBER_OTHER_ENTITY.format(who=who, their=their, entity=request.entity)
        )
    if request.entity == Entity.GGD and person.region != request.region:
        region = regions()[request.region].label
        raise UsageError(
            texts.POINT_MEMBER_OTHER_REGION.format(who=who, their=their, region=region)
        )
    return user_id


async def _contact(number: int, region: str, context: Context) -> Contact:
    contact = await contact_store(context).get(number)
    if contact is None:
        raise UsageError(texts.CONTACT_NOT_FOUND.format(number=number))
    if region not in contact.regions:
        raise UsageError(
            texts.POINT_CONTACT_OTHER_REGION.format(
                number=number, name=contact.name, region=regions()[region].label
            )
        )
    return contact


COMMANDS = (
    Command(
        help=texts.POINT_HELP,
        request=PointRequest,
        parse=parse_point,
        handler=handle_point,
        keeps_contact_details=True,
    ),
)
