"""The biweekly cycle with a fixed clock: meeting dates across DST, preventive visits, the
calendar, the cadence warning and the agenda's counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.dispatch import Dispatcher
from bot.reminder_clock import ReminderClock
from bot.rooms import PlatformRooms
from commands import build_registry
from commands.agenda.cycle import next_occurrence, occurrence
from config.settings import Settings
from storage.cases import Case
from storage.database import Database
from storage.meetings import Meeting
from storage.outbox import OutboxEffect
from storage.reminders import Reminder
from tests.unit.test_dispatch import NOW, PLATFORM, command, make_settings

ISZW = "@iszw:example.org"
VR06 = "@vr06:example.org"


def cycle_settings(**sections: object) -> Settings:
    base = make_settings()
    return Settings(**{**base.model_dump(mode="json"), **sections})


def dispatcher_at(database: Database, settings: Settings, when: list[datetime]) -> Dispatcher:
    """`when[0]` is the clock; tests move it."""
    return Dispatcher(
        settings,
        database,
        build_registry(),
        lambda: when[0],
        PlatformRooms(PLATFORM),
        lambda _changes: None,
    )


async def ask(
    dispatcher: Dispatcher, body: str, when: datetime, room: str = PLATFORM, sender: str = ISZW
) -> str:
    written = await dispatcher.handle(command(body, sender=sender, room=room, sent=when))
    return written[0].payload["body"]


async def open_reminders(database: Database, kind: str) -> list[Reminder]:
    async with database.transaction() as session:
        query = select(Reminder).where(
            Reminder.kind == kind, Reminder.sent_at.is_(None), Reminder.cancelled_at.is_(None)
        )
        return list((await session.scalars(query)).all())


def clock_at(database: Database, settings: Settings, when: list[datetime], written: list):
    return ReminderClock(database, settings, lambda: when[0], (PLATFORM, PLATFORM), written.extend)


async def fire_open(clock: ReminderClock, database: Database, kind: str) -> None:
    for reminder in await open_reminders(database, kind):
        await clock.fire(reminder.id)


def test_a_meeting_at_ten_stays_at_ten_across_daylight_saving() -> None:
    settings = cycle_settings(agenda={"first": "2026-03-17T10:00", "every": "14d"})
    zone = settings.platform.zone
    spring = [occurrence(settings, n) for n in range(2)]  # clocks go forward on 29 March
    assert [m.astimezone(zone).hour for m in spring] == [10, 10]
    assert [m.hour for m in spring] == [9, 8]  # in UTC: one hour earlier in summer
    autumn = [occurrence(settings, n) for n in (15, 16)]  # 20 Oct and 3 Nov, across 25 Oct
    assert [m.astimezone(zone).hour for m in autumn] == [10, 10]
    assert [m.hour for m in autumn] == [8, 9]
    assert next_occurrence(settings, spring[0]) == spring[1]
    assert next_occurrence(settings, spring[0] - timedelta(seconds=1)) == spring[0]


async def test_a_preventive_visit_from_plan_to_report_and_the_calendar(
    database: Database,
) -> None:
    settings = cycle_settings()
    when = [NOW]
    dispatcher = dispatcher_at(database, settings, when)
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
    (prepare,) = await open_reminders(database, "voorbereiding")
    assert prepare.due_at == datetime(2026, 12, 6, 8, 0, tzinfo=UTC)  # two days before
    async with database.transaction() as session:
        visit = await session.scalar(select(Case))
        assert visit is not None
        assert (visit.kind, visit.region, visit.coordinator) == ("preventief", "VR06", "ISZW")
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
    assert await open_reminders(database, "voorbereiding") == []
    (report,) = await open_reminders(database, "rapport")
    assert report.due_at == when[0] + timedelta(hours=48)
    report_body = "!rapport\nbevindingen: 30 werknemers, huisvesting op orde"
    reply = await ask(dispatcher, report_body, when[0], room="!prep:example.org")
    assert "rapportage" in reply.lower()
    assert "uitgevoerd, rapportage ontvangen" in await ask(dispatcher, "!kalender", when[0])


async def test_the_cadence_warns_once_and_not_when_a_visit_is_planned(
    database: Database,
) -> None:
    settings = cycle_settings(preventive={"every": "14d", "warn_before": "5d"})
    when = [NOW]
    written: list[OutboxEffect] = []
    clock = clock_at(database, settings, when, written)
    dispatcher = dispatcher_at(database, settings, when)
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
        visit = await session.scalar(select(Case).where(Case.kind == "preventief"))
        assert visit is not None
    assert "uitgevoerd" in await ask(dispatcher, f"!preventief uitgevoerd {visit.seq}", when[0])
    (cadence,) = await open_reminders(database, "cadence")
    assert cadence.due_at == when[0] + timedelta(days=9)
    await ask(dispatcher, "!preventief over 10 uur VNOG Slachterij A", when[0])
    written.clear()
    when[0] = cadence.due_at
    await fire_open(clock, database, "cadence")
    assert written == []


async def test_the_agenda_is_posted_with_the_right_counts_and_items(database: Database) -> None:
    first = datetime(2026, 12, 1, 10, 0)  # Tuesday, local time
    settings = cycle_settings(
        agenda={"first": first.isoformat(), "every": "14d", "post_before": "24h"}
    )
    when = [NOW]
    written: list[OutboxEffect] = []
    clock = clock_at(database, settings, when, written)
    dispatcher = dispatcher_at(database, settings, when)
    async with database.transaction() as session:
        await clock._plan_cycle(session)
        await clock._plan_cycle(session)  # twice: still one
    (agenda,) = await open_reminders(database, "agenda")
    assert agenda.due_at == datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # Monday 10:00 local
    await ask(dispatcher, "!signaal Slachterij A; regio: VNOG", NOW, sender=VR06)
    await ask(dispatcher, "!signaal Kwekerij B; regio: VR05", NOW, sender=VR06)
    await ask(dispatcher, "!besluit 1 inzet bevestigd", NOW)
    when[0] = NOW + timedelta(hours=2)
    await ask(dispatcher, "!inzet 1 uitgevoerd", when[0])
    await ask(dispatcher, "!actie Brief sturen voor morgen 12:00", when[0])
    assert "Agendapunt toegevoegd" in await ask(dispatcher, "!agenda punt Persbericht", NOW)
    assert "Welk punt" in await ask(dispatcher, "!agenda punt", NOW)
    draft = await ask(dispatcher, "!agenda", NOW)
    assert "Concept-agenda platformoverleg dinsdag 1 december 10:00" in draft
    written.clear()
    when[0] = agenda.due_at
    await fire_open(clock, database, "agenda")
    posted, invitation, ics = (row.payload for row in written if row.kind != "card")
    body = posted["body"]
    for expected in (
        "Agenda platformoverleg dinsdag 1 december 10:00",
        "Nieuwe signalen: 2 (2026-001 Slachterij A, 2026-002 Kwekerij B)",
        "Repressieve inzetten: 1, waarvan 1 binnen 1 dag",
        "2026-001: doorlooptijd 2 uur (op tijd)",
        "Open zaken: 2, waarvan 0 over tijd",
        "Preventieve bezoeken: 0 uitgevoerd, 0 gepland",
        "nog niet gepland",
        "Open acties: 1, waarvan 1 over tijd",
        "Nieuwe besluiten: 1",
        "Geen nieuwe rapportages",
        "Persbericht",
        "Rondvraag",
    ):
        assert expected in body, expected
    assert body.index("1. Operationeel beeld") < body.index("2. Preventieve inzet")
    assert body.index("4. Rapportages") < body.index("5. Ingebrachte punten")
    assert invitation["room_id"] == PLATFORM and invitation["pin"] is True
    assert "Het vaste tweewekelijkse overleg" in invitation["body"]
    assert ics["filename"].endswith(".ics")
    async with database.transaction() as session:
        meeting = await session.scalar(select(Meeting).where(Meeting.regular.is_(True)))
        assert meeting is not None
        assert meeting.starts_at == datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    (following,) = await open_reminders(database, "agenda")
    assert following.due_at == datetime(2026, 12, 14, 9, 0, tzinfo=UTC)
    # The item is on this agenda, not on the next one.
    assert "Persbericht" not in await ask(dispatcher, "!agenda", when[0])


async def test_repressive_commands_point_a_preventive_visit_to_its_own(database: Database) -> None:
    settings = cycle_settings()
    when = [NOW]
    dispatcher = dispatcher_at(database, settings, when)
    await ask(dispatcher, "!preventief morgen 10:00 VNOG slachterij", NOW)
    assert "!preventief uitgevoerd" in await ask(dispatcher, "!inzet 1 uitgevoerd", NOW)
    assert "geen besluit over inzet nodig" in await ask(dispatcher, "!besluit 1 inzet ja", NOW)
    async with database.transaction() as session:
        visit = await session.scalar(select(Case))
        assert visit is not None and (visit.status, visit.decision) == ("inzet gepland", None)


async def test_an_agenda_missed_while_down_is_posted_late_unless_its_meeting_has_passed(
    database: Database,
) -> None:
    settings = cycle_settings(agenda={"first": "2026-12-01T10:00", "every": "14d"})
    when = [NOW]
    written: list[OutboxEffect] = []
    clock = clock_at(database, settings, when, written)
    async with database.transaction() as session:
        await clock._plan_cycle(session)
    (planned,) = await open_reminders(database, "agenda")
    # Back up an hour after the agenda was due, before the meeting: the same row, sent now.
    when[0] = planned.due_at + timedelta(hours=1)
    async with database.transaction() as session:
        await clock._plan_cycle(session)
    assert [r.id for r in await open_reminders(database, "agenda")] == [planned.id]
    # Back up only after the meeting itself: that agenda is dropped, the next one planned.
    when[0] = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    async with database.transaction() as session:
        await clock._plan_cycle(session)
    (following,) = await open_reminders(database, "agenda")
    assert following.due_at == datetime(2026, 12, 14, 9, 0, tzinfo=UTC)  # 15 Dec 10:00 - 24h
