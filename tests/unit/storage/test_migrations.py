"""The migrations build exactly the schema the models describe, on every backend."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from storage.base import Base
from storage.database import Database


async def test_migrated_schema_matches_the_models(database: Database) -> None:
    def differences(connection):
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        return compare_metadata(context, Base.metadata)

    async with database.engine.connect() as connection:
        diff = await connection.run_sync(differences)
    assert diff == []
