"""A member's direct chat with the bot: plain words get the help, commands work as in the
platform room; everywhere else plain words stay conversation."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest
from nio import MatrixRoom

from bot.dispatch import Dispatcher
from bot.events import command_from_event
from bot.rooms import DirectChats, PlatformRooms
from commands import build_registry
from storage.database import Database
from storage.outbox import OutboxEffect
from tests.unit.helpers import (
    INCIDENT,
    NOW,
    PLATFORM,
    cases,
    command,
    make_settings,
    message,
    open_case,
    outbox,
)

DIRECT = "!direct:example.org"
OUTSIDER = "@someone:example.org"
ISZW = "@iszw:example.org"


@pytest.fixture
def dispatcher(database: Database) -> Dispatcher:
    """The test dispatcher, for which DIRECT and (as early on) the incident room have two
    members; the dispatcher knows the incident room by its case."""
    return Dispatcher(
        make_settings(),
        database,
        build_registry(),
        lambda: NOW,
        PlatformRooms(PLATFORM),
        lambda _changes: None,
        lambda room_id: room_id in (DIRECT, INCIDENT),
    )


async def say(
    dispatcher: Dispatcher, body: str, room: str = DIRECT, sender: str = ISZW
) -> list[OutboxEffect]:
    return await dispatcher.handle(command(body, sender=sender, room=room))


@pytest.mark.parametrize("words", ["help", "hallo", "Hoi!", "wat kan je?", "?", "Goedemorgen"])
async def test_plain_words_in_a_direct_chat_get_the_help(
    dispatcher: Dispatcher, words: str
) -> None:
    (answer,) = await say(dispatcher, words)
    body = answer.payload["body"]
    assert answer.payload["room_id"] == DIRECT
    assert body.startswith("Hallo! Hier werken alle commando's zoals in de platformkamer")
    assert "Commando's van signaalbot:" in body and "• !zaken — " in body


async def test_other_plain_words_are_told_how_to_type_a_command(
    dispatcher: Dispatcher, database: Database
) -> None:
    (answer,) = await say(dispatcher, "Slachterij De Vries heeft zieke medewerkers")
    assert "Commando's beginnen met een uitroepteken" in answer.payload["body"]
    assert "Typ help voor het overzicht" in answer.payload["body"]
    assert await cases(database) == []


async def test_commands_work_in_a_direct_chat_as_in_the_platform_room(
    dispatcher: Dispatcher, database: Database
) -> None:
    (opened, _room) = await say(dispatcher, "!signaal Slachterij De Vries; regio: VNOG")
    assert "Zaak 2026-001 geopend" in opened.payload["body"]
    assert opened.payload["room_id"] == DIRECT
    (listing,) = await say(dispatcher, "!zaken")
    assert "2026-001" in listing.payload["body"]
    (status,) = await say(dispatcher, "!status")
    assert "Welke zaak? Geef het zaaknummer" in status.payload["body"]
    (numbered,) = await say(dispatcher, "!status 2026-001")
    assert "Zaak 2026-001: Slachterij De Vries" in numbered.payload["body"]
    (helped,) = await say(dispatcher, "!help")
    assert helped.payload["body"].splitlines()[1] == "Melden"  # no case here: the usual order


async def test_a_plain_word_in_a_thread_is_answered_in_the_thread(
    dispatcher: Dispatcher,
) -> None:
    threaded = replace(command("help", room=DIRECT), thread_root="$root")
    (answer,) = await dispatcher.handle(threaded)
    assert answer.payload["thread_root"] == "$root"


async def test_plain_words_elsewhere_are_left_alone(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)  # its incident room has two members, as early on
    before = len(await outbox(database))
    assert await say(dispatcher, "help", room=PLATFORM) == []
    assert await say(dispatcher, "hallo", room=INCIDENT) == []
    assert await say(dispatcher, "help", room="!elsewhere:example.org") == []
    assert len(await outbox(database)) == before
    (help_here,) = await say(dispatcher, "!help", room=INCIDENT)
    assert "Zaak 2026-001, in deze kamer zonder zaaknummer" in help_here.payload["body"]


async def test_non_members_stay_ignored_in_a_direct_chat(
    dispatcher: Dispatcher, database: Database
) -> None:
    assert await say(dispatcher, "hallo", sender=OUTSIDER) == []
    (told,) = await say(dispatcher, "!zaken", sender=OUTSIDER)
    assert "alleen voor leden" in told.payload["body"]
    assert await say(dispatcher, "!zaken", sender=OUTSIDER) == []  # once per room and day


async def test_a_room_that_is_no_direct_chat_still_gets_the_wrong_room_answer(
    dispatcher: Dispatcher,
) -> None:
    (answer,) = await say(dispatcher, "!zaken", room="!elsewhere:example.org")
    assert "privégesprek met mij" in answer.payload["body"]


def test_plain_words_are_read_only_where_the_room_allows_them() -> None:
    assert command_from_event(DIRECT, message("hallo")) is None
    plain = command_from_event(DIRECT, message("hallo"), plain=True)
    assert plain is not None and plain.is_plain and plain.body == "hallo"
    command_ = command_from_event(DIRECT, message("!zaken"), plain=True)
    assert command_ is not None and not command_.is_plain
    assert command_from_event(DIRECT, message("hallo", msgtype="m.notice"), plain=True) is None
    edited = message(
        "* hoi",
        **{
            "m.relates_to": {"rel_type": "m.replace", "event_id": "$o"},
            "m.new_content": {"msgtype": "m.text", "body": "hoi"},
        },
    )
    assert command_from_event(DIRECT, edited, plain=True) is None


def room(room_id: str, joined: int, invited: int = 0) -> MatrixRoom:
    found = MatrixRoom(room_id, "@bot:example.org")
    found.add_member("@bot:example.org", None, None)
    for index in range(joined - 1):
        found.add_member(f"@member{index}:example.org", None, None)
    for index in range(invited):
        found.add_member(f"@invited{index}:example.org", None, None, invited=True)
    return found


def test_a_direct_chat_is_a_room_of_the_bot_and_one_other() -> None:
    rooms = [
        room(DIRECT, 2),
        room("!three:example.org", 3),
        room("!inviting:example.org", 2, invited=1),
        room(PLATFORM, 2),
    ]
    client = SimpleNamespace(rooms={found.room_id: found for found in rooms})
    direct = DirectChats(client, PlatformRooms(PLATFORM))  # type: ignore[arg-type]
    assert direct(DIRECT)
    assert not direct("!three:example.org")
    assert not direct("!inviting:example.org")
    assert not direct(PLATFORM)
    assert not direct("!unknown:example.org")
