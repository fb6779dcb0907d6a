"""How fast the audit trail appends and verifies, against a bare baseline on the same rows.

    python -m bench.audit [--records 50000] [--batch 1000] [--database-url URL] [--json F]

The trail is filled through `AuditTrail.append` (the bot's own path: the head row locked, one
record hashed and inserted, the head moved), `--batch` records per transaction. Then `verify`
reads and checks the chain, next to the bare baseline: the same rows read with one plain SELECT
and each hashed once with SHA-256, nothing checked. SQLite in a scratch directory by default;
`--database-url` takes a PostgreSQL server (a scratch database is made and dropped).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from bench.database import bot_database
from bench.entry import write_json
from storage.audit import AuditResult, AuditTrail
from storage.audit_chain import verify
from storage.database import Database
from storage.migrate import migrated_database

START = datetime(2026, 1, 1, tzinfo=UTC)


async def fill(database: Database, records: int, batch: int) -> float:
    """Seconds to append `records` records, `batch` per transaction."""
    started = time.perf_counter()
    for first in range(0, records, batch):
        async with database.transaction() as session:
            trail = AuditTrail(session)
            for seq in range(first, min(first + batch, records)):
                await trail.append(
                    action="command.status",
                    object=f"case:2026-{seq % 900 + 1:03d}",
                    result=AuditResult.DONE,
                    actor=f"@lid{seq % 50}:bench.example",
                    at=START + timedelta(seconds=seq),
                    room="!incident:bench.example",
                    event=f"$event{seq}",
                )
    return time.perf_counter() - started


async def verified(database: Database) -> tuple[float, int, bool]:
    started = time.perf_counter()
    async with database.transaction() as session:
        result = await verify(session)
    return time.perf_counter() - started, result.checked, result.broken_seq is None


async def bare(database: Database) -> tuple[float, int]:
    """The floor under verify: every row read once and hashed once, nothing compared."""
    started, count = time.perf_counter(), 0
    async with database.engine.connect() as connection:
        rows = await connection.stream(text("SELECT * FROM audit_records ORDER BY seq"))
        async for row in rows:
            hashlib.sha256(json.dumps(list(row), default=str).encode()).hexdigest()
            count += 1
    return time.perf_counter() - started, count


async def run(records: int, batch: int, url: str | None, workdir: Path) -> dict[str, Any]:
    async with bot_database(url) as scratch:
        database_url = scratch or f"sqlite+aiosqlite:///{workdir / 'audit.db'}"
        async with migrated_database(database_url) as database:
            filled = await fill(database, records, batch)
            verify_s, checked, intact = await verified(database)
            bare_s, read = await bare(database)
    return {
        "database": "postgresql" if url else "sqlite",
        "records": records,
        "append_per_record_ms": filled * 1000 / records,
        "verify_s": verify_s,
        "verify_per_1000_ms": verify_s * 1e6 / checked,
        "bare_read_and_hash_s": bare_s,
        "verify_over_bare": verify_s / bare_s,
        "intact": intact and checked == read == records,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.audit", description=__doc__)
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="signaalbench-audit-") as workdir:
        found = asyncio.run(run(args.records, args.batch, args.database_url, Path(workdir)))
    for key, value in found.items():
        print(f"{key:<24} {value:.3f}" if isinstance(value, float) else f"{key:<24} {value}")
    write_json(args.json, found)
    return 0 if found["intact"] else 1


if __name__ == "__main__":
    sys.exit(main())
