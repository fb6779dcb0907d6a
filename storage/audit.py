"""The audit trail: one record per state change or read of case data, with the BIO fields
(actie, object, resultaat, oorsprong, actor, tijdstempel), each chained to the one before it by
a SHA-256 hash, append-only (the database refuses updates and deletes).

The hash of a record is the SHA-256 (lower-case hex) of the UTF-8 bytes of one JSON object in
the canonical form of RFC 8785 (JCS): keys sorted, no white space, strings with only `"`, `\\`
and control characters escaped, integers as digits, no value null but the origin's:

    {"action":"command.status","actor":"@jan:example.org","at":"2026-11-28T09:30:00.000000Z",
     "object":"case:2026-017","origin_event":"$abc","origin_room":"!room:example.org",
     "prev_hash":"<64 hex>","result":"done","seq":17}

(on one line). `at` is UTC with six decimals and a `Z`; `prev_hash` is the hash of the record
before it, 64 zeros (GENESIS) for the first. Any tool with JSON and SHA-256 can recompute it.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import Integer, String, bindparam, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime

GENESIS = "0" * 64  # the "previous hash" of the first record
HEAD_ID = 1  # the one row of audit_head

#: The actor of what the bot does on its own (reminders, the configuration merged at start).
BOT_ACTOR = "signaalbot"
#: Objects that are no case, meeting or action.
DIRECTORY = "directory"
CONTACTS = "contacts"
NATIONAL_FIGURES = "national_figures"
NO_OBJECT = "-"

#: Actions that are no command, reaction or reminder.
COMMAND_UNKNOWN = "command.unknown"
COMMAND_PLAIN = "command.plain"
REACTION_WITHDRAWN = "reaction.withdrawn"
DIRECTORY_CONFIGURED = "directory.configured"
IMPORT_CONTACTS = "import.contacts"
IMPORT_NATIONAL = "import.national"
OUTBOX_RETRY = "outbox.retry"
CLI_AUDIT_EXPORT = "cli.audit_export"
RETENTION_RUN = "retention.run"
RETENTION_DRY_RUN = "retention.dry_run"
PRIVACY_FIND = "privacy.find"  # the text searched for is never recorded


class AuditResult(StrEnum):
    """resultaat"""

    DONE = "done"  # carried out (a read included)
    REFUSED = "refused"  # bad input or not allowed: nothing changed
    FAILED = "failed"  # an error stopped it: nothing changed
    IGNORED = "ignored"  # not acted on (a non-member, an edited command, nothing to do)


def command_action(name: str) -> str:
    """`command.signaal`: always a command's canonical name, also when an alias was typed."""
    return f"command.{name}"


def reaction_action(code: str) -> str:
    return f"reaction.{code}"


def reminder_action(kind: str) -> str:
    return f"reminder.{kind}"


def case_object(number: str) -> str:
    return f"case:{number}"


def meeting_object(meeting_id: int) -> str:
    return f"meeting:{meeting_id}"


def action_object(action_id: int) -> str:
    return f"action:{action_id}"


def operator_actor(user: str) -> str:
    """Someone running a command-line tool on the bot's machine, by their account there."""
    return f"operator:{user}"


class AuditRecord(Base):
    __tablename__ = "audit_records"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)  # tijdstempel
    action: Mapped[str] = mapped_column(String(60))  # actie, a code
    object: Mapped[str] = mapped_column(String(120))  # object, e.g. case:2026-017
    result: Mapped[str] = mapped_column(String(20))  # resultaat, a code
    origin_room: Mapped[str | None] = mapped_column(String(255))  # oorsprong: room
    origin_event: Mapped[str | None] = mapped_column(String(255))  # oorsprong: event id
    actor: Mapped[str] = mapped_column(String(255))  # a Matrix id, signaalbot or an operator
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The newest record's number and hash, in one row that appending locks, so two
    transactions can never both chain to the same record (and a cut-off tail is noticed)."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


