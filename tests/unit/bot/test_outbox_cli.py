"""`signaalbot outbox failed` and `signaalbot outbox retry ID`, as an operator runs them."""

from __future__ import annotations

import json
from pathlib import Path

from bot.events import ReplyTarget
from bot.outbox.errors import DeliveryError
from bot.outbox.refusals import Refusals
from bot.outbox.writer import write_effects
from commands.core.effects import Reply
from commands.core.message import text
from storage.database import Database
from storage.outbox import Lane, Outbox, OutboxEffect
from tests.cli import signaalbot
from tests.unit.helpers import NOW, PLATFORM, make_settings


async def set_aside_answer(database: Database) -> OutboxEffect:
    async with database.transaction() as session:
        (row,) = await write_effects(
            Outbox(session),
            [Reply(text("Persoonlijk antwoord aan Jan"))],
            NOW,
            ReplyTarget(PLATFORM, "$command"),
        )
    refusals = Refusals(database, make_settings(), lambda: NOW, lambda rows: None)
    forbidden = DeliveryError(
        "room_send: M_FORBIDDEN not in room",
        operation="room_send",
        errcode="M_FORBIDDEN",
        http_status=403,
    )
    assert await refusals.failed(row, forbidden)
    return row


async def test_an_operator_lists_what_was_set_aside_and_makes_it_pending_again(
    database: Database, tmp_path: Path
) -> None:
    row = await set_aside_answer(database)
    config = tmp_path / "signaalbot.yaml"
    # The Matrix password comes from the bot's environment: this tool does not need it.
    config.write_text(
        json.dumps(
            {
                "matrix": {"homeserver": "http://hs", "user_id": "@bot:hs"},
                "platform": {"room": PLATFORM},
                "storage": {"database_url": database.url},
            }
        )
    )

    status, out, _ = await signaalbot("outbox", "failed", "--config", str(config))
    assert status == 0
    lines = out.splitlines()
    assert "reason" in lines[0]
    (answer,) = lines[1:]  # the notice to the member is pending, not set aside
    assert answer.split()[:6] == [
        str(row.id),
        "2026-11-28",
        "09:30:00",
        "send",
        PLATFORM,
        "M_FORBIDDEN",
    ]
    assert "Persoonlijk" not in out  # no message text, ever

    status, out, _ = await signaalbot("outbox", "retry", str(row.id), "--config", str(config))
    assert (status, out.strip()) == (
        0,
        f"outbox {row.id}: pending again; the bot sends it within delivery.retry_max",
    )
    async with database.transaction() as session:
        pending = await Outbox(session).pending(Lane.MESSAGES)
    assert [pending_row.id for pending_row in pending] == [row.id, row.id + 1]
    assert pending[0].retried_at is not None
    assert pending[0].failure is None

    status, _, err = await signaalbot("outbox", "retry", str(row.id), "--config", str(config))
    assert status == 1
    assert "not set aside" in err
