"""Which veiligheidsregio's have a regional contact point (aanspreekpunt) for an entity, read
from the contact points other commands fill (storage/contacts.py)."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from config.reference import Entity
from storage.contacts import ContactPoint

#: The entities the plan gives a contact point in every region.
POINT_ENTITIES = (Entity.ISZW, Entity.NVWA, Entity.GGD)


async def contact_point_coverage(session: AsyncSession) -> dict[Entity, frozenset[str]]:
    """Per entity the region codes where someone (a member or a contact) is named."""
    found = await session.execute(
        select(ContactPoint.entity, ContactPoint.region).where(
            or_(ContactPoint.user_id.is_not(None), ContactPoint.contact_id.is_not(None))
        )
    )
    regions_of: dict[Entity, set[str]] = {entity: set() for entity in POINT_ENTITIES}
    for entity, region in found.all():
        for known in POINT_ENTITIES:
            if entity.upper() == known.value:
                regions_of[known].add(region)
    return {entity: frozenset(codes) for entity, codes in regions_of.items()}
