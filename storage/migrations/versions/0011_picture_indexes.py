"""picture indexes: the operational picture counts cases by kind and moment (signalled,
visited, report filed), open cases by kind and status, repeat signals by kind and moment, and
decisions by when they were taken; these indexes keep those counts to a range scan on many
cases

Revision ID: 0011
Revises: 0010
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_cases_kind_signalled_at", "cases", ["kind", "signalled_at"]),
    ("ix_cases_kind_visited_at", "cases", ["kind", "visited_at"]),
    ("ix_cases_kind_status", "cases", ["kind", "status"]),
    ("ix_cases_report_filed_at", "cases", ["report_filed_at"]),
    ("ix_timeline_entries_kind_at", "timeline_entries", ["kind", "at"]),
    ("ix_decisions_taken_at", "decisions", ["taken_at"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
