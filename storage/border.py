"""Queries across the border: the contacts there of a region, and a region's open cases."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.cases import Case, CaseKind, CaseStatus
from storage.contacts import Contact


class BorderQueries:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def contacts_across(self, region: str, countries: Collection[str]) -> list[Contact]:
        """Contacts in these countries that serve the region, by country and name.

        The regions a contact serves are a JSON list; there are few contacts abroad, so the
        list is read here rather than in SQL that differs per database."""
        query = (
            select(Contact)
            .where(Contact.country.in_(list(countries)))
            .order_by(Contact.country, Contact.name, Contact.id)
        )
        return [c for c in (await self.session.scalars(query)).all() if region in c.regions]

    async def open_cases_of(self, region: str) -> list[Case]:
        """The region's open repressive cases, newest first."""
        query = (
            select(Case)
            .where(
                Case.kind == CaseKind.REPRESSIVE,
                Case.status != CaseStatus.CLOSED,
                Case.region == region,
            )
            .order_by(Case.signalled_at.desc(), Case.id.desc())
        )
        return list((await self.session.scalars(query)).all())
