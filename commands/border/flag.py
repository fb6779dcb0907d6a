"""Which cases reach across the border, into which country, and whom they concern there.

A case is cross-border when its region borders Germany or Belgium, when the signal said so
(`grens: DE`), or when its location is an address across the border; the last two are stored
in `Case.border`, the first follows from the region.
"""

from __future__ import annotations

from collections.abc import Sequence

from commands.texts import border as texts
from config.border import BorderNetwork, Counterpart, border_network
from config.reference import regions
from config.settings import Settings
from storage.cases import Case, IntakeField


def network(settings: Settings) -> BorderNetwork:
    return border_network(settings.border.counterparts_file)


def signal_border(said: str | None, location: str | None, settings: Settings) -> str | None:
    """The country a new signal reaches into: what `grens:` said, or where its address lies."""
    if said:
        return said
    found = network(settings).address_country(location)
    return found.value if found else None


def countries(case: Case) -> tuple[str, ...]:
    """The countries the case reaches into: its stored country, or those its region borders."""
    if case.border:
        return (case.border,)
    if case.region and case.region in regions():
        return regions()[case.region].borders
    return ()


def is_cross_border(case: Case) -> bool:
    return bool(countries(case))


def counterparts(case: Case, known: BorderNetwork) -> list[Counterpart]:
    """Whom the case concerns across the border: the authority of its address, if it lies in a
    known area, and its region's counterparts in the countries it reaches into."""
    wanted = countries(case)
    found = {c.name: c for c in known.at_address(case.location) if c.country in wanted}
    for counterpart in known.of_region(case.region):
        if counterpart.country in wanted:
            found.setdefault(counterpart.name, counterpart)
    return list(found.values())


def country_label(code: str | None) -> str:
    return texts.COUNTRY_NAMES.get(code, texts.COUNTRY_UNKNOWN) if code else texts.COUNTRY_UNKNOWN


def listed(names: Sequence[str]) -> str:
    """`A`, `A en B`, `A, B en C`."""
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + texts.AND + names[-1]


def countries_label(codes: Sequence[str]) -> str:
    return listed([country_label(code) for code in codes])


def follow_location(case: Case, new: dict[IntakeField, object], settings: Settings) -> None:
    """A corrected location carries the country with it, unless the country was given apart:
    when the case's country came from its old address (or it had none), it is read again from
    the new one and added to the correction, so the answer shows it."""
    if IntakeField.LOCATION not in new or IntakeField.BORDER in new:
        return
    if IntakeField.BORDER.value in case.unread:
        return
    known = network(settings)
    before = known.address_country(case.location)
    if case.border is not None and case.border != before:
        return
    location = new[IntakeField.LOCATION]
    after = known.address_country(location if isinstance(location, str) else None)
    if (after.value if after else None) != case.border:
        new[IntakeField.BORDER] = after.value if after else None
