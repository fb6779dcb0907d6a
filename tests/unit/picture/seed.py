"""A small builder of cases, visits, repeat signals, reports, actions and decisions, and the
fortnight the picture tests count: every number the tests expect follows from `fortnight`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from storage.cases import Case, CaseKind, CaseStatus, Decision, TimelineEntry, TimelineKind
from storage.figures import Window
from storage.follow_up import Action, DecisionEntry

NOW = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
FORTNIGHT = timedelta(days=14)
CURRENT = Window(NOW - FORTNIGHT, NOW)
PREVIOUS = Window(NOW - 2 * FORTNIGHT, NOW - FORTNIGHT)
T, P = CURRENT.since, PREVIOUS.since  # the start of each window
HOUR, DAY = timedelta(hours=1), timedelta(days=1)
PROMISE = timedelta(hours=24)


@dataclass
class Seed:
    """Adds rows as a case's life would leave them; numbers 2026-001, -002, ... in order."""

    session: AsyncSession
    seq: int = 0

    async def case(
        self,
        signalled: datetime,
        *,
        kind: CaseKind = CaseKind.REPRESSIVE,
        region: str | None = "VR06",
        sector: str | None = "vleesverwerking",
        company: str = "bedrijf",
        decision: Decision | None = None,
        lead: timedelta | None = None,
        visited: datetime | None = None,
        report: dict[str, str] | None = None,
        reported: datetime | None = None,
        closed: bool = False,
        overdue: bool = False,
        deadline: datetime | None = None,
    ) -> Case:
        """A repressive case visited `lead` after its signal, or a preventive visit (planned
        for `deadline`) carried out at `visited`."""
        self.seq += 1
        if lead is not None:
            visited = signalled + lead
        case = Case(
            kind=kind,
            year=2026,
            seq=self.seq,
            title=f"Bedrijf {self.seq}",
            company_key=company,
            region=region,
            sector=sector,
            status=_status(decision, visited, reported, closed),
            signalled_at=signalled,
            deadline_at=deadline or signalled + PROMISE,
            created_by="@iszw:example.org",
            intake_room_id="!platform:example.org",
            intake_event_id=f"$signal{self.seq}",
            coordinator="NLA" if report else None,
            decision=decision,
            visited_at=visited,
            lead_time_seconds=int(lead.total_seconds()) if lead is not None else None,
            overdue=overdue,
            report=report,
            report_filed_at=reported,
            closed_at=(reported or visited or signalled) if closed else None,
        )
        self.session.add(case)
        await self.session.flush()
        return case

    async def repeat_signal(self, case: Case, at: datetime) -> None:
        self.session.add(
            TimelineEntry(
                case_id=case.id,
                at=at,
                actor="@vr06:example.org",
                kind=TimelineKind.REPEAT_SIGNAL,
                text="Herhaald signaal",
            )
        )
        await self.session.flush()

    async def action(self, due: datetime | None, *, done: datetime | None = None) -> None:
        self.session.add(
            Action(
                room_id="!platform:example.org",
                text="Brief sturen",
                owner_entity="NLA",
                due_at=due,
                created_by="@iszw:example.org",
                created_at=P,
                done_at=done,
            )
        )
        await self.session.flush()

    async def decision(self, taken: datetime) -> None:
        self.session.add(
            DecisionEntry(text="Besluit", taken_by="@lotc:example.org", taken_at=taken)
        )
        await self.session.flush()


def _status(
    decision: Decision | None, visited: datetime | None, reported: datetime | None, closed: bool
) -> CaseStatus:
    if closed:
        return CaseStatus.CLOSED
    if reported:
        return CaseStatus.REPORT_RECEIVED
    if visited:
        return CaseStatus.VISITED
    return CaseStatus.DECIDED if decision else CaseStatus.REPORTED


MEASURES = {"findings": "Te veel bedden per kamer", "measures": "Bedden verwijderen"}
NO_MEASURES = {"findings": "In orde", "measures": ""}
FINDINGS_ONLY = {"findings": "In orde"}

VISIT, NO_VISIT = Decision.VISIT, Decision.NO_VISIT
VEGETABLES, LOGISTICS = "land-tuinbouw", "logistiek"


