"""What handlers know: the stores and settings of one transaction, and who asked what where."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from commands.cases.window import planned_reminders
from config.settings import Member, Settings
from storage.cases import Case, CaseStore
from storage.follow_up import FollowUpStore
from storage.meetings import MeetingStore
from storage.reminders import ReminderChanges, Reminders


@dataclass(kw_only=True)
class Workspace:
    """One transaction's view of the platform: used by commands and by the reminder clock."""

    now: datetime
    settings: Settings
    platform_room: str
    cases: CaseStore
    reminders: Reminders
    meetings: MeetingStore
    follow_up: FollowUpStore
    reminder_changes: ReminderChanges = field(default_factory=ReminderChanges)

    async def replan(self, case: Case, *, new_case: bool = False) -> None:
        """Bring the case's reminders in line with its state (the window's rules)."""
        plan = planned_reminders(case, self.settings)
        await self.reminders.replan(case, plan, self.now, self.reminder_changes, new_case=new_case)

    async def remind(
        self,
        kind: str,
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


@dataclass(kw_only=True)
class Context(Workspace):
    """A command (or reaction) by a member."""

    sender: str
    member: Member
    room_id: str
    event_id: str
    sent_at: datetime  # when the member sent the command (server time)
    mentions: tuple[str, ...] = ()  # the users the message mentions (m.mentions)
    room_case: Case | None = None  # the case whose incident room this is, if any

    async def record(self, case: Case, kind: str, text: str) -> None:
        """Append to the case's timeline: this member, this message, the time it was sent."""
        await self.cases.record(
            case,
            at=self.sent_at,
            actor=self.sender,
            kind=kind,
            text=text,
            room_id=self.room_id,
            event_id=self.event_id,
        )
