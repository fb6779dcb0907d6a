"""What handlers know: the stores and settings of one transaction, and who asked what where."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from commands.core.effects import Rendered
from commands.core.message import Message
from commands.core.roster import Directory, Person
from config.settings import Settings
from storage.audit import AuditResult, case_object
from storage.cases import Case, CaseStore, TimelineKind
from storage.follow_up import FollowUpStore
from storage.live import LiveMessages
from storage.meetings import MeetingStore
from storage.national import NationalFigures
from storage.picture import PictureQueries
from storage.reminders import ReminderChanges, ReminderKind, Reminders


@dataclass(kw_only=True)
class Workspace:
    """One transaction's view of the platform: used by commands and by the reminder clock."""

    now: datetime
    settings: Settings
    directory: Directory  # who is a member, as it was when the transaction began
    platform_room: str
    cases: CaseStore
    reminders: Reminders
    meetings: MeetingStore
    follow_up: FollowUpStore
    live: LiveMessages
    picture: PictureQueries
    national: NationalFigures
    alert_room: str | None = None  # LOT-C's room; None: LOT-C reads in the platform room
    reminder_changes: ReminderChanges = field(default_factory=ReminderChanges)
    #: Set by a handler that changed the directory: it is read again once this commits.
    directory_changed: bool = False

    @property
    def lotc_room(self) -> str:
        """Where LOT-C reads what is meant for it: its own room, or else the platform room."""
        return self.alert_room or self.platform_room

    async def remind(
        self,
        kind: ReminderKind,
        due: datetime,
        *,
        case_id: int | None = None,
        meeting_id: int | None = None,
        action_id: int | None = None,
    ) -> None:
        """Plan one reminder; the clock picks it up when the transaction commits."""
        reminder = await self.reminders.add(
            kind, due, case_id=case_id, meeting_id=meeting_id, action_id=action_id
        )
        self.reminder_changes.added.append(reminder)


def open_workspace(
    session: AsyncSession,
    settings: Settings,
    directory: Directory,
    platform_room: str,
    now: datetime,
    alert_room: str | None = None,
) -> Workspace:
    """The one way to build a Workspace: every family's store on this transaction's session."""
    return Workspace(
        now=now,
        settings=settings,
        directory=directory,
        platform_room=platform_room,
        alert_room=alert_room,
        **stores(session),
    )


def stores(session: AsyncSession) -> dict[str, Any]:
    """The stores of one transaction, as the keyword arguments of a Workspace or Context."""
    return {
        "cases": CaseStore(session),
        "reminders": Reminders(session),
        "meetings": MeetingStore(session),
        "follow_up": FollowUpStore(session),
        "live": LiveMessages(session),
        "picture": PictureQueries(session),
        "national": NationalFigures(session),
    }


#: What a family registers for one kind of rendered file: given the spec its handler wrote,
#: the file (drawn in a worker thread, so the event loop goes on answering).
FileRender = Callable[[Workspace, dict[str, Any]], Awaitable[Rendered]]

#: What a family registers for one kind of live message: given a subject id, the message as it
#: should read now; None while there is nothing to show (the edit then waits).
LiveRender = Callable[[Workspace, int], Awaitable[Message | None]]


@dataclass(kw_only=True)
class Context(Workspace):
    """A command (or reaction) by a member."""

    sender: str
    member: Person
    room_id: str
    event_id: str
    sent_at: datetime  # when the member sent the command (server time)
    mentions: tuple[str, ...] = ()  # the users the message mentions (m.mentions)
    room_case: Case | None = None  # the case whose incident room this is, if any
    #: What the audit trail records of this event (bot/dispatch writes the record): the
    #: action (set by the registry), the object (set by the handler when the command was about
    #: another case than the room's, or no case), and the result (set by the registry, or by a
    #: handler that refuses without raising UsageError).
    audit_action: str | None = None
    audit_object: str | None = None
    audit_result: AuditResult | None = None

    async def record(self, case: Case, kind: TimelineKind, text: str) -> None:
        """Append to the case's timeline: this member, this message, the time it was sent.
        A command that writes on a case's timeline is about that case, for the audit trail,
        unless it named its case already (a new case is named here)."""
        self.audit_object = self.audit_object or case_object(case.number)
        await self.cases.record(
            case,
            at=self.sent_at,
            actor=self.sender,
            kind=kind,
            text=text,
            room_id=self.room_id,
            event_id=self.event_id,
        )
