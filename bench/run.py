"""Latency of signaalbot against a minimal matrix-nio bot, on one private Synapse.

    python -m bench.run [--samples 30] [--warmup 5] [--json results.json] [--encrypted]
                        [--reminder-bot [VENV]]
                        [--database-url postgresql+asyncpg://postgres@127.0.0.1:5432/postgres]

See bench/README.md for what is measured.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.database import bot_database
from bench.entry import (
    SampleOptions,
    latency_main,
    latency_results,
    parse_samples,
    sample_arguments,
    sample_fields,
)
from bench.latency_paths import Samples, measure
from bench.processes import EchoProcess, both_bots
from bench.reminder_bot import DEFAULT_VENV, reference_bot
from bench.stats import Ratio, Summary
from bench.world import World, build_world, local_synapse
from bot.demo.homeserver import LocalSynapse

REPLY_TARGET = 1.15  # (a) against the echo reply, medians
ROOM_TARGET = 1.5  # (b) against the echo bot's bare room creation
REMINDME_TARGET = 0.9  # (a) against matrix-reminder-bot's !remindme

ECHO = "echo reply"
ECHO_ROOM = "echo + bare room creation"
ROOM_CREATE = "room_create call (echo bot)"
BOT_REPLY = "(a) signaalbot reply"
BOT_ROOM = "(b) signaalbot incident room"
ECHO_SERVER = "echo reply, server timestamps"
BOT_REPLY_SERVER = "(a) reply, server timestamps"
REMINDME = "(r) matrix-reminder-bot !remindme"


@dataclass(frozen=True)
class Options(SampleOptions):
    database_url: str | None = None
    encrypted: bool = False  # members and both bots do end-to-end encryption, rooms encrypted
    reminder_bot: Path | None = None  # its virtual environment: !remindme measured side by side


async def run_bench(options: Options, workdir: Path) -> tuple[list[Summary], list[Ratio]]:
    async with (
        local_synapse(workdir / "synapse", options.synapse_database_url) as synapse,
        bot_database(options.database_url) as database_url,
    ):
        world = await build_world(synapse, workdir / "members" if options.encrypted else None)
        try:
            async with both_bots(
                world,
                workdir,
                database_url,
                workdir / "echo-crypto" if options.encrypted else None,
            ) as echo:
                samples = await _measure(synapse, world, options, workdir)
                room_create = _room_create_times(echo, samples.echo_room_names)
        finally:
            await world.sender.close()
    return summarise(samples, room_create)


async def _measure(synapse: LocalSynapse, world: World, options: Options, workdir: Path) -> Samples:
    if options.reminder_bot is None:
        return await measure(world, options.warmup, options.samples)
    async with reference_bot(
        synapse, world, options.reminder_bot, workdir / "reminder-bot"
    ) as reference:
        return await measure(world, options.warmup, options.samples, reference)


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
        Ratio("(a) / echo", reply, echo, target=REPLY_TARGET),
        Ratio("(b) / (echo + bare room creation)", room, echo_room, target=ROOM_TARGET),
    ]
    if samples.remindme:
        remindme = Summary(REMINDME, samples.remindme)
        summaries.insert(4, remindme)
        ratios.append(Ratio("(a) / (r)", reply, remindme, target=REMINDME_TARGET))
    return summaries, ratios


def _database(options: Options) -> str:
    return "postgresql" if options.database_url else "sqlite"


def title(options: Options) -> str:
    rooms = "encrypted rooms (end-to-end)" if options.encrypted else "unencrypted rooms"
    return (
        f"signaalbot vs echo bot: {rooms}, {_database(options)}, {options.homeserver}, "
        f"{options.samples} samples after {options.warmup} warmup rounds"
    )


def report(options: Options, summaries: list[Summary], ratios: list[Ratio]) -> dict[str, Any]:
    return {
        **latency_results(options, _database(options), options.encrypted, summaries, ratios),
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
    parser.add_argument(
        "--reminder-bot",
        nargs="?",
        type=Path,
        const=DEFAULT_VENV,
        default=None,
        help="also time matrix-reminder-bot's !remindme (installed from PyPI in this virtual "
        f"environment, made if missing; default {DEFAULT_VENV})",
    )
    args = parse_samples(parser, argv)
    return Options(
        **sample_fields(args),
        database_url=args.database_url,
        encrypted=args.encrypted,
        reminder_bot=args.reminder_bot,
    )


def main(argv: list[str] | None = None) -> int:
    return latency_main("signaalbench-", parse_args(argv), run_bench, title, report)


if __name__ == "__main__":
    sys.exit(main())
