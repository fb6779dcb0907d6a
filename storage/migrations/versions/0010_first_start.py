"""first start: the moment the preventive cadence counted from is the bot's first start, from
which the first agenda counts too

Revision ID: 0010
Revises: 0009
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE bot_state SET key = 'first_start' WHERE key = 'preventive_cadence_since'")


def downgrade() -> None:
    op.execute("UPDATE bot_state SET key = 'preventive_cadence_since' WHERE key = 'first_start'")
