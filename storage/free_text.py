"""Where free text lives: the one list that retention anonymises and `privacy find` searches.

Everything else the bot stores is a code, a date, a count or a Matrix id. A place names its
table, its text columns, its JSON columns whose values are free text, the retention term
(`privacy.retention.<term>`) that applies to it and the moment that term is counted from.
A record whose age is NULL (an open case, an open action, a decision about an open case)
never goes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_
from sqlalchemy import case as when

from storage.base import Base
from storage.cases import Case, CaseStatus, IntakeField, TimelineEntry
from storage.contacts import Contact
from storage.follow_up import Action, DecisionEntry, Note
from storage.meetings import AgendaItem, Meeting
from storage.outbox import OutboxEffect

#: The fields of a visit report (`!rapport`), as `Case.report` stores them.
REPORT_KEYS = ("date", "participants", "findings", "measures", "follow_up", "share_with")
#: The intake fields `Case.unread` may hold, as typed.
UNREAD_KEYS = tuple(str(field) for field in IntakeField)
#: Free text inside the outbox's payloads: a message's body and the answer a room link edits.
OUTBOX_PATHS = (("body",), ("answer", "body"))

Age = Callable[[], ColumnElement[datetime | None]]


@dataclass(frozen=True)
class FreeTextPlace:
    """One table holding free text, and how retention counts a record's age there."""

    table: str
    model: type[Base]
    columns: tuple[str, ...]
    #: JSON column -> the keys (paths) whose values are free text.
    json: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = ()
    #: The record type of `privacy.retention`; None: searched only, never anonymised.
    term: str | None = None
    #: When the term starts, per row; the query joins the record's case (outer) as `Case`.
    age: Age | None = None
    #: The column naming the record's case (`id` on cases itself); None: about no case.
    case_column: str | None = "case_id"

    def column(self, name: str) -> Any:
        return getattr(self.model, name)

    def required(self, name: str) -> bool:
        """A NOT NULL text column is emptied, a nullable one set to NULL."""
        return not self.model.__table__.c[name].nullable  # type: ignore[attr-defined]


def _closed_case() -> ColumnElement[datetime | None]:
    """When the record's case closed; NULL while it is open (its records stay)."""
    return when((Case.status == CaseStatus.CLOSED, Case.closed_at), else_=None)


def _unless_open_case(model: Any, moment: Any) -> ColumnElement[datetime | None]:
    """`moment`, unless the record is about a case that is still open (then NULL: it stays)."""
    about_open_case = and_(model.case_id.is_not(None), Case.status != CaseStatus.CLOSED)
    return when((about_open_case, None), else_=moment)


def _note_age() -> ColumnElement[datetime | None]:
    """A note about a case goes with the case's timeline; a meeting's note from when written."""
    return when((Note.case_id.is_(None), Note.written_at), else_=_closed_case())


def _meeting_age() -> ColumnElement[datetime | None]:
    """From the meeting's start, or its request when it never got one."""
    start = when((Meeting.starts_at.is_(None), Meeting.requested_at), else_=Meeting.starts_at)
    return _unless_open_case(Meeting, start)


PLACES: tuple[FreeTextPlace, ...] = (
    FreeTextPlace(
        "cases",
        Case,
        (
            "title",
            "description",
            "location",
            "decision_note",
            "visit_location",
            "close_reason",
            "company_key",
            "kvk",
        ),
        json=(
            ("report", tuple((key,) for key in REPORT_KEYS)),
            ("unread", tuple((key,) for key in UNREAD_KEYS)),
        ),
        term="cases",
        age=_closed_case,
        case_column="id",
    ),
    FreeTextPlace("timeline_entries", TimelineEntry, ("text",), term="timelines", age=_closed_case),
    FreeTextPlace("notes", Note, ("text",), term="timelines", age=_note_age),
    FreeTextPlace(
        "decisions",
        DecisionEntry,
        ("text",),
        term="lists",
        age=lambda: _unless_open_case(DecisionEntry, DecisionEntry.taken_at),
    ),
    FreeTextPlace(
        "actions",
        Action,
        ("text",),
        term="lists",
        age=lambda: _unless_open_case(Action, Action.done_at),
    ),
    FreeTextPlace(
        "meetings",
        Meeting,
        ("topic", "minutes", "cancel_reason"),
        term="minutes",
        age=_meeting_age,
    ),
    FreeTextPlace(
        "agenda_items",
        AgendaItem,
        ("text",),
        term="minutes",
        age=lambda: AgendaItem.added_at,
        case_column=None,
    ),
    FreeTextPlace("contacts", Contact, ("name", "role", "phone", "email"), case_column=None),
    # Delivered rows are deleted after `retention.outbox` (bookkeeping, storage/retention.py).
    FreeTextPlace("outbox", OutboxEffect, (), json=(("payload", OUTBOX_PATHS),), case_column=None),
)

#: The places retention anonymises, in the order it lists them.
RECORDS = tuple(place for place in PLACES if place.term is not None)
