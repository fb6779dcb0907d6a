"""`!beeld`: the operational picture of a period in the chat, with its charts and map, or its
rows as a workbook."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from commands.core.context import Context
from commands.core.effects import Effect, RenderFile, Reply
from commands.core.message import lines, text
from commands.core.registry import Command
from commands.core.timefmt import short_moment
from commands.picture.file_kinds import CASES_CSV, LEAD_CHART, REGION_CHART, TILE_MAP, WORKBOOK
from commands.picture.periods import PeriodRequest, read_arguments, resolve_span
from commands.picture.spans import picture_of, picture_spec, since_previous_agenda
from commands.picture.summary import picture_message
from commands.texts import overview as texts
from storage.figures import Scope

MAP = "kaart"
EXPORT = "export"


def parse_picture(arguments: str) -> dict[str, Any]:
    return read_arguments(arguments, flags=(MAP, EXPORT))


async def handle_picture(request: PeriodRequest, context: Context) -> list[Effect]:
    settings = context.settings
    default, first = await since_previous_agenda(context)
    span = resolve_span(request.period, context.now, settings.platform.zone, default)
    if request.period is None:
        since = short_moment(default.since, settings.platform.zone)
        template = texts.PICTURE_SINCE_START if first else texts.PICTURE_SINCE_AGENDA
        span = replace(span, label=template.format(since=since))
    spec = picture_spec(
        span.current, span.previous, Scope(request.region, request.sector), span.label
    )
    room = context.room_id
    header = texts.PICTURE_HEADER.format(label=span.label)
    if MAP in request.flags:
        return [Reply(lines(header, texts.PICTURE_MAP_FOLLOWS)), RenderFile(room, TILE_MAP, spec)]
    if EXPORT in request.flags:
        return [
            Reply(lines(header, texts.PICTURE_EXPORT_FOLLOWS)),
            RenderFile(room, WORKBOOK, spec),
            RenderFile(room, CASES_CSV, spec),
        ]
    picture = await picture_of(context, spec)
    summary = picture_message(
        picture,
        span.label,
        span.previous_label,
        settings.window.repressive,
        settings.preventive.every,
    )
    return [
        Reply(lines(summary, text(texts.PICTURE_CHARTS_FOLLOW))),
        *(RenderFile(room, kind, spec) for kind in (LEAD_CHART, REGION_CHART, TILE_MAP)),
    ]


COMMAND = Command(
    help=texts.PICTURE_HELP,
    request=PeriodRequest,
    parse=parse_picture,
    handler=handle_picture,
)
