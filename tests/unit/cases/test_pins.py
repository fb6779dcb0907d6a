"""A 📌 on a message in an incident room puts it in the case's timeline."""

from __future__ import annotations

from bot.events import IncomingReaction
from storage.database import Database
from tests.unit.helpers import (
    INCIDENT,
    NOW,
    make_dispatcher,
    open_case,
)
from tests.unit.meetings.helpers import ISZW, VR06, ask, rows


async def test_a_pinned_message_goes_into_the_case_timeline(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await open_case(dispatcher, database)
    await dispatcher.handle_reaction(
        IncomingReaction(
            INCIDENT,
            "$pin",
            VR06,
            int(NOW.timestamp() * 1000),
            "$msg",
            "📌",
            target_sender=ISZW,
            target_text="Er wonen 40 mensen in één pand",
        )
    )
    timeline = await ask(dispatcher, "!tijdlijn")
    assert "Vastgelegd bericht van Ilse: Er wonen 40 mensen in één pand" in timeline
    written = await rows(database)
    assert written[-2].payload["reply_to"] == "$msg"
