"""The operational picture as SQL aggregates: counts, lead times, the funnel and the sector
ranking's inputs, computed in the database rather than by reading every case.

Every query here runs the same on SQLite and PostgreSQL: plain COUNT and SUM(CASE ...), integer
arithmetic, window functions, and the column the database computes from a report's JSON. The
indexes they lean on are declared at the bottom (migrations 0011 and 0017).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from functools import lru_cache
from itertools import pairwise

from sqlalchemy import Index, Select, and_, bindparam, func, null, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.base import UTCDateTime
from storage.cases import Case, CaseKind, CaseStatus, Decision, TimelineEntry, TimelineKind
from storage.figures import (
    Compared,
    FollowUpFigures,
    Picture,
    PreventiveFigures,
    RiskInputs,
    Scope,
    Window,
)
from storage.follow_up import Action, DecisionEntry
from storage.picture_counts import counts
from storage.picture_lead import lead_hours, lead_times
from storage.picture_lists import PictureLists
from storage.picture_sql import (
    CURRENT,
    PREVIOUS,
    Bound,
    both,
    count_if,
    count_in,
    in_either,
    in_window,
    one_row,
    scoped,
    side_by_side,
    tagged,
)

#: A count per (region, sector), None where unknown.
ByPlace = dict[tuple[str | None, str | None], Compared]
#: The sector ranking's inputs per (sector, region), region None when not by region.
RiskInputsBy = dict[tuple[str | None, str | None], RiskInputs]
#: Repressive cases opened, per (region, sector, border country), None where unknown.
Opened = dict[tuple[str | None, str | None, str | None], Compared]


class PictureQueries(PictureLists):
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
        window (24 hours), `cadence` the preventive one (two weeks).

        - `opened`: repressive cases signalled in the window; `joined`: repeat signals
          (timeline entries of kind REPEAT_SIGNAL) in the window; `signals` is their sum, also
          per region and per sector of the case (None: unknown), for every key counted in either
          window.
        - `open_now`: repressive cases not closed; `overdue_now`: of those, the ones marked
          overdue and not visited.
        - `lead`, `lead_previous`, `lead_hours`: repressive cases visited in the window (see
          `storage.picture_lead`).
        - `funnel`: repressive cases signalled in the window, and where the open ones wait.
        - `preventive`: preventive visits (see `PreventiveFigures`).
        - `reports_filed`: cases of either kind whose report was filed in the window.

        A region or sector in `scope` narrows every figure to the cases of that region or sector.
        """
        by_border, joined = await self._signal_counts(current, previous, scope)
        opened = _folded(by_border, lambda region, sector, _border: (region, sector))
        found = await counts(self.session, current, previous, scope)
        lead, lead_previous = await lead_times(self.session, (current, previous), scope, promise)
        return Picture(
            current=current,
            previous=previous,
            scope=scope,
            signals=_added([*opened.values(), *joined.values()]),
            opened=_added(opened.values()),
            joined=_added(joined.values()),
            signals_by_region=_per(0, opened, joined),
            signals_by_sector=_per(1, opened, joined),
            open_now=found.open_now,
            overdue_now=found.overdue_now,
            lead=lead,
            lead_previous=lead_previous,
            lead_hours=await lead_hours(self.session, current, scope),
            funnel=found.funnel,
            preventive=await self._preventive(current, previous, scope, now, cadence),
            reports_filed=found.reports_filed,
            opened_by_border=_folded(by_border, lambda region, _sector, border: (region, border)),
        )

    async def _signal_counts(
        self, current: Window, previous: Window, scope: Scope
    ) -> tuple[Opened, ByPlace]:
        """Opened per (region, sector, border) and joined per (region, sector), each window
        apart, from one statement."""
        found: tuple[Opened, Opened] = ({}, {})
        rows = await self.session.execute(_signals(scope), both(current, previous))
        for region, sector, border, n, m, part in rows:
            found[part][(region, sector, border)] = Compared(n, m)
        opened, joined = found
        return opened, {(region, sector): count for (region, sector, _), count in joined.items()}

    async def _preventive(
        self, current: Window, previous: Window, scope: Scope, now: datetime, cadence: timedelta
    ) -> PreventiveFigures:
        """Done: visited in the window; planned: not visited and not closed, now. Per region:
        done in the current window, planned now (regions with none are left out)."""
        rows = (await self.session.execute(_preventive(scope), both(current, previous))).all()
        longest = await self._longest_gap(current, scope, now)
        return PreventiveFigures(
            done=Compared(sum(r[1] for r in rows), sum(r[2] for r in rows)),
            planned=sum(r[3] for r in rows),
            done_by_region={r[0]: r[1] for r in rows if r[1]},
            planned_by_region={r[0]: r[3] for r in rows if r[3]},
            longest_gap=longest,
            cadence_held=longest <= cadence,
        )

    async def _longest_gap(self, window: Window, scope: Scope, now: datetime) -> timedelta:
        """The longest stretch without a preventive visit, from the last visit before the window
        (or its start) over the visits in it to its end; a window still running ends now. One
        statement: the visits from that last one before the window on."""
        end = min(window.until, now)
        values = CURRENT.values(Window(window.since, end))
        found = (await self.session.scalars(_visits_since_last(scope), values)).all()
        start = found[0] if found and found[0] < window.since else window.since
        inside = [moment for moment in found if moment >= window.since]
        moments = [start, *inside, max(end, start)]
        return max(later - earlier for earlier, later in pairwise(moments))

    async def risk_inputs(self, window: Window, *, by_region: bool) -> RiskInputsBy:
        """Per (sector, region) - region None unless `by_region` - what the ranking counts, of
        the repressive cases signalled in the window: distinct companies (`company_key`),
        decisions to visit, and reports whose `measures` (`maatregelen:`) is not empty."""
        return (await self.risk_inputs_of([window], by_region=by_region))[0]

    async def risk_inputs_of(
        self, windows: Sequence[Window], *, by_region: bool
    ) -> list[RiskInputsBy]:
        """`risk_inputs` of each window, from one statement."""
        values: dict[str, datetime] = {}
        for index, window in enumerate(windows):
            values |= _risk_window(index).values(window)
        found: list[RiskInputsBy] = [{} for _ in windows]
        for row in await self.session.execute(_risk(len(windows), by_region), values):
            region = row[1] if by_region else None
            found[row.part][(row[0], region)] = RiskInputs(*row[-4:-1])
        return found

    async def follow_up(self, current: Window, previous: Window, now: datetime) -> FollowUpFigures:
        """Open actions now (not done) and those overdue (due before `now`), and the decisions
        taken in each window."""
        values = both(current, previous) | {"now": now}
        row = await one_row(self.session, _follow_up(), values)
        open_actions, overdue, taken, before = row
        return FollowUpFigures(open_actions, overdue, Compared(taken, before))


