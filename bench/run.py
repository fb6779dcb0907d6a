"""Latency of signaalbot against a minimal matrix-nio bot, on one private Synapse.

    python -m bench.run [--samples 30] [--warmup 5] [--json results.json] [--encrypted]
                        [--database-url postgresql+asyncpg://postgres@127.0.0.1:5432/postgres]

See bench/README.md for what is measured.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import math
import secrets
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.database import scratch_database
from bench.echo_bot import ROOM_PREFIX
from bench.entry import (
    parse_samples,
    quiet_logging,
    run_in_workdir,
    sample_arguments,
    write_json,
)
from bench.processes import (
    Account,
    EchoProcess,
    echo_bot,
    signaalbot,
    signaalbot_config,
    wait_until_ready,
)
from bench.stats import Ratio, Summary, format_table
from bot.demo.homeserver import LocalSynapse
from bot.demo.member import MemberClient
from bot.demo.run import DEMO_ACCOUNTS

REGION = "VR06"
SENDER = "iszw"
LEADER = "lotc"
SAMPLE_TIMEOUT = 30.0
PAUSE_BETWEEN_SAMPLES = 0.2

ECHO = "echo reply"
ECHO_ROOM = "echo + bare room creation"
ROOM_CREATE = "room_create call (echo bot)"
BOT_REPLY = "(a) signaalbot reply"
BOT_ROOM = "(b) signaalbot incident room"
ECHO_SERVER = "echo reply, server timestamps"
BOT_REPLY_SERVER = "(a) reply, server timestamps"


@dataclass(frozen=True)
class Options:
    samples: int
    warmup: int
    json_path: Path | None
    database_url: str | None
    keep_workdir: bool = False
    encrypted: bool = False  # members and both bots do end-to-end encryption, rooms encrypted


@dataclass
class World:
    """Accounts and rooms on the homeserver, and the member who sends every command."""

    homeserver: str
    signaalbot: Account
    echo: Account
    members: dict[str, dict[str, Any]]
    platform_room: str
    echo_room: str
    sender: MemberClient


@dataclass
class Samples:
    echo: list[float]
    echo_room: list[float]
    bot_reply: list[float]
    bot_room: list[float]
    echo_room_names: list[str]
    echo_server: list[float]
    bot_reply_server: list[float]


# -- setting up ---------------------------------------------------------------------------------


def _password() -> str:
    return secrets.token_urlsafe(12)


def register_accounts(synapse: LocalSynapse) -> tuple[Account, Account, dict[str, Account]]:
    """The signaalbot account, the echo bot account and the demo members, by localpart."""
    bot = Account(synapse.register("signaalbot", pw := _password(), displayname="signaalbot"), pw)
    echo = Account(synapse.register("echobot", pw := _password(), displayname="echobot"), pw)
    members = {
        localpart: Account(synapse.register(localpart, pw := _password(), displayname=name), pw)
        for localpart, _entity, _region, _roles, name in DEMO_ACCOUNTS
    }
    return bot, echo, members


def member_settings(accounts: dict[str, Account]) -> dict[str, dict[str, Any]]:
    return {
        accounts[localpart].user_id: {
            "entity": entity,
            "region": region,
            "roles": roles,
            "name": name,
        }
        for localpart, entity, region, roles, name in DEMO_ACCOUNTS
    }


def _store(stores: Path | None, name: str) -> Path | None:
    """A member's crypto store under `stores`; None (no encryption) without `stores`."""
    return None if stores is None else stores / name


async def open_rooms(
    homeserver: str,
    accounts: dict[str, Account],
    bot: Account,
    echo: Account,
    stores: Path | None,
) -> tuple[str, str]:
    """The platform room (with signaalbot) and an echo room (with the echo bot), same members.

    With `stores` the members do end-to-end encryption and both rooms are encrypted.
    """
    encrypted = stores is not None
    clients = {
        localpart: await MemberClient.login(
            homeserver, account.user_id, account.password, store_dir=_store(stores, localpart)
        )
        for localpart, account in accounts.items()
    }
    try:
        leader = clients[LEADER]
        others = [account.user_id for lp, account in accounts.items() if lp != LEADER]
        platform = await leader.create_room(
            "Platform", invite=[*others, bot.user_id], encrypted=encrypted
        )
        echo_room = await leader.create_room(
            "Echo", invite=[*others, echo.user_id], encrypted=encrypted
        )
        for localpart, client in clients.items():
            if localpart != LEADER:
                await client.join(platform)
                await client.join(echo_room)
    finally:
        for client in clients.values():
            await client.close()
    return platform, echo_room


