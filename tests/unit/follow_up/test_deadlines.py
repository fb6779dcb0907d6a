"""An action's deadline on a day without a time: the end of that day's working hours."""

from __future__ import annotations

from datetime import UTC, datetime, time

from sqlalchemy import select

from bot.dispatch import Dispatcher
from config.settings import ActionSettings
from storage.database import Database
from storage.follow_up import Action
from tests.unit.helpers import command, dispatcher_at, make_settings


async def act(dispatcher: Dispatcher, body: str, sent: datetime) -> str:
    (answer,) = await dispatcher.handle(command(body, sent=sent))
    return answer.payload["body"]


async def due_times(database: Database) -> list[datetime | None]:
    async with database.transaction() as session:
        return list((await session.scalars(select(Action.due_at).order_by(Action.id))).all())


async def test_a_weekday_alone_is_due_at_the_end_of_that_days_working_hours(
    database: Database,
) -> None:
    saturday = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)  # 10:30 in Amsterdam
    dispatcher = dispatcher_at(database, saturday)
    answer = await act(dispatcher, "!actie GGD bellen voor vrijdag", saturday)
    assert "A1 · GGD bellen · eigenaar Ilse · voor vrijdag 4 december 17:00" in answer
    answer = await act(dispatcher, "!actie Rapport lezen voor morgen", saturday)
    assert "voor zondag 29 november 17:00" in answer
    answer = await act(dispatcher, "!actie Brief sturen voor 12 dec", saturday)
    assert "voor zaterdag 12 december 17:00" in answer
    answer = await act(dispatcher, "!actie Plan maken voor dinsdag over de huisvesting", saturday)
    assert "A4 · Plan maken over de huisvesting" in answer
    assert await due_times(database) == [
        datetime(2026, 12, 4, 16, 0, tzinfo=UTC),
        datetime(2026, 11, 29, 16, 0, tzinfo=UTC),
        datetime(2026, 12, 12, 16, 0, tzinfo=UTC),
        datetime(2026, 12, 1, 16, 0, tzinfo=UTC),
    ]


async def test_the_end_of_the_day_follows_the_clock_across_summer_time(
    database: Database,
) -> None:
    saturday = datetime(2026, 10, 24, 8, 0, tzinfo=UTC)  # summer time ends on Sunday 25 October
    dispatcher = dispatcher_at(database, saturday)
    assert "voor zaterdag 24 oktober 17:00" in await act(
        dispatcher, "!actie A voor vandaag", saturday
    )
    assert "voor maandag 26 oktober 17:00" in await act(
        dispatcher, "!actie B voor maandag", saturday
    )
    assert await due_times(database) == [
        datetime(2026, 10, 24, 15, 0, tzinfo=UTC),  # 17:00 summer time
        datetime(2026, 10, 26, 16, 0, tzinfo=UTC),  # 17:00 winter time
    ]


async def test_a_day_whose_working_hours_are_over_is_refused(database: Database) -> None:
    evening = datetime(2026, 11, 28, 17, 0, tzinfo=UTC)  # 18:00 in Amsterdam
    dispatcher = dispatcher_at(database, evening)
    for body, refusal in [
        ("!actie Bellen voor vandaag", "De termijn 28 nov 17:00 is al voorbij."),
        ("!actie Bellen voor gisteren", "De termijn 27 nov 17:00 is al voorbij."),
        ("!actie Bellen voor morgenochtend", "Bij 'morgenochtend' hoort ook een tijd"),
    ]:
        answer = await act(dispatcher, body, evening)
        assert refusal in answer and "Gebruik: !actie <tekst>" in answer, body
    assert await due_times(database) == []
    # Today's weekday after its working hours: next week's.
    assert "voor zaterdag 5 december 17:00" in await act(
        dispatcher, "!actie Bellen voor zaterdag", evening
    )


async def test_the_end_of_the_working_day_comes_from_the_configuration(
    database: Database,
) -> None:
    settings = make_settings()
    settings = settings.model_copy(
        update={"actions": ActionSettings(work_start=time(8, 0), work_end=time(15, 30))}
    )
    saturday = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
    dispatcher = dispatcher_at(database, saturday, settings)
    answer = await act(dispatcher, "!actie GGD bellen voor vrijdag", saturday)
    assert "voor vrijdag 4 december 15:30" in answer
    assert await due_times(database) == [datetime(2026, 12, 4, 14, 30, tzinfo=UTC)]
