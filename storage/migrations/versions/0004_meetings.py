"""meetings via LOT-C: answers, decisions, actions, notes; reminders about more than cases

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), primary_key=True)


def _about() -> list[sa.Column]:
    return [
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meetings.id"), nullable=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "meetings",
        _id(),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=True),
        sa.Column("room_id", sa.String(length=255), nullable=False),
        sa.Column("topic", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("requested_by", sa.String(length=255), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("proposed_at", sa.DateTime(), nullable=True),
        sa.Column("starts_at", sa.DateTime(), nullable=True),
        sa.Column("convened_at", sa.DateTime(), nullable=True),
        sa.Column("convened_by", sa.String(length=255), nullable=True),
        sa.Column("video_url", sa.Text(), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("cancel_reason", sa.Text(), nullable=True),
        sa.Column("invitation_event_id", sa.String(length=255), nullable=True),
        sa.Column("minutes", sa.Text(), nullable=True),
        sa.Column("minutes_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_meetings_case_id", "meetings", ["case_id"])
    op.create_index("ix_meetings_room_id", "meetings", ["room_id"])
    op.create_index("ix_meetings_invitation_event_id", "meetings", ["invitation_event_id"])
    op.create_table(
        "meeting_answers",
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meetings.id"), primary_key=True),
        sa.Column("user_id", sa.String(length=255), primary_key=True),
        sa.Column("attends", sa.Boolean(), nullable=False),
        sa.Column("reaction_event_id", sa.String(length=255), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
    )
    op.create_index(
        "ix_meeting_answers_reaction_event_id", "meeting_answers", ["reaction_event_id"]
    )
    op.create_table(
        "decisions",
        _id(),
        *_about(),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("taken_by", sa.String(length=255), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("event_id", sa.String(length=255), nullable=True),
    )
    op.create_table(
        "actions",
        _id(),
        *_about(),
        sa.Column("room_id", sa.String(length=255), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner_user", sa.String(length=255), nullable=True),
        sa.Column("owner_entity", sa.String(length=10), nullable=True),
        sa.Column("owner_region", sa.String(length=4), nullable=True),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.Column("created_by", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("done_by", sa.String(length=255), nullable=True),
    )
    op.create_table(
        "notes",
        _id(),
        *_about(),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("written_by", sa.String(length=255), nullable=False),
        sa.Column("written_at", sa.DateTime(), nullable=False),
    )
    for table in ("decisions", "actions", "notes"):
        op.create_index(f"ix_{table}_meeting_id", table, ["meeting_id"])
        op.create_index(f"ix_{table}_case_id", table, ["case_id"])
    op.create_index("ix_actions_done_at", "actions", ["done_at"])
    with op.batch_alter_table("reminders") as batch:
        batch.alter_column("case_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column("meeting_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("action_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_reminders_meeting_id", "meetings", ["meeting_id"], ["id"])
        batch.create_foreign_key("fk_reminders_action_id", "actions", ["action_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("reminders") as batch:
        batch.drop_constraint("fk_reminders_action_id", type_="foreignkey")
        batch.drop_constraint("fk_reminders_meeting_id", type_="foreignkey")
        batch.drop_column("action_id")
        batch.drop_column("meeting_id")
        batch.alter_column("case_id", existing_type=sa.Integer(), nullable=False)
    for table in ("notes", "actions", "decisions", "meeting_answers", "meetings"):
        op.drop_table(table)
