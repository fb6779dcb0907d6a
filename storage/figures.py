"""The figures of the operational picture, as the aggregate queries in `storage/picture.py`
return them. Plain values: the commands turn them into Dutch text, charts, a workbook and a PDF.

Every figure that is compared with the previous period carries both values (`Compared`), so
the agenda, `!beeld` and the accountability report show the same numbers side by side.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum


@dataclass(frozen=True)
class Window:
    """A stretch of time: from `since` (inclusive) to `until` (exclusive), both in UTC."""

    since: datetime
    until: datetime

    @property
    def length(self) -> timedelta:
        return self.until - self.since


@dataclass(frozen=True)
class Scope:
    """What a picture is narrowed to: one region, one sector, or (both None) everything."""

    region: str | None = None
    sector: str | None = None


class Trend(StrEnum):
    UP = "up"
    DOWN = "down"
    SAME = "same"


@dataclass(frozen=True)
class Compared:
    """A count in the period asked for, next to the same count in the period before it."""

    current: int
    previous: int

    @property
    def trend(self) -> Trend:
        if self.current > self.previous:
            return Trend.UP
        if self.current < self.previous:
            return Trend.DOWN
        return Trend.SAME


@dataclass(frozen=True)
class LeadTimes:
    """Repressive visits carried out in a window, and their lead time (signal -> visit).

    `median` is the middle value (the mean of the two middle ones for an even count); `p90` is
    the nearest-rank 90th percentile: the value at rank ceil(0.9 * count). A visit exactly on
    the promise (24:00:00) counts as within it.
    """

    count: int
    within: int
    median: timedelta | None
    p90: timedelta | None
    slowest: tuple[tuple[str, timedelta], ...]  # (case number, lead time), slowest first

    @property
    def share_within(self) -> float | None:
        return self.within / self.count if self.count else None


class FunnelStep(StrEnum):
    """Where an open case signalled in the window waits."""

    SIGNAL = "signal"  # no decision yet
    DECISION = "decision"  # decided to visit, not visited yet
    VISIT = "visit"  # visited, no report yet
    REPORT = "report"  # report filed (or decided not to visit), not closed yet


@dataclass(frozen=True)
class Funnel:
    """The repressive cases signalled in the window, and how far each got."""

    signalled: int
    decided: int
    visit_decided: int
    visited: int
    reported: int
    closed: int
    stuck: dict[FunnelStep, int]


@dataclass(frozen=True)
class PreventiveFigures:
    """Preventive visits: carried out in the window, planned now, and the cadence.

    The cadence held when no stretch without a carried-out visit inside the window (from the
    last visit before it, or its start, to its end) is longer than `preventive.every`.
    """

    done: Compared
    planned: int
    done_by_region: dict[str | None, int]
    planned_by_region: dict[str | None, int]
    longest_gap: timedelta
    cadence_held: bool


@dataclass(frozen=True)
class Picture:
    """The operational picture of one window, compared with the window before it."""

    current: Window
    previous: Window
    scope: Scope
    signals: Compared  # opened + joined
    opened: Compared  # new repressive cases
    joined: Compared  # repeat signals added to an open case
    signals_by_region: dict[str | None, Compared]  # None: region unknown
    signals_by_sector: dict[str | None, Compared]  # None: sector unknown
    open_now: int
    overdue_now: int
    lead: LeadTimes
    lead_previous: LeadTimes
    lead_hours: tuple[tuple[int, int], ...]  # (whole hours of lead time, visits), ascending
    funnel: Funnel
    preventive: PreventiveFigures
    reports_filed: Compared
    #: Repressive cases opened, per (region, stored country across the border): see
    #: commands/border/counts.py for which of them cross the border.
    opened_by_border: dict[tuple[str | None, str | None], Compared] = field(default_factory=dict)


@dataclass(frozen=True)
class RiskInputs:
    """What the sector ranking counts, for one sector (and region) in one window."""

    companies: int  # distinct companies signalled
    visit_decisions: int  # cases where the decision was to visit
    measures: int  # visits whose report named measures


@dataclass(frozen=True)
class FollowUpFigures:
    open_actions: int
    overdue_actions: int
    decisions: Compared


@dataclass(frozen=True)
class RiskRank:
    """One line of the sector ranking: its inputs now and before, never a bare score."""

    sector: str | None  # None: sector unknown
    region: str | None  # None: all regions together
    current: RiskInputs
    previous: RiskInputs
    score: float
    previous_score: float
    rising: bool  # risen sharply (settings.risk.rise_factor and rise_minimum)
