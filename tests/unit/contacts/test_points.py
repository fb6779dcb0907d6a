"""`!aanspreekpunt` and `!contact <regio | entiteit>`: whom a region calls first."""

from __future__ import annotations

from dataclasses import replace

from commands.network.rows import powers_line
from storage.database import Database
from tests.unit.contacts.helpers import (
    GGD,
    LEAD,
    MEMBER,
    STAND_IN,
    TEAM_WONEN,
    ask,
    audit,
    points,
    send_away,
    settings_with_gp,
)
from tests.unit.helpers import NOW, command, make_dispatcher, outbox


def may(entity: str) -> str:
    """What the listing says an entity may do (today in the tests: 28 November 2026)."""
    line = powers_line(entity, on=NOW.date())
    return f"{line} (meer: !netwerk {entity})"


ILT = (
    "!contact toevoegen Busvervoer; organisatie: ILT; soort: ilt; e-mail: bus@ilt.example.nl; "
    "regio: VNOG"
)


async def test_vnog_shows_its_points_and_who_stands_in_for_an_absent_member(
    database: Database,
) -> None:
    dispatcher = make_dispatcher(database, settings_with_gp())
    await ask(dispatcher, TEAM_WONEN)
    await ask(dispatcher, ILT)
    await ask(dispatcher, f"!aanspreekpunt VNOG GGD {GGD}")
    await ask(dispatcher, "!aanspreekpunt VNOG NVWA 1")
    await send_away(database, dispatcher, GGD, days=3)

    rows = await dispatcher.handle(command("!contact VNOG", sender=MEMBER))

    assert rows[0].payload["body"].splitlines() == [
        "Aanspreekpunten Noord- en Oost-Gelderland (VR06)",
        f"• Arbeidsinspectie (ISZW): nog geen aanspreekpunt · bevoegdheden: {may('ISZW')}",
        "• NVWA: #1 Team Wonen · Gemeente Doetinchem · handhaving huisvesting · +31 314 377 377"
        f" · Wonen@doetinchem.nl · bevoegdheden: {may('NVWA')}",
        "• GGD: Gerda · Afwezig: Gerda tot 1 dec 10:30, vervanger Piet. Bel nu Piet."
        f" · bevoegdheden: {may('GGD')}",
        "Andere contacten voor Noord- en Oost-Gelderland (VR06)",
        "Inspectie Leefomgeving en Transport (ILT):",
        "• #2 Busvervoer · ILT · bus@ilt.example.nl",
    ]
    assert "werk stilleggen bij ernstig gevaar (Arbowet art. 28)" in may("ISZW")
    html = rows[0].payload["html"]
    assert f'href="https://matrix.to/#/{GGD}"' in html
    assert f'href="https://matrix.to/#/{STAND_IN}"' in html
    assert rows[0].payload["mentions"] == []  # a look-up pings nobody


async def test_a_project_leader_names_replaces_and_clears_a_point(database: Database) -> None:
    dispatcher = make_dispatcher(database, settings_with_gp())
    await ask(dispatcher, TEAM_WONEN)

    named = await ask(dispatcher, f"!aanspreekpunt Noord- en Oost-Gelderland GGD {GGD}")
    assert named == "Aanspreekpunt GGD voor Noord- en Oost-Gelderland (VR06): Gerda."
    replaced = await ask(dispatcher, f"!aanspreekpunt vr6 ggd {STAND_IN}")
    assert replaced == (
        "Aanspreekpunt GGD voor Noord- en Oost-Gelderland (VR06): Piet. (was: Gerda)"
    )
    as_contact = await ask(dispatcher, "!aanspreekpunt Twente Arbeidsinspectie #1")
    assert as_contact.startswith(
        "Aanspreekpunt Arbeidsinspectie (ISZW) voor Twente (VR05): #1 Team Wonen"
    )
    assert await points(database) == [
        ("VR05", "ISZW", None, 1),
        ("VR06", "GGD", STAND_IN, None),
    ]

    cleared = await ask(dispatcher, "!aanspreekpunt VNOG GGD geen")
    assert cleared == (
        "Aanspreekpunt GGD voor Noord- en Oost-Gelderland (VR06) gewist; de regio staat open op "
        "de agenda."
    )
    assert await points(database) == [("VR05", "ISZW", None, 1)]
    trail = [(c.actor, c.subject, c.old, c.new) for c in await audit(database, "aanspreekpunt")]
    assert trail == [
        (LEAD, "aanspreekpunt VR06 GGD", None, {"user_id": GGD, "contact": None}),
        (
            LEAD,
            "aanspreekpunt VR06 GGD",
            {"user_id": GGD, "contact": None},
            {"user_id": STAND_IN, "contact": None},
        ),
        (LEAD, "aanspreekpunt VR05 ISZW", None, {"user_id": None, "contact": 1}),
        (LEAD, "aanspreekpunt VR06 GGD", {"user_id": STAND_IN, "contact": None}, None),
    ]
    again = await ask(dispatcher, "!aanspreekpunt VNOG GGD geen")
    assert (
        again == "Noord- en Oost-Gelderland (VR06) had geen aanspreekpunt GGD; er is niets gewist."
    )
    assert len(await audit(database, "aanspreekpunt")) == 4


