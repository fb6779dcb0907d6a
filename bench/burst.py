"""A burst of signals from several members at once, against bare room creation, on one Synapse.

    python -m bench.burst [--signals 500] [--senders 5] [--timeout 1800] [--json F] [--keep]
                          [--database-url URL]

See bench/README.md ("Burst") for what is measured and checked.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.burst_check import Checked, check_platform_room
from bench.database import bot_database
from bench.echo_bot import ROOM_PREFIX
from bench.entry import (
    homeserver_argument,
    homeserver_label,
    quiet_logging,
    run_in_workdir,
    write_json,
)
from bench.processes import both_bots
from bench.world import LEADER, REGION, World, build_world, local_synapse
from bot.demo.member import MemberClient

TARGET = 0.8  # the bot's throughput against bare room creation
SENDERS = ("iszw", "nvwa", "rivm", "vr06", "ggd06")


@dataclass(frozen=True)
class Options:
    signals: int = 500
    senders: int = 5
    timeout: float = 1800.0
    database_url: str | None = None
    json_path: Path | None = None
    keep_workdir: bool = False
    synapse_database_url: str | None = None  # Synapse on PostgreSQL there; None: on SQLite


def _split(total: int, senders: int) -> list[int]:
    """How many commands each sender sends: as even as possible."""
    return [total // senders + (1 if index < total % senders else 0) for index in range(senders)]


async def _send_all(client: MemberClient, room_id: str, bodies: list[str]) -> None:
    for body in bodies:
        await client.send_text(room_id, body)


async def _invited(observer: MemberClient, prefix: str, count: int, timeout: float) -> float:
    """Until the observer holds `count` invites to rooms whose name contains `prefix`; the
    `perf_counter` at that moment."""
    deadline = time.monotonic() + timeout
    while _count_named(observer, prefix) < count:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{_count_named(observer, prefix)} of {count} rooms by the timeout")
        await observer.sync_once(5.0)
    return time.perf_counter()


def _count_named(observer: MemberClient, prefix: str) -> int:
    """Invites held to rooms with different names that contain `prefix`."""
    names = {
        name
        for state in observer.pending_invites().values()
        for event in state
        if event.get("type") == "m.room.name"
        and prefix in (name := str((event.get("content") or {}).get("name", "")))
    }
    return len(names)


async def burst(senders: dict[str, MemberClient], room_id: str, bodies: list[str]) -> float:
    """Every sender sends its share of `bodies` one after the other, all senders at once; the
    `perf_counter` when the first was sent."""
    shares = _split(len(bodies), len(senders))
    started = time.perf_counter()
    offset = 0
    tasks = []
    for client, share in zip(senders.values(), shares, strict=True):
        tasks.append(_send_all(client, room_id, bodies[offset : offset + share]))
        offset += share
    await asyncio.gather(*tasks)
    return started


async def run_bench(options: Options, workdir: Path) -> dict[str, Any]:
    async with (
        local_synapse(workdir / "synapse", options.synapse_database_url) as synapse,
        bot_database(options.database_url) as database_url,
    ):
        world = await build_world(synapse, None)
        senders = await _log_in(world, SENDERS[: options.senders])
        observer = senders.get(LEADER) or await _log_in_one(world, LEADER)
        await observer.sync_once(0.001)
        try:
            async with both_bots(world, workdir, database_url):
                return await _measure(world, senders, observer, options)
        finally:
            for client in {*senders.values(), observer, world.sender}:
                await client.close()


async def _measure(
    world: World, senders: dict[str, MemberClient], observer: MemberClient, options: Options
) -> dict[str, Any]:
    count = options.signals
    echo_bodies = [f"{ROOM_PREFIX}Kale kamer {index}" for index in range(count)]
    started = await burst(senders, world.echo_room, echo_bodies)
    echo_done = await _invited(observer, "Kale kamer", count, options.timeout)
    echo_seconds = echo_done - started
    logging.info("bare room creation: %s rooms in %.1f s", count, echo_seconds)
    titles = [f"Piek {index}, Plaats {index}" for index in range(count)]
    bot_bodies = [f"!signaal {title}; regio: {REGION}" for title in titles]
    started = await burst(senders, world.platform_room, bot_bodies)
    bot_done = await _invited(observer, "· Piek ", count, options.timeout)
    bot_seconds = bot_done - started
    logging.info("signaalbot: %s incident rooms in %.1f s", count, bot_seconds)
    checked = await check_platform_room(observer, world, bot_bodies, titles)
    return _results(options, echo_seconds, bot_seconds, checked)


def _results(
    options: Options, echo_seconds: float, bot_seconds: float, checked: Checked
) -> dict[str, Any]:
    ratio = echo_seconds / bot_seconds
    return {
        "database": "postgresql" if options.database_url else "sqlite",
        "homeserver": homeserver_label(options.synapse_database_url),
        "signals": options.signals,
        "senders": options.senders,
        "bare_rooms_seconds": round(echo_seconds, 2),
        "bare_rooms_per_second": round(options.signals / echo_seconds, 3),
        "signaalbot_seconds": round(bot_seconds, 2),
        "signaalbot_rooms_per_second": round(options.signals / bot_seconds, 3),
        "throughput_ratio": round(ratio, 3),
        "target": TARGET,
        "met": ratio >= TARGET and checked.complete,
        **checked.as_dict(),
    }


async def _log_in(world: World, localparts: tuple[str, ...]) -> dict[str, MemberClient]:
    return {localpart: await _log_in_one(world, localpart) for localpart in localparts}


async def _log_in_one(world: World, localpart: str) -> MemberClient:
    account = world.accounts[localpart]
    return await MemberClient.login(
        world.homeserver, account.user_id, account.password, f"bench-burst-{localpart}"
    )


def format_report(results: dict[str, Any]) -> str:
    return "\n".join(
        [
            f"burst of {results['signals']} signals from {results['senders']} members, "
            f"{results['database']}, {results['homeserver']}",
            f"bare room creation: {results['bare_rooms_seconds']} s "
            f"({results['bare_rooms_per_second']} rooms/s)",
            f"signaalbot:         {results['signaalbot_seconds']} s "
            f"({results['signaalbot_rooms_per_second']} rooms/s)",
            f"throughput ratio {results['throughput_ratio']} (target >= {TARGET})",
            f"answers: {results['answered_once']} once, {results['unanswered']} none, "
            f"{results['answered_twice']} more than once; incident rooms: "
            f"{results['rooms']} for {results['titles_with_room']} titles",
            f"all met: {results['met']}",
        ]
    )


def parse_args(argv: list[str] | None) -> Options:
    parser = argparse.ArgumentParser(prog="python -m bench.burst", description=__doc__)
    parser.add_argument("--signals", type=int, default=500, help="signals in the burst")
    parser.add_argument("--senders", type=int, default=5, choices=range(1, len(SENDERS) + 1))
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per burst")
    parser.add_argument("--database-url", default=None, help="PostgreSQL server; default SQLite")
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    parser.add_argument("--keep", action="store_true", help="keep the work dir (logs)")
    homeserver_argument(parser)
    args = parser.parse_args(argv)
    if args.signals < 1:
        parser.error("--signals must be at least 1")
    return Options(
        args.signals,
        args.senders,
        args.timeout,
        args.database_url,
        args.json,
        args.keep,
        args.synapse_database_url,
    )


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    quiet_logging("nio", "bot.demo")
    results = run_in_workdir(
        "signaalburst-", options.keep_workdir, lambda workdir: run_bench(options, workdir)
    )
    print(format_report(results))
    write_json(options.json_path, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
