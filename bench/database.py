"""The database signaalbot uses in a benchmark run: SQLite, or a throw-away PostgreSQL one."""

from __future__ import annotations

import importlib.util
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

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
    url = _postgresql(database_url, "--database-url")
    async with _throw_away(url, "signaalbench", "") as name:
        yield url.set(drivername="postgresql+asyncpg", database=name).render_as_string(
            hide_password=False
        )


@asynccontextmanager
async def homeserver_database(database_url: str | None) -> AsyncIterator[dict[str, Any] | None]:
    """Synapse's `database` section: None (SQLite, Synapse's default here) or a throw-away
    PostgreSQL database next to the one in `database_url`, as Synapse wants it (UTF-8, C
    collation), reached with psycopg2 (the `synapse-postgres` extra)."""
    if database_url is None:
        yield None
        return
    url = _postgresql(database_url, "--synapse-database-url")
    if importlib.util.find_spec("psycopg2") is None:
        raise SystemExit(
            "Synapse on PostgreSQL needs psycopg2: pip install -e '.[synapse-postgres]'"
        )
    collation = "ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"
    async with _throw_away(url, "signaalbench_hs", collation) as name:
        arguments = {**_connect_args(url), "database": name, "cp_min": 5, "cp_max": 10}
        yield {"name": "psycopg2", "args": arguments}


def _postgresql(database_url: str, option: str) -> URL:
    url = make_url(database_url)
    if url.get_backend_name() != "postgresql":
        raise ValueError(f"{option} must be a PostgreSQL URL, not {url.drivername}")
    return url


@asynccontextmanager
async def _throw_away(url: URL, prefix: str, options: str) -> AsyncIterator[str]:
    """A new database `<prefix>_<random>` on the server of `url`, dropped afterwards even if
    someone still holds connections to it."""
    name = f"{prefix}_{secrets.token_hex(4)}"
    connection = await asyncpg.connect(**_connect_args(url))
    try:
        await connection.execute(f'CREATE DATABASE "{name}" {options}')
    finally:
        await connection.close()
    try:
        yield name
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
