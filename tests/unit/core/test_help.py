"""`!help` lists the commands by what a member is doing; in an incident room its case first."""

from __future__ import annotations

from bot.dispatch import Dispatcher
from commands import build_registry
from commands.core.help import overview
from commands.texts.command_help import HelpGroup
from storage.database import Database
from tests.unit.helpers import INCIDENT, PLATFORM, answer, open_case

HEADINGS = [
    "Melden",
    "De zaak",
    "Overleg",
    "Acties en besluiten",
    "Tweewekelijkse cyclus",
    "Beeld en verantwoording",
    "Netwerk",
    "Verder",
]


def sections(body: str) -> dict[str, list[str]]:
    """Heading -> the command names listed under it, in order."""
    found: dict[str, list[str]] = {}
    heading = ""
    for line in body.splitlines()[1:]:
        if line.startswith("• !"):
            found[heading].append(line[3:].split(" ", 1)[0])
        else:
            heading = line
            found[heading] = []
    return found


def test_every_command_is_listed_exactly_once() -> None:
    registry = build_registry()
    listed = [name for names in sections(overview(registry).body).values() for name in names]
    assert sorted(listed) == sorted(command.name for command in registry.listing())


def test_the_commands_are_grouped_by_what_a_member_is_doing() -> None:
    found = sections(overview(build_registry()).body)
    assert list(found) == HEADINGS
    assert found["Melden"] == ["signaal"]
    assert {"status", "zaken", "coordinator", "besluit", "inzet", "sluit"} <= set(found["De zaak"])
    assert {"overleg", "notulen"} <= set(found["Overleg"])
    assert {"actie", "acties", "besluiten"} <= set(found["Acties en besluiten"])
    assert set(found["Tweewekelijkse cyclus"]) == {"agenda", "preventief", "kalender"}
    assert set(found["Beeld en verantwoording"]) == {
        "beeld",
        "risico",
        "landelijk",
        "verantwoording",
        "dossier",
    }
    assert {
        "lid",
        "leden",
        "vervanger",
        "afwezig",
        "terug",
        "contact",
        "aanspreekpunt",
        "netwerk",
    } <= set(found["Netwerk"])
    assert found["Verder"] == ["help"]


def test_every_command_but_help_has_a_group_of_its_own() -> None:
    ungrouped = [c.name for c in build_registry().listing() if c.help.group is HelpGroup.OTHER]
    assert ungrouped == ["help"]


async def test_in_an_incident_room_the_commands_about_its_case_come_first(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    here = sections(await answer(dispatcher, "!help", room=INCIDENT))
    headings = list(here)
    assert headings[0] == "Zaak 2026-001, in deze kamer zonder zaaknummer"
    assert headings[1:] == [heading for heading in HEADINGS if heading != "De zaak"]
    platform = sections(await answer(dispatcher, "!help", room=PLATFORM))
    assert here[headings[0]] == platform["De zaak"]


async def test_an_unknown_topic_gets_the_overview_of_the_room(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    body = await answer(dispatcher, "!help vergadering", room=INCIDENT)
    assert "Er is geen commando 'vergadering'." in body
    assert "Zaak 2026-001, in deze kamer zonder zaaknummer" in body
