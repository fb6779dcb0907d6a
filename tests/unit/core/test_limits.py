"""The length limit comes before anything else, and answers never echo more than an excerpt."""

from __future__ import annotations

import pytest

from bot.dispatch import Dispatcher
from storage.database import Database
from tests.unit.helpers import cases, command, make_dispatcher, make_settings, outbox, replies


async def test_an_oversized_unknown_command_is_refused_on_its_length_alone(
    dispatcher: Dispatcher, database: Database
) -> None:
    await dispatcher.handle(command("!" + "&" * 12_000))
    (row,) = await outbox(database)
    body, html = row.payload["body"], row.payload["html"]
    assert "Uw bericht is te lang (12001 tekens; maximaal 4000)." in body
    assert "Typ !help voor alle commando's." in body
    assert "Onbekend commando" not in body  # not looked up, so not echoed
    assert "&" not in body
    assert "&amp;" not in html
    assert len(body) < 200


async def test_an_oversized_known_command_shows_its_usage_and_is_not_run(
    dispatcher: Dispatcher, database: Database
) -> None:
    await dispatcher.handle(command("!signaal " + "Bedrijf " * 600))
    (answer,) = await replies(database)
    assert "te lang" in answer
    assert "Gebruik: !signaal" in answer
    assert await cases(database) == []


async def test_the_limit_comes_from_configuration(database: Database) -> None:
    settings = make_settings()
    settings.limits.command_chars = 20
    short = make_dispatcher(database, settings)
    await short.handle(command("!zaken en nog wat meer"))
    (answer,) = await replies(database)
    assert "te lang (22 tekens; maximaal 20)" in answer


@pytest.mark.parametrize(
    "template",
    [
        "!{}",  # unknown command, and no did-you-mean on it
        "!help {}",  # unknown help topic
        "!status {}",  # not a case number
        "!agenda {}",
        "!acties {}",
        "!coordinator 2026-001 {}",  # unknown entity
        "!overleg bevestig {}",
    ],
)
async def test_answers_quote_member_input_only_as_a_short_excerpt(
    dispatcher: Dispatcher, database: Database, template: str
) -> None:
    """The answer to a long word is as long as the answer to a short one: only an excerpt."""
    await dispatcher.handle(command("!signaal Slachterij De Vries; regio: VR06"))
    await dispatcher.handle(command(template.format("x" * 100)))
    await dispatcher.handle(command(template.format("x" * 900)))
    *_, short, long = await replies(database)
    assert "x" * 61 not in long, long
    assert len(long) == len(short), long
