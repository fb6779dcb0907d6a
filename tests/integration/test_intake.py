"""Forgiving intake on a real Synapse: fields where people put them, and a signal never lost."""

from __future__ import annotations

import pytest

from bot.demo.member import HarnessError
from tests.integration.helpers import WAIT, command, named, state_of
from tests.integration.platform import Platform

pytestmark = pytest.mark.integration

NATIONAL = ("iszw", "nvwa", "rivm", "lotc")


async def invited(platform: Platform, names: tuple[str, ...], title: str) -> str:
    """Every one of `names` is invited to the same room named `title`; returns that room."""
    rooms = {
        name: await platform.clients[name].wait_for_invite(named(title), WAIT) for name in names
    }
    assert len(set(rooms.values())) == 1, rooms
    return rooms[names[0]]


async def not_invited(platform: Platform, names: tuple[str, ...], title: str) -> None:
    for name in names:
        with pytest.raises(HarnessError):
            await platform.clients[name].wait_for_invite(named(title), 1.0)


async def test_fields_on_the_title_line_invite_the_region_and_an_unread_one_keeps_the_signal(
    platform: Platform,
) -> None:
    iszw, room = platform.clients["iszw"], platform.room_id

    # No `;` at all: the region and sector stand on the title's line.
    _, reply = await command(
        iszw, room, "!signaal Slachterij Hengelo regio: VR06 sector: slachterij"
    )
    body = reply["content"]["body"]
    assert "-001 geopend: Slachterij Hengelo" in body
    assert "Regio onbekend" not in body
    incident = await invited(platform, (*NATIONAL, "vr06", "ggd06"), "Slachterij Hengelo")
    await not_invited(platform, ("vr05", "outsider"), "Slachterij Hengelo")
    await iszw.join(incident)
    topic = (await state_of(iszw, incident, "m.room.topic"))["topic"]
    assert "Regio: Noord- en Oost-Gelderland (VR06)" in topic
    assert "Sector: Vleesverwerking en slachterijen" in topic

    # A region it cannot tell: the case opens all the same, with the national members, and
    # the answer asks which region and says how to correct it.
    _, reply = await command(
        iszw, room, "!signaal Kwekerij Brabant\n- regio: Brabant\n- sector: kassen"
    )
    body = reply["content"]["body"]
    assert "-002 geopend: Kwekerij Brabant" in body
    assert "Brabant-Noord (VR21) of Brabant-Zuidoost (VR22). Welke bedoelt u?" in body
    assert "!wijzig " in body and "-002 regio: <waarde>" in body
    assert "Regio onbekend: alleen de landelijke entiteiten zijn uitgenodigd." in body
    await invited(platform, NATIONAL, "Kwekerij Brabant")
    await not_invited(platform, ("vr06", "ggd06", "vr05"), "Kwekerij Brabant")
    ((unread,),) = platform.query("SELECT unread FROM cases WHERE seq = 2")
    assert '"region": "Brabant"' in unread
