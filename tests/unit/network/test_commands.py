"""!netwerk through the dispatcher on a real database: the table as members read it, one aspect
or holder of it, a date, a word it does not know, and the drawing with the contact points."""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from PIL import Image
from sqlalchemy import select

from bot.dispatch import Dispatcher
from commands import FILES
from commands.core.context import open_workspace
from config.network_settings import NetworkSettings
from config.settings import Settings
from storage.contacts import ContactPoint
from storage.database import Database
from tests.unit.helpers import (
    NOW,
    PLATFORM,
    command,
    directory_of,
    make_dispatcher,
    make_settings,
    outbox,
)

SETTINGS = make_settings()
NAMED_AT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


async def ask(dispatcher: Dispatcher, body: str) -> str:
    rows = await dispatcher.handle(command(body))
    return rows[0].payload["body"]


def settings_with(powers: Path) -> Settings:
    return SETTINGS.model_copy(update={"network": NetworkSettings(powers_file=powers)})


async def test_the_whole_map_lists_every_holder_with_basis_period_and_marker(
    dispatcher: Dispatcher,
) -> None:
    body = await ask(dispatcher, "!netwerk")
    lines = body.splitlines()
    assert lines[0] == "Netwerkkaart: bevoegdheden per partij en aspect"
    for holder in ("Nederlandse Arbeidsinspectie (ISZW)", "GGD", "Voorzitter veiligheidsregio"):
        assert holder in lines
    assert "• Werken: werk stilleggen bij ernstig gevaar — Arbowet art. 28" in lines
    assert (
        "• Werken: werk stilleggen als de werkgever ernstig tekortschiet in coronamaatregelen — "
        "Arbowet art. 28 lid 7 (Twm), vanaf 1 december 2020" in lines
    )
    assert any("Wvr art. 39" in line and "tot 1 december 2020" in line for line in lines)
    assert "• Wonen en werken: bron- en contactonderzoek (BCO) — Wpg [V/U]" in lines
    assert any(line.startswith("• Wonen en vervoer: geen eigen taak") for line in lines)
    assert lines[-1].startswith("Per partij met toelichting en bron: !netwerk ISZW.")


async def test_one_aspect_shows_only_the_powers_that_reach_it(dispatcher: Dispatcher) -> None:
    body = await ask(dispatcher, "!netwerk werken")
    assert body.startswith("Netwerkkaart: werken")
    assert "• werk stilleggen bij ernstig gevaar — Arbowet art. 28" in body
    assert "quarantaine opleggen" in body  # the mayor's powers reach every aspect
    assert "overbewoning" not in body and "bussen" not in body
    assert "Politie" not in body
    transport = await ask(dispatcher, "!netwerk busvervoer")
    assert transport.startswith("Netwerkkaart: vervoer") and "bussen staande houden" in transport


async def test_one_holder_by_any_of_its_names_with_its_conditions(dispatcher: Dispatcher) -> None:
    iszw = await ask(dispatcher, "!netwerk ISZW")
    assert iszw == await ask(dispatcher, "!netwerk NLA")
    assert iszw.startswith("Netwerkkaart: Nederlandse Arbeidsinspectie (ISZW)")
    assert "schriftelijke machtiging van de officier van justitie" in iszw
    assert "bron: Arbeidsomstandighedenwet" in iszw
    assert "NVWA" not in iszw and "quarantaine" not in iszw
    assert "Zonder teken" not in iszw  # every row verified: no legend of the markers
    assert "[V/U] deels bevestigd" in await ask(dispatcher, "!netwerk GGD")
    mayor = await ask(dispatcher, "!netwerk B&W")
    assert mayor.startswith("Netwerkkaart: Burgemeester / college van B&W")


async def test_on_a_date_the_powers_as_they_applied_then(dispatcher: Dispatcher) -> None:
    before = await ask(dispatcher, "!netwerk ISZW op 2020-11-15")
    assert before.startswith(
        "Netwerkkaart: Nederlandse Arbeidsinspectie (ISZW), zoals op 15 november 2020"
    )
    assert "werk stilleggen bij ernstig gevaar" in before and "lid 7" not in before
    after = await ask(dispatcher, "!netwerk ISZW 1-12-2020")
    assert "Arbowet art. 28 lid 7 (Twm)" in after
    whole = await ask(dispatcher, "!netwerk op 2020-11-15")
    assert "Wvr art. 39" in whole and "Wpg hoofdstuk Va" not in whole


async def test_an_unknown_word_is_named_with_the_choices_and_nothing_shown(
    dispatcher: Dispatcher,
) -> None:
    body = await ask(dispatcher, "!netwerk reizen")
    assert body.startswith("Onbekend aspect of onbekende partij 'reizen'.")
    assert "wonen, werken, vervoer" in body and "ISZW (NLA), NVWA, GGD" in body
    assert "Gebruik: !netwerk" in body
    assert "Arbowet" not in body and "Netwerkkaart:" not in body
    wrong_date = await ask(dispatcher, "!netwerk werken op 31-02-2020")
    assert wrong_date.startswith("'31-02-2020' is geen datum.")


