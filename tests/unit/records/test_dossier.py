"""!dossier through the dispatcher on a real database: who may ask, the answer at once, and the
ZIP drawn as delivery draws it and opened with zipfile, json and pypdf."""

from __future__ import annotations

import io
from datetime import UTC

from PIL import ImageCms
from sqlalchemy import update

from bot.dispatch import Dispatcher
from storage.cases import Case
from storage.database import Database
from tests.pdfa_reading import (
    fonts,
    output_intent_profiles,
    pdfa_identification,
    unembedded,
)
from tests.unit.helpers import INCIDENT, NOW, PLATFORM, answer, outbox
from tests.unit.records.helpers import (
    ISZW,
    LEADER,
    OUTSIDER,
    a_reported_case,
    draw,
    manifest_checks,
    open_dossier,
    render_rows,
)


async def test_the_coordinator_gets_one_zip_with_pdf_json_and_manifest(
    dispatcher: Dispatcher, database: Database
) -> None:
    await a_reported_case(dispatcher, database)
    reply = await answer(dispatcher, "!dossier", sender=ISZW)
    assert reply.startswith("Het dossier van zaak 2026-001 komt eraan")
    rows = render_rows(await outbox(database))
    assert len(rows) == 1 and rows[0].payload["room_id"] == INCIDENT
    made = await draw(database, rows[0])
    assert made.filename == "dossier-2026-001.zip" and made.mimetype == "application/zip"
    opened = open_dossier(made.data)
    assert opened.names == ["zaak-2026-001.pdf", "zaak-2026-001.json", "MANIFEST-SHA256.txt"]
    assert manifest_checks(opened) == {"zaak-2026-001.pdf": True, "zaak-2026-001.json": True}
    text = opened.text
    assert "Dossier zaak 2026-001: Slachterij De Vries" in text
    assert "Tijdlijn" in text and "Signaal ontvangen: Slachterij De Vries" in text
    assert "Besluiten" in text and "inzet (bevestigd met GGD en VR)" in text
    assert "Huisvesting opvragen" in text and "Werkgever werkte goed mee" in text
    assert "Kantine te klein, geen afstand" in text and "Ploegen gesplitst" in text
    assert "Overleg 1: afstemming inzet" in text and "Notulen (28 november 2026 10:30):" in text
    assert "Ilse" in text  # members by name
    assert "28 november 2026 10:30" in text  # 09:30 UTC in Amsterdam


async def test_the_json_holds_the_content_and_the_metadata(
    dispatcher: Dispatcher, database: Database
) -> None:
    await a_reported_case(dispatcher, database)
    await answer(dispatcher, "!dossier", sender=ISZW)
    data = open_dossier((await draw(database, render_rows(await outbox(database))[0])).data).data
    meta = data["metadata"]
    assert meta["title"] == "Dossier zaak 2026-001: Slachterij De Vries"
    assert meta["kind"] == {"code": "repressive", "label": "repressief"}
    assert meta["dates"] == {
        "signalled": "2026-11-28T10:30:00+01:00",
        "visited": "2026-11-28T10:30:00+01:00",
        "closed": None,
    }
    assert {"code": "ISZW", "region": None, "label": "ISZW"} in meta["entities"]
    assert meta["retention"]["hold"] is False
    assert meta["retention"]["terms"]["cases"] == "P1825D"
    assert meta["retention"]["texts_anonymised_after"] is None  # still open
    assert [ground["code"] for ground in meta["woo_grounds"]] == [
        "business_confidential",
        "special_personal_data",
        "identification_numbers",
        "inspection_supervision",
        "privacy",
    ]
    assert meta["woo_grounds"][0]["article"] == "5.1.1.c"
    assert "vertrouwelijk" in meta["woo_grounds"][0]["label"]
    assert data["timeline"][0]["kind"] == {"code": "signal", "label": "signaal"}
    assert data["timeline"][0]["actor"] == {"id": ISZW, "name": "Ilse"}
    assert [d["text"] for d in data["decisions"]] == ["inzet: bevestigd met GGD en VR"]
    assert data["actions"][0]["text"].startswith("Huisvesting opvragen")
    assert data["notes"][0]["text"] == "Werkgever werkte goed mee"
    [meeting] = data["meetings"]
    assert meeting["topic"] == "afstemming inzet" and meeting["minutes"]
    assert meeting["status"] == {"code": "convened", "label": "belegd"}
    findings = {field["code"]: field["text"] for field in data["report"]["fields"]}
    assert findings["findings"] == "Kantine te klein, geen afstand"


async def test_someone_else_is_refused_and_nothing_is_queued(
    dispatcher: Dispatcher, database: Database
) -> None:
    await a_reported_case(dispatcher, database)
    before = len(await outbox(database))
    reply = await answer(dispatcher, "!dossier", sender=OUTSIDER)
    assert "Alleen de projectleider of de coördinerende entiteit van zaak 2026-001 (ISZW)" in reply
    assert not render_rows(await outbox(database))
    assert len(await outbox(database)) == before + 1  # the refusal only


