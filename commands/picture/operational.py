"""The operational picture (plan, 2.4) as the agenda shows it: signals, repressive visits and
their lead times against the 24-hour promise, open and overdue cases, preventive visits, the
reports filed and the sectors whose risk rises sharply; each count next to the period before."""

from __future__ import annotations

from datetime import datetime

from commands.core.context import Workspace
from commands.core.people import coordinator_label
from commands.core.timefmt import duration, setting, short_moment
from commands.picture.risk import sector_ranking
from commands.texts import cases as cases_texts
from commands.texts import picture as texts
from commands.texts import preventive as preventive_texts
from config.reference import sectors
from storage.figures import Compared, Picture, RiskRank, Scope, Window

LIST_LIMIT = 10
EVERYWHERE = Scope()


def periods(since: datetime, now: datetime) -> tuple[Window, Window]:
    """The agenda's period (from `since` until now) and the one of the same length before it."""
    current = Window(since, now)
    return current, Window(since - current.length, since)


def with_trend(line: str, figure: Compared, template: str = texts.AGENDA_TREND) -> str:
    """`line` followed by the previous period's count and the way it went."""
    return line + template.format(previous=figure.previous, arrow=texts.TREND_ARROWS[figure.trend])


async def operational_picture(workspace: Workspace, current: Window, previous: Window) -> Picture:
    settings = workspace.settings
    return await workspace.picture.picture(
        current,
        previous,
        EVERYWHERE,
        now=workspace.now,
        promise=settings.window.repressive,
        cadence=settings.preventive.every,
    )


async def picture_lines(workspace: Workspace, figures: Picture) -> list[str]:
    """Signals, visits and lead times, open cases, preventive visits, sectors rising."""
    new = await workspace.picture.new_cases(figures.current, EVERYWHERE, LIST_LIMIT)
    template = texts.AGENDA_NEW_SIGNALS_LISTED if new else texts.AGENDA_NEW_SIGNALS
    signals = template.format(
        count=figures.opened.current, cases=", ".join(f"{n} {title}" for n, title in new)
    )
    preventive = figures.preventive
    done = texts.AGENDA_PREVENTIVE_COUNTS.format(
        done=preventive.done.current, planned=preventive.planned
    )
    return [
        with_trend(signals, figures.opened),
        *_joined_lines(figures.joined),
        *await _visit_lines(workspace, figures),
        texts.AGENDA_OPEN.format(count=figures.open_now, overdue=figures.overdue_now),
        with_trend(done, preventive.done, texts.AGENDA_TREND_DONE),
        *await rising_lines(workspace),
    ]


def _joined_lines(joined: Compared) -> list[str]:
    """Repeat signals, when there were any in either period."""
    if not (joined.current or joined.previous):
        return []
    return [with_trend(texts.AGENDA_JOINED.format(count=joined.current), joined)]


async def _visit_lines(workspace: Workspace, figures: Picture) -> list[str]:
    """How many visits, how many in time, the median and p90, and each visit's lead time."""
    promise = workspace.settings.window.repressive
    lead, before = figures.lead, figures.lead_previous
    visits = texts.AGENDA_VISITS.format(
        count=lead.count, in_time=lead.within, promise=setting(promise)
    )
    shown = [with_trend(visits, Compared(lead.count, before.count))]
    if lead.median is not None and lead.p90 is not None:
        shown.append(
            texts.AGENDA_LEAD_SUMMARY.format(median=duration(lead.median), p90=duration(lead.p90))
        )
    listed = await workspace.picture.visit_lead_times(figures.current, EVERYWHERE, LIST_LIMIT)
    shown += [
        texts.AGENDA_LEAD_TIME.format(
            number=number,
            lead_time=duration(lead_time),
            verdict=texts.AGENDA_IN_TIME if lead_time <= promise else texts.AGENDA_TOO_LATE,
        )
        for number, lead_time in listed
    ]
    if lead.count > len(listed):
        shown.append(texts.AGENDA_MORE.format(count=lead.count - len(listed)))
    return shown


async def rising_lines(workspace: Workspace) -> list[str]:
    """A line for each sector whose score rose sharply over `risk.window`, ending now."""
    risk, now = workspace.settings.risk, workspace.now
    current = Window(now - risk.window, now)
    previous = Window(current.since - risk.window, current.since)
    ranks = await sector_ranking(workspace.picture, current, previous, risk)
    return [_rising(line, setting(risk.window)) for line in ranks if line.rising]


def _rising(line: RiskRank, window: str) -> str:
    known = sectors().by_key.get(line.sector) if line.sector else None
    now, before = line.current, line.previous
    return texts.AGENDA_RISING.format(
        sector=known.name if known else line.sector or texts.AGENDA_SECTOR_UNKNOWN,
        window=window,
        companies=now.companies,
        companies_before=before.companies,
        visits=now.visit_decisions,
        visits_before=before.visit_decisions,
        measures=now.measures,
        measures_before=before.measures,
    )


async def report_lines(workspace: Workspace, figures: Picture) -> list[str]:
    """The reports filed in the period: how many, against before, and the first of them."""
    filed = figures.reports_filed
    if not filed.current:
        if filed.previous:
            return [texts.AGENDA_NO_REPORTS_BEFORE.format(previous=filed.previous)]
        return [texts.AGENDA_NO_REPORTS]
    zone = workspace.settings.platform.zone
    cases = await workspace.picture.filed_reports(figures.current, LIST_LIMIT)
    listed = [
        texts.AGENDA_REPORT.format(
            number=c.number,
            kind=cases_texts.KIND_LABELS[c.kind],
            title=c.title,
            coordinator=coordinator_label(c.coordinator, c.coordinator_region)
            if c.coordinator
            else preventive_texts.PREVENTIVE_NO_COORDINATOR,
            moment=short_moment(c.report_filed_at, zone),
        )
        for c in cases
        if c.report_filed_at is not None
    ]
    more = [texts.AGENDA_MORE.format(count=filed.current - len(listed))]
    return [
        with_trend(texts.AGENDA_REPORTS_FILED.format(count=filed.current), filed),
        *listed,
        *(more if filed.current > len(listed) else []),
    ]
