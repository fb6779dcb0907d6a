"""The declarative base and the column types that every table shares: UTC times and codes."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import DateTime, String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite keeps no zone of its own)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


CodeEnum = TypeVar("CodeEnum", bound=StrEnum)


class Code(TypeDecorator[CodeEnum]):
    """A state or kind, stored as its enum's code and read back as the member.

    A stored value that is not one of the codes fails loudly when it is read.
    """

    impl = String
    cache_ok = True

    def __init__(self, codes: type[CodeEnum], length: int) -> None:
        super().__init__(length)
        self.codes = codes

    def process_bind_param(self, value: str | None, dialect: Any) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: str | None, dialect: Any) -> CodeEnum | None:
        return None if value is None else self.codes(value)


class Base(DeclarativeBase):
    pass
