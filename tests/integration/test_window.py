"""The 24-hour window on a real Synapse, with the window shrunk to seconds."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.demo.homeserver import LocalSynapse
from bot.demo.member import MemberClient
from storage.cases import CaseStatus
from tests.integration.helpers import WAIT, command, named
from tests.integration.platform import Platform, open_platform

pytestmark = pytest.mark.integration


def body_of(event: dict) -> str:
    return event["content"].get("body", "")


def replies_to(client: MemberClient, room: str, event_id: str) -> list[dict]:
    return [
        e
        for e in client.events_in(room)
        if e["content"].get("m.relates_to", {}).get("m.in_reply_to", {}).get("event_id") == event_id
    ]


async def open_case(platform: Platform, title: str) -> tuple[str, MemberClient]:
    """A signal in VR06; LOT-C joins the incident room. Returns the room and LOT-C's client."""
    lotc = platform.clients["lotc"]
    await command(platform.clients["vr06"], platform.room_id, f"!signaal {title}; regio: VR06")
    room = await lotc.wait_for_invite(named(title), WAIT)
    await lotc.join(room)
    return room, lotc


async def test_the_ladder_names_what_is_missing_and_the_deadline_alerts_lotc(
    synapse: LocalSynapse, tmp_path: Path
) -> None:
    window = {"repressive": "9s", "reminders_before": ["6s", "4s", "2s"], "late_after": "2s"}
    platform = await open_platform(synapse, tmp_path, sections={"window": window})
    try:
        room, lotc = await open_case(platform, "Kassen West")
        ladder = []
        for _ in range(3):
            event = await lotc.wait_for_event(
                lambda r, e: (
                    r == room
                    and "tot de deadline" in body_of(e)
                    and e["event_id"] not in {x["event_id"] for x in ladder}
                ),
                WAIT,
            )
            ladder.append(event)
        sent = [e["origin_server_ts"] for e in ladder]
        gaps = [later - earlier for earlier, later in itertools.pairwise(sent)]
        assert all(1000 <= gap <= 3000 for gap in gaps), gaps  # 6 s, 4 s, 2 s before the end
        for event in ladder:
            assert (
                "Ontbreekt: coördinerende entiteit, besluit over inzet, geplande inzet"
                in body_of(event)
            )
            assert lotc.user_id in event["content"]["m.mentions"]["user_ids"]
            assert "Te laat" not in body_of(event)
        alert = await lotc.wait_for_event(
            lambda r, e: r == platform.room_id and "Deadline verstreken" in body_of(e), WAIT
        )
        assert lotc.user_id in alert["content"]["m.mentions"]["user_ids"]
        assert "Ontbreekt: coördinerende entiteit" in body_of(alert)
        assert platform.query("SELECT overdue FROM cases") == [(1,)]
        card_edit = await lotc.wait_for_event(
            lambda r, e: (
                r == room and "DEADLINE VERSTREKEN" in str(e["content"].get("m.new_content"))
            ),
            WAIT,
        )
        assert card_edit["content"]["m.relates_to"]["rel_type"] == "m.replace"
    finally:
        await platform.close()


async def coordinator_then_handover(
    platform: Platform, room: str, states: Callable[[], str]
) -> None:
    """ISZW coordinates (named by its alias NLA), then hands over to NVWA."""
    iszw = platform.clients["iszw"]
    lotc = platform.clients["lotc"]
    _, answer = await command(iszw, room, "!coordinator NLA")
    assert "ISZW coördineert zaak" in body_of(answer)
    assert iszw.user_id in answer["content"]["m.mentions"]["user_ids"]
    assert states() == CaseStatus.ASSESSING
    _, answer = await command(lotc, room, "!coordinator NVWA")
    assert "gaat over van ISZW naar NVWA" in body_of(answer)


async def decision_and_visit(platform: Platform, room: str, states: Callable[[], str]) -> None:
    """NVWA decides on a visit, plans it (not in the past) and carries it out."""
    nvwa = platform.clients["nvwa"]
    _, answer = await command(nvwa, room, "!besluit inzet bevestigd door GGD")
    assert states() == CaseStatus.DECIDED
    _, answer = await command(nvwa, room, "!inzet gepland gisteren 14:00")
    assert "in het verleden" in body_of(answer)
    _, answer = await command(nvwa, room, "!inzet gepland over 2 uur Groenlo, Dorpsstraat 1")
    assert "gepland op" in body_of(answer) and "Groenlo, Dorpsstraat 1" in body_of(answer)
    assert states() == CaseStatus.PLANNED
    _, answer = await command(nvwa, room, "!inzet uitgevoerd")
    assert "Doorlooptijd vanaf het signaal" in body_of(answer)
    assert states() == CaseStatus.VISITED
    lead_time = platform.query("SELECT lead_time_seconds FROM cases")[0][0]
    assert 0 <= lead_time < 120


