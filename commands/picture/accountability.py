"""The accountability report (plan, 1.4) to the Operationeel Leider LOT-C and the chair of the
Landelijke Regietafel: `!verantwoording` by the project leader, and once per period on its own."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from babel.dates import format_datetime

from commands.core.context import Context, Workspace
from commands.core.effects import Effect, PostInRoom, RenderFile, Reply
from commands.core.message import Message, lines
from commands.core.registry import Command, UsageError
from commands.core.schedule import first_start
from commands.picture.accountability_doc import AccountabilityDocument
from commands.picture.file_kinds import ACCOUNTABILITY_PDF
from commands.picture.periods import PeriodRequest, read_arguments, resolve_span
from commands.picture.report_schedule import period_containing, period_due, plan_after
from commands.picture.report_text import report_message
from commands.picture.risk import sector_ranking
from commands.picture.spans import picture_of, picture_spec
from commands.texts import reporting as texts
from config.reference import Entity
from config.settings import Settings
from storage.figures import Scope, Window
from storage.reminders import Reminder

LEADER_ROLES = frozenset({"projectleider", "operationeel leider"})


def window_label(settings: Settings, window: Window) -> str:
    """`november 2026` for a calendar month; otherwise from and to, to the minute."""
    zone = settings.platform.zone
    if settings.accountability.every == "month":
        return format_datetime(window.since, texts.PERIOD_MONTH, tzinfo=zone, locale="nl")
    since, until = (
        format_datetime(moment, texts.PERIOD_DAY, tzinfo=zone, locale="nl")
        for moment in (window.since, window.until)
    )
    return texts.PERIOD_FROM_TO.format(since=since, until=until)


async def document(
    workspace: Workspace, spec: dict[str, Any], charts: list[tuple[str, bytes]]
) -> AccountabilityDocument:
    """The report's content, from the same queries as `!beeld` and the agenda."""
    settings = workspace.settings
    picture = await picture_of(workspace, spec)
    ranks = await sector_ranking(
        workspace.picture, picture.current, picture.previous, settings.risk
    )
    return AccountabilityDocument(
        period_label=spec["label"],
        previous_label=spec["previous_label"],
        picture=picture,
        follow_up=await workspace.picture.follow_up(
            picture.current, picture.previous, workspace.now
        ),
        ranks=ranks[: settings.risk.shown],
        charts=charts,
        promise=settings.window.repressive,
        cadence=settings.preventive.every,
        generated_at=workspace.now,
        zone=settings.platform.zone,
    )


def report_spec(current: Window, previous: Window, label: str, previous_label: str) -> dict:
    return picture_spec(current, previous, Scope(), label) | {"previous_label": previous_label}


async def report_text(workspace: Workspace, spec: dict[str, Any]) -> Message:
    """The report as a chat message; its PDF (a RenderFile of the same spec) says the same."""
    return report_message(await document(workspace, spec, charts=[]))


# -- on schedule ----------------------------------------------------------------------------------


async def post_report(reminder: Reminder, workspace: Workspace) -> list[Effect] | None:
    """The report of the period this reminder closes, then the reminder for the next one."""
    settings = workspace.settings
    if not settings.accountability.enabled:
        return None
    started = await first_start(workspace)
    current = period_due(settings, reminder.due_at, started)
    previous = period_containing(settings, current.since - timedelta(microseconds=1), started)
    spec = report_spec(
        current, previous, window_label(settings, current), window_label(settings, previous)
    )
    await plan_after(workspace, current)
    room = (
        workspace.lotc_room if settings.accountability.room == "lotc" else workspace.platform_room
    )
    message = await report_text(workspace, spec)
    return [PostInRoom(room, message), RenderFile(room, ACCOUNTABILITY_PDF, spec)]


# -- !verantwoording ----------------------------------------------------------------------------


def parse_report(arguments: str) -> dict[str, Any]:
    return read_arguments(arguments)


def last_month(context: Context) -> Window:
    settings, now = context.settings, context.now
    local = now.astimezone(settings.platform.zone)
    this_month = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    start = (this_month - timedelta(days=1)).replace(day=1)
    return Window(start.astimezone(now.tzinfo), this_month.astimezone(now.tzinfo))


async def handle_report(request: PeriodRequest, context: Context) -> list[Effect]:
    member = context.member
    if member.entity != Entity.LOTC and not LEADER_ROLES & set(member.roles):
        raise UsageError(texts.REPORT_FOR_LEADERS)
    settings = context.settings
    span = resolve_span(request.period, context.now, settings.platform.zone, last_month(context))
    spec = report_spec(span.current, span.previous, span.label, span.previous_label)
    message = await report_text(context, spec)
    return [
        Reply(lines(message, texts.REPORT_PDF_FOLLOWS)),
        RenderFile(context.room_id, ACCOUNTABILITY_PDF, spec),
    ]


COMMAND = Command(
    help=texts.REPORT_HELP,
    request=PeriodRequest,
    parse=parse_report,
    handler=handle_report,
)
