"""The regions still without a contact point: listed on the agenda until one is named."""

from __future__ import annotations

from commands.contacts.render import POINT_ENTITIES
from commands.contacts.views import contact_store
from commands.core.context import Workspace
from commands.core.message import Message, text
from commands.texts import contacts as texts
from config.reference import regions


async def contact_point_gaps(workspace: Workspace) -> list[Message]:
    """One line per entity with the codes of the regions that have no point for it, such as
    `Geen aanspreekpunt NVWA: VR01, VR02`; nothing once every region has all three."""
    named = {(point.region, point.entity) for point in await contact_store(workspace).points()}
    gaps = []
    for entity in POINT_ENTITIES:
        missing = [code for code in regions().by_code if (code, entity) not in named]
        if missing:
            gaps.append(text(texts.AGENDA_GAPS.format(entity=entity, regions=", ".join(missing))))
    return gaps
