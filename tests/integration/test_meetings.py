"""A whole ad-hoc meeting on a real Synapse: request, LOT-C, invitation, answers, minutes."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from icalendar import Calendar

from bot.demo.homeserver import LocalSynapse
from bot.demo.member import MemberClient
from tests.integration.helpers import WAIT, body_of, command, download, named, state_of
from tests.integration.platform import Platform, open_platform

pytestmark = pytest.mark.integration

# Working hours all day, every day: the action reminder must not wait for Monday morning.
ALWAYS_WORKING = {
    "remind_every": "1h",
    "work_start": "00:00",
    "work_end": "23:59",
    "work_days": [1, 2, 3, 4, 5, 6, 7],
}


def shown_text(event: dict) -> str:
    """What a client shows: the newest content of an edit, else the body."""
    return (event["content"].get("m.new_content") or event["content"]).get("body", "")


async def react(client: MemberClient, room: str, event_id: str, key: str) -> str:
    relation = {"rel_type": "m.annotation", "event_id": event_id, "key": key}
    return await client.send(room, {"m.relates_to": relation}, event_type="m.reaction")


async def join_case_room(platform: Platform, title: str, names: list[str]) -> str:
    await command(platform.clients["vr06"], platform.room_id, f"!signaal {title}; regio: VR06")
    room = ""
    for name in names:
        room = await platform.clients[name].wait_for_invite(named(title), WAIT)
        await platform.clients[name].join(room)
    return room


async def ask_lotc(platform: Platform, room: str) -> dict:
    iszw = platform.clients["iszw"]
    lotc = platform.clients["lotc"]
    # A member asks for a meeting in a minute; LOT-C is asked in the platform room.
    _, answer = await command(iszw, room, "!overleg over 1 minuut afstemming inzet")
    assert "Overleg aangevraagd bij LOT-C (overleg 1)" in body_of(answer)
    ask = await lotc.wait_for_event(
        lambda r, e: r == platform.room_id and "Verzoek om een overleg" in body_of(e), WAIT
    )
    assert ask["content"]["m.mentions"]["user_ids"] == [lotc.user_id]
    assert "zaak 2026-001 · Vleesbedrijf Oost" in body_of(ask)
    return answer


async def lotc_confirms(platform: Platform, room: str, answer: dict) -> dict:
    iszw = platform.clients["iszw"]
    lotc = platform.clients["lotc"]
    # LOT-C confirms; the invitation (pinned, everyone mentioned) and the .ics arrive.
    _, confirmed = await command(lotc, platform.room_id, "!overleg bevestig 1")
    assert "Bevestigd: overleg 1" in body_of(confirmed)
    invitation = await iszw.wait_for_event(
        lambda r, e: r == room and body_of(e).startswith("Uitnodiging: overleg 1"), WAIT
    )
    invited = set(invitation["content"]["m.mentions"]["user_ids"])
    assert invited == {platform.user(n) for n in ("iszw", "nvwa", "rivm", "lotc", "vr06", "ggd06")}
    assert "https://meet.jit.si/Overleg" in body_of(invitation)
    pinned = await state_of(iszw, room, "m.room.pinned_events")
    for _ in range(50):
        if invitation["event_id"] in pinned["pinned"]:
            break
        await asyncio.sleep(0.1)
        pinned = await state_of(iszw, room, "m.room.pinned_events")
    assert invitation["event_id"] in pinned["pinned"]
    assert len(pinned["pinned"]) == 2  # the status card stays pinned
    ics_event = await iszw.wait_for_event(
        lambda r, e: (
            r == room and e["content"].get("msgtype") == "m.file" and body_of(e) == "overleg-1.ics"
        ),
        WAIT,
    )
    calendar = Calendar.from_ical((await download(iszw, ics_event)).decode("utf-8"))
    start = calendar.walk("VEVENT")[0]["dtstart"].dt
    assert str(start.tzinfo) == "Europe/Amsterdam"
    starts_ms = start.timestamp() * 1000
    assert 50_000 <= starts_ms - answer["origin_server_ts"] <= 70_000
    return invitation


async def answers_and_the_reminder(platform: Platform, room: str, invitation: dict) -> None:
    iszw = platform.clients["iszw"]
    lotc = platform.clients["lotc"]
    vr06 = platform.clients["vr06"]
    # Two members answer; the invitation is edited to show the tally.
    await react(iszw, room, invitation["event_id"], "✅")
    await react(vr06, room, invitation["event_id"], "❌")
    tally = await lotc.wait_for_event(
        lambda r, e: (
            r == room
            and e["content"].get("m.relates_to", {}).get("event_id") == invitation["event_id"]
            and "1 komen, 1 kunnen niet, 4 nog geen antwoord" in shown_text(e)
        ),
        WAIT,
    )
    assert "ISZW: ✅" in shown_text(tally)

    # Shortly before the start, the reminder mentions only those who did not answer.
    soon = await lotc.wait_for_event(lambda r, e: r == room and "begint" in body_of(e), WAIT)
    assert set(soon["content"]["m.mentions"]["user_ids"]) == {
        platform.user(n) for n in ("nvwa", "rivm", "lotc", "ggd06")
    }


async def during_the_meeting(platform: Platform, room: str) -> None:
    iszw = platform.clients["iszw"]
    lotc = platform.clients["lotc"]
    vr06 = platform.clients["vr06"]
    # During the meeting: a decision, an action already due, a note, a pinned message.
    _, decided = await command(iszw, room, "!besluit Toezicht op huisvesting verscherpen")
    assert "Besluit 1 vastgelegd (overleg 1, zaak 2026-001)" in body_of(decided)
    _, action = await command(iszw, room, "!actie Woonadressen opvragen GGD voor nu")
    assert "Actie 1 vastgelegd (overleg 1, zaak 2026-001)" in body_of(action)
    _, noted = await command(vr06, room, "!notitie Risico via gedeeld busvervoer is groot")
    assert "Notitie vastgelegd" in body_of(noted)
    remark = await vr06.send_text(room, "Er wonen 40 mensen in één pand")
    await react(lotc, room, remark, "📌")
    pinned_reply = await lotc.wait_for_reply(room, remark, WAIT)
    assert "Vastgelegd in de tijdlijn van zaak 2026-001" in body_of(pinned_reply)

    # The overdue action is reminded to its owner, once.
    overdue = await lotc.wait_for_event(
        lambda r, e: r == room and "Actie 1 is over tijd" in body_of(e), WAIT
    )
    assert overdue["content"]["m.mentions"]["user_ids"] == [platform.user("ggd06")]


async def the_minutes_and_the_timeline(platform: Platform, room: str) -> None:
    iszw = platform.clients["iszw"]
    lotc = platform.clients["lotc"]
    # The minutes, in Beeld - Oordeel - Besluit, posted and exported as Markdown.
    _, minutes = await command(iszw, room, "!notulen")
    text = body_of(minutes)
    beeld, oordeel, besluit = (text.index(s) for s in ("Beeld", "Oordeel", "Besluit\n"))
    assert beeld < oordeel < besluit
    assert "Er wonen 40 mensen in één pand" in text[beeld:oordeel]
    assert "Risico via gedeeld busvervoer is groot" in text[oordeel:besluit]
    assert "Toezicht op huisvesting verscherpen" in text[besluit:]
    assert "A1 · Woonadressen opvragen" in text[besluit:]
    assert "Aanwezig (✅): " in text
    export = await iszw.wait_for_event(
        lambda r, e: r == room and body_of(e) == "notulen-overleg-1.md", WAIT
    )
    markdown = (await download(iszw, export)).decode("utf-8")
    assert markdown.startswith("# Notulen overleg 1")
    assert markdown.index("## Oordeel") < markdown.index("Risico via gedeeld busvervoer")

    _, timeline = await command(iszw, room, "!tijdlijn")
    assert "Er wonen 40 mensen in één pand" in body_of(timeline)
    reminders = [e for e in lotc.events_in(room) if "Actie 1 is over tijd" in body_of(e)]
    assert len(reminders) == 1


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
async def test_an_ad_hoc_meeting_from_request_to_minutes(
    synapse: LocalSynapse, tmp_path: Path, encrypted: bool
) -> None:
    # A meeting "over 1 minuut" starts in a minute, not at the next round five minutes.
    meetings = {"reminder_before": "55s", "round_to": "1s"}
    sections = {"meetings": meetings, "actions": ALWAYS_WORKING}
    platform = await open_platform(synapse, tmp_path, encrypted=encrypted, sections=sections)
    try:
        room = await join_case_room(platform, "Vleesbedrijf Oost", ["iszw", "lotc", "vr06"])

        answer = await ask_lotc(platform, room)
        invitation = await lotc_confirms(platform, room, answer)
        await answers_and_the_reminder(platform, room, invitation)
        await during_the_meeting(platform, room)
        await the_minutes_and_the_timeline(platform, room)
    finally:
        await platform.close()


async def test_the_bot_convenes_when_lotc_stays_silent(
    synapse: LocalSynapse, tmp_path: Path
) -> None:
    platform = await open_platform(
        synapse, tmp_path, sections={"meetings": {"lotc_confirm_timeout": "3s"}}
    )
    try:
        iszw, lotc = platform.clients["iszw"], platform.clients["lotc"]
        _, answer = await command(iszw, platform.room_id, "!overleg uitbraken in de regio")
        assert "Overleg aangevraagd bij LOT-C" in body_of(answer)
        invitation = await iszw.wait_for_event(
            lambda r, e: r == platform.room_id and body_of(e).startswith("Uitnodiging: overleg 1"),
            WAIT,
        )
        late = (invitation["origin_server_ts"] - answer["origin_server_ts"]) / 1000
        assert 2.5 <= late <= 10, late
        assert "niet binnen 3 seconden bevestigd" in body_of(invitation)
        told = await lotc.wait_for_event(
            lambda r, e: r == platform.room_id and "zonder bevestiging van LOT-C" in body_of(e),
            WAIT,
        )
        assert told["content"]["m.mentions"]["user_ids"] == [lotc.user_id]
        _, refused = await command(lotc, platform.room_id, "!overleg bevestig 1")
        assert "al bijeengeroepen" in body_of(refused)
    finally:
        await platform.close()
