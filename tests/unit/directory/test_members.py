"""`!lid`: project leaders keep the directory in the chat; a change takes effect at once."""

from __future__ import annotations

from dataclasses import replace

from bot.dispatch import Dispatcher
from commands.texts import core as core_texts
from storage.database import Database
from storage.directory import ChangeKind, MemberSource
from tests.unit.directory.helpers import (
    GGD06,
    ISZW,
    LEADER,
    NEW,
    VR06,
    changes,
    room_updates,
    stored,
)
from tests.unit.helpers import PLATFORM, answer, command, make_settings, open_case


async def ask(dispatcher: Dispatcher, body: str, sender: str = LEADER) -> str:
    return await answer(dispatcher, body, sender=sender, room=PLATFORM)


async def test_a_project_leader_adds_a_member_who_can_command_at_once(
    dispatcher: Dispatcher, database: Database
) -> None:
    said = await ask(dispatcher, f"!lid toevoegen {NEW} GGD Twente projectleider naam: Piet Jansen")
    assert "Piet Jansen" in said and "staat nu in de ledenlijst" in said
    assert "GGD Twente (VR05)" in said
    row = await stored(database, NEW)
    assert row is not None
    assert (row.entity, row.region, row.roles, row.name) == (
        "GGD",
        "VR05",
        ["projectleider"],
        "Piet Jansen",
    )
    assert row.source == MemberSource.CHAT and row.added_by == LEADER
    first = await ask(dispatcher, "!zaken", sender=NEW)
    assert core_texts.MEMBERS_ONLY not in first


async def test_the_addition_is_on_the_audit_trail(
    dispatcher: Dispatcher, database: Database
) -> None:
    await ask(dispatcher, f"!lid toevoegen {NEW} NVWA")
    [added] = [c for c in await changes(database, NEW)]
    assert (added.kind, added.actor, added.old) == (ChangeKind.ADDED, LEADER, None)
    assert added.new is not None and added.new["entity"] == "NVWA"
    assert added.new["roles"] == ["lid"]


async def test_a_new_member_is_invited_to_the_open_cases_of_their_region(
    dispatcher: Dispatcher, database: Database
) -> None:
    case = await open_case(dispatcher, database, region="VR06")
    said = await ask(dispatcher, f"!lid toevoegen {NEW} VR VNOG")
    assert "Uitgenodigd in 1 open incidentkamer(s)." in said
    [update] = await room_updates(database)
    assert update.payload["case_id"] == case.id
    assert NEW in update.payload["invite"]


async def test_a_member_of_another_region_is_not_invited(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database, region="VR06")
    said = await ask(dispatcher, f"!lid toevoegen {NEW} GGD Twente")
    assert "incidentkamer" not in said
    assert await room_updates(database) == []


async def test_only_a_project_leader_changes_the_directory(
    dispatcher: Dispatcher, database: Database
) -> None:
    said = await ask(dispatcher, f"!lid toevoegen {NEW} NVWA", sender=ISZW)
    assert "Alleen een projectleider" in said
    assert "Gebruik: !lid toevoegen" in said
    assert await stored(database, NEW) is None
    assert await changes(database, NEW) == []


async def test_bad_input_is_refused_and_changes_nothing(
    dispatcher: Dispatcher, database: Database
) -> None:
    cases = {
        f"!lid toevoegen {NEW}": "Noem de entiteit",
        f"!lid toevoegen {NEW} GGD": "hoort bij een regio",
        f"!lid toevoegen {NEW} GGD Atlantis": "Onbekende regio 'Atlantis'",
        f"!lid toevoegen {NEW} Brandweer": "'Brandweer' is geen entiteit, regio of rol",
        "!lid toevoegen NVWA": "Matrix-id",
        f"!lid toevoegen {ISZW} NVWA": "staat al in de ledenlijst",
        f"!lid wijzig {NEW} NVWA": "staat niet in de ledenlijst",
        f"!lid wijzig {ISZW}": "Wat moet er veranderen",
        f"!lid verwijder {NEW}": "staat niet in de ledenlijst",
    }
    for body, expected in cases.items():
        said = await ask(dispatcher, body)
        assert expected in said, body
    assert await stored(database, NEW) is None
    assert [c.kind for c in await changes(database) if c.actor != "config"] == []


