"""Privacy and records on a real Synapse: a signal's BSN and phone number never reach the
database, the outbox or the log; an outsider invited into the incident room is warned about and
removed; `!dossier` uploads a ZIP whose PDF is PDF/A-2B and whose manifest matches; the audit
trail of it all verifies."""

from __future__ import annotations

import hashlib
import io
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from bot.demo.homeserver import LocalSynapse
from tests.integration.helpers import WAIT, body_of, command, download, named
from tests.integration.platform import REPO, Platform, open_platform
from tests.pdfa_reading import output_intent_profiles, pdfa_identification, unembedded

pytestmark = pytest.mark.integration

BSN = "111222333"  # passes the elfproef
PHONE = "06-12345678"
SIGNAL = (
    "!signaal Slachterij De Vries, Groenlo; regio: VNOG\n"
    f"omschrijving: een werknemer met BSN {BSN} is bereikbaar op {PHONE}"
)


async def test_personal_data_is_screened_outsiders_are_removed_and_the_dossier_is_pdf_a(
    synapse: LocalSynapse, tmp_path: Path
) -> None:
    platform = await open_platform(synapse, tmp_path, sections={"privacy": {"guard_rooms": "kick"}})
    try:
        room = await a_signal_with_personal_data_keeps_none_of_it(platform)
        await an_outsider_invited_into_the_incident_room_is_warned_about_and_removed(platform, room)
        await the_dossier_is_a_zip_with_a_pdf_a_and_a_matching_manifest(platform, room)
        assert "in orde" in signaalbot(platform, "audit", "verify")
    finally:
        await platform.close()


async def a_signal_with_personal_data_keeps_none_of_it(platform: Platform) -> str:
    iszw = platform.clients["iszw"]
    _, reply = await command(iszw, platform.room_id, SIGNAL)
    assert "Verwijderd voordat het werd bewaard: 1 BSN en 1 telefoonnummer" in body_of(reply)
    room = await iszw.wait_for_invite(named("Slachterij De Vries"), WAIT)
    await iszw.join(room)
    await iszw.wait_for_event(
        lambda r, e: r == room and e.get("sender") == platform.bot_id and "Zaak" in body_of(e),
        WAIT,
    )
    stored = database_dump(platform)
    assert "[BSN verwijderd]" in stored and "[telefoonnummer verwijderd]" in stored
    for value in (BSN, PHONE, "12345678"):
        assert value not in stored, value  # not in any table: cases, timeline, outbox, audit
        assert value not in platform.bot.output(), value
    return room


async def an_outsider_invited_into_the_incident_room_is_warned_about_and_removed(
    platform: Platform, room: str
) -> None:
    iszw, outsider = platform.clients["iszw"], platform.user("outsider")
    await iszw.client.room_invite(room, outsider)
    warning = await iszw.wait_for_event(
        lambda r, e: r == room and body_of(e).startswith("Let op: ") and outsider in body_of(e),
        WAIT,
    )
    assert "De bot verwijdert" in body_of(warning)
    leaders = await platform.clients["lotc"].wait_for_event(
        lambda r, e: r == platform.room_id and body_of(e).startswith("Projectleiders: "), WAIT
    )
    assert platform.user("lotc") in leaders["content"]["m.mentions"]["user_ids"]
    removed = await iszw.wait_for_event(
        lambda r, e: (
            r == room
            and e.get("type") == "m.room.member"
            and e.get("state_key") == outsider
            and e["content"].get("membership") == "leave"
        ),
        WAIT,
    )
    assert removed["sender"] == platform.bot_id
    assert "alleen voor leden" in removed["content"]["reason"]
    await iszw.wait_for_event(
        lambda r, e: r == room and body_of(e).startswith("Iedereen in deze kamer"), WAIT
    )


async def the_dossier_is_a_zip_with_a_pdf_a_and_a_matching_manifest(
    platform: Platform, room: str
) -> None:
    iszw = platform.clients["iszw"]
    await command(iszw, room, "!coordinator ISZW")
    _, answer = await command(iszw, room, "!dossier")
    assert "komt eraan" in body_of(answer)
    shared = await iszw.wait_for_event(
        lambda r, e: r == room and e.get("content", {}).get("msgtype") == "m.file", WAIT
    )
    assert body_of(shared).startswith("dossier-") and body_of(shared).endswith(".zip")
    with zipfile.ZipFile(io.BytesIO(await download(iszw, shared))) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    manifest = files.pop("MANIFEST-SHA256.txt").decode()
    listed = dict(reversed(line.split("  ", 1)) for line in manifest.splitlines())
    assert listed == {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    (pdf_name,) = [name for name in files if name.endswith(".pdf")]
    reader = PdfReader(io.BytesIO(files[pdf_name]))
    assert pdfa_identification(reader) == ("2", "B")
    assert [(kind, components) for kind, components, _ in output_intent_profiles(reader)] == [
        ("/GTS_PDFA1", 3)
    ]
    assert unembedded(reader) == [] and not reader.is_encrypted
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Slachterij De Vries" in text and "[BSN verwijderd]" in text and BSN not in text


def database_dump(platform: Platform) -> str:
    with sqlite3.connect(platform.db_path) as connection:
        return "\n".join(connection.iterdump())


def signaalbot(platform: Platform, *args: str) -> str:
    config = platform.directory / "signaalbot.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", *args, "--config", str(config)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout
