"""The audit trail: one record per state change or read of case data, with the BIO fields
(actie, object, resultaat, oorsprong, actor, tijdstempel), each chained to the one before it by
a SHA-256 hash, append-only (the database refuses updates and deletes)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime

GENESIS = "0" * 64  # the "previous hash" of the first record


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
