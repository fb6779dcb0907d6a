"""How fast signaalbot answers a ``!signaal`` while the previous signal's incident room is still
being set up, against the echo bot's reply, on one Synapse.

    python -m bench.busy [--samples 20] [--warmup 3] [--json F] [--keep] [--database-url URL]

See bench/README.md ("Answer under room work") for what is measured.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from dataclasses import dataclass, field
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
from bench.latency_paths import echo_sample, edit_of, room_named
from bench.processes import both_bots
from bench.sampling import SAMPLE_TIMEOUT, elapsed_ms, rounds, send_command
from bench.stats import Ratio, Summary
from bench.world import REGION, World, build_world, local_synapse

ECHO = "echo reply"
CALM = "(a) signaalbot reply, calm"
BUSY = "(c) signaalbot reply, previous room being set up"
TARGET = 1.5


@dataclass(frozen=True)
class Options(SampleOptions):
    database_url: str | None = None


@dataclass
class Samples:
    echo: list[float] = field(default_factory=list)
    calm: list[float] = field(default_factory=list)
    busy: list[float] = field(default_factory=list)
    busy_room_started: list[bool] = field(default_factory=list)


def _command(title: str) -> str:
    return f"!signaal {title}; regio: {REGION}"


async def _settled(world: World, replies: list[dict[str, Any]]) -> None:
    """Until the bot has edited these replies to link their rooms: its work for them is done."""
    for reply in replies:
        await world.sender.wait_for_event(
            edit_of(world.platform_room, reply["event_id"]), SAMPLE_TIMEOUT
        )


async def calm_sample(world: World, tag: str) -> float:
    """A signal with nothing else going on; the sample ends once its room is there."""
    title = f"Rustig {tag}, Plaats {tag}"
    started, event_id = await send_command(world.sender, world.platform_room, _command(title))
    reply = await world.sender.wait_for_reply(world.platform_room, event_id, SAMPLE_TIMEOUT)
    reply_ms = elapsed_ms(started)
    await _settled(world, [reply])
    return reply_ms


async def busy_sample(world: World, tag: str) -> tuple[float, bool]:
    """A first signal; as soon as its answer is seen (its room is being set up now), a second
    one, timed until its answer. Also says whether the first room's invite came only after the
    second command was sent (the room was still being set up, as intended)."""
    member = world.sender
    first = f"Eerste {tag}, Plaats {tag}"
    second = f"Tweede {tag}, Plaats {tag}"
    _, first_event = await send_command(member, world.platform_room, _command(first))
    first_reply = await member.wait_for_reply(world.platform_room, first_event, SAMPLE_TIMEOUT)
    invited_before = _has_invite(world, first)
    started, event_id = await _send_now(world, _command(second))
    second_reply = await member.wait_for_reply(world.platform_room, event_id, SAMPLE_TIMEOUT)
    reply_ms = elapsed_ms(started)
    await _settled(world, [first_reply, second_reply])
    return reply_ms, not invited_before


async def _send_now(world: World, body: str) -> tuple[float, str]:
    """Send without the pause and catch-up sync a sample starts with."""
    started = time.perf_counter()
    return started, await world.sender.send_text(world.platform_room, body)


def _has_invite(world: World, title: str) -> bool:
    named = room_named(lambda found: found.endswith(f" · {title}"))
    return any(named(room_id, state) for room_id, state in world.sender.pending_invites().items())


async def measure(world: World, warmup: int, samples: int) -> Samples:
    measured = Samples()
    for tag, warm in rounds(warmup, samples):
        echo_ms, _ = await echo_sample(world, tag)
        calm_ms = await calm_sample(world, tag)
        busy_ms, room_pending = await busy_sample(world, tag)
        if warm:
            continue
        measured.echo.append(echo_ms)
        measured.calm.append(calm_ms)
        measured.busy.append(busy_ms)
        measured.busy_room_started.append(room_pending)
        logging.info(
            "sample %s: echo %.0f, calm %.0f, busy %.0f ms", tag, echo_ms, calm_ms, busy_ms
        )
    return measured


async def run_bench(options: Options, workdir: Path) -> tuple[list[Summary], list[Ratio]]:
    async with (
        local_synapse(workdir / "synapse", options.synapse_database_url) as synapse,
        bot_database(options.database_url) as database_url,
    ):
        world = await build_world(synapse, None)
        try:
            async with both_bots(world, workdir, database_url):
                samples = await measure(world, options.warmup, options.samples)
        finally:
            await world.sender.close()
    pending = sum(samples.busy_room_started)
    logging.info("first room still being set up in %s of %s busy samples", pending, options.samples)
    echo, calm, busy = (
        Summary(ECHO, samples.echo),
        Summary(CALM, samples.calm),
        Summary(BUSY, samples.busy),
    )
    ratios = [
        Ratio("(a) / echo", calm, echo, target=None),
        Ratio("(c) / echo", busy, echo, target=TARGET),
    ]
    return [echo, calm, busy], ratios


def _database(options: Options) -> str:
    return "postgresql" if options.database_url else "sqlite"


def title(options: Options) -> str:
    return (
        f"signaalbot answer under room work vs echo bot: {_database(options)}, "
        f"{options.homeserver}, "
        f"{options.samples} samples after {options.warmup} warmup rounds"
    )


def report(options: Options, summaries: list[Summary], ratios: list[Ratio]) -> dict[str, Any]:
    return {
        **latency_results(options, _database(options), False, summaries, ratios),
        "all_targets_met": all(ratio.met for ratio in ratios if ratio.target is not None),
    }


def parse_args(argv: list[str] | None) -> Options:
    parser = argparse.ArgumentParser(prog="python -m bench.busy", description=__doc__)
    sample_arguments(parser)
    parser.add_argument("--database-url", default=None, help="PostgreSQL server; default SQLite")
    args = parse_samples(parser, argv)
    return Options(
        **sample_fields(args),
        database_url=args.database_url,
    )


def main(argv: list[str] | None = None) -> int:
    return latency_main("signaalbusy-", parse_args(argv), run_bench, title, report)


if __name__ == "__main__":
    sys.exit(main())
