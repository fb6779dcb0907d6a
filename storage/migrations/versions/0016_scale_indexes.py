"""scale indexes: the agenda finds the latest biweekly meeting among many ad-hoc ones by
(regular, starts_at), and `!status` a case's newest timeline entries by (case_id, id), an
index that also serves what the one on case_id alone did

Revision ID: 0016
Revises: 0015
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_meetings_regular_starts_at", "meetings", ["regular", "starts_at"]),
    ("ix_timeline_entries_case_id_id", "timeline_entries", ["case_id", "id"]),
)
REPLACED = ("ix_timeline_entries_case_id", "timeline_entries", ["case_id"])


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    op.drop_index(REPLACED[0], table_name=REPLACED[1])


def downgrade() -> None:
    op.create_index(*REPLACED)
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
