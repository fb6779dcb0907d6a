"""What `!contact <regio | entiteit | naam>` shows: whom to call."""

from __future__ import annotations

from collections.abc import Iterable

from commands.contacts.render import POINT_ENTITIES, contact_line, point_label, point_line, powers
from commands.core.context import Workspace
from commands.core.message import Message, bold, bullets, fill, lines, text, user_pill
from commands.core.people import coordinator_label, display_name
from commands.texts import contacts as texts
from config.matching import normalise
from config.reference import ENTITY_NAMES, Entity, regions
from storage.contacts import Contact, ContactKind, ContactPoint, ContactStore


def contact_store(workspace: Workspace) -> ContactStore:
    return ContactStore(workspace.cases.session)


async def region_view(workspace: Workspace, region: str) -> Message:
    """The region's point for each entity, then its other contacts by kind."""
    store = contact_store(workspace)
    points = {point.entity: point for point in await store.points(region)}
    contacts = await point_contacts(store, points.values())
    label = regions()[region].label
    others = [c for c in await store.for_region(region) if c.id not in contacts]
    return lines(
        bold(texts.REGION_HEADER.format(region=label)),
        bullets([point_line(workspace, e, points.get(e), contacts) for e in POINT_ENTITIES]),
        bold(texts.OTHERS_HEADER.format(region=label)),
        _by_kind(others) if others else text(texts.OTHERS_NONE),
    )


async def point_contacts(store: ContactStore, points: Iterable[ContactPoint]) -> dict[int, Contact]:
    """The contacts that are these points, by number."""
    found = {}
    for point in points:
        if point.contact_id is not None and (contact := await store.get(point.contact_id)):
            found[contact.id] = contact
    return found


def _by_kind(contacts: list[Contact]) -> Message:
    groups = []
    for kind in ContactKind:
        of_kind = sorted((c for c in contacts if c.kind == kind), key=lambda c: c.name.lower())
        if of_kind:
            label = text(f"{texts.KIND_LABELS[kind]}:")
            groups.append(lines(label, bullets([contact_line(c) for c in of_kind])))
    return lines(*groups)


async def entity_view(workspace: Workspace, entity: Entity) -> Message:
    """The entity's point in each region that has one, and the regions that have none."""
    store = contact_store(workspace)
    points = {p.region: p for p in await store.points() if p.entity == entity}
    contacts = await point_contacts(store, points.values())
    named = [code for code in regions().by_code if code in points]
    gaps = [code for code in regions().by_code if code not in points]
    header = fill(
        texts.ENTITY_HEADER,
        entity=texts.POINT_ENTITY_LABELS[entity],
        powers=powers(entity, workspace),
    )
    shown = [
        fill(
            texts.ENTITY_POINT,
            region=regions()[code].label,
            who=point_label(workspace, points[code], contacts),
        )
        for code in named
    ]
    return lines(
        bold(header),
        bullets(shown) if shown else text(texts.ENTITY_NONE.format(entity=entity)),
        text(texts.ENTITY_GAPS.format(regions=", ".join(gaps))) if gaps else None,
    )


def search_words(query: str) -> list[str]:
    """The words to look for; one letter finds too much and is passed over."""
    return [word for word in normalise(query).split() if len(word) >= texts.SEARCH_WORDS_MIN]


async def search_view(workspace: Workspace, query: str) -> Message | None:
    """The contacts and members matching every word; None when nothing matches."""
    words = search_words(query)
    contacts = await contact_store(workspace).search(words, texts.KIND_LABELS)
    members = _matching_members(workspace, words)
    if not contacts and not members:
        return None
    return lines(
        bold(texts.SEARCH_HEADER.format(words=" ".join(words))),
        bold(texts.SEARCH_CONTACTS) if contacts else None,
        bullets([contact_line(c, full=True) for c in contacts]) if contacts else None,
        bold(texts.SEARCH_MEMBERS) if members else None,
        bullets(members) if members else None,
    )


def _matching_members(workspace: Workspace, words: list[str]) -> list[Message]:
    directory = workspace.directory
    found = []
    for person in sorted(directory, key=lambda p: display_name(directory, p.user_id).lower()):
        entity = coordinator_label(person.entity, person.region)
        about = normalise(
            " ".join([person.name or "", entity, ENTITY_NAMES[person.entity], *person.roles])
        )
        if person.user_id != directory.bot_user and all(word in about for word in words):
            who = user_pill(person.user_id, display_name(directory, person.user_id))
            found.append(fill(texts.MEMBER_LINE, who=who, entity=entity))
    return found