@lru_cache(maxsize=64)
def _signals(scope: Scope) -> Select:
    """Repressive cases opened per (region, sector, border), then repeat signals per (region,
    sector), border None (`part` 0 and 1)."""
    opened = select(
        Case.region,
        Case.sector,
        Case.border,
        count_in(Case.signalled_at, CURRENT),
        count_in(Case.signalled_at, PREVIOUS),
    ).where(Case.kind == CaseKind.REPRESSIVE, in_either(Case.signalled_at, CURRENT, PREVIOUS))
    joined = (
        select(
            Case.region,
            Case.sector,
            null().label("border"),
            count_in(TimelineEntry.at, CURRENT),
            count_in(TimelineEntry.at, PREVIOUS),
        )
        .join(Case, TimelineEntry.case_id == Case.id)
        .where(
            TimelineEntry.kind == TimelineKind.REPEAT_SIGNAL,
            in_either(TimelineEntry.at, CURRENT, PREVIOUS),
        )
    )
    return tagged(
        scoped(opened, scope).group_by(Case.region, Case.sector, Case.border),
        scoped(joined, scope).group_by(Case.region, Case.sector),
    )


@lru_cache(maxsize=64)
def _preventive(scope: Scope) -> Select:
    planned = and_(Case.visited_at.is_(None), Case.status != CaseStatus.CLOSED)
    query = select(
        Case.region,
        count_in(Case.visited_at, CURRENT),
        count_in(Case.visited_at, PREVIOUS),
        count_if(planned),
    ).where(
        Case.kind == CaseKind.PREVENTIVE,
        or_(in_either(Case.visited_at, CURRENT, PREVIOUS), planned),
    )
    return scoped(query, scope).group_by(Case.region)