async def test_a_point_is_named_by_a_mention(database: Database) -> None:
    dispatcher = make_dispatcher(database, settings_with_gp())
    event = replace(command("!aanspreekpunt VNOG GGD Gerda", sender=LEAD), mentions=(GGD,))
    rows = await dispatcher.handle(event)
    assert (
        rows[0].payload["body"] == "Aanspreekpunt GGD voor Noord- en Oost-Gelderland (VR06): Gerda."
    )
    assert await points(database) == [("VR06", "GGD", GGD, None)]


REFUSED = {
    "!aanspreekpunt VNOG GGD @niemand:example.org": (
        "@niemand:example.org staat niet in de ledenlijst van het platform."
    ),
    "!aanspreekpunt VNOG ISZW @ggd06:example.org": (
        "Gerda is lid van GGD Noord- en Oost-Gelderland (VR06), niet van ISZW. Kies een lid van"
        " ISZW of een contact."
    ),
    "!aanspreekpunt Twente GGD @ggd06:example.org": (
        "Gerda is lid van GGD Noord- en Oost-Gelderland (VR06), niet van de GGD in Twente (VR05)."
        " Kies iemand van die regio."
    ),
    "!aanspreekpunt VNOG GGD 7": (
        "Contact 7 bestaat niet. Met !contact <naam> vindt u het nummer."
    ),
    "!aanspreekpunt Zeeland GGD 1": (
        "Contact 1 (Team Wonen) staat niet voor Zeeland (VR19) in de lijst. Kies een contact van"
        " die regio."
    ),
    "!aanspreekpunt Atlantis GGD 1": "Onbekende veiligheidsregio 'Atlantis'.",
    "!aanspreekpunt VNOG RIVM 1": (
        "Voor welke entiteit? Een aanspreekpunt is er voor ISZW (Arbeidsinspectie), NVWA of GGD."
    ),
    "!aanspreekpunt GGD VNOG 1": (
        "Voor welke regio? Zet de regio vooraan, zoals !aanspreekpunt VNOG GGD 12."
    ),
    "!aanspreekpunt VNOG GGD": (
        "Wie wordt het aanspreekpunt? Noem een lid (@naam:server), een contactnummer of 'geen'."
    ),
    "!aanspreekpunt VNOG GGD Gerda": (
        "'Gerda' is geen lid (@naam:server), contactnummer of 'geen'. Een contact vindt u met"
        " !contact <naam>."
    ),
}


async def test_an_unknown_member_contact_region_or_entity_is_refused(database: Database) -> None:
    dispatcher = make_dispatcher(database, settings_with_gp())
    await ask(dispatcher, TEAM_WONEN)
    for body, expected in REFUSED.items():
        answer = await ask(dispatcher, body)
        assert answer.split("\n")[0] == expected, body
        assert "Gebruik: !aanspreekpunt <regio>" in answer
    assert await points(database) == []
    assert await audit(database, "aanspreekpunt") == []


async def test_only_a_project_leader_names_a_point(database: Database) -> None:
    dispatcher = make_dispatcher(database, settings_with_gp())
    answer = await ask(dispatcher, f"!aanspreekpunt VNOG GGD {GGD}", sender=MEMBER)
    assert answer == "Alleen een projectleider kan aanspreekpunten benoemen."
    assert await points(database) == []


async def test_an_entity_shows_its_points_per_region(database: Database) -> None:
    dispatcher = make_dispatcher(database, settings_with_gp())
    await ask(dispatcher, TEAM_WONEN)
    await ask(dispatcher, "!aanspreekpunt Twente NVWA 1")

    answer = await ask(dispatcher, "!contact NVWA", sender=MEMBER)

    lines = answer.splitlines()
    assert lines[0] == f"Aanspreekpunten NVWA per regio · bevoegdheden: {may('NVWA')}"
    assert lines[1].startswith("• Twente (VR05): #1 Team Wonen · Gemeente Doetinchem")
    assert lines[2].startswith("Nog geen aanspreekpunt: VR01, VR02, VR03, VR04, VR06, VR07")
    assert "VR05" not in lines[2]
    rows = await outbox(database)
    assert len(rows) == 3
