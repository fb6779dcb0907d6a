"""Migrations 0011 (the operational picture), 0016 (the agenda and `!status` on many rows) and
0017 (the sector ranking and the open cases from their indexes) add their indexes and take them
away again."""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect

from storage.database import Database
from storage.migrate import migrate

PICTURE_INDEXES = {
    ("cases", "ix_cases_kind_signalled_at", ("kind", "signalled_at")),
    ("cases", "ix_cases_kind_visited_at", ("kind", "visited_at")),
    ("cases", "ix_cases_kind_status", ("kind", "status")),
    ("cases", "ix_cases_report_filed_at", ("report_filed_at",)),
    ("timeline_entries", "ix_timeline_entries_kind_at", ("kind", "at")),
    ("decisions", "ix_decisions_taken_at", ("taken_at",)),
}


async def _indexes(database: Database) -> set[tuple[str, str, tuple[str, ...]]]:
    def read(connection: Any) -> set[tuple[str, str, tuple[str, ...]]]:
        inspector = inspect(connection)
        return {
            (table, index["name"], tuple(index["column_names"]))
            for table in ("cases", "timeline_entries", "decisions", "meetings")
            for index in inspector.get_indexes(table)
        }

    async with database.engine.connect() as connection:
        return await connection.run_sync(read)


async def test_the_picture_indexes_come_with_0011_and_go_with_its_downgrade(
    empty_database: Database,
) -> None:
    await migrate(empty_database, "0010")
    before = await _indexes(empty_database)
    assert not PICTURE_INDEXES & before
    await migrate(empty_database, "0011")
    assert await _indexes(empty_database) == before | PICTURE_INDEXES
    await migrate(empty_database, "0010", down=True)
    assert await _indexes(empty_database) == before


SCALE_INDEXES = {
    ("meetings", "ix_meetings_regular_starts_at", ("regular", "starts_at")),
    ("timeline_entries", "ix_timeline_entries_case_id_id", ("case_id", "id")),
}
REPLACED = ("timeline_entries", "ix_timeline_entries_case_id", ("case_id",))


async def test_0016_replaces_the_timeline_index_by_case_and_id_and_indexes_regular_meetings(
    empty_database: Database,
) -> None:
    await migrate(empty_database, "0015")
    before = await _indexes(empty_database)
    assert REPLACED in before and not SCALE_INDEXES & before
    await migrate(empty_database, "0016")
    assert await _indexes(empty_database) == (before - {REPLACED}) | SCALE_INDEXES
    await migrate(empty_database, "0015", down=True)
    assert await _indexes(empty_database) == before


RISK_INDEXES = {
    (
        "cases",
        "ix_cases_kind_signalled_at_risk",
        ("kind", "signalled_at", "sector", "company_key", "decision", "report_has_measures"),
    ),
    ("cases", "ix_cases_kind_status_overdue", ("kind", "status", "overdue", "visited_at")),
}
WIDENED = {
    ("cases", "ix_cases_kind_signalled_at", ("kind", "signalled_at")),
    ("cases", "ix_cases_kind_status", ("kind", "status")),
}


async def test_0017_widens_the_signalled_and_status_indexes_of_cases(
    empty_database: Database,
) -> None:
    await migrate(empty_database, "0016")
    before = await _indexes(empty_database)
    assert before >= WIDENED and not RISK_INDEXES & before
    await migrate(empty_database, "0017")
    assert await _indexes(empty_database) == (before - WIDENED) | RISK_INDEXES
    await migrate(empty_database, "0016", down=True)
    assert await _indexes(empty_database) == before
