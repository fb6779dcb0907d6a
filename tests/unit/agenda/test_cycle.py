"""The biweekly platform meeting with a fixed clock: its dates across DST and the agenda's counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.dispatch import Dispatcher
from commands.agenda.cycle import next_occurrence, occurrence
from storage.database import Database
from storage.meetings import Meeting
from storage.outbox import OutboxEffect
from tests.unit.agenda.helpers import (
    VR06,
    ask,
    clock_at,
    cycle_settings,
    dispatcher_at,
    fire_open,
    open_reminders,
)
from tests.unit.helpers import NOW, PLATFORM, kind_of
from tests.unit.meetings.helpers import LOTC


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


AGENDA_LINES = (
    "Agenda platformoverleg dinsdag 1 december 10:00",
    "Nieuwe signalen: 2 (2026-001 Slachterij A, 2026-002 Kwekerij B)",
    "Repressieve inzetten: 1, waarvan 1 binnen 24 uur",
    "2026-001: doorlooptijd 2 uur (op tijd)",
    "Open zaken: 2, waarvan 0 over tijd",
    "Preventieve bezoeken: 0 uitgevoerd, 0 gepland",
    "nog niet gepland",
    "Open acties: 1, waarvan 1 over tijd",
    "Nieuwe besluiten: 1",
    "Geen nieuwe rapportages",
    "Persbericht",
    "Rondvraag",
)


async def two_signals_a_visit_and_an_action(dispatcher: Dispatcher, when: list[datetime]) -> None:
    """A fortnight's work for the agenda: two signals, one visit two hours later, one action."""
    await ask(dispatcher, "!signaal Slachterij A; regio: VNOG", NOW, sender=VR06)
    await ask(dispatcher, "!signaal Kwekerij B; regio: VR05", NOW, sender=VR06)
    await ask(dispatcher, "!besluit 1 inzet bevestigd", NOW)
    when[0] = NOW + timedelta(hours=2)
    await ask(dispatcher, "!inzet 1 uitgevoerd", when[0])
    await ask(dispatcher, "!actie Brief sturen voor morgen 12:00", when[0])


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
    await two_signals_a_visit_and_an_action(dispatcher, when)
    assert "Agendapunt toegevoegd" in await ask(dispatcher, "!agenda punt Persbericht", NOW)
    assert "Welk punt" in await ask(dispatcher, "!agenda punt", NOW)
    draft = await ask(dispatcher, "!agenda", NOW)
    assert "Concept-agenda platformoverleg dinsdag 1 december 10:00" in draft
    written.clear()
    when[0] = agenda.due_at
    await fire_open(clock, database, "agenda")
    posted, invitation, ics = (row.payload for row in written if kind_of(row) != "card")
    body = posted["body"]
    for expected in AGENDA_LINES:
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


async def test_the_first_agenda_covers_everything_since_the_bot_first_started(
    database: Database,
) -> None:
    """Started four weeks before the first meeting: an early signal is on the first agenda."""
    settings = cycle_settings(
        agenda={"first": "2026-12-01T10:00", "every": "14d", "post_before": "24h"}
    )
    started = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)  # Monday 10:00 local
    when = [started]
    written: list[OutboxEffect] = []
    clock = clock_at(database, settings, when, written)
    dispatcher = dispatcher_at(database, settings, when)
    async with database.transaction() as session:
        await clock._plan_cycle(session)  # the bot's first start
    when[0] = started + timedelta(days=3)
    await ask(dispatcher, "!signaal Slachterij A; regio: VNOG", when[0], sender=VR06)
    draft = await ask(dispatcher, "!agenda", when[0])
    assert "Eerste agenda: alles sinds de start van signaalbot (maandag 2 november 10:00)." in draft
    assert "Sinds de vorige agenda" not in draft
    (agenda,) = await open_reminders(database, "agenda")
    when[0] = agenda.due_at
    await fire_open(clock, database, "agenda")
    first = written[0].payload["body"]
    assert "Eerste agenda: alles sinds de start van signaalbot" in first
    assert "Nieuwe signalen: 1 (2026-001 Slachterij A)" in first
    # Called off, that meeting still had its agenda: the next one counts from it.
    called_off = await ask(dispatcher, "!overleg afzeggen 1 te weinig leden", when[0], sender=LOTC)
    assert "is afgezegd" in called_off
    written.clear()
    (agenda,) = await open_reminders(database, "agenda")
    when[0] = agenda.due_at
    await fire_open(clock, database, "agenda")
    second = written[0].payload["body"]
    assert "Sinds de vorige agenda (maandag 30 november 10:00)." in second
    assert "Nieuwe signalen: 0" in second
