"""An incident room's people follow the directory, the case's region and its coordinator."""

from __future__ import annotations

from bot.dispatch import Dispatcher
from storage.database import Database
from tests.unit.directory.helpers import GGD06, ISZW, VR06, room_updates
from tests.unit.helpers import INCIDENT, answer, open_case

VR05 = "@vr05:example.org"


async def test_a_coordinator_from_another_region_brings_its_members(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database, region="VR06")
    await answer(dispatcher, "!coordinator VR05", sender=ISZW, room=INCIDENT)
    [update] = await room_updates(database)
    assert VR05 in update.payload["invite"]
    assert {VR06, GGD06, ISZW} <= set(update.payload["invite"])


async def test_a_new_region_brings_its_members(dispatcher: Dispatcher, database: Database) -> None:
    await open_case(dispatcher, database, region="VR06")
    await answer(dispatcher, "!regio Twente", sender=ISZW, room=INCIDENT)
    [update] = await room_updates(database)
    assert VR05 in update.payload["invite"]
