"""Reactions members give: ✅/❌ on a meeting invitation answers it; 📌 on any message in an
incident room adds that message to the case's timeline."""

from __future__ import annotations

from dataclasses import dataclass

from commands import texts
from commands.core.context import Context
from commands.core.effects import Effect, RefreshInvitation, Reply
from commands.core.message import text
from commands.directory.people import display_name

PIN = "📌"
YES = frozenset({"✅", "✔", "☑", "👍"})
NO = frozenset({"❌", "✖", "👎"})


@dataclass(frozen=True)
class Reaction:
    target_event_id: str
    key: str
    target_sender: str | None = None
    target_text: str | None = None  # read by the bot for 📌 only


def normalise(key: str) -> str:
    """Clients add a variation selector (U+FE0F) to some emoji, and some do not."""
    return key.replace("\ufe0f", "").strip()


def matters(key: str) -> bool:
    return normalise(key) in YES | NO | {PIN}


def is_pin(key: str) -> bool:
    return normalise(key) == PIN


async def on_reaction(reaction: Reaction, context: Context) -> list[Effect]:
    key = normalise(reaction.key)
    if key == PIN:
        return await _pin(reaction, context)
    if key not in YES | NO:
        return []
    meeting = await context.meetings.by_invitation(reaction.target_event_id)
    if meeting is None:
        return []
    await context.meetings.answer(
        meeting, context.sender, key in YES, context.event_id, context.sent_at
    )
    return [RefreshInvitation(meeting.id, meeting.room_id)]


async def on_withdrawn(reaction_event_id: str, context: Context) -> list[Effect]:
    """A reaction was redacted: its answer no longer counts."""
    meeting_id = await context.meetings.withdraw(reaction_event_id)
    if meeting_id is None:
        return []
    meeting = await context.meetings.by_id(meeting_id)
    assert meeting is not None
    return [RefreshInvitation(meeting.id, meeting.room_id)]


async def _pin(reaction: Reaction, context: Context) -> list[Effect]:
    case = context.room_case
    if case is None or not reaction.target_text:
        return []
    limit = context.settings.limits.field_chars
    quoted = " ".join(reaction.target_text.split())
    if len(quoted) > limit:
        quoted = quoted[: limit - 1] + "…"
    author = display_name(context.settings, reaction.target_sender or "?")
    await context.cases.record(
        case,
        at=context.sent_at,
        actor=context.sender,
        kind="vastgelegd",
        text=texts.TIMELINE_PINNED.format(author=author, text=quoted),
        room_id=context.room_id,
        event_id=reaction.target_event_id,
    )
    return [Reply(text(texts.PINNED_TO_TIMELINE.format(number=case.number)))]
