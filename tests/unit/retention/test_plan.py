"""Retention with a fixed clock: what goes, what stays, the hold, and a second run."""

from __future__ import annotations

from storage.cases import Case, CaseStatus, TimelineEntry
from storage.database import Database
from storage.follow_up import Action, DecisionEntry, Note
from storage.meetings import AgendaItem, Meeting
from storage.retention import RetentionPlan, due
from storage.retention_apply import ERASED, apply
from tests.unit.helpers import NOW
from tests.unit.retention.helpers import (
    DAY,
    YEAR,
    add,
    agenda_item,
    all_of,
    closed_case,
    retention_settings,
    with_records,
)


async def four_cases(database: Database) -> dict[str, Case]:
    """Old and closed, young and closed, open (with old records), old and closed but held."""
    made = {
        "old": closed_case(2 * YEAR),
        "young": closed_case(30 * DAY),
        "open": closed_case(None),
        "held": closed_case(2 * YEAR),
    }
    await add(database, *made.values())
    for name, case in made.items():
        await with_records(database, case, NOW - (30 * DAY if name == "young" else 2 * YEAR))
    return made


async def plan_now(database: Database, hold: object = ()) -> RetentionPlan:
    async with database.transaction() as session:
        return await due(session, retention_settings(hold).privacy, NOW)


async def run_now(database: Database, hold: object = ()) -> RetentionPlan:
    async with database.transaction() as session:
        plan = await due(session, retention_settings(hold).privacy, NOW)
        await apply(session, plan, NOW)
    return plan


def by_table(plan: RetentionPlan) -> dict[str, set[str]]:
    return {records.table: records.cases for records in plan.records}


async def test_only_closed_cases_past_their_term_go_and_a_held_one_stays(
    database: Database,
) -> None:
    cases = await four_cases(database)
    held = cases["held"].number
    plan = await plan_now(database, hold=[held])
    old = {cases["old"].number}
    assert by_table(plan) == {
        "cases": old,
        "timeline_entries": old,
        "notes": old,
        "decisions": old,
        "actions": old,
        "meetings": old,
        "agenda_items": set(),
    }
    assert plan.held_cases() == [held]
    assert all(records.held == 1 for records in plan.records if records.table != "agenda_items")


async def test_an_anonymised_case_keeps_its_codes_dates_and_lead_time_and_loses_its_text(
    database: Database,
) -> None:
    cases = await four_cases(database)
    await run_now(database, hold=[cases["held"].number])
    stored = {case.id: case for case in await all_of(database, Case)}
    old = stored[cases["old"].id]
    assert old.title == old.number  # lists stay readable
    assert (old.description, old.location, old.decision_note, old.visit_location) == (None,) * 4
    assert old.kvk is None
    assert "jansen" not in old.company_key
    assert old.report == {"findings": ERASED, "measures": ERASED, "share_with": ""}
    assert old.unread == {"sector": ERASED}
    assert (old.region, old.sector, old.status) == ("VR06", "vleesverwerking", CaseStatus.CLOSED)
    assert old.lead_time_seconds == 6 * 3600
    assert old.closed_at == cases["old"].closed_at
    assert old.anonymised_at == NOW
    for name in ("young", "open", "held"):
        kept = stored[cases[name].id]
        assert kept.description == cases[name].description
        assert kept.title == cases[name].title
        assert kept.anonymised_at is None


async def test_the_records_of_an_old_case_lose_their_text_the_others_keep_it(
    database: Database,
) -> None:
    cases = await four_cases(database)
    await run_now(database, hold=[cases["held"].number])
    old = cases["old"].id
    for model, column, empty in (
        (TimelineEntry, "text", ""),
        (Note, "text", ""),
        (DecisionEntry, "text", ""),
        (Action, "text", ""),
        (Meeting, "topic", None),
        (Meeting, "minutes", None),
    ):
        rows = await all_of(database, model)
        assert [getattr(row, column) == empty for row in rows] == [
            row.case_id == old for row in rows
        ], (model, column)
        assert [row.anonymised_at == NOW for row in rows] == [row.case_id == old for row in rows]
    actions = await all_of(database, Action)
    assert all(action.done_at is not None for action in actions)  # dates stay


async def test_hold_all_keeps_every_record(database: Database) -> None:
    cases = await four_cases(database)
    await add(database, agenda_item("bespreek Jan", NOW - 2 * YEAR))
    plan = await run_now(database, hold="all")
    assert all(not records.ids for records in plan.records)
    # Past their term and kept: the open case and the young one are not due at all.
    assert plan.held_cases() == sorted([cases["old"].number, cases["held"].number])
    assert [item.text for item in await all_of(database, AgendaItem)] == ["bespreek Jan"]
    assert all(case.anonymised_at is None for case in await all_of(database, Case))


async def test_an_open_action_and_a_young_agenda_item_stay(database: Database) -> None:
    await add(
        database,
        agenda_item("oud punt over Jan", NOW - 2 * YEAR),
        agenda_item("nieuw punt", NOW - 30 * DAY),
        Action(room_id="!r:hs", text="nog open", created_by="@a:hs", created_at=NOW - 2 * YEAR),
    )
    await run_now(database)
    assert [item.text for item in await all_of(database, AgendaItem)] == ["", "nieuw punt"]
    assert [action.text for action in await all_of(database, Action)] == ["nog open"]


async def test_a_second_run_changes_nothing_more(database: Database) -> None:
    cases = await four_cases(database)
    await run_now(database)
    first = [
        (case.id, case.title, case.company_key, case.anonymised_at)
        for case in await all_of(database, Case)
    ]
    async with database.transaction() as session:
        plan = await due(session, retention_settings().privacy, NOW + DAY)
        done = await apply(session, plan, NOW + DAY)
    assert sum(done.anonymised.values()) == 0
    assert all(not records.ids for records in plan.records)
    again = [
        (case.id, case.title, case.company_key, case.anonymised_at)
        for case in await all_of(database, Case)
    ]
    assert again == first
    assert cases["old"].number in {title for _, title, _, _ in again}


async def test_the_dry_run_plan_changes_nothing(database: Database) -> None:
    await four_cases(database)
    before = [(case.id, case.description) for case in await all_of(database, Case)]
    plan = await plan_now(database)
    assert plan.records[0].ids  # something would go
    assert [(case.id, case.description) for case in await all_of(database, Case)] == before
