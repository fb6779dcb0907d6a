"""How a contact and a contact point read in an answer."""

from __future__ import annotations

from collections.abc import Mapping

from commands.contacts.values import shown_phone
from commands.core.absence import absence_note
from commands.core.context import Workspace
from commands.core.message import Message, fill, text, user_pill
from commands.core.people import display_name
from commands.network.rows import powers_line
from commands.network.table import powers_of
from commands.texts import contacts as texts
from config.reference import Entity
from storage.contacts import Contact, ContactPoint

#: The entities that have a contact point in every region.
POINT_ENTITIES = (Entity.ISZW, Entity.NVWA, Entity.GGD)


def contact_line(contact: Contact, *, full: bool = False) -> Message:
    """`#3 Team Wonen · Gemeente Doetinchem · handhaving · +31 314 377 377 · wonen@…`; `full`
    adds its kind, regions and (outside the Netherlands) its country."""
    parts = [
        texts.CONTACT_LINE.format(number=contact.id, name=contact.name),
        contact.organisation,
        contact.role,
        shown_phone(contact.phone) if contact.phone else None,
        contact.email,
    ]
    if full:
        parts += [
            texts.KIND_LABELS[contact.kind],
            texts.CONTACT_REGIONS.format(regions=", ".join(contact.regions)),
            texts.COUNTRY_LABELS[contact.country] if contact.country != "NL" else None,
        ]
    return text(texts.SEPARATOR.join(part for part in parts if part))


def member_label(workspace: Workspace, user_id: str) -> Message:
    """A member as a pill; if away, who stands in for them now."""
    directory, now = workspace.directory, workspace.now
    who = user_pill(user_id, display_name(directory, user_id))
    absence = absence_note(directory, [user_id], workspace.settings.platform.zone, now)
    if absence is None:
        return who
    shown = fill(texts.POINT_AWAY, who=who, absence=absence)
    stand_in = directory.stand_in(user_id, now)
    if stand_in is None:
        return shown
    return shown + fill(
        texts.POINT_STAND_IN, who=user_pill(stand_in, display_name(directory, stand_in))
    )


def point_label(
    workspace: Workspace, point: ContactPoint | None, contacts: Mapping[int, Contact]
) -> Message:
    """Who the point is: a member, a contact, or nobody yet."""
    if point is not None and point.user_id:
        return member_label(workspace, point.user_id)
    if point is not None and point.contact_id in contacts:
        return contact_line(contacts[point.contact_id])
    return text(texts.POINT_NONE)


def powers(entity: str, workspace: Workspace) -> Message:
    """What the entity may do today, in one line, and where to read more."""
    table, _left_out = powers_of(workspace.settings)
    today = workspace.now.astimezone(workspace.settings.platform.zone).date()
    line = powers_line(entity, table, on=today)
    more = texts.POWERS_COMMAND.format(entity=entity)
    return text(texts.POWERS_WITH_LINE.format(line=line, more=more) if line else more)


def point_line(
    workspace: Workspace,
    entity: Entity,
    point: ContactPoint | None,
    contacts: Mapping[int, Contact],
) -> Message:
    return fill(
        texts.POINT_LINE,
        entity=texts.POINT_ENTITY_LABELS[entity],
        who=point_label(workspace, point, contacts),
        powers=powers(entity, workspace),
    )
