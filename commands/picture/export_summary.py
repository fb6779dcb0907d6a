"""The figures of the workbook's summary: each one in this period and the previous, and a trend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from commands.core.timefmt import setting
from commands.picture.report_values import DAY, hours, trend_word, yes_no
from commands.texts import export as texts
from storage.figures import Compared, FunnelStep, Picture

Cell = int | float | str | None

HOURS_FORMAT = "0.0"
SHARE_FORMAT = "0%"


@dataclass(frozen=True)
class SummaryLine:
    label: str
    current: Cell
    previous: Cell = None
    number_format: str | None = None

    @property
    def trend(self) -> str:
        if isinstance(self.current, str) or isinstance(self.previous, str):
            return ""
        return trend_word(self.current, self.previous)


def _compared(label: str, figure: Compared) -> SummaryLine:
    return SummaryLine(label, figure.current, figure.previous)


def summary_lines(picture: Picture, promise: timedelta) -> list[SummaryLine]:
    return [
        *_signal_lines(picture),
        *_visit_lines(picture, promise),
        _compared(texts.FIGURE_REPORTS, picture.reports_filed),
        *_preventive_lines(picture),
        SummaryLine(texts.FIGURE_OPEN_NOW, picture.open_now),
        SummaryLine(texts.FIGURE_OVERDUE_NOW, picture.overdue_now),
        *_funnel_lines(picture),
    ]


def _signal_lines(picture: Picture) -> list[SummaryLine]:
    return [
        _compared(texts.FIGURE_SIGNALS, picture.signals),
        _compared(texts.FIGURE_OPENED, picture.opened),
        _compared(texts.FIGURE_JOINED, picture.joined),
    ]


def _visit_lines(picture: Picture, promise: timedelta) -> list[SummaryLine]:
    now, before = picture.lead, picture.lead_previous
    shown = setting(promise)
    return [
        SummaryLine(texts.FIGURE_VISITS, now.count, before.count),
        SummaryLine(texts.FIGURE_WITHIN.format(promise=shown), now.within, before.within),
        SummaryLine(
            texts.FIGURE_SHARE.format(promise=shown),
            now.share_within,
            before.share_within,
            SHARE_FORMAT,
        ),
        SummaryLine(texts.FIGURE_MEDIAN, hours(now.median), hours(before.median), HOURS_FORMAT),
        SummaryLine(texts.FIGURE_P90, hours(now.p90), hours(before.p90), HOURS_FORMAT),
    ]


def _preventive_lines(picture: Picture) -> list[SummaryLine]:
    preventive = picture.preventive
    return [
        _compared(texts.FIGURE_PREVENTIVE_DONE, preventive.done),
        SummaryLine(texts.FIGURE_PREVENTIVE_PLANNED, preventive.planned),
        SummaryLine(
            texts.FIGURE_LONGEST_GAP, preventive.longest_gap / DAY, number_format=HOURS_FORMAT
        ),
        SummaryLine(texts.FIGURE_CADENCE_HELD, yes_no(preventive.cadence_held)),
    ]


_STUCK_LABELS = {
    FunnelStep.SIGNAL: texts.FIGURE_STUCK_SIGNAL,
    FunnelStep.DECISION: texts.FIGURE_STUCK_DECISION,
    FunnelStep.VISIT: texts.FIGURE_STUCK_VISIT,
    FunnelStep.REPORT: texts.FIGURE_STUCK_REPORT,
}


def _funnel_lines(picture: Picture) -> list[SummaryLine]:
    funnel = picture.funnel
    return [
        SummaryLine(texts.FIGURE_FUNNEL_SIGNALLED, funnel.signalled),
        SummaryLine(texts.FIGURE_FUNNEL_DECIDED, funnel.decided),
        SummaryLine(texts.FIGURE_FUNNEL_VISIT_DECIDED, funnel.visit_decided),
        SummaryLine(texts.FIGURE_FUNNEL_VISITED, funnel.visited),
        SummaryLine(texts.FIGURE_FUNNEL_REPORTED, funnel.reported),
        SummaryLine(texts.FIGURE_FUNNEL_CLOSED, funnel.closed),
        *(SummaryLine(label, funnel.stuck.get(step, 0)) for step, label in _STUCK_LABELS.items()),
    ]
