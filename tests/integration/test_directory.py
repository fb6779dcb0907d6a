"""The directory kept in the chat, on a real Synapse: a member added by a project leader can
command at once and is invited where they belong; a member removed leaves the incident rooms;
an absent coordinator's reminder goes to the substitute as well."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

from bot.demo.homeserver import LocalSynapse
from bot.demo.member import MemberClient
from tests.integration.helpers import WAIT, body_of, command, named
from tests.integration.platform import Platform, open_platform

pytestmark = pytest.mark.integration


async def incident_room(platform: Platform, title: str) -> tuple[str, str]:
    """A signal in VNOG; ISZW joins its room. Returns the room and the case number."""
    iszw = platform.clients["iszw"]
    _, opened = await command(iszw, platform.room_id, f"!signaal {title}; regio: VNOG")
    number = re.search(r"\d{4}-\d{3}", body_of(opened))
    assert number, body_of(opened)
    room = await iszw.wait_for_invite(named(title), WAIT)
    await iszw.join(room)
    return room, number[0]


def invites_of(client: MemberClient, room: str, user_id: str) -> list[dict]:
    return [
        e
        for e in client.events_in(room)
        if e.get("type") == "m.room.member"
        and e.get("state_key") == user_id
        and e["content"].get("membership") == "invite"
    ]


async def membership(client: MemberClient, room: str, user_id: str) -> str | None:
    response = await client.client.room_get_state_event(room, "m.room.member", user_id)
    return getattr(response, "content", {}).get("membership")


async def test_an_added_member_commands_at_once_and_a_removed_one_leaves(
    synapse: LocalSynapse, tmp_path: Path
) -> None:
    platform = await open_platform(synapse, tmp_path)
    try:
        lotc, newcomer = platform.clients["lotc"], platform.clients["outsider"]
        room, number = await incident_room(platform, "Vleeswaren Oost")
        _, before = await command(newcomer, platform.room_id, "!zaken")
        assert "alleen voor leden" in body_of(before), body_of(before)

        _, added = await command(
            lotc, platform.room_id, f"!lid toevoegen {newcomer.user_id} GGD VNOG naam: Noor"
        )
        assert "staat nu in de ledenlijst" in body_of(added), body_of(added)
        assert "Uitgenodigd in 1 open incidentkamer(s)." in body_of(added)
        invited = await newcomer.wait_for_invite(named("Vleeswaren Oost"), WAIT)
        assert invited == room
        iszw = platform.clients["iszw"]  # in the room since the signal
        await command(iszw, room, "!coordinator GGD")  # the room's people are worked out again
        await asyncio.sleep(2)  # the room's update goes out after the answer
        await iszw.sync_once(1)
        assert len(invites_of(iszw, room, newcomer.user_id)) == 1  # not invited twice
        await newcomer.join(room)
        _, status = await command(newcomer, room, "!status")
        assert number in body_of(status), body_of(status)

        _, removed = await command(lotc, platform.room_id, f"!lid verwijder {newcomer.user_id}")
        assert "kan geen commando's meer geven" in body_of(removed), body_of(removed)
        await iszw.wait_for_event(
            lambda r, e: (
                r == room
                and e.get("type") == "m.room.member"
                and e.get("state_key") == newcomer.user_id
                and e["content"].get("membership") == "leave"
            ),
            WAIT,
        )
        assert await membership(iszw, room, newcomer.user_id) == "leave"
        assert platform.query(
            "SELECT kind, actor FROM directory_changes WHERE subject = ? ORDER BY id",
            newcomer.user_id,
        ) == [("added", lotc.user_id), ("removed", lotc.user_id)]
    finally:
        await platform.close()


async def test_an_absent_coordinators_reminder_also_mentions_the_substitute(
    synapse: LocalSynapse, tmp_path: Path
) -> None:
    window = {"repressive": "30s", "reminders_before": ["12s"]}
    platform = await open_platform(synapse, tmp_path, sections={"window": window})
    try:
        iszw, nvwa = platform.clients["iszw"], platform.clients["nvwa"]
        room, _number = await incident_room(platform, "Kassen Noord")
        await command(iszw, room, "!coordinator ISZW")
        await command(iszw, platform.room_id, f"!vervanger {nvwa.user_id}")
        _, away = await command(iszw, platform.room_id, "!afwezig tot vrijdag")
        assert "neemt het zolang over" in body_of(away), body_of(away)
        reminder = await iszw.wait_for_event(
            lambda r, e: r == room and "tot de deadline" in body_of(e), WAIT + 30
        )
        mentioned = reminder["content"]["m.mentions"]["user_ids"]
        assert iszw.user_id in mentioned and nvwa.user_id in mentioned
        assert "Afwezig:" in body_of(reminder) and "vervanger" in body_of(reminder)
    finally:
        await platform.close()
