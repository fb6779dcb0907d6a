"""The chain: each record's hash over all its fields and the hash before it; the database
refuses to change or remove a record; tampering by someone who can is found and named."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import UTC, datetime

import pytest
from sqlalchemy import text, update
from sqlalchemy.exc import DBAPIError

from storage import audit
from storage.audit import GENESIS, AuditHead, AuditRecord, AuditResult, AuditTrail, record_hash
from storage.audit_chain import Break, Verification
from storage.database import Database
from tests.unit.audit.helpers import as_attacker, chain, tamper, trail, verified


async def test_the_hash_is_sha256_over_the_documented_json(database: Database) -> None:
    first, second = await chain(database, 2)
    # Recomputed as an auditor would with another tool: the JSON exactly as the docs give it.
    documented = (
        '{"action":"command.status","actor":"@iszw:example.org",'
        '"at":"2026-11-28T09:30:00.000000Z","object":"case:2026-001","origin_event":"$event1",'
        f'"origin_room":"!platform:example.org","prev_hash":"{GENESIS}","result":"done",'
        '"seq":1}'
    )
    assert first.hash == hashlib.sha256(documented.encode("utf-8")).hexdigest()
    assert (first.seq, first.prev_hash) == (1, GENESIS)
    assert (second.seq, second.prev_hash) == (2, first.hash)


async def test_a_record_without_origin_has_nulls_in_its_encoding(database: Database) -> None:
    async with database.transaction() as session:
        record = await AuditTrail(session).append(
            action="reminder.deadline",
            object="case:2026-017",
            result=AuditResult.DONE,
            actor="signaalbot",
            at=datetime(2026, 11, 29, 9, 30, 0, 250000, tzinfo=UTC),
        )
    documented = (
        '{"action":"reminder.deadline","actor":"signaalbot","at":"2026-11-29T09:30:00.250000Z",'
        '"object":"case:2026-017","origin_event":null,"origin_room":null,'
        f'"prev_hash":"{GENESIS}","result":"done","seq":1}}'
    )
    assert record.hash == hashlib.sha256(documented.encode("utf-8")).hexdigest()


async def test_an_intact_chain_verifies_and_the_head_names_its_last_record(
    database: Database,
) -> None:
    records = await chain(database, 5)
    assert await verified(database) == Verification(checked=5, last_hash=records[-1].hash)
    async with database.transaction() as session:
        head = await session.get(AuditHead, 1)
        assert head is not None
        assert (head.seq, head.hash) == (5, records[-1].hash)
    assert [r.hash for r in records] == [record_hash(r) for r in records]


async def test_an_empty_trail_verifies(database: Database) -> None:
    assert await verified(database) == Verification(checked=0, last_hash=GENESIS)


async def test_the_database_refuses_to_change_or_remove_a_record(database: Database) -> None:
    await chain(database, 3)
    with pytest.raises(DBAPIError, match="append-only"):
        async with database.transaction() as session:
            await session.execute(
                update(AuditRecord).where(AuditRecord.seq == 2).values(actor="@mallory:evil.org")
            )
    with pytest.raises(DBAPIError, match="append-only"):
        async with database.transaction() as session:
            await session.execute(text("DELETE FROM audit_records WHERE seq = 3"))
    assert [r.actor for r in await trail(database)] == ["@iszw:example.org"] * 3
    assert (await verified(database)).ok


async def test_an_edited_field_names_that_record(database: Database) -> None:
    await chain(database, 5)
    await tamper(database, "UPDATE audit_records SET result = 'refused' WHERE seq = 3")
    assert await verified(database) == Verification(2, broken_seq=3, reason=Break.CHANGED)


async def test_an_edited_time_names_that_record(database: Database) -> None:
    await chain(database, 5)
    async with as_attacker(database) as session:
        await session.execute(
            update(AuditRecord)
            .where(AuditRecord.seq == 4)
            .values(at=datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
        )
    assert await verified(database) == Verification(3, broken_seq=4, reason=Break.CHANGED)


async def test_a_deleted_record_in_the_middle_is_named_missing(database: Database) -> None:
    await chain(database, 5)
    await tamper(database, "DELETE FROM audit_records WHERE seq = 3")
    assert await verified(database) == Verification(2, broken_seq=3, reason=Break.MISSING)


async def test_a_deleted_first_record_is_named_missing(database: Database) -> None:
    await chain(database, 3)
    await tamper(database, "DELETE FROM audit_records WHERE seq = 1")
    assert await verified(database) == Verification(0, broken_seq=1, reason=Break.MISSING)


async def test_a_deleted_last_record_is_named_as_the_cut_off_tail(database: Database) -> None:
    await chain(database, 5)
    await tamper(database, "DELETE FROM audit_records WHERE seq = 5")
    assert await verified(database) == Verification(4, broken_seq=5, reason=Break.TAIL_CUT)


async def test_two_rows_swapped_are_named_out_of_order_at_the_first(database: Database) -> None:
    records = await chain(database, 5)
    columns = ("at", "action", "object", "result", "origin_room", "origin_event", "actor")
    columns += ("prev_hash", "hash")
    second, fourth = records[1], records[3]
    async with as_attacker(database) as session:
        for target, source in ((2, fourth), (4, second)):
            values = {column: getattr(source, column) for column in columns}
            await session.execute(
                update(AuditRecord).where(AuditRecord.seq == target).values(**values)
            )
    assert [r.object for r in await trail(database)] == [
        "case:2026-001",
        "case:2026-004",
        "case:2026-003",
        "case:2026-002",
        "case:2026-005",
    ]
    assert await verified(database) == Verification(1, broken_seq=2, reason=Break.OUT_OF_ORDER)


async def test_a_record_rewritten_with_a_new_hash_breaks_the_link_after_it(
    database: Database,
) -> None:
    records = await chain(database, 5)
    forged = records[2]
    forged.actor = "@mallory:evil.org"
    async with as_attacker(database) as session:
        await session.execute(
            update(AuditRecord)
            .where(AuditRecord.seq == 3)
            .values(actor=forged.actor, hash=record_hash(forged))
        )
    assert await verified(database) == Verification(3, broken_seq=4, reason=Break.UNLINKED)


async def test_a_head_that_names_another_hash_is_found(database: Database) -> None:
    await chain(database, 4)
    await tamper(database, f"UPDATE audit_head SET hash = '{'f' * 64}'")
    assert await verified(database) == Verification(3, broken_seq=4, reason=Break.HEAD_MISMATCH)


async def test_a_record_added_around_the_trail_is_found(database: Database) -> None:
    records = await chain(database, 3)
    last = records[-1]
    forged = AuditRecord(
        seq=4,
        at=last.at,
        action="command.status",
        object="case:2026-001",
        result="done",
        origin_room=None,
        origin_event=None,
        actor="@mallory:evil.org",
        prev_hash=last.hash,
    )
    forged.hash = record_hash(forged)
    async with database.transaction() as session:
        session.add(forged)  # appending needs no dropped trigger, but the head is not moved
    assert await verified(database) == Verification(3, broken_seq=4, reason=Break.BEYOND_HEAD)


async def test_appends_at_the_same_moment_never_fork_the_chain(database: Database) -> None:
    sessions = 8
    together = asyncio.Barrier(sessions)

    async def append(number: int) -> int:
        async with database.transaction() as session:
            await session.execute(text("SELECT 1"))
            await together.wait()  # every transaction is open before any appends
            record = await AuditTrail(session).append(
                action="command.status",
                object=f"case:2026-{number:03d}",
                result=AuditResult.DONE,
                actor="@iszw:example.org",
                at=datetime(2026, 11, 28, 9, 30, tzinfo=UTC),
            )
            return record.seq

    seqs = await asyncio.gather(*(append(number) for number in range(1, sessions + 1)))
    assert sorted(seqs) == list(range(1, sessions + 1))
    records = await trail(database)
    assert [r.prev_hash for r in records[1:]] == [r.hash for r in records[:-1]]
    assert await verified(database) == Verification(sessions, last_hash=records[-1].hash)


async def test_an_append_rolled_back_leaves_no_gap_in_the_chain(database: Database) -> None:
    kept = await chain(database, 2)
    with pytest.raises(RuntimeError):
        async with database.transaction() as session:
            await AuditTrail(session).append(
                action="command.status",
                object="case:2026-009",
                result=AuditResult.DONE,
                actor="@iszw:example.org",
                at=datetime(2026, 11, 28, 10, 0, tzinfo=UTC),
            )
            raise RuntimeError("the change it records failed")
    async with database.transaction() as session:
        after = await AuditTrail(session).append(
            action="command.status",
            object="case:2026-010",
            result=AuditResult.DONE,
            actor="@iszw:example.org",
            at=datetime(2026, 11, 28, 10, 1, tzinfo=UTC),
        )
    assert (after.seq, after.prev_hash) == (3, kept[-1].hash)
    assert await verified(database) == Verification(checked=3, last_hash=after.hash)


async def test_several_appends_in_one_transaction_chain_in_order(database: Database) -> None:
    """The first append reads the head (no guess, as after a start); the next ones guess it."""
    kept = await chain(database, 1)
    audit._last_heads.clear()
    async with database.transaction() as session:
        appended = [
            await AuditTrail(session).append(
                action="command.status",
                object=f"case:2026-{number:03d}",
                result=AuditResult.DONE,
                actor="@iszw:example.org",
                at=datetime(2026, 11, 28, 10, number, tzinfo=UTC),
            )
            for number in range(3)
        ]
    assert [(r.seq, r.prev_hash) for r in appended] == [
        (2, kept[-1].hash),
        (3, appended[0].hash),
        (4, appended[1].hash),
    ]
    assert await verified(database) == Verification(checked=4, last_hash=appended[-1].hash)
