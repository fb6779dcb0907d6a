"""`signaalbot privacy find TEXT`: the records holding a text, for an access or erasure request.

Each line names a table, a row, the case (if any) and the column, with a short excerpt so the
operator can tell a hit from a near miss; nothing else of the record is printed.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.audit_cli import record_operator
from config.settings import load_storage_settings
from storage.audit import NO_OBJECT, PRIVACY_FIND, AuditResult
from storage.migrate import migrated_database
from storage.privacy_find import Found, find

SHORTEST = 3  # a shorter text would match half the database


def run_privacy_find(text: str, config: Path) -> int:
    """0 when searched (found or not); 2 for a text too short to search for."""
    needle = " ".join(text.split())
    if len(needle) < SHORTEST:
        print(f"search for at least {SHORTEST} characters", file=sys.stderr)
        return 2
    storage = load_storage_settings(config if config.exists() else None)
    found = asyncio.run(_find(storage.url, needle))
    if not found:
        print("no record holds that text")
        return 0
    print(f"{'table':<17} {'id':>7}  {'case':<9}  {'column':<22}  excerpt")
    for hit in found:
        print(
            f"{hit.table:<17} {hit.row_id:>7}  {hit.case or '-':<9}  {hit.column:<22}  {hit.excerpt}"
        )
    print(f"found in {len(found)} places")
    return 0


async def _find(url: str, needle: str) -> list[Found]:
    async with migrated_database(url) as database, database.transaction() as session:
        found = await find(session, needle)
        await record_operator(session, PRIVACY_FIND, NO_OBJECT, AuditResult.DONE)
        return found
