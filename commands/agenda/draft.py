"""The agenda of a platform meeting: the plan's five items, filled in for a period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from commands.border.counts import agenda_line as cross_border_line
from commands.contacts.gaps import contact_point_gaps
from commands.core.context import Workspace
from commands.core.message import Message, bold, bullets, lines, text
from commands.core.timefmt import moment, short_moment
from commands.follow_up.entries import action_line, decision_line
from commands.picture.operational import (
    LIST_LIMIT,
    operational_picture,
    periods,
    picture_lines,
    report_lines,
    with_trend,
)
from commands.preventive.visits import cadence_base, calendar_line
from commands.texts import agenda as texts
from storage.figures import Window


@dataclass(frozen=True)
class Period:
    """What an agenda covers: from `since` (the previous agenda, or the bot's first start) on."""

    since: datetime
    first: bool  # there was no agenda before this one


async def draft(
    workspace: Workspace, period: Period, starts_at: datetime | None, *, final: bool
) -> Message:
    """The agenda: five items, filled from the cases, visits, actions and decisions of the
    period (each count next to the period of the same length before it).

    `final` for the one posted before the meeting; `!agenda` shows a draft.
    """
    settings = workspace.settings
    since = period.since
    zone = settings.platform.zone
    current, previous = periods(since, workspace.now)
    figures = await operational_picture(workspace, current, previous)
    if starts_at is None:
        header = texts.AGENDA_HEADER_UNSCHEDULED
    else:
        template = texts.AGENDA_HEADER if final else texts.AGENDA_DRAFT_HEADER
        header = template.format(when=moment(starts_at, zone))
    items = await workspace.meetings.open_agenda_items()
    return lines(
        bold(header),
        (texts.AGENDA_SINCE_START if period.first else texts.AGENDA_SINCE).format(
            since=moment(since, zone)
        ),
        bold(texts.AGENDA_PICTURE),
        bullets(
            [
                text(line)
                for line in [*await picture_lines(workspace, figures), cross_border_line(figures)]
            ]
        ),
        bold(texts.AGENDA_PREVENTIVE),
        bullets([text(line) for line in await _preventive(workspace, current)]),
        bold(texts.AGENDA_PLAN),
        bullets([*await _plan(workspace, current, previous), *await contact_point_gaps(workspace)]),
        bold(texts.AGENDA_REPORTS),
        bullets([text(line) for line in await report_lines(workspace, figures)]),
        bold(texts.AGENDA_ITEMS),
        bullets(
            [text(texts.AGENDA_ITEM.format(text=item.text)) for item in items]
            + [text(texts.AGENDA_ANY_OTHER_BUSINESS)]
        ),
    )


async def _preventive(workspace: Workspace, current: Window) -> list[str]:
    """The preventive calendar of the period and the planned visits, and the next one due."""
    settings = workspace.settings
    zone = settings.platform.zone
    shown = [
        calendar_line(v, zone)
        for v in await workspace.picture.preventive_calendar(current, LIST_LIMIT)
    ]
    first = await workspace.picture.next_preventive()
    if first is not None:
        verdict = texts.AGENDA_NEXT_PLANNED.format(
            moment=short_moment(first.deadline_at, zone), number=first.number
        )
    else:
        due_by = await cadence_base(workspace) + settings.preventive.every
        verdict = texts.AGENDA_NEXT_MISSING.format(due=short_moment(due_by, zone))
    return [*shown, verdict] if shown else [texts.AGENDA_NO_VISITS, verdict]


async def _plan(workspace: Workspace, current: Window, previous: Window) -> list[Message]:
    now = workspace.now
    counts = await workspace.picture.follow_up(current, previous, now)
    # Overdue actions come first, so the first LIST_LIMIT open ones hold every one shown.
    first = await workspace.follow_up.open_actions(now, limit=LIST_LIMIT)
    late = [a for a in first if a.due_at and a.due_at < now]
    taken = await workspace.follow_up.decisions()
    decisions = [d for d in taken if current.since <= d.taken_at < current.until]
    decided = texts.AGENDA_DECISIONS.format(count=counts.decisions.current)
    return [
        text(
            texts.AGENDA_ACTIONS.format(count=counts.open_actions, overdue=counts.overdue_actions)
        ),
        *(action_line(a, workspace) for a in late[:LIST_LIMIT]),
        text(with_trend(decided, counts.decisions)),
        *(decision_line(d, workspace) for d in decisions[-LIST_LIMIT:]),
    ]
