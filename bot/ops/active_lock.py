"""One active instance: a PostgreSQL advisory lock, or on SQLite a file lock in the data directory.

The active instance holds a session-level advisory lock on a connection of its own. A standby
asks for it every second or so without logging in to Matrix, so one Matrix device never runs
twice. When the active process dies, the server sees its connection close and frees the lock at
once. When the connection is cut instead (a network split), the server ends that session by its
keepalive and TCP user timeout within two thirds of `ops.failover_after`; the active side checks
its connection more often than that and stops sending as soon as a check fails, so the standby
never takes over from an instance that is still sending.
"""

from __future__ import annotations

import asyncio
import fcntl
import hashlib
import logging
import os
from collections.abc import Coroutine
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, Protocol

import asyncpg
from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

#: The advisory lock's key (locks are per database): 64 bits of a fixed name's hash.
LOCK_KEY = int.from_bytes(hashlib.sha256(b"signaalbot active instance").digest()[:8], signed=True)
LOCK_FILE = "active.lock"


class LockLost(Exception):
    """The active instance can no longer vouch that it holds the lock: it must stop sending."""


class ActiveLock(Protocol):
    async def acquire(self) -> None:
        """Wait, as a standby, until this instance is the active one."""

    async def watch(self) -> None:
        """Return never while the lock is held; raise LockLost when it may be gone."""

    async def release(self) -> None: ...


@dataclass(frozen=True)
class LockTiming:
    """Seconds derived from `ops.failover_after`, so that the active side gives up first."""

    poll: float  # a standby asks for the lock this often
    check: float  # the active side checks its connection this often, with this timeout
    keepalive_idle: int
    keepalive_interval: int
    keepalive_count: int
    user_timeout_ms: int

    @classmethod
    def of(cls, failover_after: timedelta) -> LockTiming:
        total = failover_after.total_seconds()
        return cls(
            poll=min(1.0, total / 5),
            check=total / 5,
            keepalive_idle=max(1, int(total / 3)),
            keepalive_interval=max(1, int(total / 9)),
            keepalive_count=3,
            user_timeout_ms=int(total * 2 / 3 * 1000),
        )

    def server_settings(self) -> dict[str, str]:
        """The server drops the lock's session when this side is gone (network split)."""
        return {
            "tcp_keepalives_idle": str(self.keepalive_idle),
            "tcp_keepalives_interval": str(self.keepalive_interval),
            "tcp_keepalives_count": str(self.keepalive_count),
            "tcp_user_timeout": str(self.user_timeout_ms),
            "application_name": "signaalbot",
        }


async def while_active(lock: ActiveLock, work: Coroutine[Any, Any, None]) -> None:
    """Run the work while the lock holds; the moment it may be gone, cancel the work.

    Raises LockLost then (the work has stopped: nothing more is sent); otherwise returns or
    raises as the work does.
    """
    working = asyncio.create_task(work, name="active work")
    watching = asyncio.create_task(lock.watch(), name="active lock")
    try:
        done, _ = await asyncio.wait({working, watching}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (working, watching):
            task.cancel()
        await asyncio.gather(working, watching, return_exceptions=True)
    finished = working if working in done else watching
    finished.result()


def active_lock(database_url: str, data_dir: Path, failover_after: timedelta) -> ActiveLock:
    timing = LockTiming.of(failover_after)
    if make_url(database_url).get_backend_name() == "postgresql":
        return PostgresLock(database_url, timing)
    return FileLock(data_dir / LOCK_FILE, timing.poll)


def plain_dsn(database_url: str) -> str:
    """The SQLAlchemy URL as asyncpg takes it (no `+asyncpg` driver suffix)."""
    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


class PostgresLock:
    def __init__(self, database_url: str, timing: LockTiming) -> None:
        self._dsn = plain_dsn(database_url)
        self._timing = timing
        self._connection: asyncpg.Connection | None = None
        self._closed = asyncio.Event()

    async def acquire(self) -> None:
        told = False
        while True:
            try:
                if await self._try():
                    log.info("active: this instance holds the lock and starts working")
                    return
                if not told:
                    log.info("standby: another instance is active; waiting to take over")
                    told = True
            except Exception as error:  # the database is away: keep asking
                log.warning("standby: the database does not answer (%s)", type(error).__name__)
                await self.release()
            await asyncio.sleep(self._timing.poll)

    async def _try(self) -> bool:
        if self._connection is None or self._connection.is_closed():
            self._closed = asyncio.Event()
            self._connection = await asyncpg.connect(
                self._dsn,
                timeout=self._timing.check,
                server_settings=self._timing.server_settings(),
            )
            self._connection.add_termination_listener(lambda _connection: self._closed.set())
        held = await self._connection.fetchval(
            "SELECT pg_try_advisory_lock($1)", LOCK_KEY, timeout=self._timing.check
        )
        return bool(held)

    async def watch(self) -> None:
        assert self._connection is not None
        while True:
            try:
                await asyncio.wait_for(self._closed.wait(), self._timing.check)
            except TimeoutError:
                pass
            else:
                raise LockLost("the lock's database connection closed")
            try:
                await self._connection.fetchval("SELECT 1", timeout=self._timing.check)
            except Exception as error:
                raise LockLost(
                    f"the lock's database connection failed: {type(error).__name__}"
                ) from error

    async def release(self) -> None:
        """Closing the session frees its lock; a connection already gone is fine."""
        connection, self._connection = self._connection, None
        if connection is not None and not connection.is_closed():
            try:
                await asyncio.wait_for(connection.close(), self._timing.check)
            except Exception:
                connection.terminate()


class FileLock:
    """SQLite runs one instance: a second one on the same data directory waits, as a standby."""

    def __init__(self, path: Path, poll: float) -> None:
        self._path = path
        self._poll = poll
        self._fd: int | None = None

    async def acquire(self) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            await self._wait_for(fd)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    async def _wait_for(self, fd: int) -> None:
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if not told:
                    log.info("standby: another instance uses %s; waiting", self._path.parent)
                    told = True
                await asyncio.sleep(self._poll)

    async def watch(self) -> None:
        """A file lock lasts as long as the process."""
        await asyncio.Event().wait()

    async def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)  # closing frees the lock
