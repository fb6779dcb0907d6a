"""A picture of November 2026 against October, built by hand: the values every rendering of the
export and the accountability report is checked against."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from storage.figures import (
    Compared,
    FollowUpFigures,
    Funnel,
    FunnelStep,
    LeadTimes,
    Picture,
    PreventiveFigures,
    RiskInputs,
    RiskRank,
    Scope,
    Window,
)

ZONE = ZoneInfo("Europe/Amsterdam")
PROMISE = timedelta(hours=24)
CADENCE = timedelta(days=14)
# Calendar months in Amsterdam: winter time (UTC+1) from 25 October on.
NOVEMBER = Window(
    datetime(2026, 10, 31, 23, 0, tzinfo=UTC), datetime(2026, 11, 30, 23, 0, tzinfo=UTC)
)
OCTOBER = Window(datetime(2026, 9, 30, 22, 0, tzinfo=UTC), NOVEMBER.since)

# 12 visits now: 18:30 in the middle, 30 hours at the 90th percentile, 9 within 24 hours.
LEAD = LeadTimes(
    count=12,
    within=9,
    median=timedelta(hours=18, minutes=30),
    p90=timedelta(hours=30),
    slowest=(("2026-101", timedelta(hours=31)),),
)
LEAD_BEFORE = LeadTimes(
    count=9, within=5, median=timedelta(hours=22), p90=timedelta(hours=40), slowest=()
)

# 11 signalled: 9 decided (7 to visit, 2 not), 6 visited, 4 reported, 3 closed; the 8 still open
# wait for a decision (2), the visit (1), the report (2) or closing (3: 1 reported, 2 no visit).
FUNNEL = Funnel(
    signalled=11,
    decided=9,
    visit_decided=7,
    visited=6,
    reported=4,
    closed=3,
    stuck={FunnelStep.SIGNAL: 2, FunnelStep.DECISION: 1, FunnelStep.VISIT: 2, FunnelStep.REPORT: 3},
)

PREVENTIVE = PreventiveFigures(
    done=Compared(2, 3),
    planned=1,
    done_by_region={"VR06": 1, "VR05": 1},
    planned_by_region={"VR06": 1, "VR25": 1},
    longest_gap=timedelta(days=12, hours=4),
    cadence_held=True,
)


def picture(scope: Scope = Scope(), **changes: object) -> Picture:  # noqa: B008
    values: dict[str, object] = {
        "current": NOVEMBER,
        "previous": OCTOBER,
        "scope": scope,
        "signals": Compared(14, 10),
        "opened": Compared(11, 8),
        "joined": Compared(3, 2),
        "signals_by_region": {
            "VR06": Compared(5, 2),
            "VR05": Compared(3, 1),
            "VR01": Compared(2, 4),
            "VR03": Compared(2, 2),
            "VR04": Compared(1, 1),
            None: Compared(1, 0),
        },
        "signals_by_sector": {
            "vleesverwerking": Compared(6, 3),
            "bouw": Compared(2, 2),
            None: Compared(6, 5),
        },
        "open_now": 8,
        "overdue_now": 2,
        "lead": LEAD,
        "lead_previous": LEAD_BEFORE,
        "lead_hours": ((2, 1), (5, 3), (18, 4), (23, 1), (30, 2), (31, 1)),
        "funnel": FUNNEL,
        "preventive": PREVENTIVE,
        "reports_filed": Compared(4, 2),
    }
    return Picture(**{**values, **changes})


FOLLOW_UP = FollowUpFigures(open_actions=5, overdue_actions=2, decisions=Compared(4, 6))

# Weights 1, 2 and 3: companies + 2 x visit decisions + 3 x reports with measures.
RANKS = [
    RiskRank(
        sector="vleesverwerking",
        region=None,
        current=RiskInputs(companies=5, visit_decisions=3, measures=2),
        previous=RiskInputs(companies=2, visit_decisions=1, measures=0),
        score=17.0,
        previous_score=4.0,
        rising=True,
    ),
    RiskRank(
        sector="bouw",
        region="VR06",
        current=RiskInputs(companies=2, visit_decisions=1, measures=0),
        previous=RiskInputs(companies=2, visit_decisions=1, measures=1),
        score=4.0,
        previous_score=7.0,
        rising=False,
    ),
    RiskRank(
        sector=None,
        region=None,
        current=RiskInputs(companies=1, visit_decisions=0, measures=0),
        previous=RiskInputs(companies=0, visit_decisions=0, measures=0),
        score=1.0,
        previous_score=0.0,
        rising=False,
    ),
]
