"""What the audit trail records of an event the dispatcher handled: every command (a member's,
or a non-member's that was ignored), and every reaction or redaction that did something or
was meant for the bot. The record is appended in the event's own transaction."""

from __future__ import annotations

from dataclasses import dataclass

from bot.events import IncomingCommand, IncomingReaction, IncomingRedaction
from commands.core.context import Context
from commands.core.registry import Registry
from storage.audit import COMMAND_PLAIN, NO_OBJECT, AuditResult, case_object
from storage.cases import Case

Event = IncomingCommand | IncomingReaction | IncomingRedaction


@dataclass(frozen=True)
class Audited:
    action: str
    result: AuditResult
    object: str


def command_action(command: IncomingCommand, registry: Registry) -> str:
    """`command.<name>` of what was typed; plain words in a direct chat are `command.plain`."""
    return COMMAND_PLAIN if command.is_plain else registry.action_of(command.body)


def room_object(room_case: Case | None) -> str:
    """A command about no other case is about the room's case, if the room has one."""
    return case_object(room_case.number) if room_case else NO_OBJECT


def audited(event: Event, context: Context, registry: Registry) -> Audited | None:
    """A member's event: what the registry, the reactions and the handler noted on the
    context. None for a reaction or redaction that nothing was done with."""
    if isinstance(event, IncomingCommand):
        action = context.audit_action or command_action(event, registry)
    elif context.audit_action is None:
        return None
    else:
        action = context.audit_action
    return Audited(
        action,
        context.audit_result or AuditResult.DONE,
        context.audit_object or room_object(context.room_case),
    )


def ignored(event: Event, registry: Registry, room_case: Case | None) -> Audited | None:
    """A non-member's command: recorded as ignored, with the non-member as its actor."""
    if not isinstance(event, IncomingCommand):
        return None
    return Audited(command_action(event, registry), AuditResult.IGNORED, room_object(room_case))
