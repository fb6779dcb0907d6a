"""After retention the operational picture of past years reads as before: counts, regions,
sectors, lead times, distinct companies and reports with measures."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from storage.cases import Case
from storage.database import Database
from storage.figures import Scope, Window
from storage.picture import PictureQueries
from storage.retention import due
from storage.retention_apply import apply
from tests.unit.helpers import NOW
from tests.unit.retention.helpers import DAY, YEAR, add, closed_case, retention_settings

PAST_YEAR = Window(NOW - 3 * YEAR, NOW - YEAR)
BEFORE = Window(NOW - 5 * YEAR, NOW - 3 * YEAR)


async def figures(database: Database) -> tuple[object, ...]:
    async with database.transaction() as session:
        queries = PictureQueries(session)
        picture = await queries.picture(
            PAST_YEAR,
            BEFORE,
            Scope(),
            now=NOW,
            promise=timedelta(hours=24),
            cadence=timedelta(days=14),
        )
        risk = await queries.risk_inputs(PAST_YEAR, by_region=True)
        per_region = await session.execute(
            select(Case.region, Case.sector, func.count()).group_by(Case.region, Case.sector)
        )
        return picture, risk, sorted(per_region.all(), key=str)


async def test_the_picture_of_past_years_is_the_same_after_retention(database: Database) -> None:
    same_company = {"company_key": "slachterij jansen|groenlo"}
    await add(
        database,
        closed_case(2 * YEAR, **same_company),
        closed_case(2 * YEAR - DAY, **same_company),
        closed_case(
            2 * YEAR, region="VR05", sector="land- en tuinbouw", lead_time_seconds=30 * 3600
        ),
        closed_case(2 * YEAR, report={"findings": "niets", "measures": ""}),
    )
    before = await figures(database)
    async with database.transaction() as session:
        plan = await due(session, retention_settings().privacy, NOW)
        done = await apply(session, plan, NOW)
    assert done.anonymised["cases"] == 4
    after = await figures(database)
    assert after == before
    picture, risk, _ = after
    assert picture.lead.count == 4  # type: ignore[attr-defined]
    (meat,) = [inputs for (sector, _), inputs in risk.items() if sector == "vleesverwerking"]
    assert meat.companies == 2  # the two cases of one company still count as one
    assert meat.measures == 2
