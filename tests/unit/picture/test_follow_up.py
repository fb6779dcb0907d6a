"""Open and overdue actions, and decisions per window."""

from __future__ import annotations

from storage.database import Database
from storage.figures import Compared, Trend
from storage.picture import PictureQueries
from tests.unit.picture.seed import CURRENT, NOW, PREVIOUS


async def test_open_and_overdue_actions_and_decisions_against_before(seeded: Database) -> None:
    async with seeded.transaction() as session:
        figures = await PictureQueries(session).follow_up(CURRENT, PREVIOUS, NOW)
    assert (figures.open_actions, figures.overdue_actions) == (3, 1)  # the done one is not open
    # At the window's start counts now; a second before it, in the previous window.
    assert figures.decisions == Compared(1, 3)
    assert figures.decisions.trend is Trend.DOWN
