"""A member's direct chat with the bot, on a real Synapse: plain words get the help, commands
work as in the platform room; a room of three is no direct chat."""

from __future__ import annotations

import pytest

from bot.demo.member import MemberClient
from tests.integration.helpers import WAIT, body_of, command
from tests.integration.platform import Platform

pytestmark = pytest.mark.integration


async def room_with_the_bot(platform: Platform, creator: str, *others: str) -> str:
    """A room `creator` opens with the bot (and `others`), as Element opens a direct chat:
    encrypted when the platform is; returns once everyone, the bot too, has joined."""
    member = platform.clients[creator]
    invited = [platform.bot_id, *(platform.user(name) for name in others)]
    room = await member.create_room(
        "signaalbot", invite=invited, encrypted=bool(member.client.olm), is_direct=not others
    )
    for name in others:
        await platform.clients[name].join(room)
    await joined(member, room, platform.bot_id)
    for name in others:
        await joined(member, room, platform.user(name))
    return room


async def joined(member: MemberClient, room: str, user_id: str) -> None:
    await member.wait_for_event(
        lambda r, e: (
            r == room
            and e.get("type") == "m.room.member"
            and e.get("state_key") == user_id
            and e.get("content", {}).get("membership") == "join"
        ),
        WAIT,
    )


async def test_a_member_asks_the_bot_in_a_direct_chat(platform: Platform) -> None:
    iszw = platform.clients["iszw"]
    direct = await room_with_the_bot(platform, "iszw")
    _, helped = await command(iszw, direct, "help")
    assert body_of(helped).startswith("Hallo! Hier werken alle commando's")
    assert "Commando's van signaalbot:" in body_of(helped)
    assert "!zaken — " in body_of(helped)

    await command(iszw, platform.room_id, "!signaal Slachterij De Vries, Groenlo; regio: VNOG")
    _, listed = await command(iszw, direct, "!zaken")
    assert "Slachterij De Vries, Groenlo" in body_of(listed)
    _, status = await command(iszw, direct, "!status")
    assert "Welke zaak? Geef het zaaknummer" in body_of(status)


async def test_a_room_of_three_is_no_direct_chat(platform: Platform) -> None:
    iszw = platform.clients["iszw"]
    group = await room_with_the_bot(platform, "iszw", "nvwa")
    chat = await iszw.send_text(group, "hallo")
    _, refused = await command(iszw, group, "!zaken")
    assert "privégesprek met mij" in body_of(refused)
    # Answers keep their order per room: one to "hallo" would have come before this one.
    replies_to_chat = [
        e
        for e in iszw.events_in(group)
        if e.get("content", {}).get("m.relates_to", {}).get("m.in_reply_to", {}).get("event_id")
        == chat
    ]
    assert replies_to_chat == []
