"""The databases the storage tests run on: SQLite always, PostgreSQL on 127.0.0.1:5432 too.

`SIGNAALBOT_TEST_DATABASES=sqlite` restricts the run to SQLite on a machine without PostgreSQL;
`SIGNAALBOT_TEST_POSTGRES` points at another server (a user that may create databases).
"""

from __future__ import annotations

import os
import secrets

import asyncpg

POSTGRES_SERVER = os.environ.get("SIGNAALBOT_TEST_POSTGRES", "postgres@127.0.0.1:5432")
KINDS = os.environ.get("SIGNAALBOT_TEST_DATABASES", "sqlite,postgresql").split(",")


async def create_postgres_database() -> tuple[str, str]:
    """A fresh, empty database; returns its name and SQLAlchemy URL."""
    name = f"signaalbot_test_{secrets.token_hex(4)}"
    connection = await asyncpg.connect(f"postgresql://{POSTGRES_SERVER}/postgres")
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return name, f"postgresql+asyncpg://{POSTGRES_SERVER}/{name}"


async def drop_postgres_database(name: str) -> None:
    connection = await asyncpg.connect(f"postgresql://{POSTGRES_SERVER}/postgres")
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()
