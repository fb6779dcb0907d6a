"""The agenda lists the regions without a contact point until one is named."""

from __future__ import annotations

from storage.contacts import ContactStore
from storage.database import Database
from tests.unit.contacts.helpers import GGD, LEAD, TEAM_WONEN, ask
from tests.unit.helpers import NOW, make_dispatcher

ALL = ", ".join(f"VR{number:02}" for number in range(1, 26))


def gap_lines(agenda: str) -> list[str]:
    return [line for line in agenda.splitlines() if "Geen aanspreekpunt" in line]


async def test_the_agenda_lists_the_gaps_and_drops_a_region_once_named(
    database: Database,
) -> None:
    dispatcher = make_dispatcher(database)
    agenda = await ask(dispatcher, "!agenda")
    assert gap_lines(agenda) == [
        f"• Geen aanspreekpunt ISZW: {ALL}",
        f"• Geen aanspreekpunt NVWA: {ALL}",
        f"• Geen aanspreekpunt GGD: {ALL}",
    ]
    plan, reports = (
        agenda.index("3. Informatie- en communicatieplan"),
        agenda.index("4. Rapportages"),
    )
    assert plan < agenda.index("Geen aanspreekpunt ISZW") < reports

    await ask(dispatcher, TEAM_WONEN)
    await ask(dispatcher, f"!aanspreekpunt VNOG GGD {GGD}")
    await ask(dispatcher, "!aanspreekpunt Twente GGD 1")
    async with database.transaction() as session:  # every region has its NVWA point
        store = ContactStore(session)
        for number in range(1, 26):
            await store.set_point(f"VR{number:02}", "NVWA", contact_id=1, at=NOW, by=LEAD)

    without = ", ".join(f"VR{number:02}" for number in range(1, 26) if number not in (5, 6))
    assert gap_lines(await ask(dispatcher, "!agenda")) == [
        f"• Geen aanspreekpunt ISZW: {ALL}",
        f"• Geen aanspreekpunt GGD: {without}",
    ]
