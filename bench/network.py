"""How fast signaalbot answers the network's commands with a large directory, against the echo
bot's reply, on one Synapse.

    python -m bench.network [--samples 20] [--warmup 3] [--members 500] [--contacts 500]
                            [--command '!leden GGD' ...] [--json F] [--keep]
                            [--database-url URL]

The bot's configuration names the demo members and `--members` more (spread over the entities
and regions; the ids need no account, as no case invites them), and its database holds
`--contacts` contacts outside Matrix, seeded before it starts. Each round times the echo reply,
then every command's text reply, one after the other. See bench/README.md ("Network").
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
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
from bench.latency_paths import echo_sample
from bench.picture_seed import sqlite_url
from bench.processes import BOT_DATA_DIR, both_bots
from bench.sampling import SAMPLE_TIMEOUT, elapsed_ms, rounds, send_command, server_gap_ms
from bench.stats import Ratio, Summary
from bench.world import LEADER, World, build_world, local_synapse
from storage.contacts import Contact, ContactKind, ContactSource
from storage.database import Database
from storage.migrate import upgrade_to_head

TARGET = 1.25  # each answer's median against the echo reply's
COMMANDS = ("!leden GGD", "!lid {member}", "!contact VNOG", "!netwerk werken", "!grens VNOG")
ENTITIES = ("ISZW", "NVWA", "GGD", "VR", "RIVM")


@dataclass(frozen=True)
class Options(SampleOptions):
    members: int = 500
    contacts: int = 500
    commands: tuple[str, ...] = COMMANDS
    database_url: str | None = None

    @property
    def database(self) -> str:
        return "postgresql" if self.database_url else "sqlite"


def extra_members(count: int) -> dict[str, dict[str, Any]]:
    """`count` members over the entities and the 25 regions, named like people are."""
    members = {}
    for index in range(count):
        entity = ENTITIES[index % len(ENTITIES)]
        region = f"VR{index % 25 + 1:02d}" if entity in ("GGD", "VR") else None
        members[f"@lid{index}:bench.example"] = {
            "entity": entity,
            "region": region,
            "name": f"Lid {index}",
        }
    return members


async def seed_contacts(url: str, count: int) -> None:
    """The bot's database migrated, with `count` contacts spread over the regions."""
    database = Database(url)
    try:
        await upgrade_to_head(database)
        now = datetime.now(UTC)
        kinds = list(ContactKind)
        async with database.transaction() as session:
            for index in range(count):
                session.add(
                    Contact(
                        name=f"Contact {index}",
                        organisation=f"Organisatie {index % 40}",
                        kind=kinds[index % len(kinds)],
                        role="handhaving",
                        phone=f"+31201234{index % 1000:03d}",
                        email=f"contact{index}@bench.example",
                        country="DE" if index % 10 == 0 else "NL",
                        regions=[f"VR{index % 25 + 1:02d}"],
                        source=ContactSource.IMPORT,
                        added_at=now,
                        added_by="bench",
                    )
                )
    finally:
        await database.close()


@dataclass
class Series:
    echo: list[tuple[float, float]] = field(default_factory=list)
    answers: dict[str, list[tuple[float, float]]] = field(default_factory=dict)


async def command_sample(world: World, body: str) -> tuple[float, float]:
    member = world.sender
    started, event_id = await send_command(member, world.platform_room, body)
    reply = await member.wait_for_reply(world.platform_room, event_id, SAMPLE_TIMEOUT)
    elapsed = elapsed_ms(started)
    return elapsed, server_gap_ms(member, world.platform_room, event_id, reply)


async def measure(world: World, commands: list[str], options: Options) -> Series:
    series = Series(answers={body: [] for body in commands})
    for index, warm in rounds(options.warmup, options.samples):
        echo = await echo_sample(world, index)
        answers = [await command_sample(world, body) for body in commands]
        if not warm:
            series.echo.append(echo)
            for body, answer in zip(commands, answers, strict=True):
                series.answers[body].append(answer)
    return series


async def run_bench(options: Options, workdir: Path) -> tuple[list[Summary], list[Ratio]]:
    async with (
        local_synapse(workdir / "synapse", options.synapse_database_url) as synapse,
        bot_database(options.database_url) as database_url,
    ):
        world = await build_world(synapse, None, sender_localpart=LEADER)
        try:
            world.members.update(extra_members(options.members))
            await seed_contacts(
                database_url or sqlite_url(workdir / BOT_DATA_DIR), options.contacts
            )
            commands = [body.format(member="@lid7:bench.example") for body in options.commands]
            async with both_bots(world, workdir, database_url):
                series = await measure(world, commands, options)
        finally:
            await world.sender.close()
    return summarise(series)


def summarise(series: Series) -> tuple[list[Summary], list[Ratio]]:
    echo = Summary("echo reply", [ms for ms, _ in series.echo])
    echo_server = Summary("echo reply, server ts", [server for _, server in series.echo])
    summaries, ratios = [echo, echo_server], []
    for body, answers in series.answers.items():
        reply = Summary(f"{body} reply", [ms for ms, _ in answers])
        server = Summary(f"{body} reply, server ts", [s for _, s in answers])
        summaries += [reply, server]
        ratios += [
            Ratio(f"{body} / echo", reply, echo, TARGET),
            Ratio(f"{body} / echo, server ts", server, echo_server),
        ]
    return summaries, ratios


def title(options: Options) -> str:
    return (
        f"signaalbot network commands vs echo bot: {options.database}, "
        f"{options.members} extra members, {options.contacts} contacts, "
        f"{options.samples} samples after {options.warmup} warmup rounds"
    )


def parse_args(argv: list[str] | None) -> Options:
    parser = argparse.ArgumentParser(prog="python -m bench.network", description=__doc__)
    sample_arguments(parser)
    parser.set_defaults(samples=20, warmup=3)
    add = parser.add_argument
    add("--members", type=int, default=500, help="members in the directory beyond the demo's")
    add("--contacts", type=int, default=500, help="contacts outside Matrix seeded")
    add("--command", action="append", dest="commands", help="a command to time (repeatable)")
    add("--database-url", default=None, help="PostgreSQL server (scratch database); or SQLite")
    args = parse_samples(parser, argv)
    if args.members < 0 or args.contacts < 0:
        parser.error("--members and --contacts must be at least 0")
    return Options(
        **sample_fields(args),
        members=args.members,
        contacts=args.contacts,
        commands=tuple(args.commands or COMMANDS),
        database_url=args.database_url,
    )


def results(options: Options, summaries: list[Summary], ratios: list[Ratio]) -> dict[str, Any]:
    found = latency_results(options, options.database, False, summaries, ratios)
    return {**found, "members": options.members, "contacts": options.contacts}


def main(argv: list[str] | None = None) -> int:
    return latency_main("signaalbench-network-", parse_args(argv), run_bench, title, results)


if __name__ == "__main__":
    sys.exit(main())
