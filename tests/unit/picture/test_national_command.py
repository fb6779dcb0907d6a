"""`!landelijk [regio]` as a member asks it, on each database."""

from __future__ import annotations

import pytest

from bot.dispatch import Dispatcher
from bot.rooms import PlatformRooms
from commands import build_registry
from storage.database import Database
from tests.unit.helpers import NOW, PLATFORM, command, make_settings
from tests.unit.picture.helpers import add_signals, import_figures


@pytest.fixture
def national(database: Database) -> Dispatcher:
    return Dispatcher(
        make_settings(),
        database,
        build_registry(),
        lambda: NOW,
        PlatformRooms(PLATFORM),
        lambda _: None,
    )


async def ask(dispatcher: Dispatcher, body: str) -> str:
    (row,) = await dispatcher.handle(command(body))
    return row.payload["body"]


async def test_a_region_shows_its_figures_beside_its_signals(
    database: Database, national: Dispatcher
) -> None:
    await import_figures(database)
    await add_signals(database)
    assert (await ask(national, "!landelijk VNOG")).splitlines() == [
        "Landelijk beeld: Noord- en Oost-Gelderland (VR06)",
        "Wonen",
        "• Gecertificeerde huisvestingslocaties: 42 locaties (bron: Keurmerk flexwonen, "
        "peildatum 1 oktober 2026)",
        "• Bedden op gecertificeerde locaties: geen cijfer geïmporteerd",
        "• Signalen: 1 in de laatste 3 maanden, 2 in totaal",
        "Werken",
        "• Geregistreerde arbeidsmigranten: 12.400 personen (bron: RNI-registratie gemeenten, "
        "peildatum 1 oktober 2026)",
        "• Belangrijkste sectoren: Vleesverwerking en slachterijen, Land- en tuinbouw (bron: UWV, "
        "peildatum 1 oktober 2026)",
        "• Signalen: 2 in de laatste 3 maanden, 2 in totaal",
        "Vervoer",
        "• Bekende vervoerders van werkgeversvervoer (pendelbussen): 1 vervoerder (bron: "
        "Provincie Gelderland, peildatum 15 september 2026)",
        "• Signalen: 1 in de laatste 3 maanden, 1 in totaal",
    ]


async def test_without_a_region_the_country_sums_the_regions_that_reported(
    database: Database, national: Dispatcher
) -> None:
    await import_figures(database)
    await add_signals(database)
    assert (await ask(national, "!nationaal")).splitlines() == [
        "Landelijk beeld: alle regio's",
        "Wonen",
        "• Gecertificeerde huisvestingslocaties: 42 locaties (1 van 25 regio's; bron: Keurmerk "
        "flexwonen, peildatum 1 oktober 2026)",
        "• Bedden op gecertificeerde locaties: 1.500 bedden (1 van 25 regio's; bron: CBS, "
        "peildatum 1 juli 2026)",
        "• Signalen: 2 in de laatste 3 maanden, 3 in totaal",
        "Werken",
        "• Geregistreerde arbeidsmigranten: 21.000 personen (2 van 25 regio's; 2 bronnen, "
        "peildatum 1 juli 2026 t/m 1 oktober 2026)",
        "• Belangrijkste sectoren: Vleesverwerking en slachterijen (2 regio's), Land- en tuinbouw "
        "(1 regio), Logistiek en distributie (1 regio) (2 van 25 regio's; 2 bronnen, peildatum "
        "1 juli 2026 t/m 1 oktober 2026)",
        "• Signalen: 3 in de laatste 3 maanden, 3 in totaal",
        "Vervoer",
        "• Bekende vervoerders van werkgeversvervoer (pendelbussen): 1 vervoerder (1 van 25 "
        "regio's; bron: Provincie Gelderland, peildatum 15 september 2026)",
        "• Signalen: 1 in de laatste 3 maanden, 1 in totaal",
    ]


async def test_before_any_import_no_figure_is_made_up(national: Dispatcher) -> None:
    reply = await ask(national, "!landelijk Twente")
    assert reply.splitlines()[0] == "Landelijk beeld: Twente (VR05)"
    assert reply.count("geen cijfer geïmporteerd") == 5
    assert reply.count("• Signalen: 0 in de laatste 3 maanden, 0 in totaal") == 3
    assert reply.splitlines()[-2:] == [
        "Er zijn nog geen landelijke cijfers geïmporteerd.",
        "Cijfers komen van partners; een beheerder importeert ze.",
    ]


async def test_a_region_that_fits_several_or_none_is_asked_about(national: Dispatcher) -> None:
    assert (await ask(national, "!landelijk Brabant")).splitlines() == [
        "'Brabant' past bij meer dan één regio: Midden- en West-Brabant (VR20), Brabant-Noord "
        "(VR21) of Brabant-Zuidoost (VR22). Welke bedoelt u?",
        "Gebruik: !landelijk [regio]",
        "Voorbeeld: !landelijk VNOG",
    ]
    unknown = (await ask(national, "!landelijk Atlantis")).splitlines()
    assert unknown[0] == "Onbekende regio 'Atlantis'."
    assert unknown[1] == "Gebruik: !landelijk [regio]"
    assert (await ask(national, "!landelijk twnete")).startswith("Landelijk beeld: Twente (VR05)")
