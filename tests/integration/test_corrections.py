"""`!wijzig` on a real Synapse: the incident room's topic, name and members follow the case."""

from __future__ import annotations

import pytest

from bot.demo.member import MemberClient
from tests.integration.helpers import WAIT, body_of, command, named, state_of
from tests.integration.platform import Platform

pytestmark = pytest.mark.integration


async def state_change(client: MemberClient, room: str, event_type: str, fragment: str) -> dict:
    """The state event of this type in the room's timeline whose content mentions `fragment`."""
    return await client.wait_for_event(
        lambda r, e: (
            r == room and e.get("type") == event_type and fragment in str(e.get("content"))
        ),
        WAIT,
    )


async def test_a_correction_renews_the_topic_and_a_new_title_the_room_name(
    platform: Platform,
) -> None:
    vr06 = platform.clients["vr06"]
    _, opened = await command(
        vr06, platform.room_id, "!signaal Slachterij De Vries; regio: VNOG; sector: ruimtevaart"
    )
    assert "Onbekende sector 'ruimtevaart'" in body_of(opened)  # the case opened regardless
    assert "Verbeter het met !wijzig" in body_of(opened)
    incident = await vr06.wait_for_invite(named("Slachterij De Vries"), WAIT)
    await vr06.join(incident)
    ((year, seq),) = platform.query("SELECT year, seq FROM cases")
    number = f"{year}-{seq:03d}"
    name = f"{number} · Slachterij De Vries"
    assert (await state_of(vr06, incident, "m.room.name"))["name"] == name

    _, reply = await command(vr06, incident, "!wijzig sector: slachterij")
    assert "sector: niet gelezen: 'ruimtevaart' → Vleesverwerking en slachterijen" in body_of(reply)
    await state_change(vr06, incident, "m.room.topic", "Sector: Vleesverwerking en slachterijen")
    assert (await state_of(vr06, incident, "m.room.name"))["name"] == name

    iszw = platform.clients["iszw"]
    _, reply = await command(
        iszw, platform.room_id, f"!wijzig {number} titel: Slachterij Oost B.V.; regio: Twente"
    )
    assert "titel: Slachterij De Vries → Slachterij Oost B.V." in body_of(reply)
    renamed = f"{number} · Slachterij Oost B.V."
    await state_change(vr06, incident, "m.room.name", renamed)
    assert (await state_of(vr06, incident, "m.room.name"))["name"] == renamed
    await state_change(vr06, incident, "m.room.topic", "Regio: Twente (VR05)")
    told = await vr06.wait_for_event(
        lambda r, e: r == incident and "wijzigde deze zaak" in body_of(e), WAIT
    )
    assert "regio: Noord- en Oost-Gelderland (VR06) → Twente (VR05)" in body_of(told)
    assert (
        await platform.clients["vr05"].wait_for_invite(named("Slachterij Oost"), WAIT) == incident
    )
    assert platform.query("SELECT title, region, sector FROM cases") == [
        ("Slachterij Oost B.V.", "VR05", "vleesverwerking")
    ]
