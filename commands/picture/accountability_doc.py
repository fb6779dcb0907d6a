"""The accountability report (plan 1.4) as content: a title, sections of lines and tables.

The chat message (`report_text`) and the PDF (`report_pdf`) both render this one content, so
the two never disagree on a figure or a word.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

from commands.picture.report_sections import (
    Section,
    follow_up_section,
    funnel_section,
    preventive_section,
    reports_section,
    risk_section,
    signals_section,
    visits_section,
)
from commands.picture.report_values import period_slug
from commands.texts import accountability as texts
from storage.figures import FollowUpFigures, Picture, RiskRank


@dataclass(frozen=True)
class AccountabilityDocument:
    period_label: str  # `november 2026`
    previous_label: str  # `oktober 2026`
    picture: Picture
    follow_up: FollowUpFigures
    ranks: list[RiskRank]
    charts: list[tuple[str, bytes]]  # (caption, PNG)
    promise: timedelta  # the repressive window: 24 hours
    cadence: timedelta  # the preventive rhythm: two weeks
    generated_at: datetime
    zone: ZoneInfo


@dataclass(frozen=True)
class ReportContent:
    title: str
    addressees: str
    period: str
    sections: tuple[Section, ...]
    generated: str


def report_filename(doc: AccountabilityDocument) -> str:
    return texts.REPORT_FILE.format(period=period_slug(doc.picture.current, doc.zone))


def report_content(doc: AccountabilityDocument) -> ReportContent:
    return ReportContent(
        title=texts.TITLE.format(period=doc.period_label),
        addressees=texts.ADDRESSEES,
        period=_period_line(doc),
        sections=(
            signals_section(doc.picture, doc.previous_label),
            visits_section(doc.picture, doc.period_label, doc.previous_label, doc.promise),
            funnel_section(doc.picture),
            preventive_section(doc.picture, doc.previous_label, doc.cadence),
            follow_up_section(doc.follow_up, doc.previous_label),
            reports_section(doc.picture, doc.previous_label),
            risk_section(doc.ranks),
        ),
        generated=texts.GENERATED.format(moment=_day(doc.generated_at, doc.zone, time=True)),
    )


def _period_line(doc: AccountabilityDocument) -> str:
    window = doc.picture.current
    return texts.PERIOD.format(
        period=doc.period_label,
        first=_day(window.since, doc.zone),
        last=_day(window.until - timedelta(microseconds=1), doc.zone),
        previous=doc.previous_label,
    )


def _day(value: datetime, zone: ZoneInfo, *, time: bool = False) -> str:
    """`1 november 2026`, or with `time` `1 december 2026 09:00`: a report is read later, so
    its dates carry the year."""
    pattern = "d MMMM yyyy HH:mm" if time else "d MMMM yyyy"
    return format_datetime(value, pattern, tzinfo=zone, locale="nl")
