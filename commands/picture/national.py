"""`!landelijk [regio]`: the national picture of wonen, werken and vervoer (plan, 2.4).

The partners' figures as an operator imported them, each with its source and peildatum, beside
the signals about the same aspect. The bot never makes up a figure: one that was not imported
says so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from babel.numbers import format_decimal
from pydantic import BaseModel, ConfigDict

from commands.core.context import Context
from commands.core.effects import Effect, Reply
from commands.core.message import Message, bold, bullets, either, excerpt, lines, text
from commands.core.registry import Command, UsageError
from commands.core.timefmt import long_date, setting
from commands.texts import national as texts
from config.indicators import Indicator, IndicatorKind, indicators
from config.reference import regions, sectors
from storage.figures import Window
from storage.national import AspectSignals, NationalFigure

#: Sectors named in the national line of "main sectors", most often named first.
NATIONAL_SECTORS_SHOWN = 5
NO_SIGNALS = AspectSignals(in_window=0, total=0)


class NationalRequest(BaseModel):
    model_config = ConfigDict(frozen=True)

    region: str | None = None  # a region code; None for the whole country


def parse_national(arguments: str) -> dict[str, Any]:
    typed = " ".join(arguments.split())
    if not typed:
        return {"region": None}
    found = regions().recognise(typed)
    if found.match:
        return {"region": found.match}
    if found.ambiguous:
        options = either(found.suggestions)
        raise UsageError(texts.REGION_AMBIGUOUS.format(value=excerpt(typed), options=options))
    message = texts.REGION_NOT_FOUND.format(value=excerpt(typed))
    if found.suggestions:
        message += " " + texts.DID_YOU_MEAN.format(options=either(found.suggestions))
    raise UsageError(message)


async def handle_national(request: NationalRequest, context: Context) -> list[Effect]:
    store = context.national
    length = context.settings.risk.window
    signals = await store.signals_per_aspect(
        Window(context.now - length, context.now), request.region
    )
    if request.region is None:
        rows = await store.all()
        header = texts.HEADER_NATIONAL
    else:
        rows = await store.for_region(request.region)
        header = texts.HEADER_REGION.format(region=regions()[request.region].label)
    sections = [
        _aspect(aspect, heading, rows, signals.get(aspect, NO_SIGNALS), length, request.region)
        for aspect, heading in texts.ASPECT_HEADINGS.items()
    ]
    hint = None if rows else lines(texts.NO_FIGURES, texts.FIGURES_HOW)
    return [Reply(lines(bold(header), *sections, hint))]


def _aspect(
    aspect: str,
    heading: str,
    rows: Sequence[NationalFigure],
    signals: AspectSignals,
    length: timedelta,
    region: str | None,
) -> Message:
    """One aspect: its figures (of the region, or summed over the country), then its signals."""
    items = []
    for indicator in indicators().of_aspect(aspect):
        reported = [row for row in rows if row.indicator == indicator.code]
        if not reported:
            items.append(text(texts.FIGURE_MISSING.format(name=indicator.name)))
        elif region is None:
            items.append(text(_national_line(indicator, reported)))
        else:
            items.append(text(_region_line(indicator, reported[0])))
    items.append(
        text(
            texts.SIGNALS.format(
                window=signals.in_window, length=setting(length), total=signals.total
            )
        )
    )
    return lines(bold(heading), bullets(items))


def _region_line(indicator: Indicator, row: NationalFigure) -> str:
    if indicator.kind == IndicatorKind.SECTORS:
        value = ", ".join(_sector_name(key) for key in row.sectors or ())
    else:
        value = _count(indicator, row.value or 0)
    return texts.FIGURE.format(
        name=indicator.name, value=value, source=row.source, as_of=long_date(row.as_of)
    )


def _national_line(indicator: Indicator, reported: Sequence[NationalFigure]) -> str:
    """The sum over the regions that reported (or their sectors named most often)."""
    if indicator.kind == IndicatorKind.SECTORS:
        value = _national_sectors(reported)
    else:
        value = _count(indicator, sum(row.value or 0 for row in reported))
    sources = {row.source for row in reported}
    first = min(row.as_of for row in reported)
    last = max(row.as_of for row in reported)
    as_of = (
        long_date(first)
        if first == last
        else texts.AS_OF_RANGE.format(first=long_date(first), last=long_date(last))
    )
    return texts.NATIONAL_FIGURE.format(
        name=indicator.name,
        value=value,
        regions=len(reported),
        all=len(regions().by_code),
        sources=texts.ONE_SOURCE.format(source=next(iter(sources)))
        if len(sources) == 1
        else texts.SOURCES.format(count=len(sources)),
        as_of=as_of,
    )


def _national_sectors(reported: Sequence[NationalFigure]) -> str:
    """`Vleesverwerking en slachterijen (3 regio's), Bouw en infra (1 regio)`: named most often
    first, ties in the order of the reference file."""
    named = Counter(key for row in reported for key in row.sectors or ())
    order = {key: index for index, key in enumerate(sectors().by_key)}
    ranked = sorted(named, key=lambda key: (-named[key], order.get(key, len(order))))
    return ", ".join(
        texts.NATIONAL_SECTOR.format(sector=_sector_name(key), regions=_regions(named[key]))
        for key in ranked[:NATIONAL_SECTORS_SHOWN]
    )


def _count(indicator: Indicator, value: int) -> str:
    """`12.400 personen`: Dutch thousands, the unit in the singular for one."""
    shown = format_decimal(value, locale="nl")
    return texts.COUNT.format(count=shown, unit=indicator.unit_for(value)).strip()


def _regions(count: int) -> str:
    return texts.REGIONS_ONE if count == 1 else texts.REGIONS_MANY.format(count=count)


def _sector_name(key: str) -> str:
    """The sector's name; a key since removed from the reference file as it was stored."""
    found = sectors().by_key.get(key)
    return found.name if found else key


COMMAND = Command(
    help=texts.NATIONAL_HELP,
    request=NationalRequest,
    parse=parse_national,
    handler=handle_national,
)
