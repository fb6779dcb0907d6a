"""`!grens [regio]`: the network across the border, for every border region or for one."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from commands.border.flag import countries, countries_label, country_label, network
from commands.contacts.render import contact_line
from commands.core.context import Context
from commands.core.effects import Effect, Reply
from commands.core.message import Message, bold, bullets, excerpt, lines, text
from commands.core.registry import Command, UsageError
from commands.texts import border as texts
from commands.texts import core as core_texts
from commands.texts import intake as intake_texts
from config.border import BorderNetwork, Counterpart, Country
from config.reference import regions
from storage.border import BorderQueries
from storage.cases import Case

#: Open cases named in the answer; the rest are counted.
CASES_SHOWN = 10


class BorderRequest(BaseModel):
    model_config = ConfigDict(frozen=True)

    region: str | None = None


def parse_border(arguments: str) -> dict[str, Any]:
    """No region, or one region as members write it (`VNOG`, `Zuid-Limburg`, `vr 24`)."""
    said = " ".join(arguments.split())
    if not said:
        return {}
    found = regions().recognise(said)
    if found.match:
        return {"region": found.match}
    if found.ambiguous:
        options = " of ".join(found.suggestions)
        raise UsageError(texts.REGION_AMBIGUOUS.format(value=excerpt(said), options=options))
    problem = intake_texts.REGION_NOT_FOUND.format(value=excerpt(said))
    if found.suggestions:
        options = " of ".join(found.suggestions)
        raise UsageError(f"{problem} {core_texts.DID_YOU_MEAN.format(options=options)}")
    raise UsageError(f"{problem} {intake_texts.REGION_HINT}")


def counterpart_line(counterpart: Counterpart, known: BorderNetwork) -> Message:
    names = [s.name for s in known.structures_of([counterpart]).values()]
    return text(
        texts.COUNTERPART_LINE.format(
            name=counterpart.name,
            kind=counterpart.kind.value,
            country=counterpart.country.value,
            structures=", ".join(names) or texts.NO_STRUCTURE,
            marker=counterpart.marker.value,
            source=counterpart.source,
        )
    )


def structure_lines(known: BorderNetwork, codes: list[str]) -> Message:
    shown = [known.structures[code] for code in codes]
    return lines(
        bold(texts.STRUCTURES_HEADER),
        bullets(
            [
                text(
                    texts.STRUCTURE_LINE.format(
                        name=s.name, description=s.description, marker=s.marker.value
                    )
                )
                for s in shown
            ]
        ),
    )


def health_lines(known: BorderNetwork, wanted: tuple[str, ...]) -> Message:
    notes = [known.health[Country(code)] for code in wanted if code in known.health]
    return lines(
        bold(texts.HEALTH_HEADER),
        bullets(
            [text(texts.HEALTH_LINE.format(text=n.text, marker=n.marker.value)) for n in notes]
        ),
    )


def overview(known: BorderNetwork) -> Message:
    """Every border region with its counterparts, then every structure and health service."""
    sections = [
        lines(
            bold(regions()[code].label),
            bullets([counterpart_line(c, known) for c in known.of_region(code)]),
        )
        for code in known.border_regions()
    ]
    return lines(
        bold(texts.OVERVIEW_HEADER),
        texts.OVERVIEW_MARKERS,
        *sections,
        structure_lines(known, list(known.structures)),
        health_lines(known, tuple(Country)),
    )


def case_line(case: Case) -> Message:
    shown = countries(case)
    country = countries_label(shown) if shown else country_label(None)
    return text(texts.CASE_LINE.format(number=case.number, title=case.title, country=country))


def case_lines(cases: list[Case]) -> list[Message]:
    shown = [case_line(case) for case in cases[:CASES_SHOWN]]
    more = len(cases) - CASES_SHOWN
    return shown + ([text(texts.MORE_CASES.format(count=more))] if more > 0 else [])


async def region_view(context: Context, code: str) -> Message:
    """One region: its counterparts and their structures, the contacts there, its open
    cross-border cases; a region inland says so (with any of its cases that cross anyway)."""
    region = regions()[code]
    queries = BorderQueries(context.cases.session)
    crossing = [c for c in await queries.open_cases_of(code) if countries(c)]
    if not region.borders:
        return lines(
            text(texts.NOT_BORDER.format(region=region.label)),
            texts.NOT_BORDER_CASES.format(region=region.label) if crossing else None,
            bullets(case_lines(crossing)) if crossing else None,
        )
    known = network(context.settings)
    found = known.of_region(code)
    contacts = await queries.contacts_across(code, region.borders)
    return lines(
        bold(
            texts.REGION_HEADER.format(
                region=region.label, countries=countries_label(region.borders)
            )
        ),
        bullets([counterpart_line(c, known) for c in found]),
        structure_lines(known, list(known.structures_of(found))),
        health_lines(known, region.borders),
        bold(texts.CONTACTS_HEADER),
        bullets([contact_line(c) for c in contacts])
        if contacts
        else texts.NO_CONTACTS.format(region=region.label),
        bold(texts.CASES_HEADER),
        bullets(case_lines(crossing)) if crossing else texts.NO_CASES,
    )


async def handle_border(request: BorderRequest, context: Context) -> list[Effect]:
    if request.region is None:
        return [Reply(overview(network(context.settings)))]
    return [Reply(await region_view(context, request.region))]


COMMAND = Command(
    help=texts.GRENS_HELP,
    request=BorderRequest,
    parse=parse_border,
    handler=handle_border,
)