@lru_cache(maxsize=64)
def _visits_since_last(scope: Scope) -> Select:
    """The preventive visits in CURRENT, after the last one before it (when there is one)."""
    preventive = and_(Case.kind == CaseKind.PREVENTIVE, Case.visited_at.is_not(None))
    before = select(func.max(Case.visited_at)).where(preventive, Case.visited_at < CURRENT.since)
    first = func.coalesce(scoped(before, scope).correlate(None).scalar_subquery(), CURRENT.since)
    visits = select(Case.visited_at).where(
        preventive, Case.visited_at >= first, Case.visited_at < CURRENT.until
    )
    return scoped(visits, scope).order_by(Case.visited_at)


def _risk_window(index: int) -> Bound:
    return Bound(f"risk{index}")


@lru_cache(maxsize=8)
def _risk(windows: int, by_region: bool) -> Select:
    keys = [Case.sector, Case.region] if by_region else [Case.sector]
    queries = [
        select(
            *keys,
            func.count(func.distinct(Case.company_key)),
            count_if(Case.decision == Decision.VISIT),
            count_if(Case.report_has_measures.is_(True)),
        )
        .where(Case.kind == CaseKind.REPRESSIVE, in_window(Case.signalled_at, _risk_window(index)))
        .group_by(*keys)
        for index in range(windows)
    ]
    return tagged(*queries)


@lru_cache(maxsize=1)
def _follow_up() -> Select:
    now = bindparam("now", type_=UTCDateTime())
    actions = select(func.count(), count_if(Action.due_at < now)).where(Action.done_at.is_(None))
    decisions = select(
        count_in(DecisionEntry.taken_at, CURRENT), count_in(DecisionEntry.taken_at, PREVIOUS)
    ).where(in_either(DecisionEntry.taken_at, CURRENT, PREVIOUS))
    return side_by_side(actions, decisions)


def _added(counts: Iterable[Compared]) -> Compared:
    listed = list(counts)
    return Compared(sum(c.current for c in listed), sum(c.previous for c in listed))


def _folded(
    counts: Opened,
    key: Callable[[str | None, str | None, str | None], tuple[str | None, str | None]],
) -> ByPlace:
    """The counts added up per the pair `key` makes of (region, sector, border)."""
    grouped: dict[tuple[str | None, str | None], list[Compared]] = {}
    for place, count in counts.items():
        grouped.setdefault(key(*place), []).append(count)
    return {pair: _added(found) for pair, found in grouped.items()}


def _per(part: int, *counts: ByPlace) -> dict[str | None, Compared]:
    """The counts added up per region (`part` 0 of the key) or per sector (1)."""
    grouped: dict[str | None, list[Compared]] = {}
    for by_place in counts:
        for place, count in by_place.items():
            grouped.setdefault(place[part], []).append(count)
    return {key: _added(found) for key, found in grouped.items()}


# The indexes the figures need to stay fast on many cases; created by migration 0011, the
# first and third widened by 0017 so the sector ranking and the open cases read the index only.
Index(
    "ix_cases_kind_signalled_at_risk",
    Case.kind,
    Case.signalled_at,
    Case.sector,
    Case.company_key,
    Case.decision,
    Case.report_has_measures,
)
Index("ix_cases_kind_visited_at", Case.kind, Case.visited_at)
Index("ix_cases_kind_status_overdue", Case.kind, Case.status, Case.overdue, Case.visited_at)
Index("ix_cases_report_filed_at", Case.report_filed_at)
Index("ix_timeline_entries_kind_at", TimelineEntry.kind, TimelineEntry.at)
Index("ix_decisions_taken_at", DecisionEntry.taken_at)
