"""The sections of the accountability report, each a title with lines and at most one table,
built from the figures: what is said, not how it is laid out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TypeVar

from babel.numbers import format_decimal, format_percent

from commands.core.timefmt import setting
from commands.picture.report_values import exact_duration, region_name, sector_name, trend_word
from commands.texts import accountability as texts
from storage.figures import Compared, FollowUpFigures, FunnelStep, LeadTimes, Picture, RiskRank

Shown = TypeVar("Shown", int, float, timedelta)

#: Regions named under the signals, most signals first.
TOP_REGIONS = 5


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Section:
    title: str
    lines: tuple[str, ...]
    table: Table | None = None
    after: tuple[str, ...] = ()  # lines below the table


def compared_line(label: str, figure: Compared, previous_label: str) -> str:
    return texts.COMPARED.format(
        label=label,
        current=figure.current,
        previous_label=previous_label,
        previous=figure.previous,
        trend=trend_word(figure.current, figure.previous),
    )


def signals_section(picture: Picture, previous_label: str) -> Section:
    return Section(
        texts.SIGNALS,
        (
            compared_line(texts.SIGNALS_ALL, picture.signals, previous_label),
            compared_line(texts.SIGNALS_OPENED, picture.opened, previous_label),
            compared_line(texts.SIGNALS_JOINED, picture.joined, previous_label),
            _top_regions(picture, previous_label),
        ),
    )


def _top_regions(picture: Picture, previous_label: str) -> str:
    signalled = [(code, n) for code, n in picture.signals_by_region.items() if n.current]
    if not signalled:
        return texts.SIGNALS_NO_REGION
    signalled.sort(key=lambda item: (-item[1].current, region_name(item[0])))
    named = [
        texts.SIGNALS_REGION.format(
            region=region_name(code),
            current=figure.current,
            previous_label=previous_label,
            previous=figure.previous,
        )
        for code, figure in signalled[:TOP_REGIONS]
    ]
    return texts.SIGNALS_TOP_REGIONS.format(regions=texts.LIST_JOIN.join(named))


def visits_section(
    picture: Picture, period_label: str, previous_label: str, promise: timedelta
) -> Section:
    now, before = picture.lead, picture.lead_previous
    shown = setting(promise)
    rows = (
        _row(texts.VISITS_COUNT, now.count, before.count, str),
        _row(texts.VISITS_WITHIN.format(promise=shown), now.within, before.within, str),
        _row(
            texts.VISITS_SHARE.format(promise=shown),
            now.share_within,
            before.share_within,
            _percent,
        ),
        _row(texts.VISITS_MEDIAN, now.median, before.median, exact_duration),
        _row(texts.VISITS_P90, now.p90, before.p90, exact_duration),
    )
    columns = (texts.VISITS_FIGURE, period_label, previous_label, texts.VISITS_TREND)
    return Section(texts.VISITS, (), Table(columns, rows), after=_slowest(now))


def _row(
    label: str, current: Shown | None, previous: Shown | None, shown: Callable[[Shown], str]
) -> tuple[str, ...]:
    def cell(value: Shown | None) -> str:
        return texts.NO_VALUE if value is None else shown(value)

    return (label, cell(current), cell(previous), trend_word(current, previous))


def _percent(share: float) -> str:
    return format_percent(share, locale="nl")


def _slowest(lead: LeadTimes) -> tuple[str, ...]:
    if not lead.slowest:
        return ()
    cases = [
        texts.VISITS_SLOW_CASE.format(number=number, lead_time=exact_duration(lead_time))
        for number, lead_time in lead.slowest
    ]
    return (texts.VISITS_SLOWEST.format(cases=texts.LIST_JOIN.join(cases)),)


_STUCK = {
    FunnelStep.SIGNAL: texts.STUCK_SIGNAL,
    FunnelStep.DECISION: texts.STUCK_DECISION,
    FunnelStep.VISIT: texts.STUCK_VISIT,
    FunnelStep.REPORT: texts.STUCK_REPORT,
}


def funnel_section(picture: Picture) -> Section:
    funnel = picture.funnel
    stuck = [
        template.format(count=funnel.stuck[step])
        for step, template in _STUCK.items()
        if funnel.stuck.get(step)
    ]
    return Section(
        texts.FUNNEL,
        (
            texts.FUNNEL_LINE.format(
                signalled=funnel.signalled,
                decided=funnel.decided,
                visit_decided=funnel.visit_decided,
                visited=funnel.visited,
                reported=funnel.reported,
                closed=funnel.closed,
            ),
            texts.FUNNEL_STUCK.format(steps=texts.LIST_JOIN.join(stuck))
            if stuck
            else texts.FUNNEL_NONE_STUCK,
            texts.OPEN_NOW.format(count=picture.open_now, overdue=picture.overdue_now),
        ),
    )


def preventive_section(picture: Picture, previous_label: str, cadence: timedelta) -> Section:
    preventive = picture.preventive
    rhythm = texts.CADENCE_HELD if preventive.cadence_held else texts.CADENCE_MISSED
    return Section(
        texts.PREVENTIVE,
        (
            compared_line(texts.PREVENTIVE_DONE, preventive.done, previous_label),
            texts.PREVENTIVE_PLANNED.format(count=preventive.planned),
            rhythm.format(cadence=setting(cadence), gap=exact_duration(preventive.longest_gap)),
        ),
    )


def follow_up_section(follow_up: FollowUpFigures, previous_label: str) -> Section:
    return Section(
        texts.FOLLOW_UP,
        (
            texts.ACTIONS_OPEN.format(
                count=follow_up.open_actions, overdue=follow_up.overdue_actions
            ),
            compared_line(texts.DECISIONS, follow_up.decisions, previous_label),
        ),
    )


def reports_section(picture: Picture, previous_label: str) -> Section:
    return Section(
        texts.REPORTS, (compared_line(texts.REPORTS_FILED, picture.reports_filed, previous_label),)
    )


def risk_section(ranks: list[RiskRank]) -> Section:
    if not ranks:
        return Section(texts.RISK, (texts.RISK_NONE,))
    rows = tuple(_rank_row(position, rank) for position, rank in enumerate(ranks, start=1))
    return Section(texts.RISK, (texts.RISK_EXPLAINED,), Table(texts.RISK_COLUMNS, rows))


def _rank_row(position: int, rank: RiskRank) -> tuple[str, ...]:
    sector = sector_name(rank.sector)
    name = (
        texts.RISK_SECTOR_IN_REGION.format(
            rank=position, sector=sector, region=region_name(rank.region)
        )
        if rank.region
        else texts.RISK_SECTOR.format(rank=position, sector=sector)
    )
    now, before = rank.current, rank.previous
    return (
        name,
        _with_previous(now.companies, before.companies),
        _with_previous(now.visit_decisions, before.visit_decisions),
        _with_previous(now.measures, before.measures),
        _with_previous(rank.score, rank.previous_score),
        texts.RISK_RISING if rank.rising else texts.RISK_NOT_RISING,
    )


def _with_previous(current: float, previous: float) -> str:
    return texts.CELL_WITH_PREVIOUS.format(current=_number(current), previous=_number(previous))


def _number(value: float) -> str:
    return format_decimal(value, "0.#", locale="nl")
