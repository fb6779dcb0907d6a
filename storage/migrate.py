"""Apply the Alembic migrations on start-up, from inside the running event loop."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection

from storage.database import Database


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("storage") / "migrations"))
    return config


async def upgrade_to_head(database: Database) -> None:
    await migrate(database, "head")


@asynccontextmanager
async def migrated_database(url: str) -> AsyncIterator[Database]:
    """The bot's database for an operator tool, migrated first: what it reads may be new."""
    database = Database(url)
    try:
        await upgrade_to_head(database)
        yield database
    finally:
        await database.close()


async def migrate(database: Database, revision: str, *, down: bool = False) -> None:
    """Upgrade the schema to `revision`, or with `down` downgrade it.

    To alter a column SQLite rebuilds the table and drops the old one, which rows referring to
    it would forbid: foreign keys are off meanwhile and checked before the commit, as SQLite
    advises. The pragma only takes effect outside a transaction, hence the commits around it.
    """
    config = alembic_config()
    step = command.downgrade if down else command.upgrade

    def run(connection: Connection) -> None:
        config.attributes["connection"] = connection
        step(config, revision)
        if database.is_sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
            raise RuntimeError(f"migrating to {revision} left rows that refer to nothing")

    async with database.engine.connect() as connection:
        await _sqlite_foreign_keys(database, connection, on=False)
        try:
            async with connection.begin():
                await connection.run_sync(run)
        finally:
            await _sqlite_foreign_keys(database, connection, on=True)


async def _sqlite_foreign_keys(
    database: Database, connection: AsyncConnection, *, on: bool
) -> None:
    if database.is_sqlite:
        await connection.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
        await connection.commit()
