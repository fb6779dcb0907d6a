"""biweekly cycle: preventive visits as cases of their own kind, regular meetings, agenda items

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(
            sa.Column("kind", sa.String(length=12), nullable=False, server_default="repressief")
        )
        batch.create_index("ix_cases_kind", ["kind"])
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(
            sa.Column("regular", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "agenda_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("added_by", sa.String(length=255), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meetings.id"), nullable=True),
    )
    op.create_index("ix_agenda_items_meeting_id", "agenda_items", ["meeting_id"])


def downgrade() -> None:
    op.drop_table("agenda_items")
    with op.batch_alter_table("meetings") as batch:
        batch.drop_column("regular")
    with op.batch_alter_table("cases") as batch:
        batch.drop_index("ix_cases_kind")
        batch.drop_column("kind")
