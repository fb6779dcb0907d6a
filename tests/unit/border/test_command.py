"""`!grens`: every border region, one region with its contacts and open cases, an inland one."""

from __future__ import annotations

from bot.dispatch import Dispatcher
from storage.database import Database
from tests.unit.border.helpers import add_contact
from tests.unit.helpers import PLATFORM, answer, command


async def test_without_a_region_every_border_region_and_structure(
    dispatcher: Dispatcher, database: Database
) -> None:
    body = await answer(dispatcher, "!grens", room=PLATFORM)
    assert body.startswith("Netwerk over de grens")
    for label in ("Groningen (VR01)", "Noord- en Oost-Gelderland (VR06)", "Zuid-Limburg (VR24)"):
        assert label in body
    assert "Utrecht (VR09)" not in body
    assert (
        "Landkreis Grafschaft Bentheim (Landkreis, DE) · geen vaste structuur bekend · [U] "
        "afgeleid uit de ligging" in body
    )
    assert "Städteregion Aachen (Städteregion, DE) · EMRIC · [V] emric.info" in body
    for structure in ("Cross-Border Task Force Corona:", "EMRIC:", "GROS:", "ERMWIC:"):
        assert structure in body
    assert "Agentschap Zorg en Gezondheid" in body


async def test_one_region_with_its_contacts_and_open_cases(
    dispatcher: Dispatcher, database: Database
) -> None:
    await add_contact(
        database,
        "Gesundheitsamt Kleve",
        country="DE",
        regions=["VR06"],
        phone="+4928215940",
    )
    await dispatcher.handle(command("!signaal Slachterij A, Groenlo; regio: VNOG"))
    await dispatcher.handle(command("!signaal Kwekerij B; regio: Utrecht; grens: DE"))
    body = await answer(dispatcher, "!grens VNOG", room=PLATFORM)
    assert body.startswith("Over de grens vanuit Noord- en Oost-Gelderland (VR06): Duitsland")
    assert "Kreis Borken (Kreis, DE) · Grensteam Vion Groenlo, Samenwerking VNOG" in body
    assert "Kreis Kleve (Kreis, DE)" in body
    assert "Grensteam Vion Groenlo: Het grensoverschrijdende team" in body
    assert "GROS:" not in body  # a structure of Zeeland
    assert " Gesundheitsamt Kleve · +49 2821 5940" in body
    assert "2026-001 · Slachterij A, Groenlo · Duitsland" in body
    assert "Kwekerij B" not in body


async def test_an_inland_region_says_it_borders_no_country(
    dispatcher: Dispatcher, database: Database
) -> None:
    assert await answer(dispatcher, "!grens Utrecht", room=PLATFORM) == (
        "Utrecht (VR09) grenst niet aan Duitsland of België."
    )
    await dispatcher.handle(command("!signaal Kwekerij B; regio: Utrecht; grens: BE"))
    await dispatcher.handle(command("!signaal Kwekerij C; regio: Utrecht"))
    body = await answer(dispatcher, "!grens Utrecht", room=PLATFORM)
    assert "Open zaken van Utrecht (VR09) die toch over de grens reiken:" in body
    assert "2026-001 · Kwekerij B · België" in body
    assert "Kwekerij C" not in body


async def test_a_region_not_understood_gets_the_usage(
    dispatcher: Dispatcher, database: Database
) -> None:
    body = await answer(dispatcher, "!grens Brabant", room=PLATFORM)
    assert "past bij meer dan één regio" in body
    assert "Gebruik: !grens [regio]" in body
    body = await answer(dispatcher, "!grens Atlantis", room=PLATFORM)
    assert body.startswith("Onbekende regio 'Atlantis'.")
