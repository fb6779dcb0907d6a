"""The two bots under test, each in its own process: the echo baseline and signaalbot."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bench.echo_bot import PASSWORD_ENV

REPO_ROOT = Path(__file__).resolve().parent.parent
STOP_TIMEOUT = 10.0
READY_TIMEOUT = 60.0


@dataclass(frozen=True)
class Account:
    user_id: str
    password: str


@dataclass
class EchoProcess:
    """A running echo bot; ``room_create_ms`` maps room name to the time its creation took."""

    process: asyncio.subprocess.Process
    room_create_ms: dict[str, float] = field(default_factory=dict)
    ready: asyncio.Event = field(default_factory=asyncio.Event)

    async def read_output(self) -> None:
        assert self.process.stdout is not None
        async for raw in self.process.stdout:
            line: dict[str, Any] = json.loads(raw)
            if line.get("ready"):
                self.ready.set()
            elif "room_create_ms" in line:
                self.room_create_ms[line["name"]] = float(line["room_create_ms"])


def _child_env(extra: dict[str, str]) -> dict[str, str]:
    """Our environment without signaalbot overrides, so only the bench's config applies."""
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("SIGNAALBOT_")}
    env.update(extra)
    return env


async def stop_process(process: asyncio.subprocess.Process) -> None:
    """SIGTERM, then SIGKILL if it has not stopped in time."""
    if process.returncode is not None:
        return
    process.terminate()
    try:
        await asyncio.wait_for(process.wait(), STOP_TIMEOUT)
    except TimeoutError:
        process.kill()
        await process.wait()


@asynccontextmanager
async def echo_bot(
    homeserver: str,
    account: Account,
    room_id: str,
    invite: list[str],
    log_path: Path,
    crypto_store: Path | None = None,
) -> AsyncIterator[EchoProcess]:
    """The echo bot; with a `crypto_store` it does end-to-end encryption."""
    args = ["--homeserver", homeserver, "--user-id", account.user_id, "--room", room_id]
    for user_id in invite:
        args += ["--invite", user_id]
    if crypto_store is not None:
        args += ["--crypto-store", str(crypto_store)]
    with log_path.open("wb") as log:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bench.echo_bot",
            *args,
            cwd=REPO_ROOT,
            env=_child_env({PASSWORD_ENV: account.password}),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=log,
        )
    echo = EchoProcess(process)
    reader = asyncio.create_task(echo.read_output())
    try:
        await wait_until_ready(echo.ready.wait(), process, log_path, "echo bot")
        yield echo
    finally:
        await stop_process(process)
        reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reader


def signaalbot_config(
    homeserver: str,
    account: Account,
    platform_room: str,
    members: dict[str, dict[str, Any]],
    data_dir: Path,
    database_url: str | None,
) -> dict[str, Any]:
    storage: dict[str, Any] = {"data_dir": str(data_dir)}
    if database_url is not None:
        storage["database_url"] = database_url
    return {
        "matrix": {
            "homeserver": homeserver,
            "user_id": account.user_id,
            "password": account.password,
            "device_id": "SIGNAALBENCH",
        },
        "storage": storage,
        "platform": {"room": platform_room},
        "members": members,
    }


@asynccontextmanager
async def signaalbot(
    config: dict[str, Any], config_path: Path, log_path: Path
) -> AsyncIterator[asyncio.subprocess.Process]:
    """Run ``python -m bot.cli run`` with ``config``; the caller decides when it is ready."""
    config_path.write_text(yaml.safe_dump(config), encoding="utf-8")
    config_path.chmod(0o600)
    with log_path.open("wb") as log:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot.cli",
            "run",
            "--config",
            str(config_path),
            cwd=REPO_ROOT,
            env=_child_env({"SIGNAALBOT_LOG_LEVEL": "INFO"}),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=log,
            stderr=asyncio.subprocess.STDOUT,
        )
    try:
        yield process
    finally:
        await stop_process(process)


async def wait_until_ready(
    ready: Awaitable[object], process: asyncio.subprocess.Process, log_path: Path, name: str
) -> None:
    """Await ``ready`` unless the process exits first or it takes too long."""
    waiter = asyncio.ensure_future(ready)
    exited = asyncio.ensure_future(process.wait())
    try:
        done, _ = await asyncio.wait(
            {waiter, exited}, timeout=READY_TIMEOUT, return_when=asyncio.FIRST_COMPLETED
        )
    finally:
        exited.cancel()
    if waiter in done:
        waiter.result()
        return
    waiter.cancel()
    tail = log_path.read_text("utf-8", errors="replace")[-4000:]
    state = "exited" if exited in done else f"was not ready within {READY_TIMEOUT:.0f}s"
    raise RuntimeError(f"{name} {state}; its log:\n{tail}")
