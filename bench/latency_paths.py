"""The paths `python -m bench.run` times, one sample each per round: the echo bot's reply, its
bare room creation, and signaalbot's reply and incident room for one ``!signaal``."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bench.echo_bot import ROOM_PREFIX
from bench.reminder_bot import Reference, remindme_sample
from bench.sampling import SAMPLE_TIMEOUT, elapsed_ms, rounds, send_command, server_gap_ms
from bench.world import REGION, World
from bot.demo.member import EventPredicate, InvitePredicate


@dataclass
class Samples:
    echo: list[float] = field(default_factory=list)
    echo_room: list[float] = field(default_factory=list)
    bot_reply: list[float] = field(default_factory=list)
    bot_room: list[float] = field(default_factory=list)
    echo_room_names: list[str] = field(default_factory=list)
    echo_server: list[float] = field(default_factory=list)
    bot_reply_server: list[float] = field(default_factory=list)
    remindme: list[float] = field(default_factory=list)


def room_named(matches: Callable[[str], bool]) -> InvitePredicate:
    def predicate(_room_id: str, state: list[dict[str, Any]]) -> bool:
        return any(
            event.get("type") == "m.room.name"
            and matches(str((event.get("content") or {}).get("name", "")))
            for event in state
        )

    return predicate


def edit_of(room_id: str, event_id: str) -> EventPredicate:
    def predicate(rid: str, source: dict[str, Any]) -> bool:
        relates = (source.get("content") or {}).get("m.relates_to") or {}
        return (
            rid == room_id
            and relates.get("rel_type") == "m.replace"
            and relates.get("event_id") == event_id
        )

    return predicate


async def echo_sample(world: World, index: str) -> tuple[float, float]:
    """Time until the member sees the reply, and the same by server timestamps."""
    member = world.sender
    started, event_id = await send_command(member, world.echo_room, f"echo {index}")
    reply = await member.wait_for_reply(world.echo_room, event_id, SAMPLE_TIMEOUT)
    elapsed = elapsed_ms(started)
    return elapsed, server_gap_ms(member, world.echo_room, event_id, reply)


async def echo_room_sample(world: World, name: str) -> float:
    started, _ = await send_command(world.sender, world.echo_room, ROOM_PREFIX + name)
    await world.sender.wait_for_invite(room_named(lambda found: found == name), SAMPLE_TIMEOUT)
    return elapsed_ms(started)


async def signaal_sample(world: World, title: str) -> tuple[float, float, float]:
    """Times until the reply and until the incident room invite, and the reply by server
    timestamps; then waits for the edit that adds the room link, so samples never overlap."""
    member = world.sender
    started, event_id = await send_command(
        member, world.platform_room, f"!signaal {title}; regio: {REGION}"
    )
    reply = await member.wait_for_reply(world.platform_room, event_id, SAMPLE_TIMEOUT)
    reply_ms = elapsed_ms(started)
    await member.wait_for_invite(
        room_named(lambda found: found.endswith(f" · {title}")), SAMPLE_TIMEOUT
    )
    room_ms = elapsed_ms(started)
    await member.wait_for_event(edit_of(world.platform_room, reply["event_id"]), SAMPLE_TIMEOUT)
    return reply_ms, room_ms, server_gap_ms(member, world.platform_room, event_id, reply)


async def measure(
    world: World, warmup: int, samples: int, reference: Reference | None = None
) -> Samples:
    """Interleave the paths, so a homeserver that slows down over time hurts all of them alike.

    With a `reference`, matrix-reminder-bot's ``!remindme`` is timed too, in each round."""
    measured = Samples()
    for tag, warm in rounds(warmup, samples):
        echo_ms, echo_server_ms = await echo_sample(world, tag)
        room_name = f"Echo room {tag}"
        echo_room_ms = await echo_room_sample(world, room_name)
        remindme_ms = await remindme_sample(world, reference, tag) if reference else None
        reply_ms, room_ms, reply_server_ms = await signaal_sample(
            world, f"Bedrijf {tag}, Plaats {tag}"
        )
        if warm:
            continue
        measured.echo.append(echo_ms)
        measured.echo_room.append(echo_room_ms)
        measured.echo_room_names.append(room_name)
        measured.bot_reply.append(reply_ms)
        measured.bot_room.append(room_ms)
        measured.echo_server.append(echo_server_ms)
        measured.bot_reply_server.append(reply_server_ms)
        if remindme_ms is not None:
            measured.remindme.append(remindme_ms)
        logging.info(
            "sample %s: echo %.0f, echo+room %.0f, reply %.0f, room %.0f ms",
            tag,
            echo_ms,
            echo_room_ms,
            reply_ms,
            room_ms,
        )
    return measured
