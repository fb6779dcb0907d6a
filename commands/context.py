"""What a handler knows about the command it runs: who, where, when, and the case store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from commands.window import planned_reminders
from config.settings import Member, Settings
from storage.cases import CaseStore
from storage.models import Case
from storage.reminders import ReminderChanges, Reminders


@dataclass
class Context:
    sender: str
    member: Member
    room_id: str
    event_id: str
    sent_at: datetime  # when the member sent the command (server time)
    now: datetime
    settings: Settings
    cases: CaseStore
    reminders: Reminders
    room_case: Case | None = None  # the case whose incident room this is, if any
    reminder_changes: ReminderChanges = field(default_factory=ReminderChanges)

    async def replan(self, case: Case, *, new_case: bool = False) -> None:
        """Bring the case's reminders in line with its state (the window's rules)."""
        plan = planned_reminders(case, self.settings.window)
        await self.reminders.replan(case, plan, self.now, self.reminder_changes, new_case=new_case)

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
