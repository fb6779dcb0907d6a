"""The biweekly cycle on a real Synapse, compressed to seconds: agendas, a preventive visit
from plan to report, and the cadence warning."""

from __future__ import annotations

import asyncio
import re
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.demo.homeserver import LocalSynapse
from bot.demo.member import MemberClient
from tests.integration.helpers import WAIT, body_of, command, named
from tests.integration.platform import Platform, open_platform

pytestmark = pytest.mark.integration

ZONE = ZoneInfo("Europe/Amsterdam")


def posted(client: MemberClient, room: str, fragment: str) -> list[dict]:
    return [e for e in client.events_in(room) if fragment in body_of(e)]


async def plan_and_report_a_visit(platform: Platform, when: str) -> tuple[str, str]:
    """ISZW plans a preventive visit in VNOG, carries it out and files the report."""
    iszw = platform.clients["iszw"]
    _, planned = await command(
        iszw, platform.room_id, f"!preventief {when} VNOG slachterij coordinator ISZW"
    )
    number = re.search(r"Preventief bezoek (\d{4}-\d{3}) gepland", body_of(planned))
    assert number, body_of(planned)
    room = await iszw.wait_for_invite(named(number[1]), WAIT)
    await iszw.join(room)
    card = await iszw.wait_for_event(
        lambda r, e: r == room and body_of(e).startswith(f"Preventief bezoek {number[1]}"), WAIT
    )
    assert "0800 51 51" in body_of(card)
    _, done = await command(iszw, room, "!preventief uitgevoerd")
    assert f"Preventief bezoek {number[1]} uitgevoerd" in body_of(done)
    _, report = await command(iszw, room, "!rapport\nbevindingen: 25 werknemers, woningen op orde")
    assert "rapportage" in body_of(report).lower()
    return number[1], room


async def the_first_agenda(platform: Platform, first: datetime) -> dict:
    lotc, room = platform.clients["lotc"], platform.room_id
    # Cycle 1: the agenda arrives post_before ahead, with counts, the item and an .ics.
    first_agenda = await lotc.wait_for_event(
        lambda r, e: r == room and body_of(e).startswith("Agenda platformoverleg"), 40
    )
    starts = first.replace(tzinfo=ZONE).timestamp() * 1000
    ahead = (starts - first_agenda["origin_server_ts"]) / 1000
    assert 5 <= ahead <= 7.5, ahead
    body = body_of(first_agenda)
    assert "Nieuwe signalen: 1 (2026-001 Slachterij De Vries)" in body
    assert "Open zaken: 1, waarvan 0 over tijd" in body
    assert "Persbericht over huisvesting" in body
    assert "nog niet gepland" in body
    invitation = await lotc.wait_for_event(
        lambda r, e: r == room and body_of(e).startswith("Uitnodiging: overleg"), WAIT
    )
    assert "Het vaste tweewekelijkse overleg" in body_of(invitation)
    assert len(invitation["content"]["m.mentions"]["user_ids"]) == 7  # the whole directory
    await lotc.wait_for_event(lambda r, e: r == room and body_of(e).endswith(".ics"), WAIT)
    return first_agenda


async def the_second_agenda(platform: Platform, first_agenda: dict, number: str) -> None:
    lotc, room = platform.clients["lotc"], platform.room_id
    # Cycle 2: the visit and its report are on the next agenda; the item is not repeated.
    second_agenda = await lotc.wait_for_event(
        lambda r, e: (
            r == room
            and body_of(e).startswith("Agenda platformoverleg")
            and e["event_id"] != first_agenda["event_id"]
        ),
        50,
    )
    gap = (second_agenda["origin_server_ts"] - first_agenda["origin_server_ts"]) / 1000
    assert 24 <= gap <= 29, gap
    body = body_of(second_agenda)
    assert "Nieuwe signalen: 0" in body
    assert "Preventieve bezoeken: 1 uitgevoerd, 0 gepland" in body
    assert f"{number} (preventief) · Vleesverwerking en slachterijen · ISZW" in body
    assert "Persbericht over huisvesting" not in body
    assert len(posted(lotc, room, "Agenda platformoverleg")) == 2


async def test_two_biweekly_cycles_with_a_preventive_visit_in_between(
    synapse: LocalSynapse, tmp_path: Path
) -> None:
    first = (datetime.now(ZONE) + timedelta(seconds=20)).replace(microsecond=0, tzinfo=None)
    agenda = {"first": first.isoformat(), "every": "26s", "post_before": "7s"}
    platform = await open_platform(synapse, tmp_path, sections={"agenda": agenda})
    try:
        iszw, vr06 = platform.clients["iszw"], platform.clients["vr06"]
        room = platform.room_id
        await command(vr06, room, "!signaal Slachterij De Vries; regio: VNOG")
        _, added = await command(iszw, room, "!agenda punt Persbericht over huisvesting")
        assert "Agendapunt toegevoegd" in body_of(added)
        _, draft = await command(iszw, room, "!agenda")
        assert "Persbericht over huisvesting" in body_of(draft)

        first_agenda = await the_first_agenda(platform, first)

        # Between the meetings: a preventive visit from plan to report.
        number, _prep = await plan_and_report_a_visit(platform, "over 2 uur")
        _, calendar = await command(iszw, room, "!kalender")
        assert number in body_of(calendar)
        assert "uitgevoerd, rapportage ontvangen" in body_of(calendar)

        await the_second_agenda(platform, first_agenda, number)

        # After the meeting, its minutes as for any meeting.
        _, minutes = await command(iszw, room, "!notulen")
        assert "Notulen overleg 2" in body_of(minutes)
    finally:
        await platform.close()


async def test_the_cadence_warns_once_and_not_when_a_visit_is_planned(
    synapse: LocalSynapse, tmp_path: Path
) -> None:
    preventive = {"every": "70s", "warn_before": "60s"}
    platform = await open_platform(synapse, tmp_path, sections={"preventive": preventive})
    try:
        iszw, lotc = platform.clients["iszw"], platform.clients["lotc"]
        room = platform.room_id
        await command(platform.clients["vr06"], room, "!signaal Kassen Oost; regio: VR05")
        warning = await lotc.wait_for_event(
            lambda r, e: r == room and "nog geen preventief bezoek gepland" in body_of(e), 30
        )
        assert "Twente (VR05) (1 signaal)" in body_of(warning)

        # A visit carried out starts a new count; one planned within it keeps the bot quiet.
        await plan_and_report_a_visit(platform, "over 1 minuut")
        _, planned = await command(iszw, room, "!preventief over 1 minuut VR05 kassen")
        assert "gepland" in body_of(planned)
        for _ in range(300):  # the second warning would be due 10 s after the visit
            rows = platform.query(
                "SELECT sent_at, cancelled_at FROM reminders WHERE kind = 'cadence' ORDER BY id"
            )
            if len(rows) == 2 and rows[1][1] is not None:
                break
            await asyncio.sleep(0.1)
        assert len(rows) == 2 and rows[0][0] is not None and rows[1][1] is not None, rows
        await lotc.sync_once(1.0)
        assert len(posted(lotc, room, "nog geen preventief bezoek gepland")) == 1
    finally:
        await platform.close()
