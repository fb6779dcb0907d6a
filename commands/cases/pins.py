"""📌 on any message in an incident room adds that message to the case's timeline."""

from __future__ import annotations

from commands.core.context import Context
from commands.core.effects import Effect, Reply
from commands.core.message import text
from commands.core.people import display_name
from commands.core.reactions import Reaction, ReactionRule
from commands.texts import cases as texts
from storage.cases import TimelineKind

PIN = "📌"


async def pin_message(reaction: Reaction, context: Context) -> list[Effect]:
    case = context.room_case
    if case is None or not reaction.target_text:
        return []
    limit = context.settings.limits.field_chars
    quoted = " ".join(reaction.target_text.split())
    if len(quoted) > limit:
        quoted = quoted[: limit - 1] + "…"
    author = display_name(context.directory, reaction.target_sender or "?")
    await context.cases.record(
        case,
        at=context.sent_at,
        actor=context.sender,
        kind=TimelineKind.PINNED,
        text=texts.TIMELINE_PINNED.format(author=author, text=quoted),
        room_id=context.room_id,
        event_id=reaction.target_event_id,
    )
    return [Reply(text(texts.PINNED_TO_TIMELINE.format(number=case.number)))]


PIN_RULE = ReactionRule(code="pin", keys=frozenset({PIN}), act=pin_message, reads_target=True)
