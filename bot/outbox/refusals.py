"""Rows that cannot be delivered are set aside, so they never hold up the rest of their room.

A permanent refusal (too large, malformed, forbidden) is set aside at once. Temporary errors are
retried, and a row waiting for something that never comes (a room that is not opened) waits,
until the row has been trying to go out for `delivery.give_up_after`: since it was written (or
retried by an operator), or since the bot started if that is later, so a long outage of the bot
itself does not count. Counting from each row's own first failure would let every row of a
broken room take that long in turn. A row set aside is marked
failed, logged once at ERROR and no longer pending: it is never retried on its own, also not
after a restart; `signaalbot outbox retry ID` makes it pending again. The member whose command
it answered is told, by a notice that is itself only set aside if it is refused in turn.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.events import ReplyTarget
from bot.outbox.errors import DeliveryError
from bot.outbox.writer import write_effects
from commands.core.effects import Reply
from commands.core.message import text
from commands.texts import core as texts
from config.settings import Settings
from storage.database import Database
from storage.outbox import Outbox, OutboxEffect, OutboxKind

log = logging.getLogger(__name__)

#: Refused whatever the request; Synapse answers M_TOO_LARGE with HTTP 413.
PERMANENT = frozenset({"M_TOO_LARGE", "M_BAD_JSON", "M_NOT_JSON"})
#: Requests for which M_FORBIDDEN is permanent: the bot lacks the power, or has left the room.
FORBIDDEN_FOR_GOOD = frozenset({"room_send"})
#: `outbox.failure` of a row whose temporary errors lasted longer than `give_up_after`.
GAVE_UP = "gave_up"
#: `outbox.failure` of a row that waited that long for what it needs (a room, an earlier message).
STUCK = "stuck"
#: In the payload of the notice to the member: the row it is about. Such a notice gets none.
REFUSAL_OF = "refusal_of"


def refusal(error: BaseException) -> str | None:
    """The code of a permanent refusal, or None for an error worth another try.

    Network errors, timeouts, 5xx and rate limiting (M_LIMIT_EXCEEDED, 429) are temporary; so is
    any error without a Matrix error code, since a bug or an outage may be the cause.
    """
    if not isinstance(error, DeliveryError):
        return None
    code, status = error.errcode, error.http_status
    if status == 429 or code == "M_LIMIT_EXCEEDED":
        return None
    if code in PERMANENT:
        return code
    if status == 413:
        return "M_TOO_LARGE"  # a proxy's answer, without a Matrix error code
    if code == "M_FORBIDDEN" and error.operation in FORBIDDEN_FOR_GOOD:
        return code
    if code == "M_UNKNOWN" and status is not None and 400 <= status < 500:
        return code
    return None


class Refusals:
    def __init__(
        self,
        database: Database,
        settings: Settings,
        clock: Callable[[], datetime],
        hand_over: Callable[[list[OutboxEffect]], None],
    ) -> None:
        """`hand_over` delivers the notices to members that setting rows aside writes."""
        self.database = database
        self.give_up_after = settings.delivery.give_up_after
        self.clock = clock
        self.hand_over = hand_over
        self.started = clock()

    async def failed(self, row: OutboxEffect, error: BaseException) -> bool:
        """Set the row aside if it was refused for good or has been failing too long.

        True when it was (the room's next rows may go now); False when it is retried later.
        """
        code = refusal(error)
        now = self.clock()
        async with self.database.transaction() as session:
            stored = await session.get(OutboxEffect, row.id)
            assert stored is not None
            if stored.failed_at is not None or stored.delivered_at is not None:
                return True  # settled already, by an earlier pass over an older copy of the row
            if code is None:
                if now - self._since(stored) <= self.give_up_after:
                    return False
                code = GAVE_UP
            notices = await self._set_aside(session, stored, code, str(error), now)
        self._settled(row, code, notices)
        return True

    async def not_ready(self, row: OutboxEffect) -> float | None:
        """Seconds the row may still wait for what it needs; None once it was set aside."""
        now = self.clock()
        since = self._since(row)
        left = since + self.give_up_after - now
        if left.total_seconds() > 0:
            return left.total_seconds()
        async with self.database.transaction() as session:
            stored = await session.get(OutboxEffect, row.id)
            assert stored is not None
            if stored.failed_at is not None or stored.delivered_at is not None:
                return None
            waited = f"waited since {since:%Y-%m-%d %H:%M} UTC"
            notices = await self._set_aside(session, stored, STUCK, waited, now)
        self._settled(row, STUCK, notices)
        return None

    def _since(self, row: OutboxEffect) -> datetime:
        return max(row.trying_since, self.started)

    async def _set_aside(
        self, session: AsyncSession, stored: OutboxEffect, code: str, detail: str, now: datetime
    ) -> list[OutboxEffect]:
        stored.failed_at = now
        stored.failure = code
        stored.last_error = detail[:500]
        stored.next_attempt_at = None
        payload = stored.payload
        if stored.kind != OutboxKind.SEND or not payload.get("reply_to") or payload.get(REFUSAL_OF):
            return []
        # A reply to the command, not in its thread: the thread may be what was refused.
        target = ReplyTarget(payload["room_id"], payload["reply_to"])
        notice = Reply(text(texts.ANSWER_REFUSED.format(row=stored.id)))
        rows = await write_effects(Outbox(session), [notice], now, target)
        for row in rows:
            row.payload = {**row.payload, REFUSAL_OF: stored.id}
        return rows

    def _settled(self, row: OutboxEffect, code: str, notices: list[OutboxEffect]) -> None:
        where = row.payload.get("room_id") or f"case {row.payload.get('case_id')}"
        log.error(
            "outbox %s (%s) in %s set aside: %s; see `signaalbot outbox failed`",
            row.id,
            row.kind,
            where,
            code,
        )
        if notices:
            self.hand_over(notices)
