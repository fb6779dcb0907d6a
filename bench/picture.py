"""How fast signaalbot answers ``!beeld`` and ``!risico`` over five years of history, against
the echo bot's reply, on one Synapse.

    python -m bench.picture [--samples 20] [--warmup 3] [--cases 100000] [--year YEAR]
                            [--picture-command '!beeld {year}'] [--images 1]
                            [--risk-command '!risico {year}'] [--chart-msgtype m.image]
                            [--timeout 60] [--json F] [--keep] [--database-url URL]

Before the bot starts its database is seeded (bench/picture_seed.py). See bench/README.md
("Picture") for what is measured.
"""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.database import bot_database
from bench.entry import (
    SampleOptions,
    latency_results,
    parse_samples,
    quiet_logging,
    run_in_workdir,
    sample_arguments,
    write_json,
)
from bench.picture_history import Intake
from bench.picture_paths import Answer, Asked, Series, measure
from bench.picture_seed import DEFAULT_CASES, ZONE, Seeded, seed_history, sqlite_url
from bench.processes import BOT_DATA_DIR, both_bots
from bench.stats import Ratio, Summary, format_table
from bench.world import LEADER, World, build_world, local_synapse

TARGET = 1.5  # each text answer's median against the echo reply's
# No accountability report posted at start-up for the last month of the seeded history.
BOT_SECTIONS: dict[str, Any] = {"accountability": {"enabled": False}}


@dataclass(frozen=True)
class Options(SampleOptions):
    cases: int = DEFAULT_CASES
    database_url: str | None = None
    year: int | None = None  # None: the year before the current one
    picture_command: str = "!beeld {year}"
    risk_command: str = "!risico {year}"
    images: int = 1
    chart_msgtype: str = "m.image"
    timeout: float = 60.0

    @property
    def database(self) -> str:
        return "postgresql" if self.database_url else "sqlite"


@dataclass(frozen=True)
class PictureRun:
    year: int
    picture: Asked
    risk: Asked
    seeded: Seeded
    summaries: list[Summary]
    ratios: list[Ratio]


def asked(options: Options, year: int) -> tuple[Asked, Asked]:
    picture = options.picture_command.format(year=year)
    risk = options.risk_command.format(year=year)
    return (
        Asked(picture, options.images, options.chart_msgtype),
        Asked(risk, 0, options.chart_msgtype),
    )


async def _seed(world: World, options: Options, url: str, now: datetime) -> Seeded:
    intake = Intake(world.platform_room, sorted(world.members))
    seeded = await seed_history(url, options.cases, now, intake)
    logging.info("%s", seeded.line())
    return seeded


async def run_bench(options: Options, workdir: Path) -> PictureRun:
    now = datetime.now(UTC)
    year = options.year or now.astimezone(ZONE).year - 1
    picture, risk = asked(options, year)
    async with (
        local_synapse(workdir / "synapse") as synapse,
        bot_database(options.database_url) as database_url,
    ):
        world = await build_world(synapse, None, sender_localpart=LEADER)
        try:
            url = database_url or sqlite_url(workdir / BOT_DATA_DIR)
            seeded = await _seed(world, options, url, now)
            async with both_bots(world, workdir, database_url, **BOT_SECTIONS):
                series = await measure(
                    world, picture, risk, (options.warmup, options.samples), options.timeout
                )
        finally:
            await world.sender.close()
    return PictureRun(year, picture, risk, seeded, *summarise(series, picture, risk))


def _replies(label: str, answers: list[Answer]) -> list[Summary]:
    """A command's text reply, seen in sync and by server timestamps."""
    return [
        Summary(f"{label} text reply", [a.reply_ms for a in answers]),
        Summary(f"{label} text reply, server ts", [a.reply_server_ms for a in answers]),
    ]


def _charts(label: str, answers: list[Answer]) -> list[Summary]:
    """Its first chart, likewise."""
    return [
        Summary(f"{label} first chart", [a.chart_ms for a in answers if a.chart_ms is not None]),
        Summary(
            f"{label} first chart, server ts",
            [a.chart_server_ms for a in answers if a.chart_server_ms is not None],
        ),
    ]


