"""Fixtures of the storage tests: a database of its own, on each backend, not migrated."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.database import Database
from tests.databases import KINDS, create_postgres_database, drop_postgres_database


@pytest.fixture(params=KINDS)
async def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """A database of its own, not migrated: the test decides how far."""
    if request.param == "sqlite":
        db = Database(f"sqlite+aiosqlite:///{tmp_path / 'upgrade.db'}")
        yield db
        await db.close()
        return
    name, url = await create_postgres_database()
    db = Database(url)
    try:
        yield db
    finally:
        await db.close()
        await drop_postgres_database(name)
