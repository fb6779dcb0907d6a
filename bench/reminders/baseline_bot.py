"""The baseline: a bare matrix-nio bot whose AsyncIOScheduler sends one plain notice per due time.

It runs in its own process, started by the bench as ``python -m bench.reminders baseline-bot``:
it logs in, joins, syncs in the background, says ``{"ready": true}`` on stdout, then reads the
due times (epoch seconds, one JSON list on stdin). Each notice sent is reported as one JSON line
(index, due, started, event_id or error), then ``{"done": true}``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger
from nio import AsyncClient, AsyncClientConfig, JoinError, LoginError, RoomSendError, SyncError

from bench.echo_bot import SYNC_FILTER, emit

BASELINE_COMMAND = "baseline-bot"
BASELINE_PASSWORD_ENV = "BENCH_BASELINE_PASSWORD"
JOB_DEFAULTS = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}  # the bot's


@dataclass(frozen=True)
class BaselineConfig:
    homeserver: str
    user_id: str
    password: str
    room_id: str


async def run_baseline_bot(config: BaselineConfig) -> None:
    """Log in, join, sync in the background; read the due times from stdin and send a notice
    at each; then go on syncing until the bench stops the process."""
    client = AsyncClient(
        config.homeserver,
        config.user_id,
        config=AsyncClientConfig(store_sync_tokens=False, request_timeout=60),
    )
    try:
        token = await _log_in_and_join(client, config)
        syncing = asyncio.create_task(_sync_forever(client, token))
        emit({"ready": True})
        line = await asyncio.to_thread(sys.stdin.readline)
        scheduler = AsyncIOScheduler(timezone=UTC, job_defaults=JOB_DEFAULTS)
        await _notices_at(scheduler, client, config.room_id, json.loads(line))
        emit({"done": True})
        await syncing  # like a bot that keeps running, until the bench stops the process
    finally:
        await client.close()


async def _log_in_and_join(client: AsyncClient, config: BaselineConfig) -> str:
    """Log in, take a first sync, join the room; the sync token to go on from."""
    login = await client.login(config.password, device_name="bench-baseline")
    if isinstance(login, LoginError):
        raise RuntimeError(f"baseline bot login failed: {login.message}")
    first = await client.sync(timeout=0, full_state=True, sync_filter=SYNC_FILTER)
    if isinstance(first, SyncError):
        raise RuntimeError(f"baseline bot sync failed: {first.message}")
    joined = await client.join(config.room_id)
    if isinstance(joined, JoinError):
        raise RuntimeError(f"baseline bot could not join: {joined.message}")
    return first.next_batch


async def _notices_at(
    scheduler: AsyncIOScheduler, client: AsyncClient, room_id: str, dues: list[float]
) -> None:
    """One ``m.notice`` at each due time from a DateTrigger job; returns when all are sent."""
    remaining = len(dues)
    finished = asyncio.Event()

    async def send(index: int, due: float) -> None:
        nonlocal remaining
        started = time.time()
        content = {"msgtype": "m.notice", "body": f"Herinnering {index}"}
        response = await client.room_send(room_id, "m.room.message", content)
        result: dict[str, Any] = {"index": index, "due": due, "started": started}
        if isinstance(response, RoomSendError):
            result["error"] = str(response.message)
        else:
            result["event_id"] = response.event_id
        emit(result)
        remaining -= 1
        if remaining == 0:
            finished.set()

    for index, due in enumerate(dues):
        run_date = datetime.fromtimestamp(due, UTC)
        scheduler.add_job(
            send, DateTrigger(run_date=run_date), args=[index, due], id=f"baseline-{index}"
        )
    scheduler.start()
    await finished.wait()


async def _sync_forever(client: AsyncClient, token: str) -> None:
    while True:
        response = await client.sync(timeout=30_000, since=token, sync_filter=SYNC_FILTER)
        if isinstance(response, SyncError):
            await asyncio.sleep(1)
            continue
        token = response.next_batch


def baseline_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m bench.reminders {BASELINE_COMMAND}")
    parser.add_argument("--homeserver", required=True)
    parser.add_argument("--user-id", required=True)
    parser.add_argument("--room", required=True)
    args = parser.parse_args(argv)
    password = os.environ.get(BASELINE_PASSWORD_ENV)
    if not password:
        parser.error(f"set {BASELINE_PASSWORD_ENV}")
    config = BaselineConfig(args.homeserver, args.user_id, password, args.room)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run_baseline_bot(config))
    return 0
