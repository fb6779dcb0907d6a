"""Whether a report names measures is a column the database keeps from the report (migration
0017): the sector ranking counts it from an index. It follows the report as it is filed,
changed and erased by retention, on each backend."""

from __future__ import annotations

from sqlalchemy import select, update

from storage.cases import Case
from storage.database import Database
from tests.unit.picture.seed import NOW, Seed


async def _has_measures(database: Database) -> list[bool]:
    async with database.transaction() as session:
        query = select(Case.report_has_measures).order_by(Case.id)
        return [bool(value) for value in (await session.scalars(query)).all()]


async def test_the_column_says_whether_the_report_names_measures(database: Database) -> None:
    reports = [
        None,
        {"findings": "Geen bijzonderheden"},
        {"findings": "Te vol", "measures": ""},
        {"findings": "Te vol", "measures": "Bedden weg"},
    ]
    async with database.transaction() as session:
        seed = Seed(session)
        for report in reports:
            await seed.case(NOW, report=report, reported=NOW if report else None)
    assert await _has_measures(database) == [False, False, False, True]
    async with database.transaction() as session:
        first = await session.get(Case, 1)
        assert first is not None
        first.report = {"findings": "Te vol", "measures": "Stilgelegd"}
        await session.execute(
            update(Case).where(Case.id == 4).values(report={"measures": "[verwijderd]"})
        )
    assert await _has_measures(database) == [True, False, False, True]
