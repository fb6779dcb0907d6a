"""Preventive visits with a fixed clock: from plan to report, the calendar and the cadence warning."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.dispatch import Dispatcher
from bot.reminder_clock import ReminderClock
from commands.preventive.visits import CALENDAR_LIMIT
from storage.cases import Case, CaseKind, CaseStatus
from storage.database import Database
from storage.outbox import OutboxEffect
from storage.reminders import ReminderKind
from tests.unit.agenda.helpers import (
    ISZW,
    VR06,
    ask,
    clock_at,
    cycle_settings,
    dispatcher_at,
    fire_open,
    open_reminders,
)
from tests.unit.helpers import NOW, PLATFORM, command


async def test_bad_preventive_commands_are_refused_and_change_nothing(
    database: Database,
) -> None:
    dispatcher = dispatcher_at(database, cycle_settings(), [NOW])
    for body, expected in [
        ("!preventief", "Wanneer is het bezoek"),
        ("!preventief gisteren 10:00 VNOG slachterij", "al voorbij"),
        ("!preventief morgen 10:00 Atlantis slachterij", "Onbekende regio 'Atlantis'"),
        ("!preventief morgen 10:00 VNOG", "Welk bedrijf of welke sector"),
        ("!preventief morgen 10:00 VNOG slachterij coordinator FBI", "FBI"),
        ("!preventief uitgevoerd", "Welk preventief bezoek"),
        ("!preventief uitgevoerd 2026-009", "Er is geen preventief bezoek 2026-009"),
    ]:
        reply = await ask(dispatcher, body, NOW)
        assert expected in reply, (body, reply)
        assert "!preventief <wanneer> <regio>" in reply
    async with database.transaction() as session:
        assert (await session.scalars(select(Case))).all() == []


async def test_a_preventive_visit_from_plan_to_report_and_the_calendar(
    database: Database,
) -> None:
    when = [NOW]
    dispatcher = dispatcher_at(database, cycle_settings(), when)
    written = await dispatcher.handle(
        command(
            "!preventief 8 dec 9:00 Noord- en Oost-Gelderland slachterij coordinator ISZW",
            sent=NOW,
        )
    )
    assert [row.kind for row in written] == ["send", "open_room"]
    assert (
        "Preventief bezoek 2026-001 gepland: Vleesverwerking en slachterijen"
        in written[0].payload["body"]
    )
    assert "dinsdag 8 december 09:00" in written[0].payload["body"]
    (prepare,) = await open_reminders(database, ReminderKind.PREPARE)
    assert prepare.due_at == datetime(2026, 12, 6, 8, 0, tzinfo=UTC)  # two days before
    async with database.transaction() as session:
        visit = await session.scalar(select(Case))
        assert visit is not None
        assert (visit.kind, visit.region, visit.coordinator) == (
            CaseKind.PREVENTIVE,
            "VR06",
            "ISZW",
        )
        visit.room_id = "!prep:example.org"
    calendar = await ask(dispatcher, "!kalender", NOW)
    assert (
        "2026-001 · 8 dec 09:00 · Noord- en Oost-Gelderland (VR06) · Vleesverwerking en slachterijen"
        in calendar
    )
    assert "ISZW · gepland" in calendar
    assert "Zaken" not in await ask(dispatcher, "!zaken", NOW)  # not a repressive case
    when[0] = datetime(2026, 12, 8, 10, 0, tzinfo=UTC)
    done = await ask(dispatcher, "!preventief uitgevoerd", when[0], room="!prep:example.org")
    assert "Preventief bezoek 2026-001 uitgevoerd op" in done
    assert await open_reminders(database, ReminderKind.PREPARE) == []
    (report,) = await open_reminders(database, ReminderKind.REPORT)
    assert report.due_at == when[0] + timedelta(hours=48)
    report_body = "!rapport\nbevindingen: 30 werknemers, huisvesting op orde"
    reply = await ask(dispatcher, report_body, when[0], room="!prep:example.org")
    assert "rapportage" in reply.lower()
    assert "uitgevoerd, rapportage ontvangen" in await ask(dispatcher, "!kalender", when[0])


def cadence_world(
    database: Database,
) -> tuple[list[datetime], list[OutboxEffect], ReminderClock, Dispatcher]:
    """A visit every 14 days, warned 5 days ahead: the clock (moved by tests), what the reminder
    clock writes, the clock and a dispatcher."""
    settings = cycle_settings(preventive={"every": "14d", "warn_before": "5d"})
    when = [NOW]
    written: list[OutboxEffect] = []
    return (
        when,
        written,
        clock_at(database, settings, when, written),
        dispatcher_at(database, settings, when),
    )


async def test_the_cadence_warns_once_and_not_when_a_visit_is_planned(
    database: Database,
) -> None:
    when, written, clock, dispatcher = cadence_world(database)
    await ask(dispatcher, "!signaal Slachterij A; regio: VNOG", NOW, sender=VR06)
    await ask(dispatcher, "!signaal Kwekerij B; regio: VR05", NOW, sender=VR06)
    await ask(dispatcher, "!signaal Kwekerij C; regio: VR05", NOW, sender=VR06)
    async with database.transaction() as session:
        await clock._plan_cycle(session)  # what start-up does
    (cadence,) = await open_reminders(database, "cadence")
    assert cadence.due_at == NOW + timedelta(days=9)
    when[0] = cadence.due_at
    await fire_open(clock, database, "cadence")
    (warning,) = (row.payload for row in written)
    assert warning["room_id"] == PLATFORM
    assert "uiterlijk" in warning["body"]
    assert (
        "Twente (VR05) (2 signalen), Noord- en Oost-Gelderland (VR06) (1 signaal)"
        in warning["body"]
    )
    async with database.transaction() as session:
        await clock._plan_cycle(session)  # a restart does not warn twice
    assert await open_reminders(database, "cadence") == []
    # A visit is carried out: the next warning is planned from it, and a planned visit stops it.
    await ask(dispatcher, "!preventief nu VR05 Kwekerij B", when[0])
    refused = await ask(dispatcher, "!preventief uitgevoerd 1", when[0])  # a repressive case
    assert "Er is geen preventief bezoek 2026-001" in refused
    async with database.transaction() as session:
        visit = await session.scalar(select(Case).where(Case.kind == CaseKind.PREVENTIVE))
        assert visit is not None
    assert "uitgevoerd" in await ask(dispatcher, f"!preventief uitgevoerd {visit.seq}", when[0])
    (cadence,) = await open_reminders(database, "cadence")
    assert cadence.due_at == when[0] + timedelta(days=9)
    await ask(dispatcher, "!preventief over 10 uur VNOG Slachterij A", when[0])
    written.clear()
    when[0] = cadence.due_at
    await fire_open(clock, database, "cadence")
    assert written == []


async def test_repressive_commands_point_a_preventive_visit_to_its_own(database: Database) -> None:
    settings = cycle_settings()
    when = [NOW]
    dispatcher = dispatcher_at(database, settings, when)
    await ask(dispatcher, "!preventief morgen 10:00 VNOG slachterij", NOW)
    assert "!preventief uitgevoerd" in await ask(dispatcher, "!inzet 1 uitgevoerd", NOW)
    assert "geen besluit over inzet nodig" in await ask(dispatcher, "!besluit 1 inzet ja", NOW)
    async with database.transaction() as session:
        visit = await session.scalar(select(Case))
        assert visit is not None and (visit.status, visit.decision) == (CaseStatus.PLANNED, None)


async def test_a_visit_at_short_notice_is_prepared_at_once_unless_it_has_begun(
    database: Database,
) -> None:
    settings = cycle_settings(preventive={"prepare_before": "2d"})
    when = [NOW]
    written: list[OutboxEffect] = []
    clock = clock_at(database, settings, when, written)
    dispatcher = dispatcher_at(database, settings, when)
    await ask(dispatcher, "!preventief over 3 uur VNOG slachterij coordinator ISZW", NOW)
    (prepare,) = await open_reminders(database, ReminderKind.PREPARE)
    assert prepare.due_at == NOW  # two days ahead is past: at once
    await fire_open(clock, database, ReminderKind.PREPARE)
    (reminder,) = (row.payload for row in written)
    assert (
        "2026-001 is zaterdag 28 november 13:30: tijd om het voor te bereiden" in (reminder["body"])
    )
    assert "Te laat" not in reminder["body"]
    assert reminder["mentions"] == [ISZW]
    # A visit planned for now has nothing left to prepare.
    await ask(dispatcher, "!preventief nu VR05 Kwekerij B", NOW)
    assert await open_reminders(database, ReminderKind.PREPARE) == []
    # The bot was down until after the visit had begun: its reminder is not sent any more.
    await ask(dispatcher, "!preventief over 1 uur VR05 Kwekerij C", NOW)
    assert len(await open_reminders(database, ReminderKind.PREPARE)) == 1
    written.clear()
    when[0] = NOW + timedelta(hours=2)
    await fire_open(clock, database, ReminderKind.PREPARE)
    assert written == []
    assert await open_reminders(database, ReminderKind.PREPARE) == []


async def test_the_cadence_warning_speaks_of_a_previous_visit_only_when_there_was_one(
    database: Database,
) -> None:
    when, written, clock, dispatcher = cadence_world(database)
    async with database.transaction() as session:
        await clock._plan_cycle(session)  # the bot's first start
    when[0] = NOW + timedelta(days=9)
    await fire_open(clock, database, "cadence")
    (first,) = (row.payload["body"] for row in written)
    assert "binnen 2 weken na de start van signaalbot: het eerste moet uiterlijk" in first
    assert "zaterdag 12 december 10:30" in first
    assert "na het vorige" not in first
    await ask(dispatcher, "!preventief nu VR05 Kwekerij B", when[0])
    assert "uitgevoerd" in await ask(dispatcher, "!preventief uitgevoerd 1", when[0])
    written.clear()
    when[0] += timedelta(days=9)
    await fire_open(clock, database, "cadence")
    (second,) = (row.payload["body"] for row in written)
    assert "binnen 2 weken na het vorige: het volgende moet uiterlijk" in second


async def test_a_long_calendar_shows_the_last_visits_and_counts_the_earlier_ones(
    database: Database,
) -> None:
    dispatcher = dispatcher_at(database, cycle_settings(), [NOW])
    for index in range(CALENDAR_LIMIT + 2):
        await ask(dispatcher, f"!preventief over {index + 1} uur VR05 Kwekerij {index}", NOW)
    calendar = await ask(dispatcher, "!kalender", NOW)
    assert "(2 eerdere bezoeken niet getoond)" in calendar
    assert "2026-002 ·" not in calendar and "2026-003 ·" in calendar
    assert calendar.index("2026-003 ·") < calendar.index(f"2026-0{CALENDAR_LIMIT + 2} ·")