async def test_a_member_is_changed_and_the_old_and_new_values_are_kept(
    dispatcher: Dispatcher, database: Database
) -> None:
    said = await ask(dispatcher, f"!lid wijzig {VR06} GGD VR06 naam: Vera")
    assert "gewijzigd" in said and "GGD Noord- en Oost-Gelderland (VR06)" in said
    [changed] = [c for c in await changes(database, VR06) if c.kind == ChangeKind.CHANGED]
    assert changed.old is not None and changed.new is not None
    assert (changed.old["entity"], changed.new["entity"]) == ("VR", "GGD")
    assert (changed.old["name"], changed.new["name"]) == (None, "Vera")
    assert "configuratiebestand" in said  # it comes back at the next start


async def test_a_removed_member_can_no_longer_command(
    dispatcher: Dispatcher, database: Database
) -> None:
    await ask(dispatcher, f"!lid toevoegen {NEW} NVWA")
    said = await ask(dispatcher, f"!lid verwijder {NEW}")
    assert "kan geen commando's meer geven" in said
    assert await stored(database, NEW) is None
    refused = await dispatcher.handle(command("!zaken", sender=NEW))
    assert refused[0].payload["body"] == core_texts.MEMBERS_ONLY
    [removed] = [c for c in await changes(database, NEW) if c.kind == ChangeKind.REMOVED]
    assert removed.old is not None and removed.new is None


async def test_a_removed_member_leaves_the_open_incident_rooms(
    dispatcher: Dispatcher, database: Database
) -> None:
    case = await open_case(dispatcher, database, region="VR06")
    said = await ask(dispatcher, f"!lid verwijder {GGD06}")
    assert "Gaat uit 1 open incidentkamer(s)." in said
    [update] = await room_updates(database)
    assert update.payload["case_id"] == case.id
    assert update.payload["remove"] == [GGD06]
    assert GGD06 not in update.payload["invite"]


async def test_removing_from_rooms_can_be_switched_off(database: Database) -> None:
    settings = make_settings()
    settings.directory.remove_from_rooms = False
    from tests.unit.helpers import make_dispatcher

    dispatcher = make_dispatcher(database, settings)
    await open_case(dispatcher, database, region="VR06")
    await ask(dispatcher, f"!lid verwijder {GGD06}")
    assert await room_updates(database) == []


async def test_the_last_project_leader_cannot_be_removed_or_demoted(
    dispatcher: Dispatcher, database: Database
) -> None:
    said = await ask(dispatcher, f"!lid verwijder {LEADER}")
    assert "laatste projectleider" in said
    said = await ask(dispatcher, f"!lid wijzig {LEADER} lid")
    assert "laatste projectleider" in said
    row = await stored(database, LEADER)
    assert row is not None and "projectleider" in row.roles
    await ask(dispatcher, f"!lid wijzig {ISZW} projectleider")
    said = await ask(dispatcher, f"!lid verwijder {LEADER}")
    assert "staat niet meer in de ledenlijst" in said


async def test_a_member_is_shown_with_their_changes(
    dispatcher: Dispatcher, database: Database
) -> None:
    await ask(dispatcher, f"!lid toevoegen {NEW} NVWA naam: Piet")
    await ask(dispatcher, f"!lid wijzig {NEW} vervanger")
    said = await ask(dispatcher, f"!lid {NEW}", sender=ISZW)
    assert "Piet" in said and "NVWA · vervanger" in said
    history = said.split("Wijzigingen (nieuwste eerst):")[1]
    assert history.index("gewijzigd") < history.index("toegevoegd")


async def test_the_members_are_listed_by_entity_and_region(dispatcher: Dispatcher) -> None:
    said = await ask(dispatcher, "!leden", sender=ISZW)
    assert "Ledenlijst (5 leden)" in said
    assert "GGD Noord- en Oost-Gelderland (VR06)" in said
    said = await ask(dispatcher, "!leden VNOG", sender=ISZW)
    assert "Ledenlijst (2 leden)" in said
    said = await ask(dispatcher, "!leden GGD", sender=ISZW)
    assert "Ledenlijst (1 leden)" in said
    said = await ask(dispatcher, "!leden Atlantis", sender=ISZW)
    assert "geen entiteit of regio" in said


async def test_a_mention_in_element_names_the_member(
    dispatcher: Dispatcher, database: Database
) -> None:
    """Element writes the display name in the body and the id in m.mentions."""
    mentioned = replace(command("!lid toevoegen Piet NVWA", sender=LEADER), mentions=(NEW,))
    rows = await dispatcher.handle(mentioned)
    assert "staat nu in de ledenlijst" in rows[0].payload["body"]
    row = await stored(database, NEW)
    assert row is not None and (row.entity, row.name) == ("NVWA", "Piet")
