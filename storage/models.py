"""Tables. Times are stored as UTC; the database is the single source of truth."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite keeps no zone of its own)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class CaseKind:
    REPRESSIVE = "repressief"  # a signal: the 24-hour window
    PREVENTIVE = "preventief"  # the biweekly unannounced visit (plan, 3.2)


class CaseStatus:
    """Lifecycle of a repressive case (DESIGN.md, "Case lifecycle")."""

    REPORTED = "gemeld"
    ASSESSING = "in beoordeling"
    DECIDED = "besloten"
    PLANNED = "inzet gepland"
    VISITED = "inzet uitgevoerd"
    REPORT_RECEIVED = "rapportage ontvangen"
    CLOSED = "afgesloten"


class Decision:
    VISIT = "inzet"
    NO_VISIT = "geen inzet"


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (UniqueConstraint("year", "seq", name="uq_cases_year_seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), default=CaseKind.REPRESSIVE, index=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    company_key: Mapped[str] = mapped_column(String(400), index=True)
    kvk: Mapped[str | None] = mapped_column(String(8), index=True)
    region: Mapped[str | None] = mapped_column(String(4))
    sector: Mapped[str | None] = mapped_column(String(40))
    source: Mapped[str | None] = mapped_column(String(40))
    location: Mapped[str | None] = mapped_column(Text)
    aspects: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(40), default=CaseStatus.REPORTED, index=True)
    signalled_at: Mapped[datetime] = mapped_column(UTCDateTime())
    deadline_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(255))
    intake_room_id: Mapped[str] = mapped_column(String(255))
    intake_event_id: Mapped[str] = mapped_column(String(255))
    room_id: Mapped[str | None] = mapped_column(String(255), unique=True)
    card_event_id: Mapped[str | None] = mapped_column(String(255))
    coordinator: Mapped[str | None] = mapped_column(String(10))
    coordinator_region: Mapped[str | None] = mapped_column(String(4))
    decision: Mapped[str | None] = mapped_column(String(20))
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
    kind: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    room_id: Mapped[str | None] = mapped_column(String(255))
    event_id: Mapped[str | None] = mapped_column(String(255))

    case: Mapped[Case] = relationship(back_populates="timeline")


class HandledEvent(Base):
    __tablename__ = "handled_events"

    event_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    room_id: Mapped[str] = mapped_column(String(255))
    handled_at: Mapped[datetime] = mapped_column(UTCDateTime())


class OutboxEffect(Base):
    """Something that must reach Matrix, written in the same transaction as the change behind it."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_pending", "lane", "delivered_at", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    lane: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(String(500))
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    result_event_id: Mapped[str | None] = mapped_column(String(255))

    @property
    def txn_id(self) -> str:
        """Deterministic, so a resend after a crash is recognised by the homeserver."""
        return f"signaalbot-{self.id}"


class KeyValue(Base):
    """Small pieces of bot state such as the sync token."""

    __tablename__ = "bot_state"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class RoomJoin(Base):
    """When the bot joined a room: older events there are history, never commands."""

    __tablename__ = "room_joins"

    room_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    joined_ts: Mapped[int] = mapped_column(BigInteger)


class NonMemberNotice(Base):
    """The bot tells non-members once per room and day that it works for members only."""

    __tablename__ = "non_member_notices"

    room_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)


class HeldEvent(Base):
    """An encrypted message the bot cannot decrypt yet: kept until its keys arrive."""

    __tablename__ = "held_events"

    event_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    room_id: Mapped[str] = mapped_column(String(255))
    sender: Mapped[str] = mapped_column(String(255))
    source: Mapped[dict[str, Any]] = mapped_column(JSON)
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    explained: Mapped[bool] = mapped_column(default=False)


class Reminder(Base):
    """A reminder or escalation that must go out once: the scheduler's jobs are made from these."""

    __tablename__ = "reminders"
    __table_args__ = (Index("ix_reminders_open", "sent_at", "cancelled_at", "due_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # What it is about: a case (the window's reminders), a meeting, or an action.
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    action_id: Mapped[int | None] = mapped_column(ForeignKey("actions.id"))
    kind: Mapped[str] = mapped_column(String(20))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class MeetingStatus:
    REQUESTED = "aangevraagd"
    CONVENED = "bijeengeroepen"
    CANCELLED = "afgezegd"


class Meeting(Base):
    """A meeting any member can ask LOT-C to convene: about a case, or general."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    room_id: Mapped[str] = mapped_column(String(255), index=True)  # where it is convened
    topic: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default=MeetingStatus.REQUESTED)
    requested_by: Mapped[str] = mapped_column(String(255))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime())
    proposed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # None: right away
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    convened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    convened_by: Mapped[str | None] = mapped_column(String(255))  # None: the bot, LOT-C silent
    video_url: Mapped[str | None] = mapped_column(Text)
    revision: Mapped[int] = mapped_column(Integer, default=0)  # the .ics SEQUENCE: moves, cancel
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    invitation_event_id: Mapped[str | None] = mapped_column(String(255), index=True)
    regular: Mapped[bool] = mapped_column(default=False)  # the biweekly platform meeting
    minutes: Mapped[str | None] = mapped_column(Text)  # Markdown, as exported
    minutes_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class MeetingAnswer(Base):
    """A participant's answer to an invitation, given with a reaction (the latest one counts)."""

    __tablename__ = "meeting_answers"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    attends: Mapped[bool] = mapped_column()
    reaction_event_id: Mapped[str] = mapped_column(String(255), index=True)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DecisionEntry(Base):
    """A decision for the platform's decision list: taken in a meeting, about a case, or both."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    taken_by: Mapped[str] = mapped_column(String(255))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime())
    event_id: Mapped[str | None] = mapped_column(String(255))


class Action(Base):
    """An action with one owner (a member, or an entity's members) and perhaps a due time."""

    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    room_id: Mapped[str] = mapped_column(String(255))  # where it was agreed; reminded there
    text: Mapped[str] = mapped_column(Text)
    owner_user: Mapped[str | None] = mapped_column(String(255))
    owner_entity: Mapped[str | None] = mapped_column(String(10))
    owner_region: Mapped[str | None] = mapped_column(String(4))
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    done_by: Mapped[str | None] = mapped_column(String(255))


class Note(Base):
    """A member's note for the judgement (Oordeel) part of a meeting's minutes."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    written_by: Mapped[str] = mapped_column(String(255))
    written_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AgendaItem(Base):
    """A point a member put on the agenda of the next platform meeting (`!agenda punt`)."""

    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    added_by: Mapped[str] = mapped_column(String(255))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"), index=True)