async def build_world(
    synapse: LocalSynapse, stores: Path | None, sender_localpart: str = SENDER
) -> World:
    """Accounts, rooms and the client of the member who sends the commands; with `stores`
    (crypto stores of the members) everything encrypted."""
    bot, echo, accounts = await asyncio.to_thread(register_accounts, synapse)
    platform, echo_room = await open_rooms(synapse.base_url, accounts, bot, echo, stores)
    sender_account = accounts[sender_localpart]
    sender = await MemberClient.login(
        synapse.base_url,
        sender_account.user_id,
        sender_account.password,
        "bench-member",
        store_dir=_store(stores, "bench-member"),
    )
    await sender.sync_once(0.001)  # nio encrypts only for rooms its sync has seen
    return World(
        homeserver=synapse.base_url,
        signaalbot=bot,
        echo=echo,
        members=member_settings(accounts),
        platform_room=platform,
        echo_room=echo_room,
        sender=sender,
    )


def invitees(world: World) -> list[str]:
    """Whom signaalbot invites for a case in VR06: every national and every VR06 member."""
    return sorted(world.members)


# -- one sample of each path ------------------------------------------------------------------


def elapsed_ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _room_named(matches: Any) -> Any:
    def predicate(_room_id: str, state: list[dict[str, Any]]) -> bool:
        return any(
            event.get("type") == "m.room.name"
            and matches(str((event.get("content") or {}).get("name", "")))
            for event in state
        )

    return predicate


async def settle(member: MemberClient) -> None:
    """Let the bots go back to waiting, and take in whatever the member has not seen yet."""
    await asyncio.sleep(PAUSE_BETWEEN_SAMPLES)
    await member.sync_once(0.001)


def server_gap_ms(
    member: MemberClient, room_id: str, event_id: str, reply: dict[str, Any]
) -> float:
    """Reply time minus command time, both as stamped by the homeserver: the bot's own share."""
    for source in member.events_in(room_id):
        if source.get("event_id") == event_id:
            return float(reply["origin_server_ts"] - source["origin_server_ts"])
    return math.nan


async def echo_sample(world: World, index: str) -> tuple[float, float]:
    """Time until the member sees the reply, and the same by server timestamps."""
    member = world.sender
    await settle(member)
    started = time.perf_counter()
    event_id = await member.send_text(world.echo_room, f"echo {index}")
    reply = await member.wait_for_reply(world.echo_room, event_id, SAMPLE_TIMEOUT)
    elapsed = elapsed_ms(started)
    return elapsed, server_gap_ms(member, world.echo_room, event_id, reply)


async def echo_room_sample(world: World, name: str) -> float:
    member = world.sender
    await settle(member)
    started = time.perf_counter()
    await member.send_text(world.echo_room, ROOM_PREFIX + name)
    await member.wait_for_invite(_room_named(lambda found: found == name), SAMPLE_TIMEOUT)
    return elapsed_ms(started)


async def signaal_sample(world: World, title: str) -> tuple[float, float, float]:
    """Times until the reply and until the incident room invite, and the reply by server
    timestamps; then waits for the edit that adds the room link, so samples never overlap."""
    member = world.sender
    await settle(member)
    started = time.perf_counter()
    event_id = await member.send_text(world.platform_room, f"!signaal {title}; regio: {REGION}")
    reply = await member.wait_for_reply(world.platform_room, event_id, SAMPLE_TIMEOUT)
    reply_ms = elapsed_ms(started)
    await member.wait_for_invite(
        _room_named(lambda found: found.endswith(f" · {title}")), SAMPLE_TIMEOUT
    )
    room_ms = elapsed_ms(started)
    await member.wait_for_event(_edit_of(world.platform_room, reply["event_id"]), SAMPLE_TIMEOUT)
    return reply_ms, room_ms, server_gap_ms(member, world.platform_room, event_id, reply)


def _edit_of(room_id: str, event_id: str) -> Any:
    def predicate(rid: str, source: dict[str, Any]) -> bool:
        relates = (source.get("content") or {}).get("m.relates_to") or {}
        return (
            rid == room_id
            and relates.get("rel_type") == "m.replace"
            and relates.get("event_id") == event_id
        )

    return predicate


async def measure(world: World, options: Options) -> Samples:
    """Interleave the paths, so a homeserver that slows down over time hurts all of them alike."""
    samples = Samples([], [], [], [], [], [], [])
    for round_no in range(options.warmup + options.samples):
        warm = round_no < options.warmup
        tag = f"warmup {round_no}" if warm else f"{round_no - options.warmup}"
        echo_ms, echo_server_ms = await echo_sample(world, tag)
        room_name = f"Echo room {tag}"
        echo_room_ms = await echo_room_sample(world, room_name)
        reply_ms, room_ms, reply_server_ms = await signaal_sample(
            world, f"Bedrijf {tag}, Plaats {tag}"
        )
        if warm:
            continue
        samples.echo.append(echo_ms)
        samples.echo_room.append(echo_room_ms)
        samples.echo_room_names.append(room_name)
        samples.bot_reply.append(reply_ms)
        samples.bot_room.append(room_ms)
        samples.echo_server.append(echo_server_ms)
        samples.bot_reply_server.append(reply_server_ms)
        logging.info(
            "sample %s: echo %.0f, echo+room %.0f, reply %.0f, room %.0f ms",
            tag,
            echo_ms,
            echo_room_ms,
            reply_ms,
            room_ms,
        )
    return samples


