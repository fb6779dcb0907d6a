"""`!contact toevoegen`, `!contact verwijder` and looking contacts up by name or organisation."""

from __future__ import annotations

from bot.dispatch import Dispatcher
from storage.contacts import ContactKind, ContactSource
from storage.database import Database
from tests.unit.contacts.helpers import LEAD, MEMBER, TEAM_WONEN, ask, audit, contacts, points
from tests.unit.helpers import NOW


async def test_a_project_leader_adds_a_contact_and_it_is_on_the_audit_trail(
    database: Database, dispatcher: Dispatcher
) -> None:
    answer = await ask(dispatcher, TEAM_WONEN)

    assert answer.splitlines() == [
        "Contact 1 opgeslagen:",
        "#1 Team Wonen · Gemeente Doetinchem · handhaving huisvesting · +31 314 377 377 · "
        "Wonen@doetinchem.nl · Gemeente · regio's VR06, VR05",
    ]
    [contact] = await contacts(database)
    assert (contact.name, contact.organisation, contact.kind, contact.role) == (
        "Team Wonen",
        "Gemeente Doetinchem",
        ContactKind.GEMEENTE,
        "handhaving huisvesting",
    )
    assert (contact.phone, contact.email, contact.country, contact.regions) == (
        "+31314377377",
        "Wonen@doetinchem.nl",  # the domain in lower case, the mailbox as typed
        "NL",
        ["VR06", "VR05"],
    )
    assert (contact.source, contact.added_by, contact.added_at) == (ContactSource.CHAT, LEAD, NOW)
    [change] = await audit(database, "contact")
    assert (change.kind, change.actor, change.subject, change.old) == (
        "contact_added",
        LEAD,
        "contact 1",
        None,
    )
    assert change.new == {
        "name": "Team Wonen",
        "organisation": "Gemeente Doetinchem",
        "kind": "gemeente",
        "role": "handhaving huisvesting",
        "country": "NL",
        "regions": ["VR06", "VR05"],
    }  # the phone number and the e-mail address are not on the trail


async def test_a_german_contact_needs_its_country_code(
    database: Database, dispatcher: Dispatcher
) -> None:
    base = "!contact toevoegen Gesundheitsamt; organisatie: Kreis Borken; soort: gesundheitsamt; "
    refused = await ask(dispatcher, base + "telefoon: 02861 82-0; land: DE; regio: VNOG")
    assert refused.startswith(
        "'02861 82-0': schrijf een nummer in Duitsland met +49 ervoor, zoals +49 …\nGebruik: "
    )
    assert await contacts(database) == []

    answer = await ask(dispatcher, base + "telefoon: +49 2861 82-0; land: Duitsland; regio: VNOG")
    assert "+49 2861 820" in answer and "Duitsland" in answer
    [contact] = await contacts(database)
    assert (contact.phone, contact.country, contact.kind) == (
        "+492861820",
        "DE",
        ContactKind.GESUNDHEITSAMT,
    )


async def test_a_member_who_is_not_a_project_leader_cannot_add_or_remove(
    database: Database, dispatcher: Dispatcher
) -> None:
    assert await ask(dispatcher, TEAM_WONEN, sender=MEMBER) == (
        "Alleen een projectleider kan contacten toevoegen."
    )
    assert await contacts(database) == []
    await ask(dispatcher, TEAM_WONEN)
    assert await ask(dispatcher, "!contact verwijder 1", sender=MEMBER) == (
        "Alleen een projectleider kan contacten verwijderen."
    )
    assert len(await contacts(database)) == 1
    assert len(await audit(database, "contact")) == 1


