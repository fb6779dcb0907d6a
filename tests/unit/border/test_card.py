"""The room card of a cross-border case: the counterparts there and the contacts to call."""

from __future__ import annotations

from bot.dispatch import Dispatcher
from storage.contacts import ContactKind
from storage.database import Database
from tests.unit.border.helpers import add_contact, card_text
from tests.unit.helpers import command, open_case


async def test_a_vnog_card_names_borken_kleve_and_the_gesundheitsamt(
    dispatcher: Dispatcher, database: Database
) -> None:
    await add_contact(
        database,
        "Gesundheitsamt Kreis Borken",
        country="DE",
        regions=["VR06", "VR05"],
        organisation="Kreis Borken",
        phone="+4928616810",
        email="gesundheitsamt@kreis-borken.example",
    )
    await add_contact(database, "Gesundheitsamt Grafschaft", country="DE", regions=["VR05"])
    await add_contact(
        database, "Gemeente Oost Gelre", country="NL", regions=["VR06"], kind=ContactKind.GEMEENTE
    )
    await open_case(dispatcher, database, region="VNOG")
    card = await card_text(database)
    assert "Over de grens: Duitsland" in card
    assert "Kreis Borken (Kreis, DE) · via Grensteam Vion Groenlo" in card
    assert "Kreis Kleve (Kreis, DE)" in card
    assert "Gesundheitsamt van de Kreis" in card
    assert (
        " Gesundheitsamt Kreis Borken · Kreis Borken · +49 2861 6810 · "
        "gesundheitsamt@kreis-borken.example"
    ) in card
    assert "Gesundheitsamt Grafschaft" not in card  # serves Twente only
    assert "Gemeente Oost Gelre" not in card  # not across the border


async def test_without_contacts_the_card_says_so(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database, region="Zeeland")
    card = await card_text(database)
    assert "Over de grens: België" in card
    assert "Provincie West-Vlaanderen (provincie, BE) · via GROS" in card
    assert "Agentschap Zorg en Gezondheid" in card
    assert "Nog geen contacten over de grens vastgelegd voor Zeeland (VR19)." in card


async def test_an_inland_case_with_a_german_address_names_the_kreis_of_it(
    dispatcher: Dispatcher, database: Database
) -> None:
    await dispatcher.handle(
        command("!signaal Uitzendbureau Y; regio: Utrecht; locatie: Markt 1, 46399 Bocholt")
    )
    card = await card_text(database)
    assert "Over de grens: Duitsland" in card
    assert "Kreis Borken (Kreis, DE)" in card
    assert "Kreis Kleve" not in card


async def test_a_region_on_two_borders_shows_only_the_country_given(
    dispatcher: Dispatcher, database: Database
) -> None:
    await dispatcher.handle(command("!signaal Kwekerij Z; regio: VR23; grens: BE"))
    card = await card_text(database)
    assert "Over de grens: België" in card
    assert "Provincie Limburg (BE)" in card
    assert "Kreis Viersen" not in card