def summarise(series: Series, picture: Asked, risk: Asked) -> tuple[list[Summary], list[Ratio]]:
    echo = Summary("echo reply", [ms for ms, _ in series.echo])
    echo_server = Summary("echo reply, server ts", [server for _, server in series.echo])
    drawn = _replies(f"(e) {picture.body}", series.picture)
    charts = _charts(f"(f) {picture.body}", series.picture) if picture.charts else []
    ranked = _replies(f"(g) {risk.body}", series.risk)
    ratios = [
        Ratio(f"(e) {picture.body} text / echo", drawn[0], echo, TARGET),
        Ratio(f"(e) {picture.body} text / echo, server ts", drawn[1], echo_server),
    ]
    if charts:
        ratios.append(Ratio(f"(f) {picture.body} first chart / echo", charts[0], echo))
    ratios += [
        Ratio(f"(g) {risk.body} / echo", ranked[0], echo, TARGET),
        Ratio(f"(g) {risk.body} / echo, server ts", ranked[1], echo_server),
    ]
    return [echo, echo_server, *drawn, *charts, *ranked], ratios


def title(options: Options, run: PictureRun) -> str:
    return (
        f"signaalbot picture vs echo bot: unencrypted rooms, {options.database}, "
        f"{run.seeded.repressive} cases seeded, year {run.year}, "
        f"{options.samples} samples after {options.warmup} warmup rounds"
    )


def report(options: Options, run: PictureRun) -> dict[str, Any]:
    targeted = [ratio for ratio in run.ratios if ratio.target is not None]
    return {
        **latency_results(options, options.database, False, run.summaries, run.ratios),
        "year": run.year,
        "picture_command": run.picture.body,
        "charts_expected": run.picture.charts,
        "risk_command": run.risk.body,
        "seeding": run.seeded.as_dict(),
        "all_targets_met": all(ratio.met for ratio in targeted),
    }


def _arguments(parser: argparse.ArgumentParser) -> None:
    sample_arguments(parser)
    parser.set_defaults(samples=20, warmup=3)
    add = parser.add_argument
    add("--cases", type=int, default=DEFAULT_CASES, help="repressive cases seeded")
    add("--database-url", default=None, help="PostgreSQL server (scratch database); or SQLite")
    add("--year", type=int, default=None, help="the year asked for (default: last year)")
    add("--picture-command", default="!beeld {year}", help="the picture command ({year})")
    add("--images", type=int, default=1, help="charts the picture command answers with")
    add("--chart-msgtype", default="m.image", help="msgtype of the charts (m.file: a stand-in)")
    add("--risk-command", default="!risico {year}", help="the risk command ({year})")
    add("--timeout", type=float, default=60.0, help="seconds a sample may take")


def parse_args(argv: list[str] | None) -> Options:
    parser = argparse.ArgumentParser(prog="python -m bench.picture", description=__doc__)
    _arguments(parser)
    args = parse_samples(parser, argv)
    if args.cases < 1 or args.images < 0:
        parser.error("--cases must be at least 1 and --images at least 0")
    return Options(
        samples=args.samples,
        warmup=args.warmup,
        json_path=args.json,
        keep_workdir=args.keep,
        cases=args.cases,
        database_url=args.database_url,
        year=args.year,
        picture_command=args.picture_command,
        risk_command=args.risk_command,
        images=args.images,
        chart_msgtype=args.chart_msgtype,
        timeout=args.timeout,
    )


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    quiet_logging("nio", "bot.demo", "alembic")
    run = run_in_workdir(
        "signaalbench-picture-", options.keep_workdir, lambda workdir: run_bench(options, workdir)
    )
    print(format_table(run.summaries, run.ratios, title(options, run)))
    print(run.seeded.line())
    write_json(options.json_path, report(options, run))
    return 0


if __name__ == "__main__":
    sys.exit(main())
