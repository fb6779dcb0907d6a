"""Contacts who are not on Matrix, and the regional contact points (aanspreekpunten).

A contact is an organisation or a person outside the chat (a gemeente's housing enforcement, the
police, a German Gesundheitsamt) with how to reach them and the regions they serve. A contact
point names, for one veiligheidsregio and one entity (Arbeidsinspectie, NVWA, GGD), who to call
first: a member of the directory or a contact.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

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


class ContactPoint(Base):
    """Who to call first for one entity in one region: a member (user_id) or a contact."""

    __tablename__ = "contact_points"

    region: Mapped[str] = mapped_column(String(4), primary_key=True)
    entity: Mapped[str] = mapped_column(String(10), primary_key=True)
    user_id: Mapped[str | None] = mapped_column(String(255))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    named_at: Mapped[datetime] = mapped_column(UTCDateTime())
    named_by: Mapped[str] = mapped_column(String(255))


class ContactStore:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