def timestamp(at: datetime) -> str:
    """The `at` of the canonical encoding (and of the export): `2026-11-28T09:30:00.000000Z`."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(record: AuditRecord) -> bytes:
    """The bytes a record's hash is taken over (see the module's docstring)."""
    fields = {
        "action": record.action,
        "actor": record.actor,
        "at": timestamp(record.at),
        "object": record.object,
        "origin_event": record.origin_event,
        "origin_room": record.origin_room,
        "prev_hash": record.prev_hash,
        "result": str(record.result),
        "seq": record.seq,
    }
    encoded = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return encoded.encode("utf-8")


def record_hash(record: AuditRecord) -> str:
    return hashlib.sha256(canonical(record)).hexdigest()


#: Per database, the head as this process last wrote it: a guess that spares reading the head.
#: An append tests the guess in the statement that takes the head's lock, so a guess made stale
#: by another process, or by a transaction that was rolled back, only costs the full read.
_last_heads: dict[str, tuple[int, str]] = {}


class AuditTrail:
    """Appends records in the caller's transaction, so a record commits with its change."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._database = str(session.bind.url)

    async def append(
        self,
        *,
        action: str,
        object: str,
        result: AuditResult,
        actor: str,
        at: datetime,
        room: str | None = None,
        event: str | None = None,
    ) -> AuditRecord:
        record = AuditRecord(
            at=at.astimezone(UTC),
            action=action,
            object=object,
            result=str(result),
            origin_room=room,
            origin_event=event,
            actor=actor,
        )
        guess = _last_heads.get(self._database)
        if guess is None or not await self._advance_from(guess, record):
            head = await self._locked_head()
            _chain(record, head.seq, head.hash)
            head.seq, head.hash = record.seq, record.hash
        await self.session.execute(_INSERT_RECORD, _columns(record))
        _last_heads[self._database] = (record.seq, record.hash)
        return record

    async def _advance_from(self, guess: tuple[int, str], record: AuditRecord) -> bool:
        """Chain the record to the guessed head and move the head on, if the guess holds.

        The update is a write on both databases: SQLite takes its one write lock, PostgreSQL
        locks the row (and, if another transaction moved the head meanwhile, matches nothing).
        """
        seq, previous = guess
        _chain(record, seq, previous)
        moved = await self.session.execute(
            _ADVANCE_HEAD,
            {"seq_was": seq, "hash_was": previous, "seq": record.seq, "hash": record.hash},
        )
        return moved.rowcount == 1

    async def _locked_head(self) -> AuditHead:
        """The head row, locked until the transaction ends; made on first use.

        The insert that makes it is a write on both databases, so SQLite takes its one write
        lock here, before the head is read; PostgreSQL locks the row with FOR UPDATE, and a
        second transaction making the head at the same moment waits for the first one's.
        """
        dialect = postgresql if self.session.bind.dialect.name == "postgresql" else sqlite
        await self.session.execute(
            dialect.insert(AuditHead)
            .values(id=HEAD_ID, seq=0, hash=GENESIS)
            .on_conflict_do_nothing(index_elements=["id"])
        )
        query = select(AuditHead).where(AuditHead.id == HEAD_ID).with_for_update()
        head = await self.session.scalar(query.execution_options(populate_existing=True))
        assert head is not None
        return head


#: Core statements, built once: the chain's two writes on every command, without the ORM's
#: flush. A head that `_locked_head` moved is written by the next flush (its own query's, or the
#: commit's); until then a guess at it matches nothing and the head is simply read again.
_head = AuditHead.__table__.c
_ADVANCE_HEAD = (
    update(AuditHead.__table__)
    .where(
        _head.id == HEAD_ID,
        _head.seq == bindparam("seq_was"),
        _head.hash == bindparam("hash_was"),
    )
    .values(seq=bindparam("seq"), hash=bindparam("hash"))
)
_INSERT_RECORD = insert(AuditRecord.__table__)


def _columns(record: AuditRecord) -> dict[str, object]:
    return {column.key: getattr(record, column.key) for column in AuditRecord.__table__.columns}


def _chain(record: AuditRecord, head_seq: int, head_hash: str) -> None:
    """Number the record after the head, link it to the head's hash and seal it."""
    record.seq = head_seq + 1
    record.prev_hash = head_hash
    record.hash = record_hash(record)
