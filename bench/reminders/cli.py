"""Punctuality of signaalbot's reminders against a bare APScheduler + matrix-nio bot.

    python -m bench.reminders [--cases 70] [--spread 5] [--repressive 90] [--json PATH] [--keep]

One private Synapse, the demo-like members and signaalbot as a subprocess (SQLite in a temporary
directory) with a window of seconds: every case gets three ladder reminders and one deadline
escalation. Afterwards a bare baseline bot (its own process, started by this module as
``python -m bench.reminders baseline-bot``) sends one plain ``m.notice`` per reminder on the
same pattern of due times. See bench/README.md ("Reminder punctuality") for what is measured.
"""

from __future__ import annotations

import argparse
import logging
import sys
from functools import partial
from pathlib import Path

from bench.entry import quiet_logging, run_in_workdir, write_json
from bench.reminders.admin import AdminClient
from bench.reminders.baseline import baseline_bot, measure_baseline
from bench.reminders.baseline_bot import BASELINE_COMMAND, baseline_main
from bench.reminders.cases import run_signaalbot
from bench.reminders.measure_bot import measure_bot
from bench.reminders.measured import Measured
from bench.reminders.options import Options
from bench.reminders.report import format_report, report
from bench.reminders.world import build_world
from bench.world import local_synapse

log = logging.getLogger(__name__)


async def run_bench(options: Options, workdir: Path) -> Measured:
    """The bot first, measured once it has stopped; then the baseline, with the homeserver to
    itself as the bot had it."""
    measured = Measured()
    async with local_synapse(workdir / "synapse") as synapse:
        world = await build_world(synapse)
        accounts = world.accounts
        try:
            async with (
                AdminClient.login(world.homeserver, accounts.admin) as admin,
                baseline_bot(
                    world.homeserver,
                    accounts.baseline,
                    world.baseline_room,
                    workdir / "baseline.log",
                ) as baseline,
            ):
                database = await run_signaalbot(world, options, workdir)
                # The bot has stopped: the baseline has the homeserver to itself, as it had.
                reminders = await measure_bot(
                    database,
                    admin,
                    world.platform_room,
                    accounts.bot.user_id,
                    options.late_ms,
                    workdir / "bot.log",
                    measured,
                )
                log.info("baseline: %d notices on the same pattern of due times", len(reminders))
                await measure_baseline(baseline, reminders, admin, measured)
        finally:
            await world.sender.close()
    return measured


def parse_args(argv: list[str] | None) -> Options:
    parser = argparse.ArgumentParser(prog="python -m bench.reminders", description=__doc__)
    parser.add_argument("--cases", type=int, default=70, help="cases to open (4 reminders each)")
    parser.add_argument("--spread", type=float, default=5.0, help="seconds to open them over")
    parser.add_argument(
        "--repressive",
        type=float,
        default=90.0,
        help="seconds from signal to deadline (the ladder is 30, 20 and 10 s before it); long "
        "enough for opening the cases to be over before the first reminder is due",
    )
    parser.add_argument(
        "--late-ms", type=float, default=1000.0, help="list reminders delivered later than this"
    )
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    parser.add_argument("--keep", action="store_true", help="keep the work dir (logs)")
    args = parser.parse_args(argv)
    if args.cases < 1 or args.spread < 0 or args.repressive <= 30:
        parser.error("--cases must be at least 1, --spread not negative, --repressive over 30")
    return Options(args.cases, args.spread, args.repressive, args.late_ms, args.json, args.keep)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == [BASELINE_COMMAND]:
        return baseline_main(argv[1:])
    options = parse_args(argv)
    quiet_logging("nio", "bot.demo", "apscheduler")
    measured = run_in_workdir(
        "signaalbench-reminders-", options.keep_workdir, partial(run_bench, options)
    )
    print(format_report(options, measured))
    write_json(options.json_path, report(options, measured))
    return 0
