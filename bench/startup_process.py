"""One start of a bot under the start-up bench: time to ready, and its memory from /proc.

signaalbot says it is ready in its log (`READY_LINE`, after its first sync, which starts only
once the reminder clock has started); the echo bot prints its ready line on stdout.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bench.echo_bot import PASSWORD_ENV
from bench.processes import EchoProcess, python_module, reporting_child, stop_process
from bench.world import Account

READY_LINE = "ready: first sync handled"
CLOCK_LINE = re.compile(r"reminder clock started in ([\d.]+) s: (\d+) jobs")
SENT_LINE = re.compile(r"reminder \d+ \(\w+\) sent")
READY_TIMEOUT = 120.0
SAMPLE_EVERY = 0.1  # seconds between two looks at /proc while settling


@dataclass
class Start:
    """What one start showed: seconds from spawning the process until ready, memory in MB."""

    name: str
    ready_s: float
    rss_at_ready_mb: float
    rss_steady_mb: float = 0.0
    peak_rss_mb: float = 0.0
    jobs: int | None = None  # jobs in the reminder clock when it started (signaalbot)
    clock_s: float | None = None  # how long the reminder clock took to start (signaalbot)
    sent: int = 0  # reminders sent while measured (signaalbot)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def memory_mb(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of the process in MB: its resident memory now and at its highest."""
    found: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) / 1024
    return found["VmRSS"], found["VmHWM"]


async def settle(start: Start, pid: int, seconds: float) -> None:
    """Watch the process for `seconds` after ready: its resident memory at the end, its peak."""
    deadline = time.monotonic() + seconds
    while True:
        rss, peak = memory_mb(pid)
        start.rss_steady_mb, start.peak_rss_mb = rss, peak
        if time.monotonic() >= deadline:
            return
        await asyncio.sleep(SAMPLE_EVERY)


@dataclass
class _BotLog:
    """Reads the bot's output into its log file, and notes what the bench watches for."""

    log_path: Path
    ready: asyncio.Event = field(default_factory=asyncio.Event)
    jobs: int | None = None
    clock_s: float | None = None
    sent: int = 0

    async def read(self, process: asyncio.subprocess.Process) -> None:
        assert process.stdout is not None
        with self.log_path.open("ab") as log:
            async for raw in process.stdout:
                log.write(raw)
                self._take(raw.decode("utf-8", errors="replace"))

    def _take(self, line: str) -> None:
        if READY_LINE in line:
            self.ready.set()
        elif (match := CLOCK_LINE.search(line)) is not None:
            self.clock_s, self.jobs = float(match.group(1)), int(match.group(2))
        elif SENT_LINE.search(line):
            self.sent += 1


async def _until_ready(
    waiter: asyncio.Event, process: asyncio.subprocess.Process, log_path: Path
) -> None:
    ready = asyncio.ensure_future(waiter.wait())
    exited = asyncio.ensure_future(process.wait())
    done, _ = await asyncio.wait(
        {ready, exited}, timeout=READY_TIMEOUT, return_when=asyncio.FIRST_COMPLETED
    )
    ready.cancel()
    exited.cancel()
    if ready not in done:
        tail = log_path.read_text("utf-8", errors="replace")[-4000:]
        raise RuntimeError(f"signaalbot did not get ready; its log:\n{tail}")


async def start_signaalbot(
    label: str, name: str, config: dict[str, Any], workdir: Path, settle_s: float
) -> Start:
    """Start ``python -m bot.cli run`` with `config` (`name`.yaml, its output in `name`.log),
    wait until ready, settle, stop it; `label` names it in the report."""
    config_path = workdir / f"{name}.yaml"
    config_path.write_text(yaml.safe_dump(config), encoding="utf-8")
    config_path.chmod(0o600)
    bot_log = _BotLog(workdir / f"{name}.log")
    spawned = time.monotonic()
    process = await python_module(
        ["bot.cli", "run", "--config", str(config_path)],
        {"SIGNAALBOT_LOG_LEVEL": "INFO"},
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    reader = asyncio.create_task(bot_log.read(process))
    try:
        await _until_ready(bot_log.ready, process, bot_log.log_path)
        ready_s = time.monotonic() - spawned
        start = Start(label, ready_s, memory_mb(process.pid)[0])
        await settle(start, process.pid, settle_s)
        start.jobs, start.clock_s, start.sent = bot_log.jobs, bot_log.clock_s, bot_log.sent
        return start
    finally:
        await stop_process(process)
        await reader


@asynccontextmanager
async def _echo(
    homeserver: str, account: Account, room_id: str, log_path: Path
) -> AsyncIterator[EchoProcess]:
    args = ["--homeserver", homeserver, "--user-id", account.user_id, "--room", room_id]
    env = {PASSWORD_ENV: account.password}
    async with reporting_child(EchoProcess, ["bench.echo_bot", *args], env, log_path, "echo") as c:
        yield c


async def start_echo(
    homeserver: str, account: Account, room_id: str, workdir: Path, settle_s: float
) -> Start:
    """Start the echo bot, wait for its ready line, settle, stop it."""
    spawned = time.monotonic()
    async with _echo(homeserver, account, room_id, workdir / "echo.log") as echo:
        ready_s = time.monotonic() - spawned
        start = Start("echo bot", ready_s, memory_mb(echo.process.pid)[0])
        await settle(start, echo.process.pid, settle_s)
    return start
