"""`!signaal` never loses a signal to a field: the case opens, and the answer says what to correct."""

from __future__ import annotations

import pytest

from bot.dispatch import Dispatcher
from storage.database import Database
from tests.unit.helpers import cases, command, make_dispatcher, make_settings, outbox, replies


async def test_unreadable_fields_open_the_case_and_are_kept_as_typed(
    dispatcher: Dispatcher, database: Database
) -> None:
    await dispatcher.handle(
        command("!signaal Slachterij De Vries regio: Brabant sector: ruimtevaart kvk: 1234567")
    )
    (case,) = await cases(database)
    assert (case.region, case.sector, case.kvk) == (None, None, None)
    assert case.unread == {"region": "Brabant", "sector": "ruimtevaart", "kvk": "1234567"}
    assert case.title == "Slachterij De Vries"
    (answer,) = await replies(database)
    assert "Zaak 2026-001 geopend: Slachterij De Vries" in answer
    assert (
        "'Brabant' past bij meer dan één regio: Midden- en West-Brabant (VR20), Brabant-Noord "
        "(VR21) of Brabant-Zuidoost (VR22). Welke bedoelt u? "
        "Verbeter het met !wijzig 2026-001 regio: <waarde>." in answer
    )
    assert "Onbekende sector 'ruimtevaart'. Sectoren: vleesverwerking" in answer
    assert "!wijzig 2026-001 sector: <waarde>." in answer
    assert "'1234567' is geen KvK-nummer: dat zijn 8 cijfers." in answer
    assert "!wijzig 2026-001 kvk: <waarde>." in answer
    # With no region, the national members are invited and the region is asked for, as before.
    assert "Regio onbekend: alleen de landelijke entiteiten zijn uitgenodigd." in answer
    assert [row.kind for row in await outbox(database)] == ["send", "open_room"]


async def test_a_close_value_is_offered(dispatcher: Dispatcher, database: Database) -> None:
    await dispatcher.handle(command("!signaal Bedrijf X\nbron: tip van de media\nregio: VR60"))
    (case,) = await cases(database)
    assert case.source == "media"  # a word that names one source
    assert case.unread == {"region": "VR60"}
    (answer,) = await replies(database)
    assert "Onbekende regio 'VR60'. Bedoelde u Noord- en Oost-Gelderland (VR06)," in answer


async def test_a_readable_signal_has_no_correction_lines(
    dispatcher: Dispatcher, database: Database
) -> None:
    await dispatcher.handle(command("!signaal Slachterij Noord regio: VR06 sector: slachterij"))
    (case,) = await cases(database)
    assert (case.region, case.sector, case.unread) == ("VR06", "vleesverwerking", {})
    (answer,) = await replies(database)
    assert "!wijzig" not in answer
    assert "Regio onbekend" not in answer


async def test_an_unknown_field_name_stays_in_the_description(
    dispatcher: Dispatcher, database: Database
) -> None:
    await dispatcher.handle(command("!signaal Bedrijf X\nkleur: rood\nregio: VR05"))
    (case,) = await cases(database)
    assert (case.description, case.region) == ("kleur: rood", "VR05")
    (answer,) = await replies(database)
    assert "Onbekend veld 'kleur'. Velden: bedrijf, regio, sector" in answer
    assert "Die tekst staat in de omschrijving." in answer


async def test_pasted_headers_are_named_once_and_kept(
    dispatcher: Dispatcher, database: Database
) -> None:
    await dispatcher.handle(
        command("!signaal Bedrijf X\nVan: meldpunt\nOnderwerp: zieken\nDatum: gisteren")
    )
    (case,) = await cases(database)
    assert case.description == "Van: meldpunt\nOnderwerp: zieken\nDatum: gisteren"
    (answer,) = await replies(database)
    assert "Onbekende velden: Van, Onderwerp, Datum. Velden: bedrijf, regio" in answer


async def test_long_free_text_is_cut_not_refused(database: Database) -> None:
    settings = make_settings()
    settings.limits.field_chars = 50
    settings.limits.title_chars = 20
    dispatcher = make_dispatcher(database, settings)
    await dispatcher.handle(
        command("!signaal Slachterij De Vries te Groenlo\nomschrijving: " + "zieken " * 20)
    )
    (case,) = await cases(database)
    assert case.title == "Slachterij De Vries…"
    assert len(case.description) == 50
    assert case.description.startswith("Slachterij De Vries te Groenlo\nzieken")
    (answer,) = await replies(database)
    assert "De titel is ingekort tot 20 tekens; de hele titel staat in de omschrijving." in answer
    assert "Omschrijving ingekort tot 50 tekens." in answer


async def test_only_an_empty_title_stops_a_signal(
    dispatcher: Dispatcher, database: Database
) -> None:
    await dispatcher.handle(command("!signaal regio: VR06 sector: bouw"))
    assert await cases(database) == []
    (answer,) = await replies(database)
    assert "Geef een titel" in answer
    assert "Gebruik: !signaal" in answer


@pytest.mark.parametrize(
    "template",
    [
        "!signaal Bedrijf {name}; {value}: waarde",  # unknown field name
        "!signaal Bedrijf {name}\n{value}",  # text that is no field
        "!signaal Bedrijf {name}; regio: {value}",
        "!signaal Bedrijf {name}; sector: {value}",
        "!signaal Bedrijf {name}; bron: {value}",
        "!signaal Bedrijf {name}; kvk: {value}",
        "!signaal Bedrijf {name}; aspect: {value}",
    ],
)
async def test_answers_quote_what_it_could_not_read_only_as_a_short_excerpt(
    dispatcher: Dispatcher, database: Database, template: str
) -> None:
    """The answer to a long value is as long as the answer to a short one: only an excerpt."""
    await dispatcher.handle(command(template.format(name="A", value="x" * 100)))
    await dispatcher.handle(command(template.format(name="B", value="x" * 900)))
    short, long = await replies(database)
    assert "x" * 61 not in long, long
    assert len(long) == len(short), long
    assert len(await cases(database)) == 2


@pytest.mark.parametrize(
    "repeat",
    [
        "!signaal Andere naam\nKvK-nummer: 1234 5678",
        "!signaal Bedrijf: slachterij de vries b.v.\nplaats: groenlo",
        "!signaal Slachterij De Vries plaats: Groenlo regio: Brabant",
    ],
)
async def test_a_repeat_signal_written_otherwise_joins_the_open_case(
    dispatcher: Dispatcher, database: Database, repeat: str
) -> None:
    await dispatcher.handle(command("!signaal Slachterij De Vries locatie: Groenlo kvk: 12345678"))
    await dispatcher.handle(command(repeat, sender="@vr06:example.org"))
    assert len(await cases(database)) == 1
    assert "loopt al zaak 2026-001" in (await replies(database))[1]


async def test_what_it_could_not_read_is_quoted_as_text_never_markup(
    dispatcher: Dispatcher, database: Database
) -> None:
    await dispatcher.handle(command('!signaal Bedrijf X regio: <img src=x onerror="alert(1)">'))
    (row, _room) = await outbox(database)
    assert "<img" in row.payload["body"]
    assert "<img" not in row.payload["html"]
    assert "&lt;img" in row.payload["html"]
