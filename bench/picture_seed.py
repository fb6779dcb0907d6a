"""Seeding signaalbot's database with five years of history before the bot starts.

    python -m bench.picture_seed [--cases 100000] [--database-url URL]

run alone, seeds a throw-away database (SQLite in a temporary directory, or a scratch
PostgreSQL database) and says how long it took. `bench/picture.py` seeds the bot's own.
The rows are made up by `bench/picture_history.py`; they go in with SQLAlchemy Core bulk
inserts in chunks, in one transaction, after the schema is migrated to head.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Table, insert, text
from sqlalchemy.ext.asyncio import AsyncSession

from bench.case_history import Follow, busiest, follow_rows
from bench.database import bot_database
from bench.picture_history import (
    HISTORY,
    REPEAT_SHARE,
    REPORT,
    Intake,
    number,
    preventive_rows,
    repeat_moment,
    repressive_rows,
)
from commands.texts import cases as case_texts
from config.settings import PlatformSettings, StorageSettings
from storage.bot_state import BotState
from storage.cases import Case, CaseKind, TimelineEntry, TimelineKind
from storage.database import Database
from storage.follow_up import Action, DecisionEntry
from storage.meetings import Meeting
from storage.migrate import upgrade_to_head

SEED = 13
CHUNK = 5000
DEFAULT_CASES = 100_000
#: The bench's bot runs with the default time zone; cases are numbered per year in it.
ZONE = ZoneInfo(PlatformSettings.model_fields["timezone"].default)


@dataclass(frozen=True)
class Seeded:
    """What went into the database, and how long it took (migrating included)."""

    repressive: int
    preventive: int
    repeat_signals: int
    companies: int
    since: datetime
    now: datetime
    seconds: float
    insert_seconds: float
    rows: dict[str, int]  # around the cases: timeline entries, meetings, decisions, actions
    busiest: str  # the number of the case with the longest timeline

    def line(self) -> str:
        around = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in self.rows.items())
        return (
            f"seeded {self.repressive} repressive cases ({self.companies} companies, "
            f"{self.repeat_signals} repeat signals) and {self.preventive} preventive visits "
            f"from {self.since:%Y-%m-%d} to {self.now:%Y-%m-%d %H:%M} UTC, with {around} "
            f"(longest timeline: {self.busiest}), in {self.seconds:.1f} s "
            f"(inserts {self.insert_seconds:.1f} s)"
        )

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {"since": self.since.isoformat(), "now": self.now.isoformat()}


async def _insert(session: AsyncSession, table: Table, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), CHUNK):
        await session.execute(insert(table), rows[start : start + CHUNK])


async def _bulk(session: AsyncSession, table: Table, rows: list[dict[str, Any]]) -> None:
    """Many plain rows (the timeline entries) straight to the driver, COPY on PostgreSQL:
    each value made what its column stores by the column's own type."""
    if not rows:
        return
    connection = await session.connection()
    dialect = connection.dialect
    names = list(rows[0])
    binds = [
        (name, table.c[name].type.dialect_impl(dialect).bind_processor(dialect)) for name in names
    ]
    values = [
        tuple(row[name] if bind is None else bind(row[name]) for name, bind in binds)
        for row in rows
    ]
    if dialect.name == "postgresql":
        raw = await connection.get_raw_connection()
        await raw.driver_connection.copy_records_to_table(table.name, records=values, columns=names)
        return
    marks = ", ".join("?" for _ in names)
    statement = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({marks})"
    for start in range(0, len(values), CHUNK):
        await connection.exec_driver_sql(statement, values[start : start + CHUNK])


async def _past_given_ids(session: AsyncSession, table: Table) -> None:
    """PostgreSQL's id sequence moved past the ids given, as SQLite's next id follows the
    highest by itself."""
    if session.bind.dialect.name == "postgresql":
        name = table.name
        await session.execute(
            text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), max(id)) FROM {name}")
        )


