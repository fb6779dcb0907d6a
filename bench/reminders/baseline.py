"""The bench's side of the baseline bot: start it, hand it the due times, measure its notices."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.processes import ReportingChild, reporting_child
from bench.reminders.admin import AdminClient
from bench.reminders.baseline_bot import BASELINE_COMMAND, BASELINE_PASSWORD_ENV
from bench.reminders.bot_database import ReminderRow
from bench.reminders.cases import SETTLE_TIMEOUT
from bench.reminders.measured import BASELINE_DELIVERED, BASELINE_STARTED, Measured
from bench.world import Account

log = logging.getLogger(__name__)

BASELINE_LEAD = 3.0  # seconds between handing the due times over and the first one


@dataclass
class BaselineProcess(ReportingChild):
    """The running baseline bot; ``sent`` holds its report of each notice, by index."""

    done: asyncio.Event = field(default_factory=asyncio.Event)
    sent: dict[int, dict[str, Any]] = field(default_factory=dict)
    repeated: list[int] = field(default_factory=list)

    def take(self, line: dict[str, Any]) -> None:
        if line.get("done"):
            self.done.set()
        elif "index" in line:
            index = int(line["index"])
            if index in self.sent:
                self.repeated.append(index)
            self.sent[index] = line

    async def schedule(self, dues: list[float]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps(dues) + "\n").encode())
        await self.process.stdin.drain()


@asynccontextmanager
async def baseline_bot(
    homeserver: str, account: Account, room_id: str, log_path: Path
) -> AsyncIterator[BaselineProcess]:
    """``python -m bench.reminders baseline-bot``, sending its notices into `room_id`."""
    args = ["--homeserver", homeserver, "--user-id", account.user_id, "--room", room_id]
    async with reporting_child(
        BaselineProcess,
        ["bench.reminders", BASELINE_COMMAND, *args],
        {BASELINE_PASSWORD_ENV: account.password},
        log_path,
        "baseline bot",
        stdin=asyncio.subprocess.PIPE,
    ) as baseline:
        yield baseline


async def measure_baseline(
    baseline: BaselineProcess, reminders: list[ReminderRow], admin: AdminClient, measured: Measured
) -> None:
    """The same number of reminders on the same pattern of due times, shifted to now."""
    if not reminders:
        return
    first = min(r.due for r in reminders)
    start = time.time() + BASELINE_LEAD
    dues = [start + (r.due - first).total_seconds() for r in reminders]
    await baseline.schedule(dues)
    try:
        await asyncio.wait_for(baseline.done.wait(), max(dues) - time.time() + SETTLE_TIMEOUT)
    except TimeoutError:
        log.warning("the baseline sent %d of %d", len(baseline.sent), len(dues))
    stamps = await admin.origin_ts_of(
        [line["event_id"] for line in baseline.sent.values() if "event_id" in line]
    )
    _delays(baseline, dues, stamps, measured)


def _delays(
    baseline: BaselineProcess, dues: list[float], stamps: dict[str, int], measured: Measured
) -> None:
    """How long after its due time each job started and its notice reached the homeserver."""
    started: list[float] = []
    delivered: list[float] = []
    for index, due in enumerate(dues):
        line = baseline.sent.get(index)
        if line is None or "event_id" not in line:
            measured.missing.append(
                f"baseline {index}: {line.get('error') if line else 'not sent'}"
            )
            continue
        started.append((line["started"] - due) * 1000)
        delay = stamps[line["event_id"]] - due * 1000
        delivered.append(delay)
        measured.baseline.append(
            {"index": index, "started_ms": round(started[-1], 2), "delivered_ms": round(delay, 2)}
        )
    measured.duplicated += [f"baseline {index}: sent twice" for index in baseline.repeated]
    measured.series[BASELINE_STARTED] = started
    measured.series[BASELINE_DELIVERED] = delivered
