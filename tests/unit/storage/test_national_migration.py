"""The national figures' migration, up and down, on each backend."""

from __future__ import annotations

from typing import Any

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from storage.database import Database
from storage.migrate import alembic_config, migrate

REVISION = "0012"
INSERT = text(
    "INSERT INTO national_figures (region, indicator, value, source, as_of, imported_at,"
    " imported_from) VALUES ('VR06', 'bedden', :value, 'GGD', '2026-10-01',"
    " '2026-11-28 09:30:00', 'cijfers.csv')"
)


async def _tables(database: Database) -> set[str]:
    def names(connection: Any) -> set[str]:
        return set(inspect(connection).get_table_names())

    async with database.engine.connect() as connection:
        return await connection.run_sync(names)


async def test_the_national_figures_table_comes_and_goes_with_its_revision(
    empty_database: Database,
) -> None:
    before = ScriptDirectory.from_config(alembic_config()).get_revision(REVISION).down_revision
    assert isinstance(before, str)
    await migrate(empty_database, REVISION)
    async with empty_database.transaction() as session:
        await session.execute(INSERT, {"value": 1500})
    with pytest.raises(IntegrityError):  # one current figure per region and indicator
        async with empty_database.transaction() as session:
            await session.execute(INSERT, {"value": 1600})

    await migrate(empty_database, before, down=True)
    assert "national_figures" not in await _tables(empty_database)
    await migrate(empty_database, REVISION)
    async with empty_database.transaction() as session:
        assert await session.scalar(text("SELECT count(*) FROM national_figures")) == 0
