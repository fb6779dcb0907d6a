"""Apply the Alembic migrations on start-up, from inside the running event loop."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection

from storage.database import Database


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("storage") / "migrations"))
    return config


async def upgrade_to_head(database: Database) -> None:
    await upgrade_to(database, "head")


async def upgrade_to(database: Database, revision: str) -> None:
    """Upgrade to one revision: the migration tests put data in the schema an upgrade finds."""
    config = alembic_config()

    def run(connection: Connection) -> None:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    async with database.engine.begin() as connection:
        await connection.run_sync(run)
