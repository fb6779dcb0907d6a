"""All tables in one import, for Alembic and for code that needs several families."""

from __future__ import annotations

from storage.base import Base, UTCDateTime
from storage.bot_state import HandledEvent, KeyValue, NonMemberNotice, RoomJoin
from storage.cases import Case, CaseKind, CaseStatus, Decision, TimelineEntry
from storage.follow_up import Action, DecisionEntry, Note
from storage.held import HeldEvent
from storage.live import LiveMessage
from storage.meetings import AgendaItem, Meeting, MeetingAnswer, MeetingStatus
from storage.outbox import OutboxEffect
from storage.reminders import Reminder

__all__ = [
    "Action",
    "AgendaItem",
    "Base",
    "Case",
    "CaseKind",
    "CaseStatus",
    "Decision",
    "DecisionEntry",
    "HandledEvent",
    "HeldEvent",
    "KeyValue",
    "LiveMessage",
    "Meeting",
    "MeetingAnswer",
    "MeetingStatus",
    "NonMemberNotice",
    "Note",
    "OutboxEffect",
    "Reminder",
    "RoomJoin",
    "TimelineEntry",
    "UTCDateTime",
]
