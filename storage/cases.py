"""Queries and writes on cases and their timeline, used by the command handlers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.base import Base, Code, UTCDateTime

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

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
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
            .where(Case.kind == CaseKind.REPRESSIVE, Case.status != CaseStatus.CLOSED)
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

    async def of_kind(self, kind: CaseKind) -> Sequence[Case]:
        query = select(Case).where(Case.kind == kind).order_by(Case.signalled_at, Case.id)
        return (await self.session.scalars(query)).all()

    async def signals_by_region(self, since: datetime) -> list[tuple[str, int]]:
        """Repressive cases signalled since `since`, counted per region: most first, and of
        regions with as many the one signalled first."""
        signals = func.count(Case.id)
        query = (
            select(Case.region, signals)
            .where(
                Case.kind == CaseKind.REPRESSIVE,
                Case.region.is_not(None),
                Case.signalled_at >= since,
            )
            .group_by(Case.region)
            .order_by(signals.desc(), func.min(Case.signalled_at), func.min(Case.id))
        )
        return [(region, count) for region, count in await self.session.execute(query)]
