"""The database signaalbot uses in a benchmark run: SQLite, or a throw-away PostgreSQL one."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
from sqlalchemy.engine import URL, make_url

MAINTENANCE_DB = "postgres"


def _connect_args(url: URL) -> dict[str, object]:
    args: dict[str, object] = {"database": MAINTENANCE_DB}
    if url.host:
        args["host"] = url.host
    if url.port:
        args["port"] = url.port
    if url.username:
        args["user"] = url.username
    if url.password:
        args["password"] = url.password
    return args


@asynccontextmanager
async def scratch_database(database_url: str) -> AsyncIterator[str]:
    """Create ``signaalbench_<random>`` next to the database in ``database_url``; yield its URL.

    Only PostgreSQL (``postgresql+asyncpg://``) URLs are supported. The database is dropped
    afterwards, even if the bot still holds connections to it.
    """
    url = make_url(database_url)
    if url.get_backend_name() != "postgresql":
        raise ValueError(f"--database-url must be a PostgreSQL URL, not {url.drivername}")
    name = f"signaalbench_{secrets.token_hex(4)}"
    connection = await asyncpg.connect(**_connect_args(url))
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    try:
        yield url.set(drivername="postgresql+asyncpg", database=name).render_as_string(
            hide_password=False
        )
    finally:
        connection = await asyncpg.connect(**_connect_args(url))
        try:
            await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await connection.close()


@asynccontextmanager
async def bot_database(database_url: str | None) -> AsyncIterator[str | None]:
    """None (SQLite in the bot's data dir) or a fresh PostgreSQL database, dropped afterwards."""
    if database_url is None:
        yield None
        return
    async with scratch_database(database_url) as url:
        yield url