# -- running everything -------------------------------------------------------------------------


@asynccontextmanager
async def local_synapse(data_dir: Path) -> AsyncIterator[LocalSynapse]:
    synapse = LocalSynapse(data_dir)
    await asyncio.to_thread(synapse.start)
    try:
        yield synapse
    finally:
        await asyncio.to_thread(synapse.stop)


@asynccontextmanager
async def bot_database(database_url: str | None) -> AsyncIterator[str | None]:
    """None (SQLite in the bot's data dir) or a fresh PostgreSQL database, dropped afterwards."""
    if database_url is None:
        yield None
        return
    async with scratch_database(database_url) as url:
        yield url


async def bot_joined(world: World) -> None:
    def joined(room_id: str, source: dict[str, Any]) -> bool:
        return (
            room_id == world.platform_room
            and source.get("type") == "m.room.member"
            and source.get("state_key") == world.signaalbot.user_id
            and (source.get("content") or {}).get("membership") == "join"
        )

    # The caller bounds the wait (and notices if the bot exits).
    await world.sender.wait_for_event(joined, timeout=3600)


async def run_bench(options: Options, workdir: Path) -> tuple[list[Summary], list[Ratio]]:
    async with (
        local_synapse(workdir / "synapse") as synapse,
        bot_database(options.database_url) as database_url,
    ):
        world = await build_world(synapse, workdir / "members" if options.encrypted else None)
        try:
            config = signaalbot_config(
                world.homeserver,
                world.signaalbot,
                world.platform_room,
                world.members,
                workdir / "bot",
                database_url,
            )
            async with (
                echo_bot(
                    world.homeserver,
                    world.echo,
                    world.echo_room,
                    invitees(world),
                    workdir / "echo.log",
                    workdir / "echo-crypto" if options.encrypted else None,
                ) as echo,
                signaalbot(config, workdir / "signaalbot.yaml", workdir / "bot.log") as bot,
            ):
                await wait_until_ready(bot_joined(world), bot, workdir / "bot.log", "signaalbot")
                samples = await measure(world, options)
                room_create = _room_create_times(echo, samples.echo_room_names)
        finally:
            await world.sender.close()
    return summarise(samples, room_create)


def _room_create_times(echo: EchoProcess, names: list[str]) -> list[float]:
    return [echo.room_create_ms[name] for name in names if name in echo.room_create_ms]


def summarise(samples: Samples, room_create: list[float]) -> tuple[list[Summary], list[Ratio]]:
    echo = Summary(ECHO, samples.echo)
    echo_room = Summary(ECHO_ROOM, samples.echo_room)
    reply = Summary(BOT_REPLY, samples.bot_reply)
    room = Summary(BOT_ROOM, samples.bot_room)
    summaries = [
        echo,
        echo_room,
        Summary(ROOM_CREATE, room_create),
        reply,
        room,
        Summary(ECHO_SERVER, samples.echo_server),
        Summary(BOT_REPLY_SERVER, samples.bot_reply_server),
    ]
    ratios = [
        Ratio("(a) / echo", reply, echo, target=1.25),
        Ratio("(b) / (echo + bare room creation)", room, echo_room, target=1.5),
    ]
    return summaries, ratios


def _database(options: Options) -> str:
    return "postgresql" if options.database_url else "sqlite"


def title(options: Options) -> str:
    rooms = "encrypted rooms (end-to-end)" if options.encrypted else "unencrypted rooms"
    return (
        f"signaalbot vs echo bot: {rooms}, {_database(options)}, "
        f"{options.samples} samples after {options.warmup} warmup rounds"
    )


def report(options: Options, summaries: list[Summary], ratios: list[Ratio]) -> dict[str, Any]:
    return {
        "database": _database(options),
        "encrypted": options.encrypted,
        "samples": options.samples,
        "warmup": options.warmup,
        "series": [summary.as_dict() for summary in summaries],
        "ratios": [ratio.as_dict() for ratio in ratios],
        "all_targets_met": all(ratio.met for ratio in ratios),
    }


def parse_args(argv: list[str] | None) -> Options:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    sample_arguments(parser)
    parser.add_argument(
        "--database-url",
        default=None,
        help="PostgreSQL server for the bot (a scratch database is created and dropped); "
        "default SQLite",
    )
    parser.add_argument(
        "--encrypted",
        action="store_true",
        help="encrypted platform and echo rooms; members and both bots do end-to-end encryption",
    )
    args = parse_samples(parser, argv)
    return Options(
        args.samples, args.warmup, args.json, args.database_url, args.keep, args.encrypted
    )


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    quiet_logging("nio", "bot.demo.homeserver")
    summaries, ratios = run_in_workdir(
        "signaalbench-", options.keep_workdir, lambda workdir: run_bench(options, workdir)
    )
    print(format_table(summaries, ratios, title(options)))
    write_json(options.json_path, report(options, summaries, ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())
