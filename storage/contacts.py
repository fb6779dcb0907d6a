"""Contacts who are not on Matrix, and the regional contact points (aanspreekpunten).

A contact is an organisation or a person outside the chat (a gemeente's housing enforcement, the
police, a German Gesundheitsamt) with how to reach them and the regions they serve. A contact
point names, for one veiligheidsregio and one entity (Arbeidsinspectie, NVWA, GGD), who to call
first: a member of the directory or a contact.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from config.matching import normalise
from storage.base import Base, Code, UTCDateTime


class ContactKind(StrEnum):
    """What kind of organisation a contact belongs to; Dutch labels in commands/texts/."""

    GEMEENTE = "gemeente"
    POLITIE = "politie"
    ILT = "ilt"
    SNF = "snf"
    SNA = "sna"
    ISZW = "iszw"
    NVWA = "nvwa"
    GGD = "ggd"
    VR = "vr"
    GESUNDHEITSAMT = "gesundheitsamt"  # the health authority of a German Kreis
    KREIS = "kreis"  # a German Kreis or kreisfreie Stadt, its crisis staff
    PROVINCE_BE = "provincie_be"  # a Belgian province (its governor's crisis centre)
    ZONE_BE = "zone_be"  # a Belgian hulpverleningszone
    ZORG_BE = "zorg_be"  # the Flemish Agentschap Zorg en Gezondheid
    OTHER = "anders"


class ContactSource(StrEnum):
    CHAT = "chat"
    IMPORT = "import"


class Contact(Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[ContactKind] = mapped_column(Code(ContactKind, 20))
    role: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(254))
    country: Mapped[str] = mapped_column(String(2), default="NL")  # NL, DE or BE
    regions: Mapped[list[str]] = mapped_column(JSON, default=list)  # VR codes it serves
    source: Mapped[ContactSource] = mapped_column(Code(ContactSource, 10))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())
    added_by: Mapped[str] = mapped_column(String(255))

    def values(self) -> dict[str, Any]:
        """What the audit trail keeps of a contact: never its phone number or e-mail address."""
        return {
            "name": self.name,
            "organisation": self.organisation,
            "kind": str(self.kind),
            "role": self.role,
            "country": self.country,
            "regions": list(self.regions),
        }


class ContactPoint(Base):
    """Who to call first for one entity in one region: a member (user_id) or a contact."""

    __tablename__ = "contact_points"

    region: Mapped[str] = mapped_column(String(4), primary_key=True)
    entity: Mapped[str] = mapped_column(String(10), primary_key=True)
    user_id: Mapped[str | None] = mapped_column(String(255))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    named_at: Mapped[datetime] = mapped_column(UTCDateTime())
    named_by: Mapped[str] = mapped_column(String(255))

    def values(self) -> dict[str, Any]:
        return {"user_id": self.user_id, "contact": self.contact_id}


class ContactStore:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, contact: Contact) -> Contact:
        self.session.add(contact)
        await self.session.flush()  # its number, for the answer
        return contact

    async def get(self, contact_id: int) -> Contact | None:
        return await self.session.get(Contact, contact_id)

    async def remove(self, contact: Contact) -> list[ContactPoint]:
        """Remove a contact, and the contact points it was; returns those points."""
        points = list(await self.points_of_contact(contact.id))
        for point in points:
            await self.session.delete(point)
        await self.session.delete(contact)
        await self.session.flush()
        return points

    async def all(self) -> Sequence[Contact]:
        return (await self.session.scalars(select(Contact).order_by(Contact.id))).all()

    async def named(self, name: str, organisation: str | None) -> Contact | None:
        """The contact with this name at this organisation (ignoring case), if there is one."""
        query = select(Contact).where(func.lower(Contact.name) == name.lower())
        if organisation:
            query = query.where(func.lower(Contact.organisation) == organisation.lower())
        else:
            query = query.where(or_(Contact.organisation.is_(None), Contact.organisation == ""))
        return (await self.session.scalars(query.order_by(Contact.id))).first()

    async def search(
        self, words: Sequence[str], kind_labels: Mapping[ContactKind, str]
    ) -> list[Contact]:
        """Contacts matching every word (as config.matching normalises it) in their name,
        organisation, role or kind's label. The table is short: read whole, matched here, so
        that accents and case match alike on every database."""
        found = []
        for contact in await self.all():
            about = normalise(
                " ".join(
                    [
                        contact.name,
                        contact.organisation or "",
                        contact.role or "",
                        kind_labels.get(contact.kind, ""),
                    ]
                )
            )
            if all(word in about for word in words):
                found.append(contact)
        return sorted(found, key=lambda contact: (normalise(contact.name), contact.id))

    async def for_region(self, region: str) -> list[Contact]:
        """The contacts serving a region (a short table: read whole, filtered here, which
        works alike on every database's JSON)."""
        return [contact for contact in await self.all() if region in contact.regions]

    async def points(self, region: str | None = None) -> Sequence[ContactPoint]:
        """The contact points, of one region or of all, by region and entity."""
        query = select(ContactPoint).order_by(ContactPoint.region, ContactPoint.entity)
        if region is not None:
            query = query.where(ContactPoint.region == region)
        return (await self.session.scalars(query)).all()

    async def point(self, region: str, entity: str) -> ContactPoint | None:
        return await self.session.get(ContactPoint, (region, entity))

    async def points_of_contact(self, contact_id: int) -> Sequence[ContactPoint]:
        query = select(ContactPoint).where(ContactPoint.contact_id == contact_id)
        return (await self.session.scalars(query.order_by(ContactPoint.region))).all()

    async def set_point(
        self,
        region: str,
        entity: str,
        *,
        user_id: str | None = None,
        contact_id: int | None = None,
        at: datetime,
        by: str,
    ) -> dict[str, Any] | None:
        """Name the point (a member or a contact); returns what it was before, if anything."""
        point = await self.point(region, entity)
        before = None if point is None else point.values()
        if point is None:
            point = ContactPoint(region=region, entity=entity)
            self.session.add(point)
        point.user_id, point.contact_id = user_id, contact_id
        point.named_at, point.named_by = at, by
        await self.session.flush()
        return before

    async def clear_point(self, region: str, entity: str) -> dict[str, Any] | None:
        """Clear the point; returns what it was, if it was named."""
        point = await self.point(region, entity)
        if point is None:
            return None
        before = point.values()
        await self.session.delete(point)
        await self.session.flush()
        return before
