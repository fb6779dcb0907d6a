"""Shared by the border tests: the status card as it reads now, and contacts abroad."""

from __future__ import annotations

from datetime import datetime

from commands.cases.views import render_card
from commands.core.context import open_workspace
from config.settings import Settings
from storage.cases import Case
from storage.contacts import Contact, ContactKind, ContactSource
from storage.database import Database
from tests.unit.helpers import NOW, PLATFORM, directory_of, make_settings, state


async def card_text(database: Database, settings: Settings | None = None) -> str:
    """The body of the first case's status card, rendered as delivery would edit it."""
    settings = settings or make_settings()
    case = await state(database)
    directory = await directory_of(database, settings)
    async with database.transaction() as session:
        workspace = open_workspace(session, settings, directory, PLATFORM, NOW)
        card = await render_card(workspace, case.id)
    assert card is not None
    return card.body


async def add_contact(
    database: Database,
    name: str,
    *,
    country: str,
    regions: list[str],
    kind: ContactKind = ContactKind.GESUNDHEITSAMT,
    organisation: str | None = None,
    phone: str | None = None,
    email: str | None = None,
    added_at: datetime = NOW,
) -> None:
    async with database.transaction() as session:
        session.add(
            Contact(
                name=name,
                organisation=organisation,
                kind=kind,
                phone=phone,
                email=email,
                country=country,
                regions=regions,
                source=ContactSource.CHAT,
                added_at=added_at,
                added_by="@lotc:example.org",
            )
        )


async def first_case(database: Database) -> Case:
    return await state(database)
