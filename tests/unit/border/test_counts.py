"""Cross-border cases in the agenda and `!beeld`: by country where known, against before."""

from __future__ import annotations

from datetime import timedelta

from bot.dispatch import Dispatcher
from storage.bot_state import BotState
from storage.database import Database
from tests.unit.helpers import NOW, PLATFORM, command

FORTNIGHT = timedelta(days=14)


async def seed(dispatcher: Dispatcher) -> None:
    """This fortnight: VNOG (DE), Utrecht with `grens: BE`, Limburg-Noord (DE or BE), Utrecht
    inland; the fortnight before: Twente (DE) and Zeeland (BE)."""
    signals = (
        ("!signaal Slachterij A; regio: VNOG", NOW - timedelta(days=2)),
        ("!signaal Kwekerij B; regio: Utrecht; grens: BE", NOW - timedelta(days=3)),
        ("!signaal Kwekerij C; regio: VR23", NOW - timedelta(days=4)),
        ("!signaal Kwekerij D; regio: Utrecht", NOW - timedelta(days=5)),
        ("!signaal Slachterij E; regio: Twente", NOW - timedelta(days=20)),
        ("!signaal Visverwerker F; regio: Zeeland", NOW - timedelta(days=21)),
    )
    for body, sent in signals:
        await dispatcher.handle(command(body, sent=sent))


async def test_the_agenda_counts_the_cases_across_the_border(
    dispatcher: Dispatcher, database: Database
) -> None:
    await seed(dispatcher)
    async with database.transaction() as session:
        await BotState(session).first_start(NOW - FORTNIGHT)
    rows = await dispatcher.handle(command("!agenda", room=PLATFORM))
    body = rows[0].payload["body"]
    assert (
        "Zaken over de grens: 3 (Duitsland 1, België 1, land onbekend 1) · vorige periode 2 ↑"
        in body
    )


async def test_the_picture_counts_them_too(dispatcher: Dispatcher, database: Database) -> None:
    await seed(dispatcher)
    rows = await dispatcher.handle(command("!beeld 14d", room=PLATFORM))
    body = rows[0].payload["body"]
    assert "Over de grens: 3 (vorige periode 2 ↑): Duitsland 1, België 1, land onbekend 1" in body
    rows = await dispatcher.handle(command("!beeld 14d Utrecht", room=PLATFORM))
    assert "Over de grens: 1 (vorige periode 0 ↑): België 1" in rows[0].payload["body"]
    rows = await dispatcher.handle(command("!beeld 14d Fryslân", room=PLATFORM))
    assert "Over de grens: 0 (vorige periode 0 =)" in rows[0].payload["body"]
