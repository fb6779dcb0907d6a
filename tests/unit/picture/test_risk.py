"""The sector ranking: its inputs from the database, the score, and the sharp rise."""

from __future__ import annotations

from commands.picture.risk import rank, sector_ranking
from config.picture_settings import RiskSettings, RiskWeights
from storage.database import Database
from storage.figures import RiskInputs
from storage.picture import PictureQueries
from tests.unit.picture.seed import CURRENT, PREVIOUS, VEGETABLES

RISK = RiskSettings()  # weights 1, 2, 3; rises at twice the score and at least 3 more


async def test_risk_inputs_count_a_company_once_and_only_reports_with_measures(
    seeded: Database,
) -> None:
    async with seeded.transaction() as session:
        inputs = await PictureQueries(session).risk_inputs(CURRENT, by_region=False)
    assert inputs == {
        # 001 and 002 are one company (A), 007 another; 002's report left measures empty.
        ("vleesverwerking", None): RiskInputs(companies=2, visit_decisions=3, measures=2),
        (VEGETABLES, None): RiskInputs(companies=2, visit_decisions=2, measures=0),
        ("logistiek", None): RiskInputs(companies=1, visit_decisions=0, measures=0),
        (None, None): RiskInputs(companies=1, visit_decisions=0, measures=0),
    }  # the preventive visits, though in a sector and with measures, are not signals


async def test_risk_inputs_per_region(seeded: Database) -> None:
    async with seeded.transaction() as session:
        inputs = await PictureQueries(session).risk_inputs(PREVIOUS, by_region=True)
    # 008 only named findings: no measures key at all.
    assert inputs == {
        ("vleesverwerking", "VR06"): RiskInputs(companies=2, visit_decisions=2, measures=0),
        (VEGETABLES, "VR05"): RiskInputs(companies=1, visit_decisions=1, measures=0),
    }


async def test_the_ranking_flags_the_sectors_that_rose_sharply(seeded: Database) -> None:
    async with seeded.transaction() as session:
        ranks = await sector_ranking(PictureQueries(session), CURRENT, PREVIOUS, RISK)
    assert [(r.sector, r.score, r.previous_score, r.rising) for r in ranks] == [
        ("vleesverwerking", 14.0, 6.0, True),  # 2 + 3*2 + 2*3 against 2 + 2*2
        (VEGETABLES, 6.0, 3.0, True),  # exactly twice, exactly 3 more
        ("logistiek", 1.0, 0.0, False),  # from nothing, but less than 3 more
        (None, 1.0, 0.0, False),  # the unknown sector last among equals
    ]
    assert ranks[0].current == RiskInputs(2, 3, 2)
    assert ranks[0].previous == RiskInputs(2, 2, 0)
    assert all(r.region is None for r in ranks)


def test_not_rising_under_twice_the_score_or_under_the_minimum_rise() -> None:
    before = {("bouw", None): RiskInputs(3, 0, 0), ("horeca", None): RiskInputs(1, 0, 0)}
    now = {("bouw", None): RiskInputs(5, 0, 0), ("horeca", None): RiskInputs(2, 0, 0)}
    ranks = rank(now, before, RISK.weights, RISK)
    assert [(r.sector, r.score, r.rising) for r in ranks] == [
        ("bouw", 5.0, False),  # 5 < 2 * 3
        ("horeca", 2.0, False),  # twice, but only 1 more
    ]


def test_a_sector_gone_quiet_still_ranks_with_its_previous_inputs() -> None:
    before = {("bouw", "VR06"): RiskInputs(4, 1, 1)}
    ranks = rank({}, before, RiskWeights(companies=1, visit_decisions=0, measures=0), RISK)
    (only,) = ranks
    assert (only.sector, only.region, only.current, only.score, only.previous_score) == (
        "bouw",
        "VR06",
        RiskInputs(0, 0, 0),
        0.0,
        4.0,
    )
    assert not only.rising


async def test_the_inputs_of_several_windows_at_once_are_each_windows_own(
    seeded: Database,
) -> None:
    async with seeded.transaction() as session:
        queries = PictureQueries(session)
        for by_region in (False, True):
            together = await queries.risk_inputs_of([CURRENT, PREVIOUS], by_region=by_region)
            alone = [await queries.risk_inputs(w, by_region=by_region) for w in (CURRENT, PREVIOUS)]
            assert together == alone
            assert together[0] != together[1]
