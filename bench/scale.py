"""How fast signaalbot answers ``!zaken``, ``!status`` and ``!agenda`` on 100,000 cases and a
million timeline entries, against the echo bot's reply, on one Synapse.

    python -m bench.scale [--samples 20] [--warmup 3] [--cases 100000] [--also '!acties']
                          [--timeout 60] [--json F] [--keep] [--database-url URL]

The database is seeded as for `bench.picture` (bench/picture_seed.py) before the bot starts;
`!status` asks for the case with the longest timeline. See bench/README.md ("Scale").
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
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
from bench.picture_paths import Asked
from bench.picture_seed import DEFAULT_CASES, Seeded
from bench.seeded_run import TARGET, SeededSeries, Seeding, echo_summaries, replies, seeded_series
from bench.stats import Ratio, Summary, format_table

#: The commands with a target; `{busiest}` is the case with the longest timeline.
TARGETED = ("!zaken", "!status {busiest}", "!agenda")


@dataclass(frozen=True)
class Options(SampleOptions):
    cases: int = DEFAULT_CASES
    database_url: str | None = None
    also: tuple[str, ...] = field(default=())  # measured too, without a target
    timeout: float = 60.0

    @property
    def database(self) -> str:
        return "postgresql" if self.database_url else "sqlite"


def commands(options: Options, seeded: Seeded) -> list[Asked]:
    """What each round asks after the echo: the targeted commands, then `--also`."""
    return [Asked(body.format(busiest=seeded.busiest)) for body in (*TARGETED, *options.also)]


def summarise(run: SeededSeries) -> tuple[list[Summary], list[Ratio]]:
    """Each command's text reply next to the echo reply; a target on the first three."""
    echo, echo_server = echo_summaries(run.series)
    summaries, ratios = [echo, echo_server], []
    for index, (asked, answers) in enumerate(zip(run.asked, run.series.answers, strict=True)):
        label = f"({chr(ord('a') + index)}) {asked.body}"
        reply, server = replies(label, answers)
        target = TARGET if index < len(TARGETED) else None
        summaries += [reply, server]
        ratios += [
            Ratio(f"{label} / echo", reply, echo, target),
            Ratio(f"{label} / echo, server ts", server, echo_server),
        ]
    return summaries, ratios


async def run_bench(options: Options, workdir: Path) -> SeededSeries:
    seeding = Seeding(
        options.cases,
        datetime.now(UTC),
        options.database_url,
        (options.warmup, options.samples),
        options.timeout,
        rotate=True,
        synapse_database_url=options.synapse_database_url,
    )
    return await seeded_series(seeding, workdir, lambda seeded: commands(options, seeded))


def title(options: Options, run: SeededSeries) -> str:
    entries = run.seeded.rows["timeline_entries"]
    return (
        f"signaalbot at scale vs echo bot: unencrypted rooms, {options.database}, "
        f"{options.homeserver}, "
        f"{run.seeded.repressive} cases and {entries} timeline entries seeded, "
        f"{options.samples} samples after {options.warmup} warmup rounds"
    )


def report(
    options: Options, run: SeededSeries, ratios: list[Ratio], summaries: list[Summary]
) -> dict[str, Any]:
    targeted = [ratio for ratio in ratios if ratio.target is not None]
    return {
        **latency_results(options, options.database, False, summaries, ratios),
        "commands": [asked.body for asked in run.asked],
        "seeding": run.seeded.as_dict(),
        "all_targets_met": all(ratio.met for ratio in targeted),
    }


def parse_args(argv: list[str] | None) -> Options:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__)
    sample_arguments(parser)
    parser.set_defaults(samples=20, warmup=3)
    add = parser.add_argument
    add("--cases", type=int, default=DEFAULT_CASES, help="repressive cases seeded")
    add("--database-url", default=None, help="PostgreSQL server (scratch database); or SQLite")
    add("--also", action="append", default=[], help="another command to measure (no target)")
    add("--timeout", type=float, default=60.0, help="seconds a sample may take")
    args = parse_samples(parser, argv)
    if args.cases < 1:
        parser.error("--cases must be at least 1")
    return Options(
        **sample_fields(args),
        cases=args.cases,
        database_url=args.database_url,
        also=tuple(args.also),
        timeout=args.timeout,
    )


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    quiet_logging("nio", "bot.demo", "alembic")
    run = run_in_workdir(
        "signaalbench-scale-", options.keep_workdir, lambda workdir: run_bench(options, workdir)
    )
    summaries, ratios = summarise(run)
    print(format_table(summaries, ratios, title(options, run)))
    print(run.seeded.line())
    write_json(options.json_path, report(options, run, ratios, summaries))
    return 0


if __name__ == "__main__":
    sys.exit(main())
