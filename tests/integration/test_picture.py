"""The operational picture and the accountability report on a real Synapse: `!beeld` posts its
summary, its charts as images and, with `export`, a workbook; the report of a period (compressed
to seconds) is posted once, and not again after a restart."""

from __future__ import annotations

import asyncio
import re
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader

from bot.demo.homeserver import LocalSynapse
from bot.demo.member import MemberClient
from tests.integration.helpers import WAIT, body_of, command, download, named
from tests.integration.platform import Platform, open_platform

pytestmark = pytest.mark.integration


def files_after(client: MemberClient, room: str, after: dict, msgtype: str) -> list[dict]:
    later = [
        e for e in client.events_in(room) if e["origin_server_ts"] >= after["origin_server_ts"]
    ]
    return [e for e in later if e.get("content", {}).get("msgtype") == msgtype]


async def wait_for_files(
    client: MemberClient, room: str, after: dict, msgtype: str, count: int
) -> list[dict]:
    for _ in range(int(WAIT * 10)):
        found = files_after(client, room, after, msgtype)
        if len(found) >= count:
            return found
        await client.sync_once(0.1)
    raise AssertionError(f"{count} × {msgtype} expected, saw {len(found)}")


async def a_visited_case(platform: Platform) -> str:
    """A signal in VNOG, decided and visited: one lead time for the picture."""
    iszw, room = platform.clients["iszw"], platform.room_id
    _, opened = await command(iszw, room, "!signaal Slachterij De Vries, Groenlo; regio: VNOG")
    number = re.search(r"\d{4}-\d{3}", body_of(opened))
    assert number, body_of(opened)
    incident = await iszw.wait_for_invite(named(number[0]), WAIT)
    await iszw.join(incident)
    await command(iszw, incident, "!coordinator ISZW")
    await command(iszw, incident, "!besluit inzet samen met de GGD")
    _, visited = await command(iszw, incident, "!inzet uitgevoerd")
    assert "Doorlooptijd vanaf het signaal" in body_of(visited), body_of(visited)
    return number[0]


async def test_the_picture_is_a_summary_with_charts_and_a_workbook(platform: Platform) -> None:
    iszw, room = platform.clients["iszw"], platform.room_id
    number = await a_visited_case(platform)
    _, summary = await command(iszw, room, "!beeld 14d")
    body = body_of(summary)
    assert body.startswith("Operationeel beeld: de laatste 14 dagen"), body
    assert "Signalen: 1 (vorige periode 0 ↑)" in body
    assert "Repressieve inzetten: 1 (vorige periode 0 ↑)" in body
    assert "1 van 1 binnen 24 uur" in body
    assert f"Traagst: {number}" in body
    images = await wait_for_files(iszw, room, summary, "m.image", 3)
    for image in images:
        with Image.open(BytesIO(await download(iszw, image))) as drawn:
            assert drawn.size == (image["content"]["info"]["w"], image["content"]["info"]["h"])
        assert image["content"]["body"]  # the text that stands in for the chart

    _, exported = await command(iszw, room, "!beeld export 14d")
    assert "werkboek" in body_of(exported)
    (sheet_file, *_rest) = await wait_for_files(iszw, room, exported, "m.file", 2)
    assert sheet_file["content"]["filename"].endswith(".xlsx")
    book = load_workbook(BytesIO(await download(iszw, sheet_file)))
    cases = [row for row in book["Zaken"].iter_rows(min_row=2, values_only=True) if any(row)]
    assert [row[0] for row in cases] == [number]


async def test_the_monthly_report_is_posted_once_per_period(
    synapse: LocalSynapse, tmp_path: Path
) -> None:
    every = {"every": "12s", "post_after": "1s"}
    platform = await open_platform(synapse, tmp_path, sections={"accountability": every})
    try:
        lotc, room = platform.clients["lotc"], platform.room_id
        report = await lotc.wait_for_event(
            lambda r, e: r == room and body_of(e).startswith("Verantwoording"), 40
        )
        (pdf_event,) = await wait_for_files(lotc, room, report, "m.file", 1)
        pdf = PdfReader(BytesIO(await download(lotc, pdf_event)))
        text = "\n".join(page.extract_text() for page in pdf.pages)
        assert "Operationeel Leider LOT-C" in text
        period = body_of(report).splitlines()[0]
        platform.bot.kill()
        platform.bot.start()
        await platform.wait_until_bot_joined(room)
        await asyncio.sleep(3)  # a duplicate would go out at once after the restart
        await lotc.sync_once(1)
        reports = [e for e in lotc.events_in(room) if body_of(e).startswith(period)]
        assert len(reports) == 1
    finally:
        await platform.close()
