"""Preventive visits in the picture: carried out, planned, per region, and the cadence."""

from __future__ import annotations

from storage.database import Database
from storage.figures import Compared, Scope, Window
from tests.unit.picture.reading import picture_of
from tests.unit.picture.seed import DAY, NOW, P, T


async def test_done_in_the_window_and_planned_now_per_region(seeded: Database) -> None:
    preventive = (await picture_of(seeded)).preventive
    assert preventive.done == Compared(2, 1)  # 014 015; 013
    assert preventive.planned == 2  # 016 017 (018 was cancelled)
    assert preventive.done_by_region == {"VR05": 2}
    assert preventive.planned_by_region == {"VR06": 1, None: 1}


async def test_the_cadence_held_counting_from_the_last_visit_before_the_window(
    seeded: Database,
) -> None:
    preventive = (await picture_of(seeded)).preventive
    # 013 at T - 11 days, then T + 2 days, T + 9 days, until the end: 13, 7, 5 days.
    assert preventive.longest_gap == 13 * DAY
    assert preventive.cadence_held


async def test_the_cadence_broken_when_a_stretch_is_longer_than_the_cadence(
    seeded: Database,
) -> None:
    preventive = (await picture_of(seeded, Scope(region="VR06"))).preventive
    # VR06: 013 at T - 11 days and nothing since: 25 days to the window's end.
    assert preventive.longest_gap == 25 * DAY
    assert not preventive.cadence_held
    assert preventive.done == Compared(0, 1)
    assert (preventive.planned, preventive.planned_by_region) == (1, {"VR06": 1})


async def test_without_an_earlier_visit_the_cadence_counts_from_the_window_start(
    seeded: Database,
) -> None:
    figures = await picture_of(seeded, current=Window(P, T), previous=Window(P - 14 * DAY, P))
    # 013 at P + 3 days, then 11 days to T.
    assert figures.preventive.longest_gap == 11 * DAY
    assert figures.preventive.cadence_held


async def test_a_window_still_running_counts_the_stretch_until_now(seeded: Database) -> None:
    running = Window(T, NOW + 20 * DAY)
    figures = await picture_of(seeded, current=running, previous=Window(P, T))
    assert figures.preventive.longest_gap == 13 * DAY  # not the 25 days to its end
