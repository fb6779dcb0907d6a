"""The agenda of a platform meeting: the plan's five items, filled in for a period."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from commands.core.context import Workspace
from commands.core.message import Message, bold, bullets, lines, text
from commands.core.timefmt import moment, short_moment
from commands.follow_up.entries import action_line, decision_line
from commands.picture.operational import LIST_LIMIT, between, picture_lines, report_lines
from commands.preventive.visits import cadence_base, calendar_line
from commands.texts import agenda as texts
from storage.cases import Case, CaseKind, CaseStatus


@dataclass(frozen=True)
class Period:
    """What an agenda covers: from `since` (the previous agenda, or the bot's first start) on."""

    since: datetime
    first: bool  # there was no agenda before this one


async def draft(
    workspace: Workspace, period: Period, starts_at: datetime | None, *, final: bool
) -> Message:
    """The agenda: five items, filled from the cases, visits, actions and decisions.

    `final` for the one posted before the meeting; `!agenda` shows a draft.
    """
    settings, now = workspace.settings, workspace.now
    since = period.since
    zone = settings.platform.zone
    if starts_at is None:
        header = texts.AGENDA_HEADER_UNSCHEDULED
    else:
        template = texts.AGENDA_HEADER if final else texts.AGENDA_DRAFT_HEADER
        header = template.format(when=moment(starts_at, zone))
    cases = await workspace.cases.of_kind(CaseKind.REPRESSIVE)
    visits = await workspace.cases.preventive_visits()
    items = await workspace.meetings.open_agenda_items()
    return lines(
        bold(header),
        (texts.AGENDA_SINCE_START if period.first else texts.AGENDA_SINCE).format(
            since=moment(since, zone)
        ),
        bold(texts.AGENDA_PICTURE),
        bullets([text(line) for line in picture_lines(cases, visits, since, now, settings)]),
        bold(texts.AGENDA_PREVENTIVE),
        bullets([text(line) for line in await _preventive(visits, since, now, workspace)]),
        bold(texts.AGENDA_PLAN),
        bullets(await _plan(workspace, since)),
        bold(texts.AGENDA_REPORTS),
        bullets([text(line) for line in report_lines([*cases, *visits], since, now, settings)]),
        bold(texts.AGENDA_ITEMS),
        bullets(
            [text(texts.AGENDA_ITEM.format(text=item.text)) for item in items]
            + [text(texts.AGENDA_ANY_OTHER_BUSINESS)]
        ),
    )


async def _preventive(
    visits: Sequence[Case], since: datetime, now: datetime, workspace: Workspace
) -> list[str]:
    settings = workspace.settings
    zone = settings.platform.zone
    shown = [
        calendar_line(v, zone)
        for v in visits
        if between(v.visited_at or v.deadline_at, since, now)
        or (v.visited_at is None and v.status != CaseStatus.CLOSED)
    ]
    upcoming = [v for v in visits if v.visited_at is None and v.status != CaseStatus.CLOSED]
    due_by = await cadence_base(workspace) + settings.preventive.every
    if upcoming:
        first = min(upcoming, key=lambda v: v.deadline_at)
        verdict = texts.AGENDA_NEXT_PLANNED.format(
            moment=short_moment(first.deadline_at, zone), number=first.number
        )
    else:
        verdict = texts.AGENDA_NEXT_MISSING.format(due=short_moment(due_by, zone))
    return [*shown, verdict] if shown else [texts.AGENDA_NO_VISITS, verdict]


async def _plan(workspace: Workspace, since: datetime) -> list[Message]:
    settings, now = workspace.settings, workspace.now
    actions = await workspace.follow_up.open_actions(now)
    late = [a for a in actions if a.due_at is not None and a.due_at < now]
    decisions = [d for d in await workspace.follow_up.decisions() if d.taken_at >= since]
    return [
        text(texts.AGENDA_ACTIONS.format(count=len(actions), overdue=len(late))),
        *(action_line(a, settings, now) for a in late[:LIST_LIMIT]),
        text(texts.AGENDA_DECISIONS.format(count=len(decisions))),
        *(decision_line(d, settings) for d in decisions[-LIST_LIMIT:]),
    ]
