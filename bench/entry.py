"""What every bench's `main` does around its run: logging, a temporary work dir, the JSON."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import shutil
import tempfile
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from bench.stats import Ratio, Summary, format_table

T = TypeVar("T")


def quiet_logging(*noisy: str) -> None:
    """Timestamped INFO lines from the bench; only warnings from the loggers named."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    for name in noisy:
        logging.getLogger(name).setLevel(logging.WARNING)


def run_in_workdir(prefix: str, keep: bool, bench: Callable[[Path], Coroutine[Any, Any, T]]) -> T:
    """Run the bench in a fresh temporary directory; removed afterwards unless `keep`."""
    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        return asyncio.run(bench(workdir))
    finally:
        if keep:
            print(f"work dir kept: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def write_json(path: Path | None, results: dict[str, Any]) -> None:
    if path is not None:
        path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


# -- the latency benches (bench.run, bench.meeting) --------------------------------------------


@dataclass(frozen=True)
class SampleOptions:
    samples: int
    warmup: int
    json_path: Path | None
    keep_workdir: bool = False
    synapse_database_url: str | None = None  # Synapse on PostgreSQL there; None: on SQLite

    @property
    def homeserver(self) -> str:
        return homeserver_label(self.synapse_database_url)


def homeserver_label(synapse_database_url: str | None) -> str:
    """What the homeserver keeps its data in, for the tables' titles and the JSON."""
    return "Synapse on PostgreSQL" if synapse_database_url else "Synapse on SQLite"


Opts = TypeVar("Opts", bound=SampleOptions)


def sample_arguments(parser: argparse.ArgumentParser) -> None:
    """The options the latency benches share: --samples, --warmup, --json, --keep and
    --synapse-database-url."""
    parser.add_argument("--samples", type=int, default=30, help="measured samples per path")
    parser.add_argument("--warmup", type=int, default=5, help="unmeasured rounds first")
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    parser.add_argument("--keep", action="store_true", help="keep the work dir (logs)")
    homeserver_argument(parser)


def homeserver_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--synapse-database-url",
        default=None,
        help="run Synapse on a throw-away PostgreSQL database on this server "
        "(postgresql://user@host:port/db; needs the synapse-postgres extra); default SQLite",
    )


def parse_samples(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
    args = parser.parse_args(argv)
    if args.samples < 1 or args.warmup < 0:
        parser.error("--samples must be at least 1 and --warmup at least 0")
    return args


def sample_fields(args: argparse.Namespace) -> dict[str, Any]:
    """The `SampleOptions` fields from the options `sample_arguments` added."""
    return {
        "samples": args.samples,
        "warmup": args.warmup,
        "json_path": args.json,
        "keep_workdir": args.keep,
        "synapse_database_url": args.synapse_database_url,
    }


def latency_results(
    options: SampleOptions,
    database: str,
    encrypted: bool,
    summaries: list[Summary],
    ratios: list[Ratio],
) -> dict[str, Any]:
    """What the JSON of a latency bench starts with."""
    return {
        "database": database,
        "homeserver": options.homeserver,
        "encrypted": encrypted,
        "samples": options.samples,
        "warmup": options.warmup,
        "series": [summary.as_dict() for summary in summaries],
        "ratios": [ratio.as_dict() for ratio in ratios],
    }


def latency_main(
    prefix: str,
    options: Opts,
    bench: Callable[[Opts, Path], Coroutine[Any, Any, tuple[list[Summary], list[Ratio]]]],
    title: Callable[[Opts], str],
    results: Callable[[Opts, list[Summary], list[Ratio]], dict[str, Any]],
) -> int:
    """Run a latency bench in a work dir (`prefix`), print its table, write its JSON if asked."""
    quiet_logging("nio", "bot.demo")
    summaries, ratios = run_in_workdir(
        prefix, options.keep_workdir, lambda workdir: bench(options, workdir)
    )
    print(format_table(summaries, ratios, title(options)))
    write_json(options.json_path, results(options, summaries, ratios))
    return 0
