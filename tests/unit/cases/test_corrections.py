"""`!wijzig` through the dispatcher on a real database: what changes, what is refused."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from bot.dispatch import Dispatcher
from storage.cases import Case, TimelineEntry, TimelineKind
from storage.database import Database
from tests.unit.helpers import (
    INCIDENT,
    PLATFORM,
    answer,
    cases,
    command,
    kind_of,
    open_case,
    state,
)

FIELDS = ("title", "region", "sector", "source", "location", "kvk", "aspects", "description")


async def corrections(database: Database) -> list[str]:
    async with database.transaction() as session:
        query = select(TimelineEntry.text).where(TimelineEntry.kind == TimelineKind.CORRECTION)
        return list((await session.scalars(query.order_by(TimelineEntry.id))).all())


def fields_of(case: Case) -> dict[str, Any]:
    return {name: getattr(case, name) for name in (*FIELDS, "company_key", "unread")}


SIGNAL = (
    "!signaal Slachterij De Vries; regio: VNOG; sector: slachterij; bron: media; "
    "locatie: Lichtenvoorde; kvk: 87654321; aspect: werken; omschrijving: 3 zieken"
)


async def open_full_case(dispatcher: Dispatcher, database: Database) -> None:
    """A case with every field filled in, and its incident room."""
    await dispatcher.handle(command(SIGNAL))
    await set_on_case(database, room_id=INCIDENT)


async def set_on_case(database: Database, **values: Any) -> None:
    """Give the case values a signal could have left it with (e.g. fields the bot could not read)."""
    async with database.transaction() as session:
        case = await session.scalar(select(Case))
        assert case is not None
        for name, value in values.items():
            setattr(case, name, value)


@pytest.mark.parametrize(
    ("body", "attribute", "stored", "change"),
    [
        (
            "!wijzig titel: Slachterij de Vries B.V.",
            "title",
            "Slachterij de Vries B.V.",
            "titel: Slachterij De Vries → Slachterij de Vries B.V.",
        ),
        (
            "!wijzig regio: Twente",
            "region",
            "VR05",
            "regio: Noord- en Oost-Gelderland (VR06) → Twente (VR05)",
        ),
        (
            "!wijzig sector: kassen",
            "sector",
            "land-tuinbouw",
            "sector: Vleesverwerking en slachterijen → Land- en tuinbouw",
        ),
        (
            "!wijzig bron: 0800",
            "source",
            "meldpunt",
            "bron: media → meldpunt (0800-5151 / website)",
        ),
        ("!wijzig plaats: Groenlo", "location", "Groenlo", "locatie: Lichtenvoorde → Groenlo"),
        ("!wijzig kvk: 1234.5678", "kvk", "12345678", "kvk: 87654321 → 12345678"),
        (
            "!wijzig aspect: wonen en vervoer",
            "aspects",
            ["wonen", "vervoer"],
            "aspect: werken → wonen, vervoer",
        ),
        (
            "!wijzig omschrijving: 12 zieke medewerkers",
            "description",
            "12 zieke medewerkers",
            "omschrijving: 3 zieken → 12 zieke medewerkers",
        ),
    ],
)
async def test_each_field_is_corrected_and_on_the_timeline_with_old_and_new_value(
    dispatcher: Dispatcher,
    database: Database,
    body: str,
    attribute: str,
    stored: Any,
    change: str,
) -> None:
    await open_full_case(dispatcher, database)
    reply = await answer(dispatcher, body)
    assert "Zaak 2026-001 gewijzigd:" in reply and change in reply
    assert getattr(await state(database), attribute) == stored
    field, values = change.split(": ", 1)
    old, new = values.split(" → ")
    assert await corrections(database) == [f"Gewijzigd: {field} van '{old}' naar '{new}'"]
    timeline = await answer(dispatcher, "!tijdlijn")
    assert f"Ilse: Gewijzigd: {field} van '{old}' naar '{new}'" in timeline


async def test_several_fields_at_once_per_line_or_with_semicolons(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    reply = await answer(dispatcher, "!wijzig regio: VR05; sector: kassen\nbron: GGD")
    assert "regio: Noord- en Oost-Gelderland (VR06) → Twente (VR05)" in reply
    assert "sector: onbekend → Land- en tuinbouw" in reply
    assert "bron: onbekend → GGD" in reply
    assert "De VR- en GGD-leden van Twente (VR05) worden uitgenodigd." in reply
    case = await state(database)
    assert (case.region, case.sector, case.source) == ("VR05", "land-tuinbouw", "ggd")
    assert len(await corrections(database)) == 3


async def test_a_description_over_several_lines_and_the_field_without_colon(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    await answer(dispatcher, "!wijzig omschrijving: 12 zieken\ngedeelde huisvesting")
    assert (await state(database)).description == "12 zieken\ngedeelde huisvesting"
    assert "sector: onbekend → Logistiek" in await answer(dispatcher, "!wijzig sector logistiek")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("!wijzig", "Wat moet er anders?"),
        ("!wijzig logistiek", "Wat moet er anders?"),
        ("!wijzig kleur: rood", "Onbekend veld 'kleur'. Velden: titel, regio"),
        ("!wijzig sector:", "Het veld 'sector' is leeg."),
        (
            "!wijzig sector: ruimtevaart",
            "Onbekende sector 'ruimtevaart'. Sectoren: vleesverwerking",
        ),
        ("!wijzig regio: Brabant", "past bij meer dan één regio"),
        ("!wijzig regio: Atlantis", "Onbekende regio 'Atlantis'"),
        ("!wijzig bron: buurman", "Onbekende bron 'buurman'. Kies uit: meldpunt"),
        ("!wijzig kvk: 1234", "'1234' is geen KvK-nummer"),
        ("!wijzig aspect: eten", "Onbekend aspect 'eten'"),
        ("!wijzig titel: " + "x" * 151, "Het veld 'titel' is te lang (151 tekens; maximaal 150)"),
        ("!wijzig omschrijving: " + "x" * 1001, "Het veld 'omschrijving' is te lang"),
        ("!wijzig sector: bouw; sector: logistiek", "Het veld 'sector' staat er twee keer in."),
        ("!wijzig sector: bouw; regio: Atlantis", "Onbekende regio 'Atlantis'"),
    ],
)
async def test_bad_values_are_answered_with_the_usage_and_change_nothing(
    dispatcher: Dispatcher, database: Database, body: str, expected: str
) -> None:
    await open_full_case(dispatcher, database)
    before = fields_of(await state(database))
    reply = await answer(dispatcher, body)
    assert expected in reply
    assert "Gebruik: !wijzig [zaaknummer] <veld>: <waarde>" in reply
    assert fields_of(await state(database)) == before
    assert await corrections(database) == []


async def test_in_the_platform_room_the_number_comes_first_and_the_room_is_told(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    assert "Welke zaak?" in await answer(dispatcher, "!wijzig sector: bouw", room=PLATFORM)
    assert "Zaak 2026-007 bestaat niet" in await answer(
        dispatcher, "!wijzig 7 sector: bouw", room=PLATFORM
    )
    rows = await dispatcher.handle(command("!wijzig 2026-001 sector: bouw", room=PLATFORM))
    assert "sector: onbekend → Bouw en infra" in rows[0].payload["body"]
    told = [
        row.payload for row in rows if row.payload.get("case_id") == 1 and "body" in row.payload
    ]
    assert told and "Ilse wijzigde deze zaak:" in told[0]["body"]
    assert (await state(database)).sector == "bouw"


async def test_a_closed_case_accepts_no_correction(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    await answer(dispatcher, "!sluit melding bleek onjuist")
    assert "Zaak 2026-001 is gesloten" in await answer(dispatcher, "!wijzig sector: bouw")
    assert (await state(database)).sector is None
    assert await corrections(database) == []


async def test_the_room_follows_name_topic_invitations_and_card(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    rows = await dispatcher.handle(command("!wijzig regio: VR05", room=INCIDENT))
    (update,) = [row for row in rows if kind_of(row) == "update_room"]
    assert "@vr05:example.org" in update.payload["invite"]
    assert "@ggd06:example.org" not in update.payload["invite"]
    assert not update.payload.get("rename")
    assert "card" in [kind_of(row) for row in rows]

    rows = await dispatcher.handle(command("!wijzig titel: Slachterij Oost", room=INCIDENT))
    (update,) = [row for row in rows if kind_of(row) == "update_room"]
    assert update.payload == {"case_id": 1, "invite": [], "rename": True}

    rows = await dispatcher.handle(command("!wijzig kvk: 12345678", room=INCIDENT))
    assert [kind_of(row) for row in rows] == ["send", "card"]  # neither name nor topic shows it


async def test_unknown_empties_a_field_and_the_card_asks_for_the_region_again(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    await answer(dispatcher, "!wijzig kvk: 12345678; aspect: wonen")
    reply = await answer(dispatcher, "!wijzig regio: onbekend; kvk: Onbekend; aspect: onbekend")
    assert "regio: Noord- en Oost-Gelderland (VR06) → onbekend" in reply
    assert "worden uitgenodigd" not in reply
    case = await state(database)
    assert (case.region, case.kvk, case.aspects) == (None, None, [])
    rows = await dispatcher.handle(command("!wijzig titel: onbekend", room=INCIDENT))
    assert (await state(database)).title == "onbekend"  # a title is never empty
    assert "update_room" in [kind_of(row) for row in rows]


async def test_a_value_that_is_already_so_changes_nothing(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    reply = await answer(dispatcher, "!wijzig regio: VNOG")
    assert reply == (
        "Zaak 2026-001 is niet gewijzigd: regio is al Noord- en Oost-Gelderland (VR06)."
    )
    reply = await answer(dispatcher, "!wijzig regio: VNOG; sector: bouw")
    assert "sector: onbekend → Bouw en infra" in reply
    assert "Ongewijzigd: regio is al Noord- en Oost-Gelderland (VR06)." in reply
    assert await corrections(database) == ["Gewijzigd: sector van 'onbekend' naar 'Bouw en infra'"]


async def test_a_corrected_field_is_no_longer_unread(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database, region="onbekend")
    await set_on_case(database, unread={"sector": "kasen", "region": "Oost"})
    reply = await answer(dispatcher, "!wijzig sector: kassen")
    assert "sector: niet gelezen: 'kasen' → Land- en tuinbouw" in reply
    assert (await state(database)).unread == {"region": "Oost"}
    # Saying the region is unknown is an answer too, although the region stays empty.
    reply = await answer(dispatcher, "!wijzig regio: onbekend")
    assert "regio: niet gelezen: 'Oost' → onbekend" in reply
    assert (await state(database)).unread == {}


async def test_a_later_signal_about_the_corrected_company_joins_the_case(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    await answer(dispatcher, "!wijzig titel: Kwekerij Zon; plaats: Westland")
    reply = await answer(dispatcher, "!signaal Kwekerij Zon BV; locatie: westland", room=PLATFORM)
    assert "Over dit bedrijf loopt al zaak 2026-001 (Kwekerij Zon)" in reply
    # The old name is no longer this case's: a signal about it opens a case of its own.
    assert "2026-002 geopend" in await answer(
        dispatcher, "!signaal Slachterij De Vries", room=PLATFORM
    )
    await answer(dispatcher, "!wijzig 2026-001 kvk: 12345678", room=PLATFORM)
    reply = await answer(dispatcher, "!signaal Zonnekwekerij; kvk: 1234 5678", room=PLATFORM)
    assert "loopt al zaak 2026-001" in reply
    assert len(await cases(database)) == 2


async def test_help_shows_the_usage_and_examples(
    dispatcher: Dispatcher, database: Database
) -> None:
    reply = await answer(dispatcher, "!help wijzig", room=PLATFORM)
    assert "!wijzig [zaaknummer] <veld>: <waarde>" in reply
    assert "Voorbeeld: !wijzig 2026-017 regio: VNOG; sector: kassen" in reply
    await open_case(dispatcher, database)
    assert "Zaak 2026-001 gewijzigd:" in await answer(dispatcher, "!corrigeer sector: bouw")
