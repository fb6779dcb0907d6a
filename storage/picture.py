"""The operational picture as SQL aggregates: counts, lead times, the funnel and the sector
ranking's inputs, computed in the database rather than by reading every case."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from storage.figures import FollowUpFigures, Picture, RiskInputs, Scope, Window


class PictureQueries:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def picture(
        self,
        current: Window,
        previous: Window,
        scope: Scope,
        *,
        now: datetime,
        promise: timedelta,
        cadence: timedelta,
    ) -> Picture:
        """The picture of `current`, each count next to `previous`; `promise` is the repressive
        window (24 hours), `cadence` the preventive one (two weeks)."""
        raise NotImplementedError

    async def risk_inputs(
        self, window: Window, *, by_region: bool
    ) -> dict[tuple[str | None, str | None], RiskInputs]:
        """Per (sector, region) - region None unless `by_region` - what the ranking counts."""
        raise NotImplementedError

    async def follow_up(self, current: Window, previous: Window, now: datetime) -> FollowUpFigures:
        """Open and overdue actions now, and decisions taken in each window."""
        raise NotImplementedError
