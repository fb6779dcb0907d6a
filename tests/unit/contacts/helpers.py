"""Shared by the contacts tests: a project leader, the stored contacts, points and audit rows."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.dispatch import Dispatcher
from config.settings import Settings
from storage.contacts import Contact, ContactPoint
from storage.database import Database
from storage.directory import DirectoryChange, MemberRow
from tests.unit.helpers import NOW, command, make_settings

LEAD = "@lotc:example.org"  # a project leader in the test settings
MEMBER = "@iszw:example.org"  # Ilse, of the Arbeidsinspectie; not a project leader
GGD = "@ggd06:example.org"
STAND_IN = "@ggd06b:example.org"

TEAM_WONEN = (
    "!contact toevoegen Team Wonen; organisatie: Gemeente Doetinchem; soort: gemeente; "
    "rol: handhaving huisvesting; telefoon: 0314 377 377; e-mail: Wonen@Doetinchem.nl; "
    "regio: VR06, Twente"
)


def settings_with_gp() -> Settings:
    """The test settings with a second GGD member in VNOG, who stands in for the first."""
    base = make_settings().model_dump(mode="json")
    base["members"][GGD]["name"] = "Gerda"
    base["members"][STAND_IN] = {"entity": "GGD", "region": "VR06", "name": "Piet"}
    return Settings(**base)


async def ask(dispatcher: Dispatcher, body: str, sender: str = LEAD) -> str:
    rows = await dispatcher.handle(command(body, sender=sender))
    return rows[0].payload["body"]


async def contacts(database: Database) -> list[Contact]:
    async with database.transaction() as session:
        return list((await session.scalars(select(Contact).order_by(Contact.id))).all())


async def points(database: Database) -> list[tuple[str, str, str | None, int | None]]:
    async with database.transaction() as session:
        rows = (await session.scalars(select(ContactPoint))).all()
    return sorted((p.region, p.entity, p.user_id, p.contact_id) for p in rows)


async def audit(database: Database, prefix: str) -> list[DirectoryChange]:
    """The audit rows of contacts (`contact`) or points (`aanspreekpunt`), oldest first."""
    async with database.transaction() as session:
        query = select(DirectoryChange).where(DirectoryChange.subject.startswith(prefix))
        return list((await session.scalars(query.order_by(DirectoryChange.id))).all())


async def send_away(database: Database, dispatcher: Dispatcher, user_id: str, days: int) -> None:
    """Mark a member away for some days with the stand-in as substitute."""
    await dispatcher.directory.current()  # the configuration merged in first
    async with database.transaction() as session:
        row = await session.get(MemberRow, user_id)
        assert row is not None
        row.substitute, row.away_until = STAND_IN, NOW + timedelta(days=days)
    await dispatcher.directory.reload()
