"""One run of a bench on a seeded history (`bench.picture`, `bench.scale`): a private Synapse,
the members and rooms, the bot's database migrated and seeded before the bot starts, then the
echo reply and the commands under test by turns."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from bench.database import bot_database
from bench.picture_history import Intake
from bench.picture_paths import Answer, Asked, Series, measure
from bench.picture_seed import Seeded, seed_history, sqlite_url
from bench.processes import BOT_DATA_DIR, both_bots
from bench.stats import Summary
from bench.world import LEADER, World, build_world, local_synapse

TARGET = 1.5  # each text answer's median against the echo reply's
# No accountability report posted at start-up for the last month of the seeded history.
BOT_SECTIONS: dict[str, Any] = {"accountability": {"enabled": False}}


@dataclass(frozen=True)
class Seeding:
    """What to seed and how to sample: `cases` repressive cases up to `now`, into PostgreSQL
    (a scratch database on the server of `database_url`) or SQLite when None."""

    cases: int
    now: datetime
    database_url: str | None
    rounds_of: tuple[int, int]  # warmup, samples
    timeout: float
    rotate: bool = False  # each round starts one command further
    synapse_database_url: str | None = None  # Synapse on PostgreSQL there; None: on SQLite


@dataclass(frozen=True)
class SeededSeries:
    seeded: Seeded
    asked: list[Asked]
    series: Series


async def _seed(world: World, seeding: Seeding, url: str) -> Seeded:
    intake = Intake(world.platform_room, sorted(world.members))
    seeded = await seed_history(url, seeding.cases, seeding.now, intake)
    logging.info("%s", seeded.line())
    return seeded


async def seeded_series(
    seeding: Seeding, workdir: Path, asked_of: Callable[[Seeded], Sequence[Asked]]
) -> SeededSeries:
    """Seed, start both bots, and measure the commands `asked_of` names for what was seeded."""
    async with (
        local_synapse(workdir / "synapse", seeding.synapse_database_url) as synapse,
        bot_database(seeding.database_url) as database_url,
    ):
        world = await build_world(synapse, None, sender_localpart=LEADER)
        try:
            url = database_url or sqlite_url(workdir / BOT_DATA_DIR)
            seeded = await _seed(world, seeding, url)
            asked = list(asked_of(seeded))
            async with both_bots(world, workdir, database_url, **BOT_SECTIONS):
                series = await measure(
                    world, asked, seeding.rounds_of, seeding.timeout, rotate=seeding.rotate
                )
        finally:
            await world.sender.close()
    return SeededSeries(seeded, asked, series)


def echo_summaries(series: Series) -> tuple[Summary, Summary]:
    """The echo reply, seen in sync and by server timestamps."""
    return (
        Summary("echo reply", [ms for ms, _ in series.echo]),
        Summary("echo reply, server ts", [server for _, server in series.echo]),
    )


def replies(label: str, answers: list[Answer]) -> list[Summary]:
    """A command's text reply, seen in sync and by server timestamps."""
    return [
        Summary(f"{label} text reply", [a.reply_ms for a in answers]),
        Summary(f"{label} text reply, server ts", [a.reply_server_ms for a in answers]),
    ]