async def report_then_closing(platform: Platform, room: str, states: Callable[[], str]) -> None:
    """The report is reminded, refused from others than the coordinator, filed; then closing."""
    iszw = platform.clients["iszw"]
    nvwa = platform.clients["nvwa"]
    reminder = await nvwa.wait_for_event(
        lambda r, e: r == room and "de rapportage ontbreekt nog" in body_of(e), WAIT
    )
    assert nvwa.user_id in reminder["content"]["m.mentions"]["user_ids"]
    _, answer = await command(iszw, room, "!rapport\nbevindingen: 40 mensen in 6 woningen")
    assert "Alleen de coördinerende entiteit (NVWA)" in body_of(answer)
    _, answer = await command(nvwa, room, "!sluit")
    assert "Sluit alleen met een reden" in body_of(answer)
    _, answer = await command(
        nvwa,
        room,
        "!rapport\ndatum: vandaag\ndeelnemers: NVWA, ISZW, VNOG\n"
        "bevindingen: 40 mensen in 6 woningen\nmaatregelen: bedrijf stilgelegd",
    )
    assert "Rapportage voor zaak" in body_of(answer)
    assert states() == CaseStatus.REPORT_RECEIVED
    _, answer = await command(nvwa, room, "!sluit")
    assert "is gesloten" in body_of(answer)
    assert states() == CaseStatus.CLOSED
    _, answer = await command(nvwa, room, "!besluit geen inzet toch niet")
    assert "is gesloten" in body_of(answer)


async def timeline_and_one_edited_card(platform: Platform, room: str) -> None:
    """The timeline has every step; after the report no reminder comes; the card is only edited."""
    nvwa = platform.clients["nvwa"]
    lotc = platform.clients["lotc"]
    _, timeline = await command(lotc, room, "!tijdlijn")
    for step in (
        "Signaal ontvangen",
        "Coördinator: ISZW",
        "Overdracht coördinatie van ISZW naar NVWA",
        "Besluit: inzet",
        "Inzet gepland",
        "Inzet uitgevoerd",
        "Rapportage ontvangen",
        "Gesloten",
    ):
        assert step in body_of(timeline), step

    await asyncio.sleep(3.5)  # a report reminder after the report would have come by now
    await nvwa.sync_once(0.5)
    assert len([e for e in nvwa.events_in(room) if "rapportage ontbreekt" in body_of(e)]) == 1
    cards = [e for e in lotc.events_in(room) if "Commando's in deze kamer" in body_of(e)]
    originals = [e for e in cards if "m.new_content" not in e["content"]]
    assert len(originals) == 1, "the status card is edited, never posted again"
    assert len(cards) > 5
    assert "afgesloten" in cards[-1]["content"]["m.new_content"]["body"]


async def test_one_case_from_signal_to_closing_through_every_state(
    synapse: LocalSynapse, tmp_path: Path
) -> None:
    window = {
        "repressive": "1h",
        "reminders_before": ["30m"],
        "report_after": "2s",
        "report_every": "3s",
        "report_at": None,
    }
    platform = await open_platform(synapse, tmp_path, sections={"window": window})
    try:
        room, _ = await open_case(platform, "Slachterij Oost")
        iszw, nvwa = platform.clients["iszw"], platform.clients["nvwa"]
        for client in (iszw, nvwa):
            await client.join(await client.wait_for_invite(named("Slachterij Oost"), WAIT))
        states = lambda: platform.query("SELECT status FROM cases")[0][0]  # noqa: E731
        assert states() == CaseStatus.REPORTED

        await coordinator_then_handover(platform, room, states)
        await decision_and_visit(platform, room, states)
        await report_then_closing(platform, room, states)
        await timeline_and_one_edited_card(platform, room)
    finally:
        await platform.close()


async def test_a_reminder_due_while_the_bot_is_down_comes_once_and_says_it_is_late(
    synapse: LocalSynapse, tmp_path: Path
) -> None:
    window = {"repressive": "1h", "reminders_before": ["3595s"], "late_after": "1s"}
    platform = await open_platform(synapse, tmp_path, sections={"window": window})
    try:
        room, lotc = await open_case(platform, "Distributiecentrum Noord")
        due = platform.query("SELECT due_at FROM reminders WHERE kind = 'ladder'")
        assert len(due) == 1
        platform.bot.kill()  # the reminder falls due about five seconds after the signal
        await asyncio.sleep(7.0)
        started = time.monotonic()
        platform.bot.start()
        late = await lotc.wait_for_event(
            lambda r, e: r == room and "tot de deadline" in body_of(e), WAIT
        )
        assert "Te laat verstuurd" in body_of(late)
        assert time.monotonic() - started < 10
        platform.bot.kill()
        platform.bot.start()
        await command(lotc, room, "!status")
        await asyncio.sleep(1.0)
        await lotc.sync_once(0.5)
        assert len([e for e in lotc.events_in(room) if "tot de deadline" in body_of(e)]) == 1
        assert platform.query("SELECT count(*) FROM reminders WHERE sent_at IS NOT NULL") == [(1,)]
    finally:
        await platform.close()


async def test_the_ladder_stops_once_the_visit_is_carried_out(
    synapse: LocalSynapse, tmp_path: Path
) -> None:
    window = {"repressive": "6s", "reminders_before": ["3s"]}
    platform = await open_platform(synapse, tmp_path, sections={"window": window})
    try:
        room, lotc = await open_case(platform, "Champignonkwekerij")
        await command(lotc, room, "!besluit inzet signaal bevestigd")
        _, answer = await command(lotc, room, "!inzet uitgevoerd")
        assert "Doorlooptijd" in body_of(answer)
        await asyncio.sleep(7.0)  # past the rung and the deadline
        await lotc.sync_once(0.5)
        everything = lotc.events_in(room) + lotc.events_in(platform.room_id)
        assert not [e for e in everything if "tot de deadline" in body_of(e)]
        assert not [e for e in everything if "Deadline verstreken" in body_of(e)]
        assert platform.query("SELECT overdue FROM cases") == [(0,)]
    finally:
        await platform.close()
