"""privacy and records: the hash-chained, append-only audit trail, and when retention
anonymised a record's free text

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

#: Tables whose free text retention replaces once its term has passed.
ANONYMISED = (
    "cases",
    "timeline_entries",
    "meetings",
    "decisions",
    "actions",
    "notes",
    "agenda_items",
)

_REFUSAL = "audit records are append-only"


def upgrade() -> None:
    op.create_table(
        "audit_records",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("object", sa.String(length=120), nullable=False),
        sa.Column("result", sa.String(length=20), nullable=False),
        sa.Column("origin_room", sa.String(length=255), nullable=True),
        sa.Column("origin_event", sa.String(length=255), nullable=True),
        sa.Column("actor", sa.String(length=255), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_index("ix_audit_records_at", "audit_records", ["at"])
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    for table in ANONYMISED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("anonymised_at", sa.DateTime(), nullable=True))
    _append_only()


def _append_only() -> None:
    """The database itself refuses to change or remove an audit record."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{_REFUSAL}'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records "
            "FOR EACH ROW EXECUTE FUNCTION audit_append_only()"
        )
        return
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_records_no_{verb.lower()} BEFORE {verb} ON audit_records "
            f"BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_records_append_only ON audit_records")
        op.execute("DROP FUNCTION audit_append_only()")
    for table in reversed(ANONYMISED):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("anonymised_at")
    op.drop_table("audit_head")
    op.drop_index("ix_audit_records_at", table_name="audit_records")
    op.drop_table("audit_records")
