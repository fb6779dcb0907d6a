"""The migrations build exactly the schema the models describe, on every backend."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import JSON, bindparam, inspect, text

from storage.base import Base
from storage.bot_state import BotState
from storage.database import Database
from storage.migrate import migrate


async def test_migrated_schema_matches_the_models(database: Database) -> None:
    def differences(connection):
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        return compare_metadata(context, Base.metadata)

    async with database.engine.connect() as connection:
        diff = await connection.run_sync(differences)
    assert diff == []


AT = datetime(2026, 11, 28, 9, 30)
OLD_ANSWER = {
    "room_id": "!platform:x",
    "reply_to": "$signal2",
    "thread_root": None,
    "body": "Zaak 2026-002 geopend: Kwekerij\nDeadline.\nDe kamer wordt geopend.",
    "html": "<b>Zaak 2026-002 geopend: Kwekerij</b><br>\nDeadline.<br>\nDe kamer wordt geopend.",
    "mentions": [],
}
#: Outbox rows as a bot before 0007 wrote them: (kind, payload, delivered).
OLD_ROWS: list[tuple[str, dict[str, Any], bool]] = [
    ("card", {"case_id": 1}, False),
    ("invitation", {"meeting_id": 1, "room_id": "!incident1:x"}, False),
    ("send", {"room_id": "!incident1:x", "body": "k", "html": "k", "card_of": 1}, False),
    ("send", {"room_id": "!incident1:x", "body": "u", "html": "u", "invitation_of": 1}, False),
    ("upload", {"room_id": "!incident1:x", "filename": "a.ics", "content": "BEGIN:€"}, False),
    ("send", OLD_ANSWER, True),
    ("open_room", {"case_id": 2, "announce_row": 6}, False),
    ("card", {"case_id": 1}, True),  # history: left as it was
]


async def _fill_version_0005(database: Database) -> None:
    """Two cases, a meeting with an invitation, and outbox rows still waiting."""
    case = (
        "INSERT INTO cases (id, kind, year, seq, title, company_key, status, signalled_at,"
        " deadline_at, created_by, intake_room_id, intake_event_id, room_id, card_event_id,"
        " overdue, aspects) VALUES (:id, 'repressief', 2026, :id, 'Bedrijf', :key, 'gemeld',"
        " :at, :at, '@a:x', '!platform:x', :intake, :room, :card, false, '[]')"
    )
    async with database.transaction() as session:
        await session.execute(
            text(case),
            [
                {"id": 1, "key": "a", "at": AT, "intake": "$signal1", "room": "!incident1:x"}
                | {"card": "$card1"},
                {"id": 2, "key": "b", "at": AT, "intake": "$signal2", "room": None, "card": None},
            ],
        )
        await session.execute(
            text(
                "INSERT INTO timeline_entries (case_id, at, actor, kind, text)"
                " VALUES (1, :at, '@a:x', 'signaal', 'Signaal ontvangen')"
            ),
            {"at": AT},
        )
        await session.execute(
            text(
                "INSERT INTO meetings (id, case_id, room_id, status, requested_by, requested_at,"
                " revision, invitation_event_id, regular) VALUES (1, 1, '!incident1:x',"
                " 'bijeengeroepen', '@a:x', :at, 0, '$invitation1', false)"
            ),
            {"at": AT},
        )
        insert = text(
            "INSERT INTO outbox (created_at, lane, kind, payload, attempts, delivered_at)"
            " VALUES (:at, 'messages', :kind, :payload, 0, :delivered)"
        ).bindparams(bindparam("payload", type_=JSON))
        for kind, payload, delivered in OLD_ROWS:
            await session.execute(
                insert,
                {
                    "at": AT,
                    "kind": kind,
                    "payload": payload,
                    "delivered": AT if delivered else None,
                },
            )


async def test_live_messages_upgrade_keeps_cards_invitations_and_waiting_rows(
    empty_database: Database,
) -> None:
    await migrate(empty_database, "0005")
    await _fill_version_0005(empty_database)
    await migrate(empty_database, "0007")
    async with empty_database.transaction() as session:
        live = (
            await session.execute(
                text("SELECT kind, subject_id, room_id, event_id FROM live_messages ORDER BY kind")
            )
        ).all()
        rows = (
            await session.execute(
                text("SELECT kind, payload FROM outbox ORDER BY id").columns(payload=JSON)
            )
        ).all()

        def columns(connection: Any, table: str) -> set[str]:
            return {column["name"] for column in inspect(connection).get_columns(table)}

        case_columns = await session.run_sync(lambda s: columns(s.connection(), "cases"))
        meeting_columns = await session.run_sync(lambda s: columns(s.connection(), "meetings"))
        entries = await session.scalar(text("SELECT count(*) FROM timeline_entries"))
    assert [tuple(row) for row in live] == [
        ("card", 1, "!incident1:x", "$card1"),
        ("invitation", 1, "!incident1:x", "$invitation1"),
    ]
    assert "card_event_id" not in case_columns
    assert "invitation_event_id" not in meeting_columns
    assert entries == 1  # rows pointing at a changed table are all still there
    card, invitation, card_post, invitation_post, upload, answer, open_room, history = rows
    assert tuple(card) == ("live", {"live": {"kind": "card", "subject": 1}})
    assert tuple(invitation) == ("live", {"live": {"kind": "invitation", "subject": 1}})
    assert card_post.payload["live_as"] == {"kind": "card", "subject": 1}
    assert "card_of" not in card_post.payload
    assert invitation_post.payload["live_as"] == {"kind": "invitation", "subject": 1}
    assert "invitation_of" not in invitation_post.payload
    assert upload.kind == "upload" and "content" not in upload.payload
    assert base64.b64decode(upload.payload["data"]).decode("utf-8") == "BEGIN:€"
    assert tuple(answer) == ("send", OLD_ANSWER)
    assert open_room.payload["answer"] == {
        "body": "Zaak 2026-002 geopend: Kwekerij\nDeadline.",
        "html": "<b>Zaak 2026-002 geopend: Kwekerij</b><br>\nDeadline.",
    }
    assert tuple(history) == ("card", {"case_id": 1})


async def test_the_moment_the_cadence_counted_from_becomes_the_first_start(
    empty_database: Database,
) -> None:
    await migrate(empty_database, "0009")
    async with empty_database.transaction() as session:
        await session.execute(
            text(
                "INSERT INTO bot_state (key, value)"
                " VALUES ('preventive_cadence_since', '2026-11-01T09:00:00+00:00')"
            )
        )
    await migrate(empty_database, "head")
    async with empty_database.transaction() as session:
        started = await BotState(session).first_start(datetime(2026, 11, 28, 9, 30, tzinfo=UTC))
    assert started == datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    await migrate(empty_database, "0009", down=True)
    async with empty_database.transaction() as session:
        assert await BotState(session).get("preventive_cadence_since") == started.isoformat()