async def test_the_operators_powers_file_shows_in_the_answer(
    database: Database, tmp_path: Path
) -> None:
    powers = tmp_path / "powers.yaml"
    powers.write_text(
        "- {id: iszw_boetes, houder: iszw, aspecten: [werken], bevoegdheid: boetes opleggen, "
        "grondslag: Wav art. 19d, status: S, bron: inspectie}\n",
        "utf-8",
    )
    dispatcher = make_dispatcher(database, settings_with(powers))
    body = await ask(dispatcher, "!netwerk NLA")
    assert "• Werken: boetes opleggen — Wav art. 19d [S]" in body
    assert "Wml art. 18f" not in body


GREEN = (0x31, 0xA3, 0x54)  # a region's square where a contact point is named


def green_pixels(image: Image.Image) -> int:
    counts = {colour: number for number, colour in image.convert("RGB").getcolors(1 << 20)}
    return counts.get(GREEN, 0)


async def name_points(database: Database, points: list[tuple[str, str, str | None]]) -> None:
    async with database.transaction() as session:
        for region, entity, user_id in points:
            session.add(
                ContactPoint(
                    region=region,
                    entity=entity,
                    user_id=user_id,
                    named_at=NAMED_AT,
                    named_by="@lotc:example.org",
                )
            )


async def test_the_drawing_is_a_png_with_the_contact_points_named(
    dispatcher: Dispatcher, database: Database
) -> None:
    member = "@iszw:example.org"
    await name_points(
        database,
        [
            ("VR05", "ISZW", member),
            ("VR06", "ISZW", member),
            ("VR06", "GGD", member),
            ("VR07", "NVWA", None),  # its contact was removed: no one to call
        ],
    )
    before = len(await outbox(database))
    body = await ask(dispatcher, "!netwerk kaart")
    assert body.startswith("De tekening van de netwerkkaart")
    (row,) = [row for row in (await outbox(database))[before:] if "render" in row.payload]
    render = row.payload["render"]
    assert render["kind"] == "network_map" and row.payload["room_id"] == PLATFORM
    directory = await directory_of(database, SETTINGS)
    async with database.transaction() as session:
        workspace = open_workspace(session, SETTINGS, directory, PLATFORM, NOW)
        made = await FILES[render["kind"]](workspace, render["spec"])
    assert made.mimetype == "image/png" and made.image is not None
    with Image.open(BytesIO(made.data)) as image:
        assert image.format == "PNG"
        assert image.size == (made.image.width, made.image.height)
        named = green_pixels(image)
    assert made.image.description.startswith("Netwerkkaart: de bevoegdheden van 10 partijen")
    assert "ISZW 2 van 25, NVWA 0 van 25, GGD 1 van 25" in made.image.description
    async with database.transaction() as session:
        for point in await session.scalars(select(ContactPoint)):
            await session.delete(point)
    async with database.transaction() as session:
        workspace = open_workspace(session, SETTINGS, directory, PLATFORM, NOW)
        bare = await FILES[render["kind"]](workspace, render["spec"])
    with Image.open(BytesIO(bare.data)) as image:
        # three squares fewer: only the legend's square is left green
        assert named > 3 * green_pixels(image) > 0
    assert "ISZW 0 van 25, NVWA 0 van 25, GGD 0 van 25" in bare.image.description


async def test_a_drawing_on_a_date_leaves_out_what_did_not_apply(
    dispatcher: Dispatcher, database: Database
) -> None:
    before = len(await outbox(database))
    await ask(dispatcher, "!netwerk kaart op 2020-11-15")
    (row,) = [row for row in (await outbox(database))[before:] if "render" in row.payload]
    assert row.payload["render"]["spec"] == {"on": "2020-11-15"}
    directory = await directory_of(database, SETTINGS)
    async with database.transaction() as session:
        workspace = open_workspace(session, SETTINGS, directory, PLATFORM, NOW)
        made = await FILES["network_map"](workspace, row.payload["render"]["spec"])
    assert made.image.description.startswith("Netwerkkaart op 15 november 2020:")
    with Image.open(BytesIO(made.data)) as image:
        assert image.format == "PNG" and image.size == (made.image.width, made.image.height)
    refused = await ask(dispatcher, "!netwerk kaart werken")
    assert refused.startswith("De kaart toont alle partijen")


async def test_a_powers_file_broken_after_the_start_leaves_the_shipped_table(
    database: Database, tmp_path: Path
) -> None:
    powers = tmp_path / "powers.yaml"
    powers.write_text("- {id: kapot, houder: ggd}\n", "utf-8")
    dispatcher = make_dispatcher(database, settings_with(powers))
    body = await ask(dispatcher, "!netwerk ISZW")
    assert "bestuurlijke boetes — Wav art. 19d; Wml art. 18f en 18n" in body
    assert body.splitlines()[-1].startswith("Let op: het eigen bestand met bevoegdheden")
