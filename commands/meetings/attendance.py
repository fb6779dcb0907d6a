"""✅/❌ on a meeting invitation answers it; taking the reaction back withdraws the answer."""

from __future__ import annotations

from commands.core.context import Context
from commands.core.effects import Effect, RefreshInvitation
from commands.core.reactions import Reaction, ReactionRule, normalise

YES = frozenset({"✅", "✔", "☑", "👍"})
NO = frozenset({"❌", "✖", "👎"})


async def answer(reaction: Reaction, context: Context) -> list[Effect]:
    meeting = await context.meetings.by_invitation(reaction.target_event_id)
    if meeting is None:
        return []
    attends = normalise(reaction.key) in YES
    await context.meetings.answer(
        meeting, context.sender, attends, context.event_id, context.sent_at
    )
    return [RefreshInvitation(meeting.id, meeting.room_id)]


async def withdraw(reaction_event_id: str, context: Context) -> list[Effect]:
    meeting_id = await context.meetings.withdraw(reaction_event_id)
    if meeting_id is None:
        return []
    meeting = await context.meetings.by_id(meeting_id)
    assert meeting is not None
    return [RefreshInvitation(meeting.id, meeting.room_id)]


ANSWER_RULE = ReactionRule(keys=YES | NO, act=answer, withdraw=withdraw)
