"""How fast signaalbot starts with many open reminders, and how much memory it takes, next to
the same bot with none and the echo bot, on one Synapse.

    python -m bench.startup [--reminders 10000] [--overdue 20] [--rounds 3] [--settle 10]
                            [--json F] [--keep] [--database-url URL]

Two databases are seeded before any bot starts (bench/startup_seed.py): one with `--reminders`
open reminders (of which `--overdue` are already due), one with none. Each round starts the echo
bot, then signaalbot on the empty database, then signaalbot on the full one, one after the
other, each until ready and `--settle` seconds more, then stops it. See bench/README.md
("Start-up").
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.database import bot_database
from bench.entry import quiet_logging, run_in_workdir, write_json
from bench.picture_seed import sqlite_url
from bench.processes import signaalbot_config
from bench.startup_process import Start, start_echo, start_signaalbot
from bench.startup_seed import Seeded, seed_reminders
from bench.stats import percentile
from bench.world import World, build_world, local_synapse

TARGET_READY_S = 3.0
TARGET_RSS_MB = 200.0
EMPTY, FULL = "signaalbot, 0 reminders", "signaalbot, {n} reminders"
# No accountability report for the month before the seeded first start is posted while measured.
BOT_SECTIONS: dict[str, Any] = {"accountability": {"enabled": False}}


@dataclass(frozen=True)
class Options:
    reminders: int = 10_000
    overdue: int = 20
    rounds: int = 3
    settle: float = 10.0
    database_url: str | None = None
    json_path: Path | None = None
    keep_workdir: bool = False

    @property
    def database(self) -> str:
        return "postgresql" if self.database_url else "sqlite"


@dataclass(frozen=True)
class Outcome:
    seeded: Seeded
    starts: list[Start]

    def of(self, name: str) -> list[Start]:
        return [start for start in self.starts if start.name == name]


def _median(values: list[float]) -> float:
    return percentile(values, 0.5)


async def _seed(world: World, options: Options, urls: dict[str, str]) -> Seeded:
    now = datetime.now(UTC)
    person = next(iter(world.members))
    await seed_reminders(urls[EMPTY], 0, 0, now, person, world.platform_room)
    full = urls[FULL.format(n=options.reminders)]
    return await seed_reminders(
        full, options.reminders, options.overdue, now, person, world.platform_room
    )


async def run_bench(options: Options, workdir: Path) -> Outcome:
    full = FULL.format(n=options.reminders)
    async with (
        local_synapse(workdir / "synapse") as synapse,
        bot_database(options.database_url) as empty_url,
        bot_database(options.database_url) as full_url,
    ):
        world = await build_world(synapse, None)
        await world.sender.close()
        dirs = {EMPTY: workdir / "bot-empty", full: workdir / "bot-full"}
        urls = {EMPTY: empty_url, full: full_url}
        configs = {
            name: signaalbot_config(
                world.homeserver,
                world.signaalbot,
                world.platform_room,
                world.members,
                dirs[name],
                urls[name],
                **BOT_SECTIONS,
            )
            for name in dirs
        }
        for name, config in configs.items():  # each data dir its own crypto store and device
            config["matrix"]["device_id"] = "STARTUPEMPTY" if name == EMPTY else "STARTUPFULL"
        seeded = await _seed(world, options, {n: urls[n] or sqlite_url(dirs[n]) for n in dirs})
        print(f"seeded {json.dumps(seeded.as_dict())}")
        starts: list[Start] = []
        for index in range(options.rounds):
            starts.append(
                await start_echo(
                    world.homeserver, world.echo, world.echo_room, workdir, options.settle
                )
            )
            for name, config in configs.items():
                log_name = f"{'empty' if name == EMPTY else 'full'}-{index + 1}"
                starts.append(
                    await start_signaalbot(name, log_name, config, workdir, options.settle)
                )
            print(" | ".join(f"{s.name}: {s.ready_s:.2f} s" for s in starts[-3:]))
    return Outcome(seeded, starts)


def _row(name: str, starts: list[Start]) -> str:
    ready = _median([s.ready_s for s in starts])
    at_ready = _median([s.rss_at_ready_mb for s in starts])
    steady = _median([s.rss_steady_mb for s in starts])
    peak = max(s.peak_rss_mb for s in starts)
    jobs = starts[0].jobs
    clocks = [s.clock_s for s in starts if s.clock_s is not None]
    clock = f"{_median(clocks):.3f}" if clocks else ""
    return (
        f"{name:<28} {ready:>8.2f} {at_ready:>10.1f} {steady:>10.1f} {peak:>9.1f}"
        f" {'' if jobs is None else jobs:>6} {clock:>8}"
        f"   ready s: {', '.join(f'{s.ready_s:.2f}' for s in starts)}"
    )


def report(options: Options, outcome: Outcome) -> str:
    full = outcome.of(FULL.format(n=options.reminders))
    ready = _median([s.ready_s for s in full])
    peak = max(s.peak_rss_mb for s in full)
    lines = [
        f"signaalbot start-up: {options.database}, {options.reminders} open reminders "
        f"({options.overdue} overdue), {options.rounds} rounds, {options.settle:.0f} s settle",
        "",
        f"{'':<28} {'ready s':>8} {'RSS@ready':>10} {'RSS steady':>10} {'peak RSS':>9} "
        f"{'jobs':>6} {'clock s':>8}   (medians; MB; peak = highest VmHWM)",
    ]
    names = ["echo bot", EMPTY, FULL.format(n=options.reminders)]
    lines += [_row(name, outcome.of(name)) for name in names]
    lines += [
        f"overdue reminders sent at start-up (first round): {full[0].sent}",
        "",
        f"ready: median {ready:.2f} s (target < {TARGET_READY_S:.0f} s, "
        f"{'met' if ready < TARGET_READY_S else 'MISSED'}); "
        f"peak RSS {peak:.1f} MB (target < {TARGET_RSS_MB:.0f} MB, "
        f"{'met' if peak < TARGET_RSS_MB else 'MISSED'})",
    ]
    return "\n".join(lines)


def results(options: Options, outcome: Outcome) -> dict[str, Any]:
    full = outcome.of(FULL.format(n=options.reminders))
    ready = _median([s.ready_s for s in full])
    peak = max(s.peak_rss_mb for s in full)
    return {
        "database": options.database,
        "reminders": options.reminders,
        "overdue": options.overdue,
        "rounds": options.rounds,
        "settle_s": options.settle,
        "seeded": outcome.seeded.as_dict(),
        "starts": [start.as_dict() for start in outcome.starts],
        "ready_median_s": round(ready, 3),
        "peak_rss_mb": round(peak, 1),
        "targets": {
            "ready_s": TARGET_READY_S,
            "rss_mb": TARGET_RSS_MB,
            "met": ready < TARGET_READY_S and peak < TARGET_RSS_MB,
        },
    }


def parse_args(argv: list[str] | None) -> Options:
    parser = argparse.ArgumentParser(prog="python -m bench.startup", description=__doc__)
    add = parser.add_argument
    add("--reminders", type=int, default=10_000, help="open reminders in the full database")
    add("--overdue", type=int, default=20, help="of which already due at start")
    add("--rounds", type=int, default=3, help="starts of each bot")
    add("--settle", type=float, default=10.0, help="seconds each bot runs after ready")
    add("--database-url", default=None, help="PostgreSQL server (scratch databases); or SQLite")
    add("--json", type=Path, default=None, help="also write results here")
    add("--keep", action="store_true", help="keep the work dir (logs)")
    args = parser.parse_args(argv)
    if args.reminders < 0 or not 0 <= args.overdue <= args.reminders or args.rounds < 1:
        parser.error("need --reminders >= --overdue >= 0 and --rounds >= 1")
    return Options(
        reminders=args.reminders,
        overdue=args.overdue,
        rounds=args.rounds,
        settle=args.settle,
        database_url=args.database_url,
        json_path=args.json,
        keep_workdir=args.keep,
    )


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    quiet_logging("nio", "bot.demo")
    outcome = run_in_workdir(
        "signaalbench-startup-", options.keep_workdir, lambda workdir: run_bench(options, workdir)
    )
    print(report(options, outcome))
    write_json(options.json_path, results(options, outcome))
    return 0


if __name__ == "__main__":
    sys.exit(main())
