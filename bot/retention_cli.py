"""`signaalbot retention [--dry-run]`: what has passed its term, and anonymising it now.

The listing names record types, tables, counts and case numbers: never a text.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from bot.audit_cli import record_operator
from config.privacy_settings import PrivacySettings
from config.settings import load_privacy_settings
from storage.audit import NO_OBJECT, RETENTION_DRY_RUN, RETENTION_RUN, AuditResult
from storage.migrate import migrated_database
from storage.retention import RetentionPlan, due
from storage.retention_apply import apply

BOOKKEEPING_TERMS = {"held_events": "held", "handled_events": "handled", "outbox": "outbox"}


def run_retention(config: Path, dry_run: bool) -> int:
    """0 when listed (and, without --dry-run, applied); 2 on a configuration it cannot read."""
    try:
        storage, privacy = load_privacy_settings(config if config.exists() else None)
    except ValidationError as error:
        for problem in error.errors():
            key = ".".join(str(part) for part in problem["loc"])
            print(f"{config}: {key}: {problem['msg']}", file=sys.stderr)
        return 2
    plan = asyncio.run(_run(storage.url, privacy, dry_run, datetime.now(UTC)))
    print("\n".join(listing(plan, dry_run)))
    return 0


async def _run(url: str, privacy: PrivacySettings, dry_run: bool, now: datetime) -> RetentionPlan:
    async with migrated_database(url) as database, database.transaction() as session:
        plan = await due(session, privacy, now)
        if not dry_run:
            await apply(session, plan, now)
        action = RETENTION_DRY_RUN if dry_run else RETENTION_RUN
        await record_operator(session, action, NO_OBJECT, AuditResult.DONE)
    return plan


def listing(plan: RetentionPlan, dry_run: bool) -> list[str]:
    """Per record type what goes (or went) and which cases; the held ones; the bookkeeping."""
    moment = plan.now.strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"retention at {moment}: "
        + ("dry run, nothing changed" if dry_run else "anonymised and deleted as listed"),
        f"{'type':<10} {'table':<17} {'records':>7} {'held':>5}  cases",
    ]
    for records in plan.records:
        cases = ", ".join(sorted(records.cases)) or "-"
        lines.append(
            f"{records.term:<10} {records.table:<17} {len(records.ids):>7} {records.held:>5}  {cases}"
        )
    lines.append(f"kept by the hold: {', '.join(plan.held_cases()) or 'none'}")
    lines.append(f"{'type':<10} {'table':<17} {'rows':>7} {'kept':>5}  older than")
    for rows in plan.bookkeeping:
        before = rows.before.strftime("%Y-%m-%d %H:%M")
        term = BOOKKEEPING_TERMS[rows.table]
        lines.append(f"{term:<10} {rows.table:<17} {rows.count:>7} {len(rows.kept):>5}  {before}")
    return lines
