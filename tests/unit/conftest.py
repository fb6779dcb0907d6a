"""A migrated database per test, on each backend the project supports."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.dispatch import Dispatcher
from storage.base import Base
from storage.database import Database
from storage.migrate import upgrade_to_head
from tests.databases import KINDS, create_postgres_database, drop_postgres_database
from tests.unit.helpers import make_dispatcher


class PostgresOnce:
    """One PostgreSQL database for the session, created and migrated on first use."""

    def __init__(self) -> None:
        self.name: str | None = None
        self.url: str | None = None

    async def get(self) -> str:
        if self.url is None:
            self.name, self.url = await create_postgres_database()
            database = Database(self.url)
            await upgrade_to_head(database)
            await database.close()
        return self.url


@pytest.fixture(scope="session")
async def postgres() -> AsyncIterator[PostgresOnce]:
    holder = PostgresOnce()
    yield holder
    if holder.name:
        await drop_postgres_database(holder.name)


@pytest.fixture(scope="session")
async def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite file migrated to head; each test starts from a copy, which is much faster than
    running every migration again."""
    path = tmp_path_factory.mktemp("template") / "migrated.db"
    template = Database(f"sqlite+aiosqlite:///{path}")
    await upgrade_to_head(template)
    await template.close()  # the last connection checkpoints the WAL into the file
    return path


@pytest.fixture(params=KINDS)
async def database(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    postgres: PostgresOnce,
    migrated_sqlite: Path,
) -> AsyncIterator[Database]:
    if request.param == "sqlite":
        shutil.copyfile(migrated_sqlite, tmp_path / "test.db")
        db = Database(f"sqlite+aiosqlite:///{tmp_path / 'test.db'}")
    else:
        db = Database(await postgres.get())
        async with db.transaction() as session:
            tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
            await session.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    yield db
    await db.close()


@pytest.fixture
def dispatcher(database: Database) -> Dispatcher:
    """A dispatcher with the default test settings, on the test's database."""
    return make_dispatcher(database)
