"""One active instance: the PostgreSQL advisory lock and, on SQLite, the data directory's file lock."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import asyncpg
import pytest

from bot.ops.active_lock import (
    LOCK_KEY,
    ActiveLock,
    FileLock,
    LockLost,
    LockTiming,
    PostgresLock,
    active_lock,
    plain_dsn,
    while_active,
)
from tests.unit.conftest import PostgresOnce

FAILOVER = timedelta(seconds=3)  # the shortest the settings allow: checks every 0.6 s


async def still_waiting(acquiring: asyncio.Task[None], seconds: float) -> bool:
    await asyncio.sleep(seconds)
    return not acquiring.done()


async def two_instances_take_turns(first: ActiveLock, second: ActiveLock) -> None:
    await first.acquire()
    standby = asyncio.create_task(second.acquire())
    try:
        assert await still_waiting(standby, 1.5), "a second instance became active too"
        await first.release()
        await asyncio.wait_for(standby, 2.0)  # takes over within a poll or two
    finally:
        standby.cancel()
        await second.release()


async def test_a_standby_waits_for_the_active_postgres_instance(postgres: PostgresOnce) -> None:
    url = await postgres.get()
    timing = LockTiming.of(FAILOVER)
    await two_instances_take_turns(PostgresLock(url, timing), PostgresLock(url, timing))


async def test_a_second_instance_on_the_same_sqlite_data_directory_waits(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'signaalbot.db'}"
    first, second = (active_lock(url, tmp_path, FAILOVER) for _ in range(2))
    assert isinstance(first, FileLock)
    await two_instances_take_turns(first, second)
    assert (tmp_path / "active.lock").stat().st_mode & 0o777 == 0o600


async def terminate_lock_holder(url: str) -> int:
    """What a dropped connection looks like to the active instance: its session ends."""
    admin = await asyncpg.connect(plain_dsn(url))
    try:
        return await admin.fetchval(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory'"
            " AND granted AND classid = $1::bigint::oid AND objid = $2::bigint::oid"
            # only this test's database: another run's instances hold the same key elsewhere
            " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            (LOCK_KEY >> 32) & 0xFFFFFFFF,
            LOCK_KEY & 0xFFFFFFFF,
        )
    finally:
        await admin.close()


async def test_losing_the_connection_stops_the_work_at_once(postgres: PostgresOnce) -> None:
    url = await postgres.get()
    lock = PostgresLock(url, LockTiming.of(FAILOVER))
    await lock.acquire()
    stopped = asyncio.Event()

    async def work() -> None:
        try:
            await asyncio.Event().wait()
        finally:
            stopped.set()

    try:
        running = asyncio.create_task(while_active(lock, work()))
        await asyncio.sleep(0.2)
        assert await terminate_lock_holder(url) == 1
        with pytest.raises(LockLost):
            await asyncio.wait_for(running, FAILOVER.total_seconds())
        assert stopped.is_set()
    finally:
        await lock.release()
    other = PostgresLock(url, LockTiming.of(FAILOVER))
    await asyncio.wait_for(other.acquire(), 2.0)  # the lock went with the session
    await other.release()


async def test_work_that_ends_ends_the_watch_too(tmp_path: Path) -> None:
    lock = FileLock(tmp_path / "active.lock", 0.1)
    await lock.acquire()

    async def failing_work() -> None:
        raise RuntimeError("homeserver refused the token")

    with pytest.raises(RuntimeError, match="refused the token"):
        await while_active(lock, failing_work())
    await lock.release()


def test_the_active_side_gives_up_before_the_server_frees_the_lock() -> None:
    """Checks (every `check`, each allowed `check`) fail before the server drops the session."""
    timing = LockTiming.of(timedelta(seconds=15))
    active_stops_within = 2 * timing.check
    server_drops_within = min(
        timing.keepalive_idle + timing.keepalive_interval * timing.keepalive_count,
        timing.user_timeout_ms / 1000,
    )
    assert active_stops_within < server_drops_within < 15
    assert timing.poll <= 1.0
