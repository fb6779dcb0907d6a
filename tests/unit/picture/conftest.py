"""The picture tests count the fortnight of `seed.py`, on each backend."""

from __future__ import annotations

import pytest

from storage.database import Database
from tests.unit.picture.seed import fortnight


@pytest.fixture
async def seeded(database: Database) -> Database:
    async with database.transaction() as session:
        await fortnight(session)
    return database