async def fortnight(session: AsyncSession) -> None:
    """Two fortnights of work:

    current window (T = NOW - 14 days), repressive:
      001 VR06 vleesverwerking A  at T exactly, visit, lead 2:00, measures, closed
      002 VR06 vleesverwerking A  visit, lead 24:00:00, report without measures, open
      003 VR05 land-tuinbouw   B  visit, lead 24:00:01 (overdue), no report, open
      004 VR05 land-tuinbouw   C  visit, not visited, overdue, open; repeat signal T + 5 days
      005 no region, no sector D  no decision, open
      006 VR06 logistiek       E  no visit, open; repeat signal T + 6 days
      007 VR06 vleesverwerking F  visit, lead 30:00, measures, closed
    previous window (P = NOW - 28 days), repressive:
      008 VR06 vleesverwerking G  at P exactly, visit, lead 10:00, findings only, closed
      009 VR06 vleesverwerking H  visit, lead 10:00, closed; repeat signal P + 1 day
      010 VR05 land-tuinbouw   B  visit, lead 20:00, closed
    outside both: 011 VR06 vleesverwerking, two days before P, visit, overdue, open;
      012 VR05 land-tuinbouw, signalled at NOW (the window's end, not in it), open
    preventive: 013 VR06 carried out P + 3 days (report filed); 014 VR05 at T + 2 days (report
      filed, with measures); 015 VR05 at T + 9 days; 016 VR06 planned; 017 no region planned;
      018 VR05 cancelled
    follow-up: open actions overdue, due later and undated, one done; decisions 1 now, 3 before
    """
    seed = Seed(session)
    await current_cases(seed)
    await previous_cases(seed)
    await seed.case(P - 2 * DAY, company="K", decision=VISIT, overdue=True)
    await seed.case(NOW, region="VR05", sector=VEGETABLES, company="L")
    await preventive_visits(seed)
    await follow_up(seed)


async def current_cases(seed: Seed) -> None:
    await seed.case(
        T,
        company="A",
        decision=VISIT,
        lead=2 * HOUR,
        report=MEASURES,
        reported=T + 3 * HOUR,
        closed=True,
    )
    await seed.case(
        T + 2 * HOUR,
        company="A",
        decision=VISIT,
        lead=24 * HOUR,
        report=NO_MEASURES,
        reported=T + 27 * HOUR,
    )
    await seed.case(
        T + 3 * HOUR,
        region="VR05",
        sector=VEGETABLES,
        company="B",
        decision=VISIT,
        lead=24 * HOUR + timedelta(seconds=1),
        overdue=True,
    )
    unvisited = await seed.case(
        T + 4 * HOUR, region="VR05", sector=VEGETABLES, company="C", decision=VISIT, overdue=True
    )
    await seed.case(T + 5 * HOUR, region=None, sector=None, company="D")
    declined = await seed.case(T + 6 * HOUR, sector=LOGISTICS, company="E", decision=NO_VISIT)
    await seed.case(
        T + 7 * HOUR,
        company="F",
        decision=VISIT,
        lead=30 * HOUR,
        report=MEASURES,
        reported=T + 38 * HOUR,
        closed=True,
    )
    await seed.repeat_signal(unvisited, T + 5 * DAY)
    await seed.repeat_signal(declined, T + 6 * DAY)


async def previous_cases(seed: Seed) -> None:
    await seed.case(
        P,
        company="G",
        decision=VISIT,
        lead=10 * HOUR,
        report=FINDINGS_ONLY,
        reported=P + 11 * HOUR,
        closed=True,
    )
    repeated = await seed.case(P + HOUR, company="H", decision=VISIT, lead=10 * HOUR, closed=True)
    await seed.case(
        P + 2 * HOUR,
        region="VR05",
        sector=VEGETABLES,
        company="B",
        decision=VISIT,
        lead=20 * HOUR,
        closed=True,
    )
    await seed.repeat_signal(repeated, P + DAY)


async def preventive_visits(seed: Seed) -> None:
    preventive = CaseKind.PREVENTIVE
    for region, visited, report in (
        ("VR06", P + 3 * DAY, FINDINGS_ONLY),
        ("VR05", T + 2 * DAY, MEASURES),
        ("VR05", T + 9 * DAY, None),
    ):
        await seed.case(
            visited - DAY,
            kind=preventive,
            region=region,
            deadline=visited,
            visited=visited,
            report=report,
            reported=visited + HOUR if report else None,
        )
    await seed.case(T, kind=preventive, region="VR06", deadline=NOW + 3 * DAY)
    await seed.case(T, kind=preventive, region=None, deadline=NOW + 10 * DAY)
    await seed.case(T, kind=preventive, region="VR05", deadline=T + DAY, closed=True)


async def follow_up(seed: Seed) -> None:
    await seed.action(NOW - HOUR)  # overdue
    await seed.action(NOW + DAY)
    await seed.action(None)
    await seed.action(NOW - DAY, done=NOW - 2 * DAY)
    await seed.decision(T)
    for taken in (P, P + DAY, T - timedelta(seconds=1)):
        await seed.decision(taken)