async def test_an_unknown_case_and_extra_words_are_explained(
    dispatcher: Dispatcher, database: Database
) -> None:
    await a_reported_case(dispatcher, database)
    reply = await answer(dispatcher, "!dossier 2026-099", sender=LEADER, room=PLATFORM)
    assert "Zaak 2026-099 bestaat niet." in reply and "!dossier [zaaknummer]" in reply
    reply = await answer(dispatcher, "!dossier", sender=LEADER, room=PLATFORM)
    assert "Welke zaak?" in reply and "!dossier 2026-017" in reply
    reply = await answer(dispatcher, "!dossier 2026-001 alles", sender=LEADER, room=PLATFORM)
    assert "heeft alleen een zaaknummer als argument" in reply
    assert not render_rows(await outbox(database))


async def test_a_closed_case_is_exported_by_the_project_leader(
    dispatcher: Dispatcher, database: Database
) -> None:
    await a_reported_case(dispatcher, database)
    await answer(dispatcher, "!sluit", sender=ISZW)
    reply = await answer(dispatcher, "!dossier 2026-001", sender=LEADER, room=PLATFORM)
    assert reply.startswith("Het dossier van zaak 2026-001 komt eraan")
    row = render_rows(await outbox(database))[0]
    assert row.payload["room_id"] == PLATFORM
    opened = open_dossier((await draw(database, row)).data)
    assert opened.data["metadata"]["status"] == {"code": "closed", "label": "afgesloten"}
    assert opened.data["metadata"]["dates"]["closed"] == "2026-11-28T10:30:00+01:00"
    assert opened.data["metadata"]["retention"]["texts_anonymised_after"] == (
        "2031-11-27T10:30:00+01:00"
    )
    assert "Gesloten" in opened.text and "27 november 2031 10:30" in opened.text


async def test_an_anonymised_case_says_so(dispatcher: Dispatcher, database: Database) -> None:
    await a_reported_case(dispatcher, database)
    async with database.transaction() as session:
        await session.execute(update(Case).values(anonymised_at=NOW))
    await answer(dispatcher, "!dossier", sender=ISZW)
    opened = open_dossier((await draw(database, render_rows(await outbox(database))[0])).data)
    assert "op 28 november 2026 10:30 geanonimiseerd" in opened.text
    assert opened.data["metadata"]["retention"]["anonymised_at"] == "2026-11-28T10:30:00+01:00"


async def test_the_same_case_gives_the_same_bytes(
    dispatcher: Dispatcher, database: Database
) -> None:
    await a_reported_case(dispatcher, database)
    await answer(dispatcher, "!dossier", sender=ISZW)
    row = render_rows(await outbox(database))[0]
    assert (await draw(database, row)).data == (await draw(database, row)).data


async def test_the_pdf_is_pdfa_2b(dispatcher: Dispatcher, database: Database) -> None:
    await a_reported_case(dispatcher, database)
    await answer(dispatcher, "!dossier", sender=ISZW)
    reader = open_dossier((await draw(database, render_rows(await outbox(database))[0])).data).pdf
    assert reader.pdf_header == "%PDF-1.7"
    assert pdfa_identification(reader) == ("2", "B")
    [(subtype, components, icc)] = output_intent_profiles(reader)
    assert subtype == "/GTS_PDFA1" and components == 3
    assert ImageCms.getOpenProfile(io.BytesIO(icc)).profile.xcolor_space.strip() == "RGB"
    assert fonts(reader) and unembedded(reader) == []
    assert all("/CIDToGIDMap" in font for font in fonts(reader))
    assert not reader.is_encrypted and "/Encrypt" not in reader.trailer
    first, second = reader.trailer["/ID"]
    assert len(first.original_bytes) == 16 and first == second
    assert all("/Group" not in page for page in reader.pages)  # nothing transparent


async def test_the_xmp_says_what_the_document_information_says(
    dispatcher: Dispatcher, database: Database
) -> None:
    await a_reported_case(dispatcher, database)
    await answer(dispatcher, "!dossier", sender=ISZW)
    reader = open_dossier((await draw(database, render_rows(await outbox(database))[0])).data).pdf
    info, xmp = reader.metadata, reader.xmp_metadata
    assert info is not None and xmp is not None
    assert info.title == xmp.dc_title["x-default"] == "Dossier zaak 2026-001: Slachterij De Vries"
    assert [info.author] == xmp.dc_creator
    assert info.subject == xmp.dc_description["x-default"]
    assert info.creator == xmp.xmp_creator_tool and info.producer == xmp.pdf_producer
    assert info.creation_date == NOW and xmp.xmp_create_date.replace(tzinfo=UTC) == NOW
