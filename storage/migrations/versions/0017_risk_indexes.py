"""risk indexes: whether a report names measures, as a column the database keeps from the
report, and the index on (kind, signalled_at) widened with what the sector ranking counts
(sector, company, decision, that column), so it parses no report; the one on (kind, status)
widened with overdue and visited_at, so the open and overdue cases are counted from the index;
each wider index also serves what the narrower one did

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

COLUMN = "report_has_measures"
HAS_MEASURES = sa.func.coalesce(sa.column("report", sa.JSON)["measures"].as_string(), "") != ""
RISK = ["kind", "signalled_at", "sector", "company_key", "decision", COLUMN]
# (new index, its columns), (the index it replaces, its columns)
WIDENED = (
    (("ix_cases_kind_signalled_at_risk", RISK), ("ix_cases_kind_signalled_at", RISK[:2])),
    (
        ("ix_cases_kind_status_overdue", ["kind", "status", "overdue", "visited_at"]),
        ("ix_cases_kind_status", ["kind", "status"]),
    ),
)


def upgrade() -> None:
    # PostgreSQL stores a generated column; SQLite can only add a virtual one, whose value
    # the index keeps.
    stored = True if op.get_bind().dialect.name == "postgresql" else None
    computed = sa.Computed(HAS_MEASURES, persisted=stored)
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column(COLUMN, sa.Boolean(), computed))
    for (name, columns), (old, _old_columns) in WIDENED:
        op.create_index(name, "cases", columns)
        op.drop_index(old, table_name="cases")


def downgrade() -> None:
    for (name, _columns), (old, old_columns) in reversed(WIDENED):
        op.create_index(old, "cases", old_columns)
        op.drop_index(name, table_name="cases")
    with op.batch_alter_table("cases", recreate="never") as batch:
        batch.drop_column(COLUMN)
