"""case flow: coordinator, decision, visit, report, closing; reminders

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

CASE_COLUMNS = [
    sa.Column("card_event_id", sa.String(length=255), nullable=True),
    sa.Column("coordinator", sa.String(length=10), nullable=True),
    sa.Column("coordinator_region", sa.String(length=4), nullable=True),
    sa.Column("decision", sa.String(length=20), nullable=True),
    sa.Column("decision_note", sa.Text(), nullable=True),
    sa.Column("visit_planned_at", sa.DateTime(), nullable=True),
    sa.Column("visit_location", sa.Text(), nullable=True),
    sa.Column("visited_at", sa.DateTime(), nullable=True),
    sa.Column("lead_time_seconds", sa.Integer(), nullable=True),
    sa.Column("overdue", sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column("report", sa.JSON(), nullable=True),
    sa.Column("report_filed_at", sa.DateTime(), nullable=True),
    sa.Column("closed_at", sa.DateTime(), nullable=True),
    sa.Column("close_reason", sa.Text(), nullable=True),
]


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        for column in CASE_COLUMNS:
            batch.add_column(column)
    op.create_table(
        "reminders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_reminders_case_id", "reminders", ["case_id"])
    op.create_index("ix_reminders_open", "reminders", ["sent_at", "cancelled_at", "due_at"])


def downgrade() -> None:
    op.drop_table("reminders")
    with op.batch_alter_table("cases") as batch:
        for column in reversed(CASE_COLUMNS):
            batch.drop_column(column.name)