BAD_VALUES = {
    "telefoon: 0314 37; regio: VR06": "'0314 37' is geen geldig telefoonnummer.",
    "telefoon: bellen; regio: VR06": "'bellen' is geen geldig telefoonnummer.",
    "e-mail: wonen@; regio: VR06": (
        "'wonen@' is geen geldig e-mailadres; schrijf het als naam@organisatie.nl."
    ),
    "telefoon: 0314 377 377; regio: Atlantis": "Onbekende veiligheidsregio 'Atlantis'.",
    "telefoon: 0314 377 377; regio: Brabant": (
        "'Brabant' past bij meer regio's: Midden- en West-Brabant (VR20) of Brabant-Noord (VR21)"
        " of Brabant-Zuidoost (VR22). Noem er één (of elk apart)."
    ),
    "telefoon: 0314 377 377": (
        "Voor welke regio('s) is het contact? Bijvoorbeeld VR06, of VNOG, Twente."
    ),
    "regio: VR06": "Hoe is het contact te bereiken? Vul telefoon of e-mail in (of beide).",
    "telefoon: 0314 377 377; regio: VR06; kleur: blauw": (
        "Onbekend veld 'kleur'. De velden zijn: organisatie, soort, rol, telefoon, e-mail, "
        "regio's, land."
    ),
    "telefoon: 0314 377 377; regio: VR06; land: FR": "Onbekend land 'FR'. Kies NL, DE of BE.",
}


async def test_bad_values_are_refused_with_the_usage_and_nothing_is_stored(
    database: Database, dispatcher: Dispatcher
) -> None:
    for fields, expected in BAD_VALUES.items():
        answer = await ask(dispatcher, f"!contact toevoegen Team Wonen; soort: gemeente; {fields}")
        first, usage = answer.split("\n")[:2]
        assert first == expected, fields
        assert usage.startswith("Gebruik: !contact <regio | entiteit | naam>")
    answer = await ask(dispatcher, "!contact toevoegen Team Wonen; soort: bakker; regio: VR06")
    assert answer.startswith("Onbekende soort 'bakker'. Kies uit: gemeente, politie, ilt, snf,")
    answer = await ask(dispatcher, "!contact toevoegen ; soort: gemeente; regio: VR06")
    assert answer.startswith("Wie of wat is het contact?")
    assert await contacts(database) == []
    assert await audit(database, "contact") == []


async def test_removing_a_contact_clears_the_points_it_was(
    database: Database, dispatcher: Dispatcher
) -> None:
    await ask(dispatcher, TEAM_WONEN)
    await ask(dispatcher, "!aanspreekpunt Twente NVWA 1")

    answer = await ask(dispatcher, "!contact verwijder 1")

    assert answer.splitlines() == [
        "Contact 1 verwijderd: Team Wonen.",
        "Daarmee staat open: aanspreekpunt VR05 NVWA.",
    ]
    assert await contacts(database) == []
    assert await points(database) == []
    removed = (await audit(database, "contact"))[-1]
    assert (removed.kind, removed.actor, removed.new) == ("contact_removed", LEAD, None)
    assert removed.old is not None and removed.old["name"] == "Team Wonen"
    cleared = (await audit(database, "aanspreekpunt"))[-1]
    assert (cleared.subject, cleared.old, cleared.new) == (
        "aanspreekpunt VR05 NVWA",
        {"user_id": None, "contact": 1},
        None,
    )
    again = await ask(dispatcher, "!contact verwijder 1")
    assert again.startswith("Contact 1 bestaat niet.")


async def test_contacts_and_members_are_found_by_name_organisation_or_role(
    dispatcher: Dispatcher,
) -> None:
    await ask(dispatcher, TEAM_WONEN)
    await ask(
        dispatcher,
        "!contact toevoegen Wijkagent Zutphen; organisatie: Politie Oost-Nederland; "
        "soort: politie; e-mail: wijkagent@politie.example.nl; regio: VR06",
    )

    by_organisation = await ask(dispatcher, "!contact doetinchem", sender="@vr06:example.org")
    assert "#1 Team Wonen · Gemeente Doetinchem" in by_organisation
    assert "Wijkagent" not in by_organisation
    by_kind = await ask(dispatcher, "!contact politie")
    assert "#2 Wijkagent Zutphen · Politie Oost-Nederland" in by_kind
    assert "Team Wonen" not in by_kind
    by_role = await ask(dispatcher, "!contact Huisvesting")
    assert "#1 Team Wonen" in by_role
    member = await ask(dispatcher, "!contact ilse")
    assert member.splitlines() == ["Gevonden voor 'ilse'", "Leden", "• Ilse · ISZW"]
    typo = await ask(dispatcher, "!contact Gelderlnd Noord")
    assert typo.startswith("Aanspreekpunten Noord- en Oost-Gelderland (VR06)")
    nothing = await ask(dispatcher, "!contact Atlantis")
    assert nothing == "Geen contact, lid of regio gevonden voor 'Atlantis'."
