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
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.entry import (
    SampleOptions,
    latency_results,
    parse_samples,
    quiet_logging,
    run_in_workdir,
    sample_arguments,
    sample_fields,
    write_json,
)
from bench.picture_paths import Answer, Asked, Series
from bench.picture_seed import DEFAULT_CASES, ZONE, Seeded
from bench.seeded_run import TARGET, Seeding, echo_summaries, replies, seeded_series
from bench.stats import Ratio, Summary, format_table


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


async def run_bench(options: Options, workdir: Path) -> PictureRun:
    now = datetime.now(UTC)
    year = options.year or now.astimezone(ZONE).year - 1
    picture, risk = asked(options, year)
    seeding = Seeding(
        options.cases,
        now,
        options.database_url,
        (options.warmup, options.samples),
        options.timeout,
        synapse_database_url=options.synapse_database_url,
    )
    run = await seeded_series(seeding, workdir, lambda _seeded: (picture, risk))
    return PictureRun(year, picture, risk, run.seeded, *summarise(run.series, picture, risk))


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
    echo, echo_server = echo_summaries(series)
    pictures, risks = series.answers
    drawn = replies(f"(e) {picture.body}", pictures)
    charts = _charts(f"(f) {picture.body}", pictures) if picture.charts else []
    ranked = replies(f"(g) {risk.body}", risks)
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
        **sample_fields(args),
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
