"""The spine on a real Synapse: `!signaal` -> case -> incident room, with the bot as a process."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.demo.homeserver import LocalSynapse
from bot.demo.member import HarnessError, MemberClient
from storage.cases import TimelineKind
from tests.integration.helpers import WAIT, command, named, signal_while_the_bot_is_down, state_of
from tests.integration.platform import Platform, open_platform

pytestmark = pytest.mark.integration

REGION_VR06 = ("iszw", "nvwa", "rivm", "lotc", "vr06", "ggd06")


async def invited_to_one_room(platform: Platform, title: str) -> str:
    """The national members and those of VR06 are invited to one room; others are not."""
    invited = {
        name: await platform.clients[name].wait_for_invite(named(title), WAIT)
        for name in REGION_VR06
    }
    incident = invited["vr06"]
    assert set(invited.values()) == {incident}
    for outside in ("vr05", "outsider"):
        with pytest.raises(HarnessError):
            await platform.clients[outside].wait_for_invite(named(title), 1.0)
    return incident


async def test_signal_opens_one_case_and_an_incident_room_with_exactly_the_right_people(
    platform: Platform,
) -> None:
    vr06 = platform.clients["vr06"]
    room = platform.room_id
    _, reply = await command(
        vr06, room, "!signaal Slachterij De Vries, Groenlo; regio: VNOG; sector: slachterij"
    )
    content = reply["content"]
    assert content["msgtype"] == "m.notice"
    assert content["m.mentions"] == {}
    assert "-001 geopend: Slachterij De Vries, Groenlo" in content["body"]
    assert "Repressieve inzet uiterlijk" in content["body"]
    assert "<b>" in content["formatted_body"]

    title = "-001 · Slachterij De Vries, Groenlo"
    incident = await invited_to_one_room(platform, title)

    await vr06.join(incident)
    summary = await vr06.wait_for_event(
        lambda r, e: r == incident and "Commando's in deze kamer" in e["content"].get("body", ""),
        WAIT,
    )
    pinned = await state_of(vr06, incident, "m.room.pinned_events")
    assert pinned["pinned"] == [summary["event_id"]]
    assert (await state_of(vr06, incident, "m.room.join_rules"))["join_rule"] == "invite"
    assert (
        "Noord- en Oost-Gelderland (VR06)"
        in (await state_of(vr06, incident, "m.room.topic"))["topic"]
    )
    tag = (await state_of(vr06, incident, "m.room.create"))["nl.signaalbot.case"]
    assert tag["number"].endswith("-001")

    edit = await vr06.wait_for_event(
        lambda r, e: (
            r == room
            and e["content"].get("m.relates_to", {}).get("rel_type") == "m.replace"
            and e["content"]["m.relates_to"]["event_id"] == reply["event_id"]
        ),
        WAIT,
    )
    assert f"https://matrix.to/#/{incident}" in edit["content"]["m.new_content"]["formatted_body"]
    assert platform.query("SELECT count(*), max(room_id) FROM cases") == [(1, incident)]

    _, status = await command(vr06, incident, "!status")
    assert "Slachterij De Vries, Groenlo" in status["content"]["body"]
    assert "Signaal ontvangen" in status["content"]["body"]


async def test_repeat_signal_joins_the_open_case_and_tells_its_room(platform: Platform) -> None:
    vr06, lotc = platform.clients["vr06"], platform.clients["lotc"]
    room = platform.room_id
    await command(vr06, room, "!signaal Kwekerij Zon, Westland; kvk: 12345678; regio: VR15")
    incident = await lotc.wait_for_invite(named("Kwekerij Zon"), WAIT)
    await lotc.join(incident)

    _, reply = await command(lotc, room, "!signaal Zon Kwekerijen BV; kvk: 1234 5678")
    assert "loopt al zaak" in reply["content"]["body"]
    assert f"https://matrix.to/#/{incident}" in reply["content"]["formatted_body"]
    told = await lotc.wait_for_event(
        lambda r, e: (
            r == incident and "Nieuw signaal over deze zaak" in e["content"].get("body", "")
        ),
        WAIT,
    )
    assert told["content"]["msgtype"] == "m.notice"
    assert platform.query("SELECT count(*) FROM cases") == [(1,)]
    assert platform.query("SELECT kind FROM timeline_entries ORDER BY id") == [
        (TimelineKind.SIGNAL,),
        (TimelineKind.ROOM_OPENED,),
        (TimelineKind.REPEAT_SIGNAL,),
    ]


async def test_bad_input_is_answered_with_usage_and_stores_nothing(platform: Platform) -> None:
    iszw = platform.clients["iszw"]
    # Optional fields no longer stop a signal (they are asked about): see test_intake.py.
    for body, expected in [
        ("!signaal", "Geef een titel"),
        ("!signaal " + "lang " * 1000, "te lang"),
        ("!sgnaal Bedrijf X", "Bedoelde u !signaal?"),
        ("!status 2026-999", "Zaak 2026-999 bestaat niet"),
    ]:
        _, reply = await command(iszw, platform.room_id, body)
        assert expected in reply["content"]["body"], reply["content"]["body"]
    assert platform.query("SELECT count(*) FROM cases") == [(0,)]
    assert platform.query("SELECT count(*) FROM outbox WHERE kind = 'open_room'") == [(0,)]


async def test_a_non_member_changes_nothing_and_is_told_once(platform: Platform) -> None:
    outsider = platform.clients["outsider"]
    _, reply = await command(outsider, platform.room_id, "!signaal Bedrijf X")
    assert "alleen voor leden" in reply["content"]["body"]
    second = await outsider.send_text(platform.room_id, "!zaken")
    with pytest.raises(HarnessError):
        await outsider.wait_for_reply(platform.room_id, second, 2.0)
    assert platform.query("SELECT count(*) FROM cases") == [(0,)]
    assert "non-member" in platform.bot.output()


async def test_history_from_before_the_bot_joined_is_not_a_command(
    synapse: LocalSynapse, tmp_path: Path
) -> None:
    platform = await open_platform(synapse, tmp_path, invite_bot=False)
    try:
        lotc = platform.clients["lotc"]
        old = await lotc.send_text(platform.room_id, "!signaal Oud bericht")
        await lotc.client.room_invite(platform.room_id, platform.bot_id)
        await platform.wait_until_bot_joined(platform.room_id)
        _, reply = await command(lotc, platform.room_id, "!zaken")
        assert "geen open zaken" in reply["content"]["body"]
        assert not [
            e
            for e in lotc.events_in(platform.room_id)
            if e["content"].get("m.relates_to", {}).get("m.in_reply_to", {}).get("event_id") == old
        ]
        assert platform.query("SELECT count(*) FROM cases") == [(0,)]
    finally:
        await platform.close()


async def test_commands_sent_while_the_bot_is_down_are_handled_after_it_returns(
    platform: Platform,
) -> None:
    _, reply = await signal_while_the_bot_is_down(platform)
    assert "-001 geopend: Terwijl de bot uit stond" in reply["content"]["body"]


async def exactly_one_reply_case_and_room_each(
    platform: Platform, sent: dict[str, MemberClient]
) -> None:
    """One reply per signal, one case per signal, one incident room per case."""
    room = platform.room_id
    observer = platform.clients["lotc"]
    await asyncio.sleep(2.0)  # room for any duplicate to show up
    await observer.sync_once(1.0)
    replies: dict[str, int] = {}
    for event in observer.events_in(room):
        target = event["content"].get("m.relates_to", {}).get("m.in_reply_to", {})
        if target.get("event_id") in sent:
            replies[target["event_id"]] = replies.get(target["event_id"], 0) + 1
    assert replies == dict.fromkeys(sent, 1)

    rows = platform.query("SELECT intake_event_id FROM cases")
    assert sorted(r[0] for r in rows) == sorted(sent)

    for _ in range(60):
        if platform.query("SELECT count(*) FROM cases WHERE room_id IS NULL") == [(0,)]:
            break
        await asyncio.sleep(0.5)
    rooms = platform.query("SELECT DISTINCT room_id FROM cases WHERE room_id IS NOT NULL")
    assert len(rooms) == len(sent)
    # Every case has exactly one incident room: LOT-C is invited to each, once.
    await observer.sync_once(1.0)
    names = [
        e["content"]["name"]
        for state in observer.pending_invites().values()
        for e in state
        if e.get("type") == "m.room.name"
    ]
    numbers = sorted(name.split(" · ")[0] for name in names)
    assert len(numbers) == len(sent)
    assert len(set(numbers)) == len(sent)


async def test_crash_while_members_send_signals_loses_and_duplicates_nothing(
    platform: Platform,
) -> None:
    """SIGKILL the bot twice during a burst of signals from six members; restart each time."""
    room = platform.room_id
    senders = [platform.clients[name] for name in REGION_VR06]
    await command(senders[0], room, "!help")
    sent: dict[str, MemberClient] = {}

    async def burst(client: MemberClient, index: int) -> None:
        for round_ in range(6):
            body = f"!signaal Bedrijf {index}-{round_}, Plaats {index}; regio: VR06"
            sent[await client.send_text(room, body)] = client
            await asyncio.sleep(0.3)

    async def crash_twice() -> None:
        """Once while commands stream in, once while the restarted bot works off its backlog."""
        for pause in (0.4, 1.4):
            await asyncio.sleep(pause)
            platform.bot.kill()
            await asyncio.sleep(0.2)
            platform.bot.start()

    await asyncio.gather(crash_twice(), *(burst(c, i) for i, c in enumerate(senders)))
    for event_id, client in sent.items():
        await client.wait_for_reply(room, event_id, 30.0)

    await exactly_one_reply_case_and_room_each(platform, sent)
    assert "Traceback" not in platform.bot.output()


def membership_of(user_id: str, membership: str):
    def predicate(_room_id: str, event: dict) -> bool:
        return (
            event.get("type") == "m.room.member"
            and event.get("state_key") == user_id
            and event.get("content", {}).get("membership") == membership
        )

    return predicate


async def test_invites_are_accepted_from_members_only(platform: Platform) -> None:
    outsider, iszw = platform.clients["outsider"], platform.clients["iszw"]
    foreign = await outsider.create_room("Van buiten", invite=[platform.bot_id])
    await outsider.wait_for_event(
        lambda r, e: r == foreign and membership_of(platform.bot_id, "leave")(r, e), WAIT
    )

    own = await iszw.create_room("Overleg ISZW", invite=[platform.bot_id])
    await iszw.wait_for_event(
        lambda r, e: r == own and membership_of(platform.bot_id, "join")(r, e), WAIT
    )
    _, reply = await command(iszw, own, "!zaken")  # just the member and the bot: a direct chat
    assert "Er zijn geen open zaken" in reply["content"]["body"]
    assert "declined an invite" in platform.bot.output()


async def test_the_bot_rides_out_a_homeserver_outage(tmp_path: Path) -> None:
    """Its own Synapse, stopped under the bot for a while and started again on the same port."""
    server = LocalSynapse(tmp_path / "synapse")
    server.start()
    platform = await open_platform(server, tmp_path)
    try:
        iszw = platform.clients["iszw"]
        await command(iszw, platform.room_id, "!help")
        server.stop()
        await asyncio.sleep(4.0)
        server.start()
        _, reply = await command(iszw, platform.room_id, "!signaal Na de storing")
        assert "-001 geopend: Na de storing" in reply["content"]["body"]
        failures = platform.bot.output().count("sync failed")
        assert 1 <= failures <= 5, f"{failures} sync attempts in 4 s: no backoff"
    finally:
        await platform.close()
        server.stop()


async def test_a_region_given_later_brings_its_members_into_the_room(platform: Platform) -> None:
    lotc, vr06 = platform.clients["lotc"], platform.clients["vr06"]
    _, reply = await command(lotc, platform.room_id, "!signaal Loonbedrijf Zuid; regio: onbekend")
    assert "Regio onbekend" in reply["content"]["body"]
    incident = await lotc.wait_for_invite(named("Loonbedrijf Zuid"), WAIT)
    await lotc.join(incident)
    with pytest.raises(HarnessError):
        await vr06.wait_for_invite(named("Loonbedrijf Zuid"), 1.0)
    _, reply = await command(lotc, incident, "!regio VNOG")
    assert "Noord- en Oost-Gelderland (VR06)" in reply["content"]["body"]
    assert await vr06.wait_for_invite(named("Loonbedrijf Zuid"), WAIT) == incident
    assert await platform.clients["ggd06"].wait_for_invite(named("Loonbedrijf Zuid"), WAIT)
    for _ in range(50):
        topic = (await state_of(lotc, incident, "m.room.topic"))["topic"]
        if "VR06" in topic:
            break
        await asyncio.sleep(0.1)
    assert "Regio: Noord- en Oost-Gelderland (VR06)" in topic
