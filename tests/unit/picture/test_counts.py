"""Signals, open cases, the funnel and the reports of the seeded fortnight, against the one
before it (see seed.py for the cases behind each number)."""

from __future__ import annotations

from storage.database import Database
from storage.figures import Compared, FunnelStep, Scope, Trend
from tests.unit.picture.reading import picture_of
from tests.unit.picture.seed import LOGISTICS, VEGETABLES


async def test_signals_are_new_cases_and_repeat_signals_each_window_apart(
    seeded: Database,
) -> None:
    figures = await picture_of(seeded)
    # 001 at the window's start counts; 012 at its end does not; 008 at the previous start does.
    assert figures.opened == Compared(current=7, previous=3)
    assert figures.joined == Compared(current=2, previous=1)
    assert figures.signals == Compared(current=9, previous=4)
    assert figures.signals.trend is Trend.UP


async def test_signals_per_region_and_sector_with_the_unknown_apart(seeded: Database) -> None:
    figures = await picture_of(seeded)
    assert figures.signals_by_region == {
        "VR06": Compared(5, 3),  # 001 002 006 007 + repeat on 006; 008 009 + repeat on 009
        "VR05": Compared(3, 1),  # 003 004 + repeat on 004; 010
        None: Compared(1, 0),  # 005
    }
    assert figures.signals_by_sector == {
        "vleesverwerking": Compared(3, 3),
        VEGETABLES: Compared(3, 1),
        LOGISTICS: Compared(2, 0),
        None: Compared(1, 0),
    }
    assert figures.signals_by_sector["vleesverwerking"].trend is Trend.SAME


async def test_open_and_overdue_cases_now(seeded: Database) -> None:
    figures = await picture_of(seeded)
    # Open: 002 003 004 005 006 011 012. Overdue and not visited: 004 011 (003 was visited).
    assert (figures.open_now, figures.overdue_now) == (7, 2)


async def test_the_funnel_of_the_cases_signalled_in_the_window(seeded: Database) -> None:
    funnel = (await picture_of(seeded)).funnel
    assert (funnel.signalled, funnel.decided, funnel.visit_decided) == (7, 6, 5)
    assert (funnel.visited, funnel.reported, funnel.closed) == (4, 3, 2)
    assert funnel.stuck == {
        FunnelStep.SIGNAL: 1,  # 005: no decision
        FunnelStep.DECISION: 1,  # 004: to visit, not visited
        FunnelStep.VISIT: 1,  # 003: visited, no report
        FunnelStep.REPORT: 2,  # 002: report filed; 006: no visit; neither closed
    }


async def test_reports_filed_of_either_kind(seeded: Database) -> None:
    figures = await picture_of(seeded)
    # Now 001 002 007 and preventive 014; before 008 and preventive 013.
    assert figures.reports_filed == Compared(4, 2)


async def test_a_region_narrows_every_figure_to_its_cases(seeded: Database) -> None:
    figures = await picture_of(seeded, Scope(region="VR05"))
    assert figures.opened == Compared(2, 1)
    assert figures.joined == Compared(1, 0)
    assert figures.signals_by_region == {"VR05": Compared(3, 1)}
    assert set(figures.signals_by_sector) == {VEGETABLES}
    assert (figures.open_now, figures.overdue_now) == (3, 1)  # 003 004 012; 004
    funnel = figures.funnel
    assert (funnel.signalled, funnel.visited, funnel.reported, funnel.closed) == (2, 1, 0, 0)
    assert funnel.stuck == {
        FunnelStep.SIGNAL: 0,
        FunnelStep.DECISION: 1,
        FunnelStep.VISIT: 1,
        FunnelStep.REPORT: 0,
    }
    assert (figures.lead.count, figures.lead.within) == (1, 0)  # 003 at 24:00:01
    assert figures.preventive.done == Compared(2, 0)
    assert figures.reports_filed == Compared(1, 0)  # preventive 014


async def test_a_sector_narrows_every_figure_to_its_cases(seeded: Database) -> None:
    figures = await picture_of(seeded, Scope(sector="vleesverwerking"))
    assert figures.opened == Compared(3, 2)
    assert figures.joined == Compared(0, 1)
    assert figures.signals == Compared(3, 3)
    assert set(figures.signals_by_region) == {"VR06"}
    assert (figures.open_now, figures.overdue_now) == (2, 1)  # 002 011; 011
    assert figures.funnel.signalled == 3
    assert figures.reports_filed == Compared(4, 2)  # the preventive visits are in this sector
    both = await picture_of(seeded, Scope(region="VR05", sector="vleesverwerking"))
    assert (both.signals, both.open_now) == (Compared(0, 0), 0)
