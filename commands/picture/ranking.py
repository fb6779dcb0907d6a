"""`!risico`: the sectors ranked by risk from the signals, each rank with its inputs, and the
regions where a sector scores most."""

from __future__ import annotations

from typing import Any

from commands.core.context import Context
from commands.core.effects import Effect, Reply
from commands.core.message import Message, bold, bullets, lines, text
from commands.core.registry import Command
from commands.picture.periods import PeriodRequest, read_arguments, resolve_span
from commands.picture.risk import sector_ranking
from commands.picture.summary import region_name, sector_name
from commands.texts import overview as texts
from config.picture_settings import RiskSettings
from storage.figures import RiskRank, Window

REGIONS_SHOWN = 3


def parse_risk(arguments: str) -> dict[str, Any]:
    return read_arguments(arguments)


def number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def rank_line(place: int, rank: RiskRank) -> str:
    line = texts.RISK_LINE.format(
        rank=place,
        sector=sector_name(rank.sector),
        score=number(rank.score),
        previous_score=number(rank.previous_score),
        companies=rank.current.companies,
        visits=rank.current.visit_decisions,
        measures=rank.current.measures,
    )
    return line + (texts.RISK_RISING if rank.rising else "")


def regions_line(sector: str | None, by_region: list[RiskRank]) -> str | None:
    """Where the sector scores most, for the sector x region view."""
    found = [r for r in by_region if r.sector == sector and r.score > 0][:REGIONS_SHOWN]
    if not found:
        return None
    items = ", ".join(f"{region_name(r.region)} {number(r.score)}" for r in found)
    return texts.RISK_TOP_REGIONS.format(items=items)


def ranking_message(
    ranks: list[RiskRank], by_region: list[RiskRank], label: str, previous: str, risk: RiskSettings
) -> Message:
    weights = risk.weights
    method = texts.RISK_METHOD.format(
        companies=number(weights.companies),
        visits=number(weights.visit_decisions),
        measures=number(weights.measures),
        previous=previous,
    )
    shown = [r for r in ranks if r.current.companies][: risk.shown]
    if not shown:
        return lines(bold(texts.RISK_HEADER.format(label=label)), texts.RISK_NONE)
    items = [
        text("\n".join(filter(None, (rank_line(i, r), regions_line(r.sector, by_region)))))
        for i, r in enumerate(shown, start=1)
    ]
    return lines(bold(texts.RISK_HEADER.format(label=label)), method, bullets(items))


async def handle_risk(request: PeriodRequest, context: Context) -> list[Effect]:
    settings = context.settings
    default = Window(context.now - settings.risk.window, context.now)
    span = resolve_span(request.period, context.now, settings.platform.zone, default)
    ranks = await sector_ranking(context.picture, span.current, span.previous, settings.risk)
    by_region = await sector_ranking(
        context.picture, span.current, span.previous, settings.risk, by_region=True
    )
    if request.region is not None:  # the sectors within one region
        ranks, by_region = [r for r in by_region if r.region == request.region], []
    if request.sector is not None:
        ranks = [r for r in ranks if r.sector == request.sector]
    message = ranking_message(ranks, by_region, span.label, span.previous_label, settings.risk)
    return [Reply(message)]


COMMAND = Command(
    help=texts.RISK_HELP,
    request=PeriodRequest,
    parse=parse_risk,
    handler=handle_risk,
)
