"""Lead times against the 24-hour promise: median, p90, the share within, the slowest and the
histogram, for even and odd counts."""

from __future__ import annotations

from datetime import timedelta

from storage.database import Database
from storage.figures import Scope
from tests.unit.picture.reading import picture_of
from tests.unit.picture.seed import HOUR

SECOND = timedelta(seconds=1)


async def test_an_even_count_has_the_mean_of_the_middle_two_as_median(seeded: Database) -> None:
    lead = (await picture_of(seeded)).lead
    # 2:00, 24:00:00, 24:00:01, 30:00
    assert lead.count == 4
    assert lead.median == 24 * HOUR + SECOND / 2
    assert lead.p90 == 30 * HOUR  # rank ceil(3.6) = 4


async def test_exactly_24_hours_is_within_the_promise_and_one_second_more_is_not(
    seeded: Database,
) -> None:
    lead = (await picture_of(seeded)).lead
    assert lead.within == 2  # 2:00 and 24:00:00
    assert lead.share_within == 0.5


async def test_the_slowest_three_slowest_first(seeded: Database) -> None:
    lead = (await picture_of(seeded)).lead
    assert lead.slowest == (
        ("2026-007", 30 * HOUR),
        ("2026-003", 24 * HOUR + SECOND),
        ("2026-002", 24 * HOUR),
    )


async def test_the_previous_window_odd_count_and_ties_by_case_number(seeded: Database) -> None:
    lead = (await picture_of(seeded)).lead_previous
    # 10:00 (008), 10:00 (009), 20:00 (010)
    assert (lead.count, lead.within) == (3, 3)
    assert lead.median == 10 * HOUR
    assert lead.p90 == 20 * HOUR  # rank ceil(2.7) = 3
    assert lead.slowest == (
        ("2026-010", 20 * HOUR),
        ("2026-008", 10 * HOUR),
        ("2026-009", 10 * HOUR),
    )


async def test_a_sector_of_three_visits_has_the_middle_one_as_median(seeded: Database) -> None:
    lead = (await picture_of(seeded, Scope(sector="vleesverwerking"))).lead
    # 2:00, 24:00:00, 30:00
    assert (lead.count, lead.within, lead.median, lead.p90) == (3, 2, 24 * HOUR, 30 * HOUR)


async def test_no_visits_no_median(seeded: Database) -> None:
    lead = (await picture_of(seeded, Scope(region="VR01"))).lead
    assert (lead.count, lead.median, lead.p90, lead.slowest) == (0, None, None, ())
    assert lead.share_within is None


async def test_the_histogram_counts_whole_hours(seeded: Database) -> None:
    figures = await picture_of(seeded)
    # 24:00:00 and 24:00:01 both fall in hour 24.
    assert figures.lead_hours == ((2, 1), (24, 2), (30, 1))
