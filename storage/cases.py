"""Queries and writes on cases and their timeline, used by the command handlers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Computed,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    column,
    func,
    or_,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.base import Base, Code, UTCDateTime

#: Whether a visit report names measures (`maatregelen:`), as the database computes it from
#: the report for the column of that name (migration 0017).
REPORT_HAS_MEASURES = func.coalesce(column("report", JSON)["measures"].as_string(), "") != ""

# States and kinds are stored as these codes; their Dutch labels are in commands/texts/.


class CaseKind(StrEnum):
    REPRESSIVE = "repressive"  # a signal: the 24-hour window
    PREVENTIVE = "preventive"  # the biweekly unannounced visit (plan, 3.2)


class CaseStatus(StrEnum):
    """Lifecycle of a repressive case (DESIGN.md, "Case lifecycle")."""

    REPORTED = "reported"
    ASSESSING = "assessing"
    DECIDED = "decided"
    PLANNED = "planned"
    VISITED = "visited"
    REPORT_RECEIVED = "report_received"
    CLOSED = "closed"


#: Every status but closed: `status IN (...)` lets an index find the few open cases among
#: many closed ones, where `status != 'closed'` reads them all.
OPEN_STATUSES = tuple(status for status in CaseStatus if status is not CaseStatus.CLOSED)


class Decision(StrEnum):
    VISIT = "visit"
    NO_VISIT = "no_visit"


class TimelineKind(StrEnum):
    """What a timeline entry records."""

    SIGNAL = "signal"
    REPEAT_SIGNAL = "repeat_signal"
    ROOM_OPENED = "room_opened"
    COORDINATOR = "coordinator"
    HANDOVER = "handover"
    REGION = "region"
    DECISION = "decision"  # about the visit, or any decision on the list
    VISIT_PLANNED = "visit_planned"
    VISITED = "visited"
    REPORT = "report"
    CLOSED = "closed"
    ESCALATION = "escalation"
    PINNED = "pinned"  # a message pinned to the timeline with a reaction
    MEETING = "meeting"
    ACTION = "action"
    NOTE = "note"
    MINUTES = "minutes"
    PREVENTIVE_PLANNED = "preventive_planned"
    CORRECTION = "correction"  # a field of the case corrected with !wijzig: old and new value


class IntakeField(StrEnum):
    """The fields of a signal, as `Case.unread` names them and `!wijzig` corrects them."""

    TITLE = "title"
    REGION = "region"
    SECTOR = "sector"
    SOURCE = "source"
    LOCATION = "location"
    KVK = "kvk"
    BORDER = "border"  # the country across the border (grens: DE)
    ASPECT = "aspect"
    DESCRIPTION = "description"


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (UniqueConstraint("year", "seq", name="uq_cases_year_seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[CaseKind] = mapped_column(
        Code(CaseKind, 12), default=CaseKind.REPRESSIVE, index=True
    )
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    company_key: Mapped[str] = mapped_column(String(400), index=True)
    kvk: Mapped[str | None] = mapped_column(String(8), index=True)
    region: Mapped[str | None] = mapped_column(String(4))
    sector: Mapped[str | None] = mapped_column(String(40))
    source: Mapped[str | None] = mapped_column(String(40))
    location: Mapped[str | None] = mapped_column(Text)
    # The country across the border the case reaches into (DE or BE), when the signal says so
    # (`grens: DE`) or its address lies there; a case in a border region is flagged by its region.
    border: Mapped[str | None] = mapped_column(String(2))
    aspects: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Intake fields the bot could not read, as typed (field code -> text): the case opened
    # anyway, with that field unknown, until a member corrects it.
    unread: Mapped[dict[str, str]] = mapped_column(JSON, default=dict, server_default="{}")
    description: Mapped[str | None] = mapped_column(Text)
    status: Mapped[CaseStatus] = mapped_column(
        Code(CaseStatus, 40), default=CaseStatus.REPORTED, index=True
    )
    signalled_at: Mapped[datetime] = mapped_column(UTCDateTime())
    deadline_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(255))
    intake_room_id: Mapped[str] = mapped_column(String(255))
    intake_event_id: Mapped[str] = mapped_column(String(255))
    room_id: Mapped[str | None] = mapped_column(String(255), unique=True)
    coordinator: Mapped[str | None] = mapped_column(String(10))
    coordinator_region: Mapped[str | None] = mapped_column(String(4))
    decision: Mapped[Decision | None] = mapped_column(Code(Decision, 20))
    decision_note: Mapped[str | None] = mapped_column(Text)
    visit_planned_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    visit_location: Mapped[str | None] = mapped_column(Text)
    visited_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    lead_time_seconds: Mapped[int | None] = mapped_column(Integer)
    overdue: Mapped[bool] = mapped_column(default=False)
    report: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    report_filed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Kept by the database from `report`, never written: the sector ranking counts reports
    # with measures from an index instead of reading every report.
    report_has_measures: Mapped[bool | None] = mapped_column(Computed(REPORT_HAS_MEASURES))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    close_reason: Mapped[str | None] = mapped_column(Text)
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # retention ran

    timeline: Mapped[list[TimelineEntry]] = relationship(
        back_populates="case", order_by="TimelineEntry.id"
    )

    @property
    def number(self) -> str:
        return f"{self.year}-{self.seq:03d}"


class TimelineEntry(Base):
    """Append-only audit trail of a case: who did what, when, from which Matrix event."""

    __tablename__ = "timeline_entries"
    # A case's entries, and its newest first (`!status`) without sorting a long timeline.
    __table_args__ = (Index("ix_timeline_entries_case_id_id", "case_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(255))
    kind: Mapped[TimelineKind] = mapped_column(Code(TimelineKind, 40))
    text: Mapped[str] = mapped_column(Text)
    room_id: Mapped[str | None] = mapped_column(String(255))
    event_id: Mapped[str | None] = mapped_column(String(255))
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # retention ran

    case: Mapped[Case] = relationship(back_populates="timeline")


class CaseStore:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def next_seq(self, year: int) -> int:
        highest = await self.session.scalar(select(func.max(Case.seq)).where(Case.year == year))
        return (highest or 0) + 1

    async def add(self, case: Case) -> Case:
        self.session.add(case)
        await self.session.flush()
        return case

    async def find_open_duplicate(self, kvk: str | None, company_key: str) -> Case | None:
        """An open case about the same company: same KvK number, or same name and place."""
        same = Case.company_key == company_key
        if kvk:
            same = or_(same, Case.kvk == kvk)
        query = (
            select(Case)
            .where(Case.kind == CaseKind.REPRESSIVE, Case.status != CaseStatus.CLOSED, same)
            .order_by(Case.id)
        )
        return await self.session.scalar(query.limit(1))

    async def with_open_rooms(self) -> Sequence[Case]:
        """Cases not closed whose incident (or preparation) room exists: those whose people
        follow the directory."""
        query = (
            select(Case)
            .where(Case.status != CaseStatus.CLOSED, Case.room_id.is_not(None))
            .order_by(Case.id)
        )
        return (await self.session.scalars(query)).all()

    async def open_cases(self, limit: int) -> Sequence[Case]:
        """Open repressive cases, newest first (preventive visits are on the calendar)."""
        query = (
            select(Case)
            .where(Case.kind == CaseKind.REPRESSIVE, Case.status != CaseStatus.CLOSED)
            .order_by(Case.signalled_at.desc(), Case.id.desc())
            .limit(limit)
        )
        return (await self.session.scalars(query)).all()

    async def count_open(self) -> int:
        query = (
            select(func.count())
            .select_from(Case)
            .where(Case.kind == CaseKind.REPRESSIVE, Case.status.in_(OPEN_STATUSES))
        )
        return await self.session.scalar(query) or 0

    async def by_number(self, year: int, seq: int) -> Case | None:
        return await self.session.scalar(select(Case).where(Case.year == year, Case.seq == seq))

    async def by_id(self, case_id: int) -> Case | None:
        return await self.session.get(Case, case_id)

    async def by_room(self, room_id: str) -> Case | None:
        return await self.session.scalar(select(Case).where(Case.room_id == room_id))

    async def record(
        self,
        case: Case,
        *,
        at: datetime,
        actor: str,
        kind: TimelineKind,
        text: str,
        room_id: str | None = None,
        event_id: str | None = None,
    ) -> TimelineEntry:
        entry = TimelineEntry(
            case_id=case.id,
            at=at,
            actor=actor,
            kind=kind,
            text=text,
            room_id=room_id,
            event_id=event_id,
        )
        self.session.add(entry)
        return entry

    async def recent_timeline(self, case: Case, limit: int | None) -> Sequence[TimelineEntry]:
        """The newest `limit` entries (all when None), oldest first."""
        query = (
            select(TimelineEntry)
            .where(TimelineEntry.case_id == case.id)
            .order_by(TimelineEntry.id.desc())
            .limit(limit)
        )
        return list(reversed((await self.session.scalars(query)).all()))

    async def preventive_visits(self) -> Sequence[Case]:
        """Every preventive visit, in the order of its (planned) time."""
        query = select(Case).where(Case.kind == CaseKind.PREVENTIVE)
        return (await self.session.scalars(query.order_by(Case.deadline_at, Case.id))).all()

    async def last_preventive_visits(self, limit: int) -> tuple[list[Case], int]:
        """The last `limit` preventive visits in the order of their (planned) time, and how
        many there are in all."""
        query = (
            select(Case)
            .where(Case.kind == CaseKind.PREVENTIVE)
            .order_by(Case.deadline_at.desc(), Case.id.desc())
            .limit(limit)
        )
        last = list(reversed((await self.session.scalars(query)).all()))
        if len(last) < limit:
            return last, len(last)
        count = select(func.count()).select_from(Case).where(Case.kind == CaseKind.PREVENTIVE)
        return last, await self.session.scalar(count) or 0

    async def signals_per_region(self, since: datetime) -> list[tuple[str, int]]:
        """Repressive cases signalled from `since` on, counted per (known) region: most first,
        a tie in the order of the regions' first signals."""
        count = func.count()
        query = (
            select(Case.region, count)
            .where(
                Case.kind == CaseKind.REPRESSIVE,
                Case.signalled_at >= since,
                Case.region.is_not(None),
            )
            .group_by(Case.region)
            .order_by(count.desc(), func.min(Case.signalled_at), func.min(Case.id))
        )
        return [(region, counted) for region, counted in await self.session.execute(query)]
