"""Every command, reaction and reminder is one record, in the same transaction as what it did:
the canonical command name, the case it was about, the result, where it came from, who."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.dispatch import Dispatcher
from bot.events import IncomingReaction, IncomingRedaction
from bot.rooms import PlatformRooms
from commands import build_registry
from commands.core.registry import Command, NoArguments, no_arguments
from commands.texts.command_help import CommandHelp
from storage.database import Database
from tests.unit.audit.helpers import trail, verified
from tests.unit.helpers import (
    INCIDENT,
    NOW,
    PLATFORM,
    command,
    make_dispatcher,
    make_settings,
    open_case,
)
from tests.unit.meetings.helpers import fire_due

ISZW = "@iszw:example.org"
LEAD = "@lotc:example.org"
STRANGER = "@stranger:example.org"


async def entries(database: Database) -> list[tuple[Any, ...]]:
    """(action, object, result, room, event, actor) of every record, oldest first."""
    return [
        (r.action, r.object, r.result, r.origin_room, r.origin_event, r.actor)
        for r in await trail(database)
    ]


async def run(dispatcher: Dispatcher, body: str, event_id: str, **where: str) -> None:
    await dispatcher.handle(command(body, event_id=event_id, **where))


async def test_each_command_is_one_record_with_its_case_result_origin_and_actor(
    database: Database,
) -> None:
    dispatcher = make_dispatcher(database)
    await run(dispatcher, "!signaal Slachterij De Vries; regio: VR06", "$signal")
    await open_case(dispatcher, database)  # a second !signaal: joins the open case
    await run(dispatcher, "!zaak", "$alias", room=INCIDENT)  # an alias of !status
    await run(dispatcher, "!tijdlijn 2026-001", "$read")
    await run(dispatcher, "!status 2026-999", "$notfound")
    await run(dispatcher, "!statsu", "$typo", room=INCIDENT)
    await run(dispatcher, "!status", "$stranger", sender=STRANGER, room=INCIDENT)
    await run(dispatcher, "!contact toevoegen Team Wonen; soort: gemeente; regio: VR06", "$no")
    records = await entries(database)
    assert records[0] == ("directory.configured", "directory", "done", None, None, "signaalbot")
    assert [r[4] for r in records[1:]] == [
        "$signal",
        records[2][4],  # open_case's own event id
        "$alias",
        "$read",
        "$notfound",
        "$typo",
        "$stranger",
        "$no",
    ]
    case = "case:2026-001"
    assert [r[:3] + r[5:] for r in records[1:]] == [
        ("command.signaal", case, "done", ISZW),
        ("command.signaal", case, "done", ISZW),
        ("command.status", case, "done", ISZW),
        ("command.tijdlijn", case, "done", ISZW),
        ("command.status", "-", "refused", ISZW),  # no such case
        ("command.unknown", case, "refused", ISZW),
        ("command.status", case, "ignored", STRANGER),  # not a member
        ("command.contact", "-", "refused", ISZW),  # only project leaders add contacts
    ]
    rooms = [PLATFORM, PLATFORM, INCIDENT, PLATFORM, PLATFORM, INCIDENT, INCIDENT, PLATFORM]
    assert [r[3] for r in records[1:]] == rooms
    assert (await verified(database)).checked == len(records)


async def test_a_command_handled_twice_is_recorded_once(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await run(dispatcher, "!signaal Slachterij De Vries; regio: VR06", "$signal")
    await run(dispatcher, "!signaal Slachterij De Vries; regio: VR06", "$signal")
    assert [r[0] for r in await entries(database)] == ["directory.configured", "command.signaal"]


async def test_a_command_that_failed_is_recorded_as_failed(database: Database) -> None:
    async def broken(_request: NoArguments, _context: object) -> list:
        raise RuntimeError("the disk is full")

    registry = build_registry()
    help = CommandHelp(name="kapot", summary="Gaat mis.", usage="!kapot")
    registry.add(
        Command(help=help, request=NoArguments, parse=no_arguments("kapot"), handler=broken)
    )
    settings = make_settings()
    dispatcher = Dispatcher(
        settings, database, registry, lambda: NOW, PlatformRooms(PLATFORM), lambda _: None
    )
    await open_case(dispatcher, database)
    await run(dispatcher, "!kapot", "$broken", room=INCIDENT)
    assert (await entries(database))[-1] == (
        "command.kapot",
        "case:2026-001",
        "failed",
        INCIDENT,
        "$broken",
        ISZW,
    )
    assert (await verified(database)).ok


async def test_a_pin_and_a_meeting_answer_are_recorded_as_reactions(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await open_case(dispatcher, database)
    sent = int(NOW.timestamp() * 1000)
    pin = IncomingReaction(INCIDENT, "$pin", ISZW, sent, "$msg", "📌", ISZW, "Veertig mensen")
    await dispatcher.handle_reaction(pin)
    nothing = IncomingReaction(PLATFORM, "$yes", ISZW, sent, "$not-an-invitation", "✅")
    await dispatcher.handle_reaction(nothing)
    await dispatcher.handle_redaction(IncomingRedaction(PLATFORM, "$undo", ISZW, sent, "$other"))
    assert (await entries(database))[-2:] == [
        ("reaction.pin", "case:2026-001", "done", INCIDENT, "$pin", ISZW),
        ("reaction.answer", "-", "ignored", PLATFORM, "$yes", ISZW),
    ]  # a redaction of a message that was no answer withdrew nothing: no record


async def test_a_fired_reminder_is_recorded_as_the_bots(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await open_case(dispatcher, database)
    settings = make_settings()
    await fire_due(database, settings, NOW + timedelta(hours=24), "deadline")
    assert (await entries(database))[-1] == (
        "reminder.deadline",
        "case:2026-001",
        "done",
        None,
        None,
        "signaalbot",
    )
    assert (await trail(database))[-1].at == NOW + timedelta(hours=24)
    assert (await verified(database)).ok


async def test_the_configuration_merged_at_start_is_recorded_only_when_it_changed(
    database: Database,
) -> None:
    await run(make_dispatcher(database), "!status", "$one")
    await run(make_dispatcher(database), "!status", "$two")  # a restart: nothing new to merge
    assert [r[0] for r in await entries(database)] == [
        "directory.configured",
        "command.status",
        "command.status",
    ]
