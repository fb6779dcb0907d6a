"""outbox failures: rows set aside (refused for good, or failing too long) are no longer pending

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("failed_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("failure", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("retried_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("retried_at")
        batch.drop_column("failure")
        batch.drop_column("failed_at")
