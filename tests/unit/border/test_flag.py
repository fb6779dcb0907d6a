"""Which signals reach across the border: by region, by `grens:`, by an address over there."""

from __future__ import annotations

import pytest

from bot.dispatch import Dispatcher
from commands.border.flag import countries, is_cross_border
from config.reference import regions
from storage.cases import Case
from storage.database import Database
from tests.unit.border.helpers import card_text
from tests.unit.helpers import INCIDENT, answer, cases, command, open_case, replies, state

BORDER_REGIONS = {
    "VR01": ("DE", "Landkreis Leer"),
    "VR03": ("DE", "Landkreis Grafschaft Bentheim"),
    "VR04": ("DE", "Landkreis Grafschaft Bentheim"),
    "VR05": ("DE", "Kreis Borken"),
    "VR06": ("DE", "Kreis Kleve"),
    "VR07": ("DE", "Kreis Kleve"),
    "VR08": ("DE", "Kreis Kleve"),
    "VR19": ("BE", "Provincie Oost-Vlaanderen"),
    "VR20": ("BE", "Provincie Antwerpen"),
    "VR22": ("BE", "Provincie Limburg (BE)"),
    "VR23": ("DE", "Kreis Viersen"),
    "VR24": ("BE", "Provincie Luik"),
}


@pytest.mark.parametrize(("region", "expected"), sorted(BORDER_REGIONS.items()))
async def test_a_case_in_a_border_region_is_cross_border(
    dispatcher: Dispatcher, database: Database, region: str, expected: tuple[str, str]
) -> None:
    country, counterpart = expected
    await open_case(dispatcher, database, region=region)
    case = await state(database)
    assert case.border is None  # the region flags it; nothing is stored
    assert country in countries(case)
    card = await card_text(database)
    assert "Over de grens:" in card
    assert counterpart in card


def test_the_border_regions_are_the_twelve_on_the_map() -> None:
    assert sorted(code for code, r in regions().by_code.items() if r.borders) == sorted(
        BORDER_REGIONS
    )


async def test_an_inland_case_is_not(dispatcher: Dispatcher, database: Database) -> None:
    await open_case(dispatcher, database, region="Utrecht")
    case = await state(database)
    assert not is_cross_border(case)
    assert "Over de grens" not in await card_text(database)


@pytest.mark.parametrize(
    ("fields", "country"),
    [
        ("grens: DE", "DE"),
        ("grens: België", "BE"),
        ("land: Duitsland", None),  # `land` is no field: it goes to the description
        ("locatie: Industriestraße 4, 46325 Borken", "DE"),
        ("locatie: D-48599 Gronau", "DE"),
        ("adres: Rue de la Gare 1, 4000 Liège", "BE"),
        ("locatie: Kempen, Deutschland", "DE"),
        ("locatie: Meir 12, 2000 Antwerpen", "BE"),
        ("locatie: Kerkstraat 12, 3511 AB Utrecht", None),
        ("locatie: Gronau", None),  # a town alone is no address
        ("kvk: 12345678; locatie: Utrecht", None),
    ],
)
async def test_the_signal_or_its_address_sets_the_country(
    dispatcher: Dispatcher, database: Database, fields: str, country: str | None
) -> None:
    await dispatcher.handle(command(f"!signaal Slachterij X; regio: Utrecht; {fields}"))
    (case,) = await cases(database)
    assert case.border == country
    assert is_cross_border(case) == (country is not None)


async def test_an_unreadable_country_keeps_the_signal(
    dispatcher: Dispatcher, database: Database
) -> None:
    await dispatcher.handle(command("!signaal Slachterij X; regio: Utrecht; grens: Frankrijk"))
    (case,) = await cases(database)
    assert case.border is None
    assert case.unread == {"border": "Frankrijk"}
    (reply,) = await replies(database)
    assert "Zaak 2026-001 geopend" in reply
    assert "Onbekend land 'Frankrijk' bij grens" in reply
    assert "!wijzig 2026-001 grens: <waarde>" in reply


async def test_the_country_is_corrected_and_cleared(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database, region="Utrecht")
    reply = await answer(dispatcher, "!wijzig grens BE")
    assert "grens: onbekend → België (BE)" in reply
    assert (await state(database)).border == "BE"
    assert "Over de grens: België" in await card_text(database)
    await answer(dispatcher, "!wijzig grens: onbekend", room=INCIDENT)
    assert (await state(database)).border is None
    reply = await answer(dispatcher, "!wijzig grens: Frankrijk")
    assert "Onbekend land 'Frankrijk'" in reply
    assert (await state(database)).border is None


async def test_a_corrected_address_carries_its_country(
    dispatcher: Dispatcher, database: Database
) -> None:
    await dispatcher.handle(command("!signaal Slachterij X; regio: Utrecht; locatie: 46325 Borken"))
    assert (await state(database)).border == "DE"
    async with database.transaction() as session:
        case = await session.get(Case, 1)
        assert case is not None
        case.room_id = INCIDENT
    reply = await answer(dispatcher, "!wijzig locatie: Kerkstraat 1, 3511 AB Utrecht")
    assert "grens: Duitsland (DE) → onbekend" in reply
    assert (await state(database)).border is None
    await answer(dispatcher, "!wijzig grens: DE")
    await answer(dispatcher, "!wijzig locatie: Domplein 2, Utrecht")
    assert (await state(database)).border == "DE"  # given apart: the address does not undo it
