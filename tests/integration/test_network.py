"""The network on a real Synapse: a case in VNOG names its German counterparts and the contact
imported there on its card; `!netwerk kaart` uploads the netwerkkaart as an image."""

from __future__ import annotations

import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from bot.demo.homeserver import LocalSynapse
from tests.integration.helpers import WAIT, body_of, command, download, named
from tests.integration.platform import REPO, Platform, open_platform

pytestmark = pytest.mark.integration

CONTACTS = """naam;organisatie;soort;telefoon;regio's;land
Gesundheitsamt;Kreis Borken;gesundheitsamt;+49 2861 820;VNOG;DE
"""


def import_contacts(platform: Platform, tmp_path: Path) -> str:
    source = tmp_path / "contacten.csv"
    source.write_text(CONTACTS, encoding="utf-8")
    config = platform.directory / "signaalbot.yaml"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot.cli",
            "import",
            "contacten",
            str(source),
            "--config",
            str(config),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


async def test_a_vnog_case_names_borken_and_kleve_and_the_network_map_is_drawn(
    synapse: LocalSynapse, tmp_path: Path
) -> None:
    platform = await open_platform(synapse, tmp_path)
    try:
        assert "Gesundheitsamt" in import_contacts(platform, tmp_path)
        iszw = platform.clients["iszw"]
        await command(iszw, platform.room_id, "!signaal Vleesfabriek Groenlo; regio: VNOG")
        room = await iszw.wait_for_invite(named("Vleesfabriek Groenlo"), WAIT)
        await iszw.join(room)
        card = await iszw.wait_for_event(
            lambda r, e: r == room and e.get("sender") == platform.bot_id and "Zaak" in body_of(e),
            WAIT,
        )
        body = body_of(card)
        assert "Kreis Borken" in body and "Kreis Kleve" in body, body
        assert "+49 2861 820" in body, body  # the contact imported for VNOG in Germany
        _, network = await command(iszw, platform.room_id, "!grens VNOG")
        assert "Kreis Borken" in body_of(network) and "Kreis Kleve" in body_of(network)
        await the_network_map_is_uploaded_as_an_image(platform)
    finally:
        await platform.close()


async def the_network_map_is_uploaded_as_an_image(platform: Platform) -> None:
    iszw, room = platform.clients["iszw"], platform.room_id
    _, answer = await command(iszw, room, "!netwerk kaart")
    image = await iszw.wait_for_event(
        lambda r, e: r == room and e.get("content", {}).get("msgtype") == "m.image", WAIT
    )
    assert image["origin_server_ts"] >= answer["origin_server_ts"] - 1000
    info = image["content"]["info"]
    with Image.open(BytesIO(await download(iszw, image))) as drawn:
        assert drawn.format == "PNG"
        assert drawn.size == (info["w"], info["h"])
    assert image["content"]["body"]  # the text that stands in for the drawing
