"""The operational picture as a short Dutch message: each figure next to the previous period."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta

from commands.border.counts import picture_line as cross_border_line
from commands.core.message import Message, bold, bullets, lines, text
from commands.core.timefmt import duration, setting
from commands.picture.report_values import region_name, sector_name
from commands.texts import overview as texts
from config.reference import regions
from storage.figures import Compared, LeadTimes, Picture

TOP = 5  # regions and sectors named in the chat; the workbook has them all


def compared(value: Compared) -> str:
    return texts.COMPARED.format(
        current=value.current, previous=value.previous, trend=texts.TRENDS[value.trend]
    )


def top_items(counts: Mapping[str | None, Compared], name: Callable[[str | None], str]) -> str:
    """The largest counts of this period, largest first, each with its trend."""
    ranked = sorted(
        ((key, value) for key, value in counts.items() if value.current),
        key=lambda item: (-item[1].current, str(item[0])),
    )
    if not ranked:
        return texts.PICTURE_NONE
    return ", ".join(
        texts.PICTURE_ITEM.format(name=name(key), count=compared(value))
        for key, value in ranked[:TOP]
    )


def share(lead: LeadTimes) -> str:
    value = lead.share_within
    return texts.NOT_APPLICABLE if value is None else texts.PERCENT.format(value=value * 100)


def _maybe(value: timedelta | None) -> str:
    return texts.NOT_APPLICABLE if value is None else duration(value)


def lead_lines(picture: Picture, promise: timedelta) -> list[str]:
    lead = picture.lead
    result = [
        texts.PICTURE_VISITS.format(
            count=compared(Compared(lead.count, picture.lead_previous.count))
        )
    ]
    if lead.count:
        result.append(
            texts.PICTURE_LEAD.format(
                median=_maybe(lead.median),
                p90=_maybe(lead.p90),
                within=lead.within,
                count=lead.count,
                promise=setting(promise),
                share=share(lead),
                previous_share=share(picture.lead_previous),
            )
        )
        slowest = ", ".join(
            texts.PICTURE_SLOW_ITEM.format(number=number, lead_time=duration(value))
            for number, value in lead.slowest
        )
        result.append(texts.PICTURE_SLOWEST.format(items=slowest))
    return result


def funnel_lines(picture: Picture) -> list[str]:
    funnel = picture.funnel
    stuck = [
        template.format(count=funnel.stuck.get(step, 0))
        for step, template in texts.STUCK.items()
        if funnel.stuck.get(step, 0)
    ]
    return [
        texts.PICTURE_FUNNEL.format(
            signalled=funnel.signalled,
            decided=funnel.decided,
            visit_decided=funnel.visit_decided,
            visited=funnel.visited,
            reported=funnel.reported,
            closed=funnel.closed,
        ),
        texts.PICTURE_STUCK.format(items=", ".join(stuck))
        if stuck
        else texts.PICTURE_NOTHING_STUCK,
    ]


def preventive_lines(picture: Picture, cadence: timedelta) -> list[str]:
    figures = picture.preventive
    done = {key: Compared(value, 0) for key, value in figures.done_by_region.items()}
    template = texts.PICTURE_CADENCE_HELD if figures.cadence_held else texts.PICTURE_CADENCE_BROKEN
    result = [
        texts.PICTURE_PREVENTIVE.format(done=compared(figures.done), planned=figures.planned),
        template.format(every=setting(cadence), gap=duration(figures.longest_gap)),
    ]
    if done:
        items = ", ".join(
            texts.PICTURE_ITEM.format(name=region_name(key), count=value.current)
            for key, value in sorted(done.items(), key=lambda item: str(item[0]))
        )
        result.append(texts.PICTURE_PREVENTIVE_REGIONS.format(items=items))
    return result


def scope_line(picture: Picture) -> str | None:
    if picture.scope.region is not None:
        return texts.PICTURE_SCOPE_REGION.format(region=regions()[picture.scope.region].label)
    if picture.scope.sector is not None:
        return texts.PICTURE_SCOPE_SECTOR.format(sector=sector_name(picture.scope.sector))
    return None


def picture_message(
    picture: Picture, label: str, previous_label: str, promise: timedelta, cadence: timedelta
) -> Message:
    """`!beeld`'s answer: what happened in the period, in a dozen lines."""
    figures = [
        texts.PICTURE_SIGNALS.format(
            signals=compared(picture.signals),
            opened=picture.opened.current,
            joined=picture.joined.current,
        ),
        texts.PICTURE_BY_REGION.format(items=top_items(picture.signals_by_region, region_name)),
        texts.PICTURE_BY_SECTOR.format(items=top_items(picture.signals_by_sector, sector_name)),
        texts.PICTURE_OPEN.format(count=picture.open_now, overdue=picture.overdue_now),
        cross_border_line(picture),
        *lead_lines(picture, promise),
        *funnel_lines(picture),
        *preventive_lines(picture, cadence),
        texts.PICTURE_REPORTS.format(reports=compared(picture.reports_filed)),
    ]
    return lines(
        bold(texts.PICTURE_HEADER.format(label=label)),
        texts.PICTURE_COMPARED_WITH.format(label=previous_label),
        scope_line(picture),
        bullets([text(line) for line in figures]),
    )
