"""Meetings via LOT-C through the dispatcher and the reminder clock, on a real database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar
from sqlalchemy import select

from bot.events import IncomingRedaction
from commands.meetings.flow import parse_meeting
from storage.cases import Case, CaseStatus
from storage.database import Database
from storage.meetings import Meeting, MeetingAnswer, MeetingStatus
from storage.reminders import Reminder, ReminderKind
from tests.unit.helpers import (
    INCIDENT,
    NOW,
    PLATFORM,
    command,
    file_text,
    kind_of,
    make_dispatcher,
    make_settings,
    open_case,
)
from tests.unit.meetings.helpers import (
    GGD06,
    ISZW,
    LOTC,
    VR06,
    ask,
    convened,
    fire_due,
    meeting,
    react,
    reminders,
    rows,
)


async def test_a_request_reaches_lotc_with_who_why_when_and_the_case(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await open_case(dispatcher, database)
    written = await dispatcher.handle(
        command("!overleg morgen 14:00 afstemming inzet", sender=ISZW, room=INCIDENT)
    )
    answer, alert = (row.payload for row in written)
    assert "Overleg aangevraagd bij LOT-C (overleg 1)" in answer["body"]
    assert "Voorgesteld moment: zondag 29 november 14:00" in answer["body"]
    assert alert["room_id"] == PLATFORM  # no LOT-C room configured
    assert alert["mentions"] == [LOTC]
    for expected in (
        "Aangevraagd door Ilse (ISZW)",
        "zaak 2026-001 · Slachterij De Vries (gemeld, nog 1 dag)",
        "Onderwerp: afstemming inzet",
        "!overleg bevestig 1",
        "zaterdag 28 november 11:00",  # NOW is 10:30 local; 30 minutes to confirm
    ):
        assert expected in alert["body"], expected
    found = await meeting(database)
    assert (found.status, found.room_id, found.case_id) == (MeetingStatus.REQUESTED, INCIDENT, 1)
    (convene,) = await reminders(database, "convene")
    assert convene.due_at == NOW + timedelta(minutes=30)


async def test_bad_requests_change_nothing(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await open_case(dispatcher, database)
    for body, expected in [
        ("!overleg gisteren 14:00 terugblik", "al voorbij"),
        ("!overleg morgen terugblik", "hoort ook een tijd"),
        ("!overleg 31-02 10:00", "31"),
        ("!overleg bevestig", "Welk overleg"),
        ("!overleg bevestig 7", "Overleg 7 bestaat niet"),
    ]:
        reply = await ask(dispatcher, body, sender=LOTC)
        assert expected.lower() in reply.lower(), (body, reply)
        assert "!overleg [wanneer] [onderwerp]" in reply
    async with database.transaction() as session:
        assert (await session.scalars(select(Meeting))).all() == []
        assert (
            await session.scalars(select(Reminder).where(Reminder.kind == "convene"))
        ).all() == []


async def test_only_lotc_confirms_and_confirming_sends_invitation_and_calendar(
    database: Database,
) -> None:
    dispatcher = make_dispatcher(database)
    await open_case(dispatcher, database)
    await ask(dispatcher, "!overleg morgen 14:00 afstemming inzet")
    refused = await ask(dispatcher, "!overleg bevestig 1", sender=VR06, room=PLATFORM)
    assert "Alleen LOT-C" in refused
    assert (await meeting(database)).status == MeetingStatus.REQUESTED
    written = await dispatcher.handle(
        command("!overleg bevestig 1 morgen 15:30", sender=LOTC, room=PLATFORM)
    )
    assert [kind_of(row) for row in written] == ["send", "card", "send", "upload"]
    reply, _card, invite, ics = (row.payload for row in written)
    assert "Bevestigd: overleg 1 op zondag 29 november 15:30" in reply["body"]
    assert invite["room_id"] == INCIDENT and invite["pin"] is True
    assert invite["live_as"] == {"kind": "invitation", "subject": 1}
    # Everyone of the incident room is mentioned: national members and the region's.
    assert set(invite["mentions"]) == {ISZW, LOTC, VR06, GGD06}
    assert "Bevestigd door" in invite["body"] and "✅" in invite["body"]
    found = await meeting(database)
    assert found.video_url is not None and found.video_url.startswith("https://meet.jit.si/")
    assert found.video_url in invite["body"]
    assert len(found.video_url.rsplit("/", 1)[1]) >= 20  # unguessable
    assert ics["filename"] == "overleg-1.ics" and ics["mimetype"] == "text/calendar"
    event = Calendar.from_ical(file_text(ics)).walk("VEVENT")[0]
    start = event["dtstart"].dt
    assert str(start.tzinfo) == "Europe/Amsterdam"
    assert (start.hour, start.minute, start.day) == (15, 30, 29)
    assert event["dtend"].dt - start == timedelta(hours=1)
    assert str(event["location"]) == found.video_url
    (soon,) = await reminders(database, ReminderKind.MEETING_SOON)
    assert soon.due_at == datetime(2026, 11, 29, 14, 15, tzinfo=UTC)  # 15:15 local
    again = await ask(dispatcher, "!overleg bevestig 1", sender=LOTC, room=PLATFORM)
    assert "al bijeengeroepen" in again


async def test_lotc_silent_means_the_bot_convenes_it_anyway(database: Database) -> None:
    settings = make_settings()
    dispatcher = make_dispatcher(database, settings)
    await ask(dispatcher, "!overleg uitbraken in de regio", room=PLATFORM)
    written = await fire_due(database, settings, NOW + timedelta(minutes=30), "convene")
    invite, ics, told = (row.payload for row in written)
    assert invite["room_id"] == PLATFORM  # a general meeting is held in the platform room
    assert "niet binnen 30 minuten bevestigd" in invite["body"]
    assert set(invite["mentions"]) == {ISZW, LOTC, VR06, GGD06, "@vr05:example.org"}
    assert ics["filename"] == "overleg-1.ics"
    assert "zonder bevestiging van LOT-C" in told["body"] and told["mentions"] == [LOTC]
    found = await meeting(database)
    assert (found.status, found.convened_by) == (MeetingStatus.CONVENED, None)
    assert found.starts_at == NOW + timedelta(minutes=30)  # asked for "as soon as possible"
    # Confirmed in time instead: the convene reminder does nothing.
    await ask(dispatcher, "!overleg nog een overleg", room=PLATFORM)
    await ask(dispatcher, "!overleg bevestig 2", sender=LOTC, room=PLATFORM)
    assert await fire_due(database, settings, NOW + timedelta(minutes=31), "convene") == []


async def test_reactions_answer_and_the_reminder_mentions_only_the_silent(
    database: Database,
) -> None:
    settings = make_settings()
    dispatcher = make_dispatcher(database, settings)
    await convened(dispatcher, database)
    await react(dispatcher, ISZW, "$invitation", "✅")
    first = await react(dispatcher, VR06, "$invitation", "✅️")  # with a variation selector
    await react(dispatcher, VR06, "$invitation", "❌")  # changes her mind: the last one counts
    await react(dispatcher, "@stranger:example.org", "$invitation", "✅")
    await react(dispatcher, GGD06, "$other", "✅")  # not the invitation
    async with database.transaction() as session:
        answers = (await session.scalars(select(MeetingAnswer))).all()
        assert {(a.user_id, a.attends) for a in answers} == {(ISZW, True), (VR06, False)}
    refreshes = [row for row in await rows(database) if kind_of(row) == "invitation"]
    assert len(refreshes) == 3
    await dispatcher.handle_redaction(
        IncomingRedaction(INCIDENT, "$redaction", VR06, 0, first)
    )  # an older reaction taken back: her current answer stays
    starts = datetime(2026, 11, 29, 13, 0, tzinfo=UTC)
    written = await fire_due(
        database, settings, starts - timedelta(minutes=15), ReminderKind.MEETING_SOON
    )
    (soon,) = (row.payload for row in written)
    assert soon["room_id"] == INCIDENT
    assert set(soon["mentions"]) == {LOTC, GGD06}
    assert "1 komen, 1 kunnen niet, 2 nog geen antwoord" in soon["body"]
    assert "ISZW: ✅ Ilse" in soon["body"]


async def test_taking_a_reaction_back_withdraws_the_answer(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await convened(dispatcher, database)
    reaction = await react(dispatcher, ISZW, "$invitation", "✅")
    await dispatcher.handle_redaction(IncomingRedaction(INCIDENT, "$redaction", ISZW, 0, reaction))
    async with database.transaction() as session:
        assert (await session.scalars(select(MeetingAnswer))).all() == []


async def test_decisions_actions_and_notes_make_the_minutes(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await convened(dispatcher, database)
    assert "Besluit 1 vastgelegd (overleg 1, zaak 2026-001)" in await ask(
        dispatcher, "!besluit GGD test alle medewerkers"
    )
    case_decision = await ask(dispatcher, "!besluit inzet besmettingen bevestigd")
    assert "Besluit voor zaak 2026-001: inzet" in case_decision
    action = await dispatcher.handle(
        command("!actie Huisvesting opvragen GGD voor morgen 12:00", sender=ISZW, room=INCIDENT)
    )
    assert "Actie 1 vastgelegd (overleg 1, zaak 2026-001)" in action[0].payload["body"]
    assert "eigenaar GGD Noord- en Oost-Gelderland (VR06)" in action[0].payload["body"]
    assert action[0].payload["mentions"] == [GGD06]
    assert "Notitie vastgelegd (overleg 1, zaak 2026-001)" in await ask(
        dispatcher, "!notitie Verspreiding via gedeeld vervoer is waarschijnlijk"
    )
    written = await dispatcher.handle(command("!notulen", sender=ISZW, room=INCIDENT))
    message, upload = (row.payload for row in written)
    body = message["body"]
    picture, judgement, decision = (
        body.index("Beeld"),
        body.index("Oordeel"),
        body.index("Besluit\n"),
    )
    assert picture < judgement < decision
    assert "Slachterij De Vries" in body[picture:judgement]
    assert "Verspreiding via gedeeld vervoer" in body[judgement:decision]
    tail = body[decision:]
    assert "B1 · " in tail and "GGD test alle medewerkers" in tail
    assert "inzet: besmettingen bevestigd" in tail
    assert "A1 · Huisvesting opvragen" in tail
    assert upload["filename"] == "notulen-overleg-1.md"
    assert file_text(upload).startswith("# Notulen overleg 1")
    assert "## Oordeel" in file_text(upload) and "## Besluit" in file_text(upload)
    stored = await meeting(database)
    assert stored.minutes == file_text(upload)


async def test_lotc_asking_convenes_at_once_and_the_case_is_being_assessed(
    database: Database,
) -> None:
    dispatcher = make_dispatcher(database)
    await open_case(dispatcher, database)
    written = await dispatcher.handle(command("!overleg over 2 uur", sender=LOTC, room=INCIDENT))
    assert [kind_of(row) for row in written] == ["send", "card", "send", "upload"]
    assert "Bevestigd: overleg 1" in written[0].payload["body"]
    assert (await meeting(database)).convened_by == LOTC
    assert await reminders(database, "convene") == []
    async with database.transaction() as session:
        case = await session.scalar(select(Case))
        assert case is not None and case.status == CaseStatus.ASSESSING


async def test_a_meeting_can_be_moved_and_called_off_by_lotc_or_its_requester(
    database: Database,
) -> None:
    dispatcher = make_dispatcher(database)
    await convened(dispatcher, database)
    assert "Alleen LOT-C of wie" in await ask(dispatcher, "!overleg verzet 1 morgen 9:00", VR06)
    assert "Naar welk moment" in await ask(dispatcher, "!overleg verzet 1")
    written = await dispatcher.handle(
        command("!overleg verzet 1 morgen 9:00", sender=ISZW, room=INCIDENT)
    )
    told, refresh, ics = written
    assert "overleg 1 is verzet naar zondag 29 november 09:00" in told.payload["body"]
    assert set(told.payload["mentions"]) == {ISZW, LOTC, VR06, GGD06}
    assert kind_of(refresh) == "invitation"
    event = Calendar.from_ical(file_text(ics.payload)).walk("VEVENT")[0]
    assert event["dtstart"].dt.hour == 9 and int(event["sequence"]) == 1
    (soon,) = [
        r for r in await reminders(database, ReminderKind.MEETING_SOON) if r.cancelled_at is None
    ]
    assert soon.due_at == datetime(2026, 11, 29, 7, 45, tzinfo=UTC)  # 08:45 local
    written = await dispatcher.handle(
        command("!overleg afzeggen 1 inzet al uitgevoerd", sender=LOTC, room=PLATFORM)
    )
    reply, told, _refresh, ics = (row.payload for row in written)
    assert "overleg 1 is afgezegd: inzet al uitgevoerd" in reply["body"]
    assert told["room_id"] == INCIDENT and told["mentions"]
    cancelled = Calendar.from_ical(file_text(ics))
    assert str(cancelled["method"]) == "CANCEL"
    assert str(cancelled.walk("VEVENT")[0]["status"]) == "CANCELLED"
    assert [
        r for r in await reminders(database, ReminderKind.MEETING_SOON) if r.cancelled_at is None
    ] == []
    assert "is afgezegd" in await ask(dispatcher, "!overleg verzet 1 morgen 10:00")
    assert "geen overleg" in await ask(dispatcher, "!notulen")  # nothing current here any more


async def test_long_minutes_and_timelines_still_fit_in_one_event(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await convened(dispatcher, database)
    for index in range(60):
        await ask(dispatcher, f"!notitie {index:02d} " + "lange notitie " * 70)
    written = await dispatcher.handle(command("!notulen", sender=ISZW, room=INCIDENT))
    message, upload = (row.payload for row in written)
    size = len(message["body"].encode()) + len(message["html"].encode())
    assert size <= 48_000
    assert "te lang voor één bericht" in message["body"]
    assert file_text(upload).count("lange notitie") == 60 * 70  # the file has everything
    timeline = await dispatcher.handle(command("!tijdlijn", sender=ISZW, room=INCIDENT))
    shown = timeline[0].payload
    assert len(shown["body"].encode()) + len(shown["html"].encode()) <= 48_000
    assert "59 lange notitie" in shown["body"]  # the newest entries stay


def test_a_topic_that_starts_like_a_subcommand_stays_a_topic() -> None:
    assert parse_meeting("verplaatsing van werknemers") == {
        "action": "request",
        "rest": "verplaatsing van werknemers",
    }
    assert parse_meeting("Bevestigen 4 morgen 9:00")["action"] == "confirm"
    assert parse_meeting("annuleren 4 dubbel")["action"] == "cancel"
    assert parse_meeting("verzetten 4 morgen 9:00")["action"] == "move"


async def test_the_bot_is_shown_by_its_name_in_the_timeline_and_the_minutes(
    database: Database,
) -> None:
    """The escalation at the deadline is the bot's own entry: members read "signaalbot"."""
    settings = make_settings()
    dispatcher = make_dispatcher(database, settings)
    await convened(dispatcher, database)
    assert await fire_due(database, settings, NOW + timedelta(hours=24), ReminderKind.DEADLINE)
    timeline = await ask(dispatcher, "!tijdlijn")
    assert "signaalbot: Deadline verstreken" in timeline
    assert "@bot:example.org" not in timeline
    written = await dispatcher.handle(command("!notulen", sender=ISZW, room=INCIDENT))
    minutes = written[0].payload["body"]
    assert "· signaalbot · Deadline verstreken" in minutes
    assert "@bot:example.org" not in minutes
