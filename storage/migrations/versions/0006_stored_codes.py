"""stored codes: states, kinds, decisions and timeline entries as English codes, not Dutch text

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# The values as 0005 stored them, and the code each becomes. Frozen here: the enums may grow.
CODES: dict[tuple[str, str], dict[str, str]] = {
    ("cases", "status"): {
        "gemeld": "reported",
        "in beoordeling": "assessing",
        "besloten": "decided",
        "inzet gepland": "planned",
        "inzet uitgevoerd": "visited",
        "rapportage ontvangen": "report_received",
        "afgesloten": "closed",
    },
    ("cases", "kind"): {"repressief": "repressive", "preventief": "preventive"},
    ("cases", "decision"): {"inzet": "visit", "geen inzet": "no_visit"},
    ("meetings", "status"): {
        "aangevraagd": "requested",
        "bijeengeroepen": "convened",
        "afgezegd": "cancelled",
    },
    ("reminders", "kind"): {
        "rapport": "report",
        "voorbereiding": "prepare",
        "meeting soon": "meeting_soon",
        "action overdue": "action_overdue",
        # ladder, deadline, convene, agenda and cadence were codes already
    },
    ("timeline_entries", "kind"): {
        "signaal": "signal",
        "herhaalsignaal": "repeat_signal",
        "incidentkamer": "room_opened",
        "overdracht": "handover",
        "regio": "region",
        "besluit": "decision",
        "inzet gepland": "visit_planned",
        "inzet uitgevoerd": "visited",
        "rapportage": "report",
        "gesloten": "closed",
        "escalatie": "escalation",
        "vastgelegd": "pinned",
        "overleg": "meeting",
        "actie": "action",
        "notitie": "note",
        "notulen": "minutes",
        "preventief": "preventive_planned",
        # coordinator was a code already
    },
}


def _translate(mapping: dict[tuple[str, str], dict[str, str]]) -> None:
    """One UPDATE per column, all values at once, so no value is translated twice."""
    for (table_name, column_name), values in mapping.items():
        column = sa.column(column_name, sa.String())
        table = sa.table(table_name, column)
        op.execute(
            table.update()
            .where(column.in_(values))
            .values({column_name: sa.case(values, value=column, else_=column)})
        )


def _kind_default(value: str) -> None:
    with op.batch_alter_table("cases") as batch:
        batch.alter_column(
            "kind",
            existing_type=sa.String(length=12),
            existing_nullable=False,
            server_default=value,
        )


def upgrade() -> None:
    _translate(CODES)
    _kind_default("repressive")


def downgrade() -> None:
    _translate(
        {where: {code: old for old, code in values.items()} for where, values in CODES.items()}
    )
    _kind_default("repressief")
