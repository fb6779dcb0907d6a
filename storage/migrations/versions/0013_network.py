"""the network: the directory in the database with its audit trail, contacts outside Matrix,
regional contact points, and the country across the border a case reaches into

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "directory_members",
        sa.Column("user_id", sa.String(length=255), nullable=False),
        sa.Column("entity", sa.String(length=10), nullable=False),
        sa.Column("region", sa.String(length=4), nullable=True),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("substitute", sa.String(length=255), nullable=True),
        sa.Column("away_from", sa.DateTime(), nullable=True),
        sa.Column("away_until", sa.DateTime(), nullable=True),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("user_id"),
    )
    op.create_table(
        "directory_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=255), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.String(length=255), nullable=False),
        sa.Column("old", sa.JSON(), nullable=True),
        sa.Column("new", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_directory_changes_at", "directory_changes", ["at"])
    op.create_index("ix_directory_changes_subject", "directory_changes", ["subject"])
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("regions", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "contact_points",
        sa.Column("region", sa.String(length=4), nullable=False),
        sa.Column("entity", sa.String(length=10), nullable=False),
        sa.Column("user_id", sa.String(length=255), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("named_at", sa.DateTime(), nullable=False),
        sa.Column("named_by", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("region", "entity"),
    )
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("border", sa.String(length=2), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("border")
    op.drop_table("contact_points")
    op.drop_table("contacts")
    op.drop_index("ix_directory_changes_subject", table_name="directory_changes")
    op.drop_index("ix_directory_changes_at", table_name="directory_changes")
    op.drop_table("directory_changes")
    op.drop_table("directory_members")
