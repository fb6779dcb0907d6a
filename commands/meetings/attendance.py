"""✅/❌ on a meeting invitation answers it; taking the reaction back withdraws the answer."""

from __future__ import annotations

from commands.core.context import Context
from commands.core.effects import Effect, RefreshLive
from commands.core.reactions import Reaction, ReactionRule, normalise
from commands.meetings.views import INVITATION
from storage.audit import meeting_object

YES = frozenset({"✅", "✔", "☑", "👍"})
NO = frozenset({"❌", "✖", "👎"})


async def answer(reaction: Reaction, context: Context) -> list[Effect]:
    live = await context.live.by_event(reaction.target_event_id)
    if live is None or live.kind != INVITATION:
        return []
    meeting = await context.meetings.by_id(live.subject_id)
    if meeting is None:
        return []
    context.audit_object = meeting_object(meeting.id)
    attends = normalise(reaction.key) in YES
    await context.meetings.answer(
        meeting, context.sender, attends, context.event_id, context.sent_at
    )
    return [RefreshLive(INVITATION, meeting.id)]


async def withdraw(reaction_event_id: str, context: Context) -> list[Effect]:
    meeting_id = await context.meetings.withdraw(reaction_event_id)
    if meeting_id is None:
        return []
    context.audit_object = meeting_object(meeting_id)
    return [RefreshLive(INVITATION, meeting_id)]


ANSWER_RULE = ReactionRule(code="answer", keys=YES | NO, act=answer, withdraw=withdraw)
