"""A meeting `over 2 uur` starts at a round time; a time on the clock stays as given."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar

from config.settings import MeetingSettings
from storage.database import Database
from tests.unit.helpers import PLATFORM, command, dispatcher_at, file_text, make_settings
from tests.unit.meetings.helpers import LOTC, meeting

# 17:11:41 in Amsterdam: two hours on is 19:11:41.
ODD = datetime(2026, 11, 28, 16, 11, 41, tzinfo=UTC)


async def convene(database: Database, moment: datetime, body: str, **meetings: str) -> tuple:
    """LOT-C asks, so the meeting is convened at once: the answer, the invitation and the .ics."""
    settings = make_settings()
    if meetings:
        settings = settings.model_copy(update={"meetings": MeetingSettings(**meetings)})
    dispatcher = dispatcher_at(database, moment, settings)
    written = await dispatcher.handle(command(body, sender=LOTC, room=PLATFORM, sent=moment))
    answer, invitation, ics = (row.payload for row in written)
    start = Calendar.from_ical(file_text(ics)).walk("VEVENT")[0]["dtstart"].dt
    return answer["body"], invitation["body"], start


async def test_over_two_hours_is_rounded_up_to_five_minutes(database: Database) -> None:
    answer, invitation, start = await convene(database, ODD, "!overleg over 2 uur afstemming")
    assert "zaterdag 28 november 19:15" in answer
    assert "19:15" in invitation
    assert (start.hour, start.minute, start.second) == (19, 15, 0)
    assert (await meeting(database)).starts_at == datetime(2026, 11, 28, 18, 15, tzinfo=UTC)


async def test_a_time_on_a_boundary_stays(database: Database) -> None:
    on_the_dot = datetime(2026, 11, 28, 16, 10, tzinfo=UTC)
    await convene(database, on_the_dot, "!overleg over 30 minuten")
    assert (await meeting(database)).starts_at == on_the_dot + timedelta(minutes=30)


async def test_a_time_on_the_clock_is_kept_to_the_minute(database: Database) -> None:
    answer, _invitation, start = await convene(database, ODD, "!overleg vandaag 19:11 afstemming")
    assert "zaterdag 28 november 19:11" in answer
    assert (start.hour, start.minute) == (19, 11)


async def test_the_rounding_comes_from_the_configuration(database: Database) -> None:
    await convene(database, ODD, "!overleg over 2 uur", round_to="15m")
    assert (await meeting(database)).starts_at == datetime(2026, 11, 28, 18, 15, tzinfo=UTC)
    await convene(database, ODD + timedelta(minutes=5), "!overleg over 2 uur", round_to="15m")
    assert (await meeting(database)).starts_at == datetime(2026, 11, 28, 18, 30, tzinfo=UTC)


async def test_a_meeting_still_needs_a_time_with_its_day(database: Database) -> None:
    dispatcher = dispatcher_at(database, ODD)
    (reply,) = await dispatcher.handle(
        command("!overleg morgen afstemming", sender=LOTC, room=PLATFORM, sent=ODD)
    )
    assert "Bij 'morgen' hoort ook een tijd" in reply.payload["body"]
