"""The proposal to inform the counterparts, to the coordinator's members in the incident room."""

from __future__ import annotations

from bot.dispatch import Dispatcher
from storage.database import Database
from storage.follow_up import Action
from storage.outbox import OutboxEffect
from tests.unit.helpers import INCIDENT, command, open_case

ACTION = "!actie Informeer Kreis Borken en Kreis Kleve over zaak 2026-001 GGD VR06"


def proposals(rows: list[OutboxEffect]) -> list[OutboxEffect]:
    return [row for row in rows if "reikt over de grens" in row.payload.get("body", "")]


async def test_the_coordinator_of_a_vnog_case_is_asked_to_inform_borken_and_kleve(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database, region="VNOG")
    rows = await dispatcher.handle(command("!coordinator GGD", room=INCIDENT))
    (proposal,) = proposals(rows)
    assert proposal.payload["case_id"] == 1
    assert proposal.payload["mentions"] == ["@ggd06:example.org"]
    body = proposal.payload["body"]
    assert "Voorstel voor GGD Noord- en Oost-Gelderland (VR06): informeer Kreis Borken en " in body
    assert body.endswith(ACTION)

    rows = await dispatcher.handle(command(ACTION, room=INCIDENT))
    assert "Actie 1 vastgelegd" in rows[0].payload["body"]
    async with database.transaction() as session:
        action = await session.get(Action, 1)
        assert action is not None
        assert (action.text, action.owner_entity, action.owner_region, action.case_id) == (
            "Informeer Kreis Borken en Kreis Kleve over zaak 2026-001",
            "GGD",
            "VR06",
            1,
        )


async def test_an_inland_case_gets_no_proposal_until_it_crosses(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database, region="Utrecht")
    rows = await dispatcher.handle(command("!coordinator ISZW", room=INCIDENT))
    assert proposals(rows) == []

    rows = await dispatcher.handle(command("!wijzig grens: DE", room=INCIDENT))
    (proposal,) = proposals(rows)
    assert proposal.payload["mentions"] == ["@iszw:example.org"]
    assert "informeer de autoriteiten in Duitsland" in proposal.payload["body"]
    assert proposal.payload["body"].endswith(
        "!actie Informeer de autoriteiten in Duitsland over zaak 2026-001 ISZW"
    )
    rows = await dispatcher.handle(
        command("!wijzig locatie: 46325 Borken; sector: logistiek", room=INCIDENT)
    )
    assert "Zaak 2026-001 gewijzigd" in rows[0].payload["body"]
    assert proposals(rows) == []  # it crossed already


async def test_a_new_border_region_brings_the_proposal(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database, region="Utrecht")
    await dispatcher.handle(command("!coordinator NVWA", room=INCIDENT))
    rows = await dispatcher.handle(command("!regio Zuid-Limburg", room=INCIDENT))
    (proposal,) = proposals(rows)
    assert (
        "informeer Städteregion Aachen, Kreis Heinsberg, Provincie Luik en Provincie Limburg (BE)"
        in proposal.payload["body"]
    )
    assert proposal.payload["mentions"] == []  # no NVWA member in the directory
