"""The bots under test, each in its own process: the baselines and signaalbot."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from bench.echo_bot import PASSWORD_ENV
from bench.world import Account, World, bot_joined
from bot.demo.member import MemberClient

REPO_ROOT = Path(__file__).resolve().parent.parent
STOP_TIMEOUT = 10.0
READY_TIMEOUT = 60.0
BOT_DATA_DIR = "bot"  # signaalbot's data dir (its SQLite database) in the work dir


@dataclass
class ReportingChild(ABC):
    """A baseline bot's process, which reports on stdout: one JSON object a line, the first
    ``{"ready": true}``."""

    process: asyncio.subprocess.Process
    ready: asyncio.Event = field(default_factory=asyncio.Event)

    async def read_output(self) -> None:
        assert self.process.stdout is not None
        async for raw in self.process.stdout:
            line: dict[str, Any] = json.loads(raw)
            if line.get("ready"):
                self.ready.set()
            else:
                self.take(line)

    @abstractmethod
    def take(self, line: dict[str, Any]) -> None:
        """One line after the ready line."""


@dataclass
class EchoProcess(ReportingChild):
    """A running echo bot; ``room_create_ms`` maps room name to the time its creation took."""

    room_create_ms: dict[str, float] = field(default_factory=dict)

    def take(self, line: dict[str, Any]) -> None:
        if "room_create_ms" in line:
            self.room_create_ms[line["name"]] = float(line["room_create_ms"])


Child = TypeVar("Child", bound=ReportingChild)


def _child_env(extra: dict[str, str]) -> dict[str, str]:
    """Our environment without signaalbot overrides, so only the bench's config applies."""
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("SIGNAALBOT_")}
    env.update(extra)
    return env


async def python_module(
    args: list[str], env: dict[str, str], **streams: Any
) -> asyncio.subprocess.Process:
    """``python -m <args>`` in the repository, in our environment cleaned up and with `env`."""
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", *args, cwd=REPO_ROOT, env=_child_env(env), **streams
    )


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
async def reporting_child(
    kind: type[Child],
    args: list[str],
    env: dict[str, str],
    log_path: Path,
    name: str,
    stdin: int = asyncio.subprocess.DEVNULL,
) -> AsyncIterator[Child]:
    """``python -m <args>`` (stderr to `log_path`), once it has said it is ready; stopped after."""
    with log_path.open("wb") as log:
        process = await python_module(
            args, env, stdin=stdin, stdout=asyncio.subprocess.PIPE, stderr=log
        )
    child = kind(process)
    reader = asyncio.create_task(child.read_output())
    try:
        await wait_until_ready(child.ready.wait(), process, log_path, name)
        yield child
    finally:
        await stop_process(process)
        reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reader


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
    env = {PASSWORD_ENV: account.password}
    async with reporting_child(
        EchoProcess, ["bench.echo_bot", *args], env, log_path, "echo bot"
    ) as echo:
        yield echo


def signaalbot_config(
    homeserver: str,
    account: Account,
    platform_room: str,
    members: dict[str, dict[str, Any]],
    data_dir: Path,
    database_url: str | None = None,
    **sections: Any,
) -> dict[str, Any]:
    """The bot's config; `sections` are added as they are (e.g. ``window``, ``meetings``)."""
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
        **sections,
    }


@asynccontextmanager
async def signaalbot(
    config: dict[str, Any], workdir: Path, watcher: MemberClient
) -> AsyncIterator[asyncio.subprocess.Process]:
    """``python -m bot.cli run`` with `config` (``signaalbot.yaml`` and ``bot.log`` in
    `workdir`), once `watcher` has seen it join the platform room; stopped afterwards."""
    config_path = workdir / "signaalbot.yaml"
    log_path = workdir / "bot.log"
    config_path.write_text(yaml.safe_dump(config), encoding="utf-8")
    config_path.chmod(0o600)
    with log_path.open("wb") as log:
        process = await python_module(
            ["bot.cli", "run", "--config", str(config_path)],
            {"SIGNAALBOT_LOG_LEVEL": "INFO"},
            stdin=asyncio.subprocess.DEVNULL,
            stdout=log,
            stderr=asyncio.subprocess.STDOUT,
        )
    try:
        joined = bot_joined(watcher, config["platform"]["room"], config["matrix"]["user_id"])
        await wait_until_ready(joined, process, log_path, "signaalbot")
        yield process
    finally:
        await stop_process(process)


@asynccontextmanager
async def both_bots(
    world: World,
    workdir: Path,
    database_url: str | None = None,
    echo_crypto: Path | None = None,
    **sections: Any,
) -> AsyncIterator[EchoProcess]:
    """The echo bot, then signaalbot (its config with `database_url` and `sections`), both
    ready; logs and the bot's data in `workdir`."""
    config = signaalbot_config(
        world.homeserver,
        world.signaalbot,
        world.platform_room,
        world.members,
        workdir / BOT_DATA_DIR,
        database_url,
        **sections,
    )
    async with (
        echo_bot(
            world.homeserver,
            world.echo,
            world.echo_room,
            world.invitees(),
            workdir / "echo.log",
            echo_crypto,
        ) as echo,
        signaalbot(config, workdir, world.sender),
    ):
        yield echo


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
