"""The picture family's files, drawn when they go out (commands.FILES): the charts and the
map of `!beeld`, its workbook and CSV, and the accountability report's PDF. The drawing runs in
a worker thread; the figures come from the same queries as the chat answer."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from io import BytesIO
from typing import Any

from PIL import Image

from commands.core.context import Workspace
from commands.core.effects import ImageInfo, Rendered
from commands.picture import charts, tilemap
from commands.picture.accountability import document
from commands.picture.accountability_doc import report_filename
from commands.picture.export import cases_csv, cases_csv_filename, workbook, workbook_filename
from commands.picture.report_pdf import report_pdf
from commands.picture.spans import picture_of, window_of
from commands.texts import charts as chart_texts
from config.settings import Settings
from storage.figures import Picture, Scope
from storage.picture_rows import PictureRows


def _image(filename: str, data: bytes, description: str) -> Rendered:
    with Image.open(BytesIO(data)) as opened:
        width, height = opened.size
    return Rendered(filename, "image/png", data, ImageInfo(width, height, description))


def lead_chart(picture: Picture, settings: Settings) -> Rendered:
    promise = settings.window.repressive
    data = charts.png(charts.lead_time_figure(picture, promise))
    return _image(chart_texts.LEAD_FILENAME, data, charts.describe_lead_times(picture, promise))


def region_chart(picture: Picture, settings: Settings) -> Rendered:
    data = charts.png(charts.signals_by_region_figure(picture))
    return _image(chart_texts.REGION_FILENAME, data, charts.describe_signals_by_region(picture))


def tile_map(picture: Picture, settings: Settings) -> Rendered:
    values = {code: count.current for code, count in picture.signals_by_region.items() if code}
    figure = tilemap.tile_map_figure(values, chart_texts.MAP_TITLE, chart_texts.MAP_LEGEND)
    data = charts.png(figure)
    return _image(
        chart_texts.MAP_FILENAME, data, tilemap.describe_tile_map(values, chart_texts.MAP_TITLE)
    )


def chart_set(picture: Picture, settings: Settings) -> list[tuple[str, bytes]]:
    """The charts of the report, with their captions."""
    drawn = (draw(picture, settings) for draw in (lead_chart, region_chart, tile_map))
    return [(made.image.description if made.image else made.filename, made.data) for made in drawn]


async def _draw_chart(
    draw: Callable[[Picture, Settings], Rendered], workspace: Workspace, spec: dict[str, Any]
) -> Rendered:
    picture = await picture_of(workspace, spec)
    return await asyncio.to_thread(draw, picture, workspace.settings)


async def draw_lead_chart(workspace: Workspace, spec: dict[str, Any]) -> Rendered:
    return await _draw_chart(lead_chart, workspace, spec)


async def draw_region_chart(workspace: Workspace, spec: dict[str, Any]) -> Rendered:
    return await _draw_chart(region_chart, workspace, spec)


async def draw_tile_map(workspace: Workspace, spec: dict[str, Any]) -> Rendered:
    return await _draw_chart(tile_map, workspace, spec)


async def draw_report(workspace: Workspace, spec: dict[str, Any]) -> Rendered:
    """The accountability report's PDF, with the charts of its period."""
    picture = await picture_of(workspace, spec)
    charts_drawn = await asyncio.to_thread(chart_set, picture, workspace.settings)
    made = await document(workspace, spec, charts_drawn)
    data = await asyncio.to_thread(report_pdf, made)
    return Rendered(report_filename(made), "application/pdf", data)


async def draw_workbook(workspace: Workspace, spec: dict[str, Any]) -> Rendered:
    settings = workspace.settings
    picture = await picture_of(workspace, spec)
    rows_store = PictureRows(workspace.cases.session)
    scope = Scope(spec["region"], spec["sector"])
    rows = await rows_store.cases(picture.current, scope)
    repeats = await rows_store.repeat_signals(picture.current, scope)
    zone, promise = settings.platform.zone, settings.window.repressive
    data = await asyncio.to_thread(
        workbook, picture, rows, repeats, zone=zone, promise=promise, period_label=spec["label"]
    )
    name = workbook_filename(picture.current, zone)
    return Rendered(name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data)


async def draw_csv(workspace: Workspace, spec: dict[str, Any]) -> Rendered:
    settings = workspace.settings
    window = window_of(spec["current"])
    rows = await PictureRows(workspace.cases.session).cases(
        window, Scope(spec["region"], spec["sector"])
    )
    zone = settings.platform.zone
    data = await asyncio.to_thread(cases_csv, rows, zone=zone, promise=settings.window.repressive)
    return Rendered(cases_csv_filename(window, zone), "text/csv", data)
