"""The network family's files, drawn when they go out (commands.FILES): the netwerkkaart as a
PNG. The table and the contact points are read in the delivery's transaction; the drawing runs
in a worker thread."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from datetime import date
from io import BytesIO
from typing import Any

from PIL import Image

from commands.core.context import Workspace
from commands.core.effects import ImageInfo, Rendered
from commands.core.timefmt import long_date
from commands.network.coverage import POINT_ENTITIES, contact_point_coverage
from commands.network.figure import network_figure
from commands.network.table import powers_of
from commands.picture.charts import png
from commands.texts import network as texts
from config.powers import PowersTable
from config.reference import Entity, regions


def describe(table: PowersTable, coverage: Mapping[Entity, frozenset[str]], on: date | None) -> str:
    """The drawing in one sentence, for screen readers and clients without images."""
    total = len(regions().by_code)
    points = ", ".join(
        texts.DRAWING_POINTS_ITEM.format(
            entity=entity.value,
            count=texts.DRAWING_POINTS_COUNT.format(
                count=len(coverage.get(entity, frozenset())), total=total
            ),
        )
        for entity in POINT_ENTITIES
    )
    return texts.DRAWING_DESCRIPTION.format(
        on=texts.DRAWING_DESCRIPTION_ON.format(date=long_date(on)) if on else "",
        holders=len(table.holders()),
        regions=total,
        points=points,
    )


def network_map(
    table: PowersTable, coverage: Mapping[Entity, frozenset[str]], on: date | None
) -> Rendered:
    title = texts.DRAWING_TITLE_ON.format(date=long_date(on)) if on else texts.DRAWING_TITLE
    data = png(network_figure(table, coverage, title))
    with Image.open(BytesIO(data)) as opened:
        width, height = opened.size
    image = ImageInfo(width, height, describe(table, coverage, on))
    return Rendered(texts.DRAWING_FILENAME, "image/png", data, image)


async def draw_network_map(workspace: Workspace, spec: dict[str, Any]) -> Rendered:
    on = date.fromisoformat(spec["on"]) if spec.get("on") else None
    table, _ = powers_of(workspace.settings)
    if on:
        table = table.on(on)
    coverage = await contact_point_coverage(workspace.cases.session)
    return await asyncio.to_thread(network_map, table, coverage, on)
