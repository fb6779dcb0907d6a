"""Shared by the retention tests: settings with short terms, and records of a given age."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import count
from typing import Any

from sqlalchemy import select

from config.settings import Settings
from storage.bot_state import HandledEvent
from storage.cases import Case, CaseKind, CaseStatus, Decision, TimelineEntry, TimelineKind
from storage.contacts import Contact, ContactKind, ContactSource
from storage.database import Database
from storage.follow_up import Action, DecisionEntry, Note
from storage.held import HeldEvent
from storage.meetings import AgendaItem, Meeting, MeetingStatus
from storage.outbox import OutboxEffect
from tests.unit.helpers import NOW, PLATFORM, make_settings

YEAR = timedelta(days=365)
DAY = timedelta(days=1)
#: Every record type a year, the bookkeeping shorter: the tests' terms.
TERMS = {
    "cases": "365d",
    "timelines": "365d",
    "minutes": "365d",
    "lists": "365d",
    "held": "7d",
    "handled": "90d",
    "outbox": "30d",
}
ISZW = "@iszw:example.org"
_seq = count(1)


def retention_settings(hold: Any = (), **privacy: Any) -> Settings:
    base = make_settings().model_dump(mode="json")
    section = {"retention": TERMS, "hold": hold if hold == "all" else list(hold), **privacy}
    return Settings(**{**base, "privacy": section})


def closed_case(closed_ago: timedelta | None, *, year: int = 2024, **fields: Any) -> Case:
    """A visited, reported repressive case closed `closed_ago` before NOW (None: still open)."""
    seq = next(_seq)
    signalled = NOW - (closed_ago or DAY) - 10 * DAY
    values: dict[str, Any] = {
        "kind": CaseKind.REPRESSIVE,
        "year": year,
        "seq": seq,
        "title": f"Slachterij Jansen {seq}",
        "company_key": f"slachterij jansen {seq}|groenlo",
        "kvk": "12345678",
        "region": "VR06",
        "sector": "vleesverwerking",
        "location": "Groenlo, Dorpsstraat 1",
        "description": "Jan de Vries (06-12345678) is ziek, woont met twaalf anderen",
        "unread": {"sector": "slagerij van Piet"},
        "status": CaseStatus.CLOSED if closed_ago is not None else CaseStatus.REPORT_RECEIVED,
        "signalled_at": signalled,
        "deadline_at": signalled + DAY,
        "created_by": ISZW,
        "intake_room_id": PLATFORM,
        "intake_event_id": f"$intake{seq}",
        "coordinator": "ISZW",
        "decision": Decision.VISIT,
        "decision_note": "bezoek met GGD, vraag naar Jan",
        "visit_location": "Dorpsstraat 1",
        "visited_at": signalled + timedelta(hours=6),
        "lead_time_seconds": 6 * 3600,
        "report": {"findings": "Jan ziek", "measures": "quarantaine", "share_with": ""},
        "report_filed_at": signalled + 2 * DAY,
        "closed_at": None if closed_ago is None else NOW - closed_ago,
        "close_reason": None,
    }
    return Case(**{**values, **fields})


async def add(database: Database, *rows: Any) -> None:
    async with database.transaction() as session:
        for row in rows:
            session.add(row)
            await session.flush()


async def with_records(database: Database, case: Case, at: datetime) -> None:
    """A timeline entry, a note, a decision, a done action and a meeting about the case."""
    meeting = Meeting(
        case_id=case.id,
        room_id=PLATFORM,
        topic=f"overleg over {case.title}",
        status=MeetingStatus.CONVENED,
        requested_by=ISZW,
        requested_at=at,
        starts_at=at,
        minutes="Jan de Vries is ziek",
    )
    await add(database, meeting)
    await add(
        database,
        TimelineEntry(case_id=case.id, at=at, actor=ISZW, kind=TimelineKind.NOTE, text="Jan ziek"),
        Note(
            case_id=case.id, meeting_id=meeting.id, text="Jan ziek", written_by=ISZW, written_at=at
        ),
        DecisionEntry(case_id=case.id, text="inzet bij Jan", taken_by=ISZW, taken_at=at),
        Action(
            case_id=case.id,
            room_id=PLATFORM,
            text="bel Jan",
            created_by=ISZW,
            created_at=at,
            done_at=at,
            done_by=ISZW,
        ),
    )


def contact(name: str) -> Contact:
    return Contact(
        name=name,
        kind=ContactKind.GEMEENTE,
        role="handhaver",
        phone="0544 123456",
        email="info@gemeente.nl",
        source=ContactSource.CHAT,
        added_at=NOW,
        added_by=ISZW,
    )


def held_event(event_id: str, seen: datetime) -> HeldEvent:
    source = {"event_id": event_id, "sender": ISZW, "type": "m.room.encrypted"}
    return HeldEvent(
        event_id=event_id, room_id=PLATFORM, sender=ISZW, source=source, first_seen_at=seen
    )


def handled_event(event_id: str, at: datetime) -> HandledEvent:
    return HandledEvent(event_id=event_id, room_id=PLATFORM, handled_at=at)


def outbox_row(
    body: str, created: datetime, delivered: datetime | None, **payload: Any
) -> OutboxEffect:
    return OutboxEffect(
        created_at=created,
        lane="messages",
        kind="send",
        payload={"room_id": PLATFORM, "body": body, "html": body, "mentions": [], **payload},
        attempts=1,
        delivered_at=delivered,
        result_event_id=f"$sent{next(_seq)}" if delivered else None,
    )


async def all_of(database: Database, model: Any) -> list[Any]:
    async with database.transaction() as session:
        return list(
            (await session.scalars(select(model).order_by(*model.__table__.primary_key))).all()
        )


def agenda_item(text: str, added: datetime) -> AgendaItem:
    return AgendaItem(text=text, added_by=ISZW, added_at=added)
