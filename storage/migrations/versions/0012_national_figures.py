"""national figures: reference figures per region and indicator, imported from partners

Revision ID: 0012
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "national_figures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region", sa.String(length=4), nullable=False),
        sa.Column("indicator", sa.String(length=40), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=True),
        sa.Column("sectors", sa.JSON(), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_from", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("region", "indicator", name="uq_national_figures_region_indicator"),
    )


def downgrade() -> None:
    op.drop_table("national_figures")
