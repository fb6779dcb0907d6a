"""What the dossier says in particular cases: a GGD coordinator of a region, a held case, a title
with a character the font lacks; and that the font check can tell an unembedded font."""

from __future__ import annotations

import io

from fpdf import FPDF
from pypdf import PdfReader

from bot.dispatch import Dispatcher
from config.privacy_settings import PrivacySettings
from storage.database import Database
from tests.pdfa_reading import unembedded
from tests.unit.helpers import PLATFORM, answer, command, make_settings, open_case, outbox
from tests.unit.records.helpers import LEADER, draw, open_dossier, render_rows

GGD06 = "@ggd06:example.org"
VR06 = "@vr06:example.org"


async def test_a_regional_coordinator_is_its_entity_in_that_region(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    await answer(dispatcher, "!coordinator GGD")
    refused = await answer(dispatcher, "!dossier", sender=VR06)
    assert "(GGD Noord- en Oost-Gelderland (VR06))" in refused
    assert not render_rows(await outbox(database))
    reply = await answer(dispatcher, "!dossier", sender=GGD06)
    assert reply.startswith("Het dossier van zaak 2026-001 komt eraan")


async def test_without_a_coordinator_only_the_project_leader_may(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    refused = await answer(dispatcher, "!dossier")
    assert "geen coördinerende entiteit; alleen de projectleider" in refused
    assert "komt eraan" in await answer(dispatcher, "!dossier", sender=LEADER)


async def test_a_held_case_is_kept_and_says_so(dispatcher: Dispatcher, database: Database) -> None:
    await open_case(dispatcher, database)
    await answer(dispatcher, "!sluit geen inzet nodig")
    await answer(dispatcher, "!dossier 2026-001", sender=LEADER, room=PLATFORM)
    held = make_settings().model_copy(update={"privacy": PrivacySettings(hold=["2026-001"])})
    opened = open_dossier((await draw(database, render_rows(await outbox(database))[0], held)).data)
    retention = opened.data["metadata"]["retention"]
    assert retention["hold"] is True and retention["texts_anonymised_after"] is None
    assert "Uitgezonderd van vernietiging" in opened.text


async def test_a_character_without_a_glyph_is_a_question_mark_in_the_pdf_only(
    dispatcher: Dispatcher, database: Database
) -> None:
    await dispatcher.handle(command("!signaal Kwekerij \U0001f345 Zonneveld; regio: VR06"))
    await answer(dispatcher, "!dossier 2026-001", sender=LEADER, room=PLATFORM)
    opened = open_dossier((await draw(database, render_rows(await outbox(database))[0])).data)
    assert opened.data["case"]["title"] == "Kwekerij \U0001f345 Zonneveld"
    assert "Kwekerij ? Zonneveld" in opened.text
    assert unembedded(opened.pdf) == []


async def test_the_minutes_marks_are_signs_the_font_has(
    dispatcher: Dispatcher, database: Database
) -> None:
    await dispatcher.handle(
        command("!signaal Kwekerij Zonneveld ✅ gecontroleerd ❌ niet; regio: VR06")
    )
    await answer(dispatcher, "!dossier 2026-001", sender=LEADER, room=PLATFORM)
    opened = open_dossier((await draw(database, render_rows(await outbox(database))[0])).data)
    assert "Kwekerij Zonneveld ✔ gecontroleerd ✘ niet" in opened.text


def test_the_font_check_names_a_font_that_is_not_embedded() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Kern-lettertype")
    assert unembedded(PdfReader(io.BytesIO(bytes(pdf.output())))) == ["/Helvetica"]
