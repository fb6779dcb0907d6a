"""live messages: one table for what the bot edits in place; outbox files as bytes

The status card's event (cases.card_event_id) and the invitation's (meetings.invitation_event_id)
move to live_messages. Undelivered outbox rows take the shape the bot now writes, so an upgrade
with rows still waiting delivers them: edits of a card or invitation become edits of a live
message, posts that became one say so in `live_as`, files are base64 `data`, and a room still to
be opened carries the answer it will edit.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import base64
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

CARD, INVITATION = "card", "invitation"  # the live kinds, as commands/ names them

cases = sa.table(
    "cases",
    sa.column("id", sa.Integer),
    sa.column("room_id", sa.String),
    sa.column("card_event_id", sa.String),
)
meetings = sa.table(
    "meetings",
    sa.column("id", sa.Integer),
    sa.column("room_id", sa.String),
    sa.column("invitation_event_id", sa.String),
)
outbox = sa.table(
    "outbox",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("payload", sa.JSON),
    sa.column("delivered_at", sa.DateTime),
)


def upgrade() -> None:
    live = op.create_table(
        "live_messages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("room_id", sa.String(length=255), nullable=False),
        sa.Column("event_id", sa.String(length=255), nullable=False),
        sa.UniqueConstraint("kind", "subject_id", name="uq_live_messages_kind_subject"),
    )
    op.create_index("ix_live_messages_event_id", "live_messages", ["event_id"])
    columns = ["kind", "subject_id", "room_id", "event_id"]
    for table, kind, event_id in (
        (cases, CARD, cases.c.card_event_id),
        (meetings, INVITATION, meetings.c.invitation_event_id),
    ):
        shown = sa.select(sa.literal(kind, sa.String), table.c.id, table.c.room_id, event_id)
        shown = shown.where(event_id.is_not(None), table.c.room_id.is_not(None))
        op.execute(live.insert().from_select(columns, shown))
    _pending_rows_to_new_shape()
    # SQLite >= 3.35 drops a column in place; recreating these tables would trip over the
    # foreign keys that point at them.
    with op.batch_alter_table("cases", recreate="never") as batch:
        batch.drop_column("card_event_id")
    with op.batch_alter_table("meetings", recreate="never") as batch:
        batch.drop_index("ix_meetings_invitation_event_id")
        batch.drop_column("invitation_event_id")


def _pending_rows_to_new_shape() -> None:
    connection = op.get_bind()
    pending = connection.execute(
        sa.select(outbox.c.id, outbox.c.kind, outbox.c.payload).where(
            outbox.c.delivered_at.is_(None)
        )
    ).all()
    for row_id, kind, payload in pending:
        announce = None
        if kind == "open_room" and payload.get("announce_row"):
            announce = connection.scalar(
                sa.select(outbox.c.payload).where(outbox.c.id == payload["announce_row"])
            )
        new = new_shape(kind, payload, announce)
        if new != (kind, payload):
            connection.execute(
                outbox.update().where(outbox.c.id == row_id).values(kind=new[0], payload=new[1])
            )


def new_shape(
    kind: str, payload: dict[str, Any], announce: dict[str, Any] | None
) -> tuple[str, dict[str, Any]]:
    """An undelivered row as the bot writes it now; `announce`: the answer a room will edit."""
    if kind == CARD:
        return "live", {"live": {"kind": CARD, "subject": payload["case_id"]}}
    if kind == INVITATION:
        return "live", {"live": {"kind": INVITATION, "subject": payload["meeting_id"]}}
    new = dict(payload)
    if kind == "send":
        card_of, invitation_of = new.pop("card_of", None), new.pop("invitation_of", None)
        if card_of:
            new["live_as"] = {"kind": CARD, "subject": card_of}
        if invitation_of:
            new["live_as"] = {"kind": INVITATION, "subject": invitation_of}
    if kind == "upload" and "content" in new:
        text = new.pop("content")
        new["data"] = base64.b64encode(text.encode("utf-8")).decode("ascii")
    if announce is not None and "answer" not in new and "\n" in announce["body"]:
        # The answer ended in the line saying the room was coming; the link takes its place.
        new["answer"] = {
            "body": announce["body"].rsplit("\n", 1)[0],
            "html": announce["html"].rsplit("<br>\n", 1)[0],
        }
    return kind, new


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("invitation_event_id", sa.String(length=255), nullable=True))
        batch.create_index("ix_meetings_invitation_event_id", ["invitation_event_id"])
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("card_event_id", sa.String(length=255), nullable=True))
    live = sa.table(
        "live_messages",
        sa.column("kind", sa.String),
        sa.column("subject_id", sa.Integer),
        sa.column("event_id", sa.String),
    )
    for table, kind, column in (
        (cases, CARD, "card_event_id"),
        (meetings, INVITATION, "invitation_event_id"),
    ):
        event_id = (
            sa.select(live.c.event_id)
            .where(live.c.kind == kind, live.c.subject_id == table.c.id)
            .scalar_subquery()
        )
        op.execute(table.update().values({column: event_id}))
    op.drop_table("live_messages")
