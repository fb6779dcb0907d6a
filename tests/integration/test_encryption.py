"""End-to-end encrypted rooms: the bot reads, answers and opens incident rooms encrypted."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.demo.homeserver import LocalSynapse
from bot.demo.member import HarnessError, MemberClient
from tests.integration.helpers import WAIT, command, named, signal_while_the_bot_is_down, state_of
from tests.integration.platform import Platform, open_platform

pytestmark = pytest.mark.integration


@pytest.fixture
async def platform(synapse: LocalSynapse, tmp_path: Path) -> AsyncIterator[Platform]:
    opened = await open_platform(synapse, tmp_path, encrypted=True, matrix={"key_wait": "2s"})
    yield opened
    await opened.close()


async def bot_devices(member: MemberClient, bot_id: str) -> list[str]:
    member.client.users_for_key_query.add(bot_id)
    await member.client.keys_query()
    return sorted(member.client.device_store[bot_id])


async def test_signal_reply_and_incident_room_are_encrypted_and_survive_a_restart(
    platform: Platform,
) -> None:
    vr06 = platform.clients["vr06"]
    room = platform.room_id
    _, reply = await command(vr06, room, "!signaal Slachterij De Vries, Groenlo; regio: VR06")
    assert reply["event_id"] in vr06.decrypted
    assert "-001 geopend: Slachterij De Vries, Groenlo" in reply["content"]["body"]

    incident = await vr06.wait_for_invite(named("Slachterij De Vries"), WAIT)
    await vr06.join(incident)
    encryption = await state_of(vr06, incident, "m.room.encryption")
    assert encryption["algorithm"] == "m.megolm.v1.aes-sha2"
    summary = await vr06.wait_for_event(
        lambda r, e: r == incident and "Commando's in deze kamer" in e["content"].get("body", ""),
        WAIT,
    )
    assert summary["event_id"] in vr06.decrypted
    pinned = await state_of(vr06, incident, "m.room.pinned_events")
    assert pinned["pinned"] == [summary["event_id"]]
    edit = await vr06.wait_for_event(
        lambda r, e: (
            r == room and e["content"].get("m.relates_to", {}).get("rel_type") == "m.replace"
        ),
        WAIT,
    )
    assert edit["event_id"] in vr06.decrypted

    devices_before = await bot_devices(vr06, platform.bot_id)
    platform.bot.kill()
    platform.bot.start()
    _, status = await command(vr06, incident, "!status")
    assert status["event_id"] in vr06.decrypted
    assert "Slachterij De Vries, Groenlo" in status["content"]["body"]
    assert await bot_devices(vr06, platform.bot_id) == devices_before == ["SIGNAALBOT"]


async def test_keys_token_and_database_are_readable_by_the_bot_only(platform: Platform) -> None:
    await command(platform.clients["iszw"], platform.room_id, "!help")
    files = [p for p in (platform.directory / "data").rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"credentials.json", "signaalbot.db"}
    assert any(p.parent.name == "crypto" for p in files)
    for path in files:
        assert path.stat().st_mode & 0o077 == 0, f"{path} is readable by others"


async def test_a_command_sent_while_the_bot_is_down_is_decrypted_after_it_returns(
    platform: Platform,
) -> None:
    iszw, reply = await signal_while_the_bot_is_down(platform)
    assert reply["event_id"] in iszw.decrypted
    assert "geopend: Terwijl de bot uit stond" in reply["content"]["body"]


async def test_a_command_whose_keys_arrive_late_is_explained_once_and_run_once(
    platform: Platform,
) -> None:
    iszw = platform.clients["iszw"]
    room = platform.room_id
    await command(iszw, room, "!help")
    event_id, release = await iszw.send_text_with_late_key(
        room, "!signaal Sleutel kwam later", platform.bot_id
    )
    explanation = await iszw.wait_for_reply(room, event_id, WAIT)
    assert "nog niet lezen" in explanation["content"]["body"]
    assert "SIGNAALBOT" in explanation["content"]["body"]
    assert platform.query("SELECT count(*) FROM cases") == [(0,)]

    await release()
    answer = await iszw.wait_for_event(
        lambda r, e: (
            r == room
            and e["content"].get("m.relates_to", {}).get("m.in_reply_to", {}).get("event_id")
            == event_id
            and "geopend" in e["content"].get("body", "")
        ),
        WAIT,
    )
    assert "Sleutel kwam later" in answer["content"]["body"]
    await asyncio.sleep(2.5)  # a second explanation or answer would have come by now
    await iszw.sync_once(0.5)
    replies = [
        e
        for e in iszw.events_in(room)
        if e["content"].get("m.relates_to", {}).get("m.in_reply_to", {}).get("event_id") == event_id
    ]
    assert len(replies) == 2
    assert platform.query("SELECT count(*) FROM cases") == [(1,)]
    assert platform.query("SELECT count(*) FROM held_events") == [(0,)]
    with pytest.raises(HarnessError):
        await iszw.wait_for_event(
            lambda r, e: "nog niet lezen" in str(e) and e is not explanation, 0.5
        )
