"""What families hand the reminder clock: what a due reminder does, what start-up plans, and
the bot's first start, from which the first periods count."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from commands.core.context import Workspace
from commands.core.effects import Effect
from storage.bot_state import BotState
from storage.reminders import Reminder

#: A due reminder's work: the effects to send, or None when its reason has gone (cancelled).
ReminderAct = Callable[[Reminder, Workspace], Awaitable[list[Effect] | None]]
#: Run once at start-up, in a transaction: plans what the rows do not hold yet.
StartHook = Callable[[Workspace], Awaitable[None]]


async def first_start(workspace: Workspace) -> datetime:
    """When the bot first started: the platform's first periods (the first agenda, the first
    preventive visit) run from it, as there is no previous one to count from."""
    return await BotState(workspace.cases.session).first_start(workspace.now)
