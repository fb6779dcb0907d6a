"""`privacy find`: a text in a case, its timeline, a contact or a message sent, and none of
the case's after anonymisation."""

from __future__ import annotations

from commands.texts import cases as case_texts
from storage.cases import TimelineEntry, TimelineKind
from storage.database import Database
from storage.free_text import REPORT_KEYS
from storage.privacy_find import excerpt, find
from storage.retention import due
from storage.retention_apply import apply
from tests.unit.helpers import NOW
from tests.unit.retention.helpers import (
    ISZW,
    YEAR,
    add,
    closed_case,
    contact,
    outbox_row,
    retention_settings,
)


async def jan_everywhere(database: Database) -> str:
    case = closed_case(2 * YEAR, description="Jan de Vries woont met twaalf anderen")
    await add(database, case)
    await add(
        database,
        TimelineEntry(
            case_id=case.id,
            at=NOW,
            actor=ISZW,
            kind=TimelineKind.NOTE,
            text="gebeld met JAN DE VRIES",
        ),
        contact("Jan de Vries"),
    )
    return case.number


async def found(database: Database, text: str) -> list[tuple[str, str | None, str]]:
    async with database.transaction() as session:
        return [(hit.table, hit.case, hit.column) for hit in await find(session, text)]


async def test_a_name_is_found_in_a_case_its_timeline_and_a_contact(database: Database) -> None:
    number = await jan_everywhere(database)
    assert await found(database, "jan de vries") == [
        ("cases", number, "description"),
        ("timeline_entries", number, "text"),
        ("contacts", None, "name"),
    ]


async def test_after_anonymisation_the_case_holds_the_name_no_more(database: Database) -> None:
    await jan_everywhere(database)
    async with database.transaction() as session:
        plan = await due(session, retention_settings().privacy, NOW)
        await apply(session, plan, NOW)
    assert await found(database, "Jan de Vries") == [("contacts", None, "name")]
    assert await found(database, "quarantaine") == []  # the report's measures


async def test_a_report_value_and_a_message_sent_are_found_with_their_key(
    database: Database,
) -> None:
    case = closed_case(None, report={"findings": "Piet 100% ziek_", "measures": ""})
    await add(database, case, outbox_row("Antwoord over Piet 100% ziek_", NOW, NOW))
    assert await found(database, "100% ziek_") == [
        ("cases", case.number, "report.findings"),
        ("outbox", None, "payload.body"),
    ]
    assert await found(database, "100_ ziek") == []  # % and _ are no wildcards


def test_the_report_keys_are_those_the_report_command_stores() -> None:
    assert set(REPORT_KEYS) == set(case_texts.REPORT_FIELDS.values())


def test_an_excerpt_shows_a_few_characters_around_the_text_on_one_line() -> None:
    text = "Melding: " + "x" * 40 + " Jan de\nVries woont " + "y" * 40
    assert excerpt(text, "jan de") == "…" + "x" * 19 + " Jan de Vries woont " + "y" * 7 + "…"
