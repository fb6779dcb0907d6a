"""On the room card of a cross-border case: its counterparts there and the contacts to call."""

from __future__ import annotations

from commands.border.flag import counterparts, countries, countries_label, network
from commands.contacts.render import contact_line
from commands.core.context import Workspace
from commands.core.message import Message, bold, bullets, lines, text
from commands.texts import border as texts
from config.border import BorderNetwork, Counterpart
from config.reference import regions
from storage.border import BorderQueries
from storage.cases import Case


def counterpart_line(counterpart: Counterpart, known: BorderNetwork) -> str:
    """`Kreis Borken (Kreis, DE) · via Grensteam Vion Groenlo, ...`."""
    line = texts.CARD_COUNTERPART.format(
        name=counterpart.name, kind=counterpart.kind.value, country=counterpart.country.value
    )
    names = [structure.name for structure in known.structures_of([counterpart]).values()]
    return line + (texts.CARD_VIA.format(structures=", ".join(names)) if names else "")


async def contacts_there(workspace: Workspace, region: str, wanted: tuple[str, ...]) -> Message:
    found = await BorderQueries(workspace.cases.session).contacts_across(region, wanted)
    if not found:
        return text(texts.CARD_NO_CONTACTS.format(region=regions()[region].label))
    return lines(texts.CARD_CONTACTS, bullets([contact_line(contact) for contact in found]))


async def border_card(workspace: Workspace, case: Case) -> Message | None:
    """The counterparts of a cross-border case, who does public health there, and the
    contacts there that serve its region; None for a case that stays inside the country."""
    wanted = countries(case)
    if not wanted:
        return None
    known = network(workspace.settings)
    found = counterparts(case, known)
    health = [known.health[code].text for code in wanted if code in known.health]
    return lines(
        bold(texts.CARD_HEADER.format(countries=countries_label(wanted))),
        bullets([text(counterpart_line(c, known)) for c in found])
        if found
        else texts.CARD_NO_COUNTERPARTS,
        *health,
        await contacts_there(workspace, case.region, wanted) if case.region else None,
    )
