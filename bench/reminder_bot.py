"""matrix-reminder-bot, the side-by-side reference for ``!signaal``: installed from PyPI in a
virtual environment of the bench's own (never a dependency of signaalbot) and run on the same
Synapse as both other bots.

The environment is made once under ``~/.cache/signaalbot-bench/`` (``--reminder-bot-venv``
for another place) and reused by later runs.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.processes import READY_TIMEOUT, stop_process, wait_until_ready
from bench.sampling import SAMPLE_TIMEOUT, elapsed_ms, settle
from bench.world import Account, World, bot_joined, new_account
from bot.demo.homeserver import LocalSynapse
from bot.demo.member import MemberClient

PACKAGE = "matrix-reminder-bot"
ENTRY_POINT = "matrix-reminder-bot"
DEFAULT_VENV = Path.home() / ".cache" / "signaalbot-bench" / "matrix-reminder-bot"
INSTALL_TIMEOUT = 900.0
COMMAND = "!remindme 1 day; bench {tag}"


async def _run(*args: str) -> None:
    process = await asyncio.create_subprocess_exec(
        *args, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE
    )
    _, stderr = await asyncio.wait_for(process.communicate(), INSTALL_TIMEOUT)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{stderr.decode(errors='replace')[-2000:]}")


async def installed(venv: Path) -> Path:
    """The bot's executable in `venv`, which is made and filled first if it is not there."""
    executable = venv / "bin" / ENTRY_POINT
    if not executable.exists():
        await _run(sys.executable, "-m", "venv", str(venv))
        await _run(str(venv / "bin" / "python"), "-m", "pip", "install", "-q", PACKAGE)
    return executable


def config(homeserver: str, account: Account, workdir: Path) -> dict[str, Any]:
    """Its configuration: our Synapse, SQLite and a crypto store in `workdir`, anyone allowed."""
    return {
        "command_prefix": "!",
        "matrix": {
            "user_id": account.user_id,
            "user_password": account.password,
            "device_id": "REMINDERBENCH",
            "device_name": "reminder bench",
            "homeserver_url": homeserver,
        },
        "storage": {
            "database": f"sqlite://{workdir / 'reminders.db'}",
            "store_path": str(workdir / "store"),
        },
        "reminders": {"timezone": "Europe/Amsterdam"},
        "allowlist": {"enabled": False, "regexes": []},
        "blocklist": {"enabled": False, "regexes": []},
        "logging": {
            "level": "WARNING",
            "file_logging": {"enabled": False},
            "console_logging": {"enabled": True},
        },
    }


@asynccontextmanager
async def reminder_bot(
    venv: Path,
    homeserver: str,
    account: Account,
    room_id: str,
    watcher: MemberClient,
    workdir: Path,
) -> AsyncIterator[asyncio.subprocess.Process]:
    """The reminder bot, once `watcher` has seen it join `room_id` (it joins when invited)."""
    executable = await installed(venv)
    workdir.mkdir(parents=True, exist_ok=True)
    config_path = workdir / "config.yaml"
    config_path.write_text(yaml.safe_dump(config(homeserver, account, workdir)), "utf-8")
    config_path.chmod(0o600)
    log_path = workdir / "reminder-bot.log"
    with log_path.open("wb") as log:
        process = await asyncio.create_subprocess_exec(
            str(executable), str(config_path), cwd=workdir, stdout=log, stderr=log
        )
    try:
        joined = bot_joined(watcher, room_id, account.user_id)
        await wait_until_ready(joined, process, log_path, f"{PACKAGE} (ready in {READY_TIMEOUT}s)")
        yield process
    finally:
        await stop_process(process)


@dataclass(frozen=True)
class Reference:
    """Where the reminder bot is measured: its room (the sender is in it) and its account."""

    room_id: str
    user_id: str


async def remindme_sample(world: World, reference: Reference, tag: str) -> float:
    """Time until the member sees the bot's confirmation of a ``!remindme`` (it sends it as a
    plain message, not a reply: the first message of the bot's after the command)."""
    member = world.sender
    await settle(member)
    seen = {source.get("event_id") for source in member.events_in(reference.room_id)}

    def confirmation(room_id: str, source: dict[str, Any]) -> bool:
        return (
            room_id == reference.room_id
            and source.get("sender") == reference.user_id
            and source.get("type") == "m.room.message"
            and source.get("event_id") not in seen
        )

    started = time.perf_counter()
    await member.send_text(reference.room_id, COMMAND.format(tag=tag))
    await member.wait_for_event(confirmation, SAMPLE_TIMEOUT)
    return elapsed_ms(started)


@asynccontextmanager
async def reference_bot(
    synapse: LocalSynapse, world: World, venv: Path, workdir: Path
) -> AsyncIterator[Reference]:
    """An account for the reminder bot, the bot running, and a room of the sender's with it."""
    account = await asyncio.to_thread(new_account, synapse, "reminderbot", "reminderbot")
    room_id = await world.sender.create_room("Herinneringen", invite=[account.user_id])
    async with reminder_bot(venv, world.homeserver, account, room_id, world.sender, workdir):
        yield Reference(room_id, account.user_id)
