"""The case flow through the dispatcher on a real database: states, rules and refusals."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from storage.cases import CaseStatus
from storage.database import Database
from storage.reminders import Reminder, ReminderKind, Reminders
from tests.unit.helpers import (
    INCIDENT,
    NOW,
    PLATFORM,
    answer,
    command,
    make_dispatcher,
    make_settings,
    open_case,
    open_reminders,
    state,
)


async def test_a_new_case_gets_the_ladder_and_the_deadline(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await open_case(dispatcher, database)
    assert await open_reminders(database) == [
        ("ladder", timedelta(hours=12)),
        ("ladder", timedelta(hours=20)),
        ("ladder", timedelta(hours=23)),
        ("deadline", timedelta(hours=24)),
    ]


async def test_coordinator_by_alias_region_and_handover(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await open_case(dispatcher, database)
    assert "ISZW coördineert zaak 2026-001" in await answer(dispatcher, "!coordinator NLA")
    assert (await state(database)).status == CaseStatus.ASSESSING
    reply = await answer(dispatcher, "!coordinator VR")
    assert "van ISZW naar VR Noord- en Oost-Gelderland (VR06)" in reply
    case = await state(database)
    assert (case.coordinator, case.coordinator_region) == ("VR", "VR06")
    assert "GGD Twente (VR05)" in await answer(dispatcher, "!coördinator GGD Twente")


async def test_coordinator_refusals_change_nothing(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await open_case(dispatcher, database, region="onbekend")
    for body, expected in [
        ("!coordinator", "Noem de entiteit"),
        ("!coordinator FBI", "Onbekende entiteit 'FBI'"),
        ("!coordinator LOT-C", "kan geen coördinerende entiteit zijn"),
        ("!coordinator GGD", "moet de regio van de zaak bekend zijn"),
    ]:
        assert expected in await answer(dispatcher, body), body
    assert (await state(database)).coordinator is None


async def test_in_the_platform_room_the_case_number_comes_first(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await open_case(dispatcher, database)
    assert "Welke zaak?" in await answer(dispatcher, "!besluit inzet ja", room=PLATFORM)
    reply = await answer(dispatcher, "!besluit 2026-001 inzet bevestigd", room=PLATFORM)
    assert "Besluit voor zaak 2026-001: inzet" in reply
    assert "bestaat niet" in await answer(dispatcher, "!besluit 7 inzet x", room=PLATFORM)


async def test_visit_needs_a_decision_and_a_future_time_then_stops_the_window(
    database: Database,
) -> None:
    dispatcher = make_dispatcher(database)
    await open_case(dispatcher, database)
    assert "nog geen besluit" in await answer(dispatcher, "!inzet gepland morgen 14:00")
    await answer(dispatcher, "!besluit inzet bevestigd")
    assert "in het verleden" in await answer(dispatcher, "!inzet gepland gisteren 14:00")
    assert "Wanneer?" in await answer(dispatcher, "!inzet gepland")
    assert "Voorbeelden die werken" in await answer(dispatcher, "!inzet gepland straks ofzo")
    reply = await answer(dispatcher, "!inzet gepland morgen 14:00 Groenlo")
    assert "zondag 29 november 14:00" in reply and "Groenlo" in reply
    assert "in de toekomst" in await answer(dispatcher, "!inzet uitgevoerd morgen 15:00")
    reply = await answer(dispatcher, "!inzet uitgevoerd")
    assert "Doorlooptijd vanaf het signaal: minder dan een minuut" in reply
    case = await state(database)
    assert (case.status, case.lead_time_seconds) == (CaseStatus.VISITED, 0)
    assert await open_reminders(database) == [(ReminderKind.REPORT, timedelta(hours=48))]


async def test_no_visit_ends_the_window_and_its_reminders(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await open_case(dispatcher, database)
    assert "korte toelichting" in await answer(dispatcher, "!besluit geen inzet")
    await answer(dispatcher, "!besluit geen inzet al gecontroleerd door NVWA")
    assert await open_reminders(database) == []
    assert "Wijzig het besluit eerst" in await answer(dispatcher, "!inzet gepland morgen 14:00")


async def test_only_the_coordinator_reports_and_closing_needs_a_report_or_reason(
    database: Database,
) -> None:
    dispatcher = make_dispatcher(database)
    await open_case(dispatcher, database)
    await answer(dispatcher, "!coordinator VNOG")
    await answer(dispatcher, "!besluit inzet ja")
    await answer(dispatcher, "!inzet uitgevoerd")
    report = "!rapport\ndatum: vandaag\ndeelnemers: VNOG, ISZW\nbevindingen: 40 mensen"
    assert "Alleen de coördinerende entiteit" in await answer(dispatcher, report)
    assert "Sluit alleen met een reden" in await answer(dispatcher, "!sluit")
    assert "Vul minstens 'bevindingen:'" in await answer(
        dispatcher, "!rapport\ndatum: vandaag", sender="@vr06:example.org"
    )
    assert "Onbekende entiteit 'Gemeente'" in await answer(
        dispatcher, "!rapport\ndeelnemers: Gemeente\nbevindingen: x", sender="@vr06:example.org"
    )
    assert "Rapportage voor zaak 2026-001" in await answer(
        dispatcher, report, sender="@vr06:example.org"
    )
    case = await state(database)
    assert case.report == {"date": "vandaag", "participants": "VNOG, ISZW", "findings": "40 mensen"}
    assert await open_reminders(database) == []
    assert "is gesloten" in await answer(dispatcher, "!sluit")
    assert "is gesloten; er kan niets meer" in await answer(dispatcher, "!coordinator ISZW")


async def test_closing_without_report_needs_a_reason_and_logs_it(database: Database) -> None:
    dispatcher = make_dispatcher(database, make_settings())
    await open_case(dispatcher, database)
    assert "Reden: melding bleek onjuist" in await answer(
        dispatcher, "!sluit melding bleek onjuist"
    )
    timeline = await answer(dispatcher, "!tijdlijn")
    assert "Gesloten: melding bleek onjuist" in timeline
    assert "Signaal ontvangen" in timeline


async def test_after_downtime_only_the_latest_due_rung_of_the_ladder_speaks(
    database: Database,
) -> None:
    dispatcher = make_dispatcher(database)
    await open_case(dispatcher, database)
    async with database.transaction() as session:
        rows = (await session.scalars(select(Reminder).order_by(Reminder.due_at))).all()
        reminders = Reminders(session)
        twelve, four, one, deadline = rows
        after_four = NOW + timedelta(hours=21)  # the 12 h and 4 h rungs are both overdue
        assert await reminders.later_one_due(twelve, after_four, kinds=("ladder", "deadline"))
        assert not await reminders.later_one_due(four, after_four, kinds=("ladder", "deadline"))
        assert not await reminders.later_one_due(
            twelve, NOW + timedelta(hours=13), kinds=("ladder", "deadline")
        )
        assert one.due_at < deadline.due_at


async def test_an_unknown_region_is_given_later_and_its_members_invited(
    database: Database,
) -> None:
    dispatcher = make_dispatcher(database)
    await open_case(dispatcher, database, region="onbekend")
    reply = await answer(dispatcher, "!regio Brabant")
    assert "Brabant-Noord (VR21) of Brabant-Zuidoost (VR22). Welke bedoelt u?" in reply
    assert (await state(database)).region is None
    rows = await dispatcher.handle(command("!regio VNOG", room=INCIDENT))
    assert "ligt in Noord- en Oost-Gelderland (VR06)" in rows[0].payload["body"]
    (update,) = [row for row in rows if row.kind == "update_room"]
    assert set(update.payload["invite"]) >= {"@vr06:example.org", "@ggd06:example.org"}
    assert "@vr05:example.org" not in update.payload["invite"]
    assert (await state(database)).region == "VR06"
    assert "ligt al in" in await answer(dispatcher, "!regio VR06")


async def test_a_short_window_leaves_out_rungs_before_the_signal(database: Database) -> None:
    dispatcher = make_dispatcher(database, make_settings(repressive="10m"))
    await open_case(dispatcher, database)
    assert await open_reminders(database) == [("deadline", timedelta(minutes=10))]