async def _cases(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """With their ids given."""
    await _insert(session, Case.__table__, [row for row in rows if REPORT not in row])
    await _insert(session, Case.__table__, [row for row in rows if REPORT in row])
    await _past_given_ids(session, Case.__table__)


async def _follow(session: AsyncSession, follow: Follow) -> None:
    """Meetings and actions with their ids given (timeline texts name them), then the
    decisions and the timelines."""
    for table, rows in ((Meeting.__table__, follow.meetings), (Action.__table__, follow.actions)):
        await _insert(session, table, rows)
        await _past_given_ids(session, table)
    await _insert(session, DecisionEntry.__table__, follow.decisions)
    await _bulk(session, TimelineEntry.__table__, follow.timeline)


async def _repeat_signals(
    session: AsyncSession,
    rng: random.Random,
    rows: list[dict[str, Any]],
    now: datetime,
    intake: Intake,
) -> int:
    """A repeat-signal timeline entry on about one in ten repressive cases."""
    repeated = [
        row for row in rows if row["kind"] is CaseKind.REPRESSIVE and rng.random() < REPEAT_SHARE
    ]
    entries = [
        {
            "case_id": row["id"],
            "at": repeat_moment(rng, row, now),
            "actor": rng.choice(intake.people),
            "kind": TimelineKind.REPEAT_SIGNAL,
            "text": case_texts.TIMELINE_REPEAT.format(title=row["title"]),
            "room_id": intake.room_id,
            "event_id": f"$seeded-repeat-{index}",
        }
        for index, row in enumerate(repeated)
    ]
    await _insert(session, TimelineEntry.__table__, entries)
    return len(entries)


async def seed_history(url: str, cases: int, now: datetime, intake: Intake) -> Seeded:
    """Migrate the database at `url` and fill it with `cases` repressive cases over the five
    years up to `now`, the preventive visits, the repeat signals, and the bot's first start."""
    started = time.perf_counter()
    rng = random.Random(SEED)
    since = now - HISTORY
    database = Database(url)
    try:
        await upgrade_to_head(database)
        repressive = repressive_rows(rng, cases, since, now, intake)
        preventive = preventive_rows(since, now, intake)
        rows = number(repressive + preventive, ZONE)
        follow = follow_rows(rng, rows, since, now, intake)
        inserting = time.perf_counter()
        async with database.transaction() as session:
            await _cases(session, rows)
            await _follow(session, follow)
            repeats = await _repeat_signals(session, rng, rows, now, intake)
            await BotState(session).first_start(since)
        insert_seconds = time.perf_counter() - inserting
        await _analyse(database)
    finally:
        await database.close()
    return Seeded(
        repressive=len(repressive),
        preventive=len(preventive),
        repeat_signals=repeats,
        companies=len({row["company_key"] for row in repressive}),
        since=since,
        now=now,
        seconds=time.perf_counter() - started,
        insert_seconds=insert_seconds,
        rows=follow.counts() | {"timeline_entries": len(follow.timeline) + repeats},
        busiest=_number(rows, busiest(follow)),
    )


def _number(rows: list[dict[str, Any]], case_id: int) -> str:
    row = rows[case_id - 1]  # numbered in id order from 1
    return f"{row['year']}-{row['seq']:03d}"


async def _analyse(database: Database) -> None:
    """PostgreSQL as its autovacuum leaves a table soon after a bulk load: planner statistics,
    and the visibility map that lets an index answer a query without reading the table (the
    load's inserts alone set off that vacuum). SQLite keeps no statistics unless asked, and the
    bot does not ask."""
    if database.is_sqlite:
        return
    async with database.engine.connect() as connection:
        autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
        await autocommit.execute(text("VACUUM ANALYZE"))  # never inside a transaction


def sqlite_url(data_dir: Path) -> str:
    """Where the bot keeps its SQLite database when its data dir is `data_dir`."""
    return StorageSettings(data_dir=data_dir).url


async def _seed_alone(cases: int, database_url: str | None) -> Seeded:
    intake = Intake("!seeded:localhost", ["@seeded:localhost"])
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="signaalbench-seed-") as workdir:
        async with bot_database(database_url) as scratch_url:
            return await seed_history(scratch_url or sqlite_url(Path(workdir)), cases, now, intake)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.picture_seed", description=__doc__)
    parser.add_argument("--cases", type=int, default=DEFAULT_CASES, help="repressive cases")
    parser.add_argument("--database-url", default=None, help="PostgreSQL server; default SQLite")
    args = parser.parse_args(argv)
    print(asyncio.run(_seed_alone(args.cases, args.database_url)).line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
