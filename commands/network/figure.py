"""The netwerkkaart as a picture: holders (rows) by aspects (columns), each cell the holder's
powers for that aspect with their basis, and under it which regions have a contact point for
ISZW, NVWA and GGD.

The figure is laid out in inches on one invisible axes (x to the right, y downwards), its
height grown to fit the wrapped text, and built without `pyplot` (not thread-safe).
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from commands.network.coverage import POINT_ENTITIES
from commands.network.rows import basis_text, short_date
from commands.texts import network as texts
from config.powers import Aspect, Holder, Power, PowerKind, PowersTable
from config.reference import Entity, regions

WIDTH = 14.0  # inches; at 100 dpi 1400 pixels
DPI = 100
MARGIN = 0.3
FONT = 8.5
TITLE_FONT = 13
LINE = FONT * 1.45 / 72  # one line of text, in inches
CHAR = FONT * 0.52 / 72  # the width of an average character, in inches
PAD = 0.08
HOLDER_WIDTH = 1.7
HEADER_HEIGHT = 0.34
POINT_HEIGHT = 0.3
COUNT_WIDTH = 0.9

HEADER_COLOUR = "#08519c"
BAND_COLOUR = "#f2f7fc"
GRID_COLOUR = "#c6dbef"
LIMIT_COLOUR = "#636363"
TEXT_COLOUR = "#000000"
POINT_YES = "#31a354"
POINT_NO = "#e0e0e0"


@dataclass(frozen=True)
class Cell:
    column: int  # 0: the first aspect
    span: int  # how many aspect columns it covers
    lines: tuple[tuple[str, bool], ...]  # each line, and whether it belongs to a limit


def _aspect_width() -> float:
    return (WIDTH - 2 * MARGIN - HOLDER_WIDTH) / len(Aspect)


def _wrapped(rows: list[Power], width: float) -> tuple[tuple[str, bool], ...]:
    chars = max(int((width - 2 * PAD) / CHAR), 20)
    out: list[tuple[str, bool]] = []
    for row in rows:
        limit = row.kind is PowerKind.LIMIT
        template = texts.DRAWING_LIMIT if limit else texts.DRAWING_ITEM
        said = template.format(power=row.power, basis=basis_text(row, short_date))
        out.extend((line, limit) for line in textwrap.wrap(said, chars, subsequent_indent="  "))
    return tuple(out)


def holder_cells(rows: list[Power]) -> list[Cell]:
    """One cell across all aspects when every row covers them all, else one per aspect."""
    if all(len(row.aspects) == len(Aspect) for row in rows):
        return [Cell(0, len(Aspect), _wrapped(rows, _aspect_width() * len(Aspect)))]
    return [
        Cell(index, 1, _wrapped([row for row in rows if aspect in row.aspects], _aspect_width()))
        for index, aspect in enumerate(Aspect)
    ]


def _row_height(holder: Holder, cells: list[Cell]) -> float:
    lines = max([len(cell.lines) for cell in cells] + [texts.HOLDER_SHORT[holder].count("\n") + 1])
    return lines * LINE + 2 * PAD


def _points_height() -> float:
    """Its title, the row of region codes, a row per entity and the legend."""
    return 1.5 * LINE + (len(POINT_ENTITIES) + 1) * POINT_HEIGHT + 0.3


def network_figure(
    table: PowersTable, coverage: Mapping[Entity, frozenset[str]], title: str
) -> Figure:
    rows = {holder: holder_cells(table.of_holder(holder)) for holder in table.holders()}
    body = sum(_row_height(holder, cells) for holder, cells in rows.items())
    height = 2 * MARGIN + 0.5 + HEADER_HEIGHT + body + 2 * LINE + _points_height()
    figure = Figure(figsize=(WIDTH, height), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, WIDTH)
    axes.set_ylim(height, 0)
    axes.axis("off")
    axes.text(MARGIN, MARGIN, title, fontsize=TITLE_FONT, weight="bold", va="top")
    top = _table(axes, rows, MARGIN + 0.5)
    axes.text(MARGIN, top + LINE * 0.5, texts.DRAWING_MARKERS, fontsize=FONT, va="top")
    _contact_points(axes, coverage, top + 2 * LINE)
    return figure


def _table(axes: Axes, rows: dict[Holder, list[Cell]], top: float) -> float:
    """The header and the holders' rows from `top` down; where the table ends."""
    width = WIDTH - 2 * MARGIN
    axes.add_patch(Rectangle((MARGIN, top), width, HEADER_HEIGHT, color=HEADER_COLOUR))
    headings = [texts.DRAWING_HOLDER, *(texts.ASPECT_NAMES[aspect] for aspect in Aspect)]
    for index, heading in enumerate(headings):
        x = MARGIN + PAD + (0 if index == 0 else HOLDER_WIDTH + (index - 1) * _aspect_width())
        middle = top + HEADER_HEIGHT / 2
        axes.text(x, middle, heading, color="white", weight="bold", fontsize=FONT + 1, va="center")
    y = top + HEADER_HEIGHT
    for number, (holder, cells) in enumerate(rows.items()):
        y = _holder_row(axes, holder, cells, y, banded=number % 2 == 1)
    return y


def _holder_row(axes: Axes, holder: Holder, cells: list[Cell], y: float, banded: bool) -> float:
    height = _row_height(holder, cells)
    width = WIDTH - 2 * MARGIN
    if banded:
        axes.add_patch(Rectangle((MARGIN, y), width, height, color=BAND_COLOUR, zorder=0))
    axes.plot([MARGIN, MARGIN + width], [y + height] * 2, color=GRID_COLOUR, linewidth=0.8)
    axes.text(
        MARGIN + PAD, y + PAD, texts.HOLDER_SHORT[holder], weight="bold", fontsize=FONT, va="top"
    )
    for cell in cells:
        x = MARGIN + HOLDER_WIDTH + cell.column * _aspect_width()
        axes.plot([x, x], [y, y + height], color=GRID_COLOUR, linewidth=0.8)
        for index, (line, limit) in enumerate(cell.lines):
            axes.text(
                x + PAD,
                y + PAD + index * LINE,
                line,
                fontsize=FONT,
                va="top",
                color=LIMIT_COLOUR if limit else TEXT_COLOUR,
                style="italic" if limit else "normal",
            )
    return y + height


def _contact_points(axes: Axes, coverage: Mapping[Entity, frozenset[str]], top: float) -> None:
    """A row per entity, a square per region: green where a contact point is named."""
    codes = sorted(regions().by_code)
    left = MARGIN + HOLDER_WIDTH
    square = (WIDTH - 2 * MARGIN - HOLDER_WIDTH - COUNT_WIDTH) / len(codes)
    axes.text(MARGIN, top, texts.DRAWING_POINTS_TITLE, fontsize=FONT + 2, weight="bold", va="top")
    y = top + 1.5 * LINE
    for index, code in enumerate(codes):
        centre = (left + (index + 0.5) * square, y + POINT_HEIGHT / 2)
        axes.text(*centre, code, fontsize=FONT - 1.5, ha="center", va="center")
    for entity in POINT_ENTITIES:
        y += POINT_HEIGHT
        named = coverage.get(entity, frozenset())
        axes.text(MARGIN + PAD, y + POINT_HEIGHT / 2, entity.value, fontsize=FONT, va="center")
        for index, code in enumerate(codes):
            colour = POINT_YES if code in named else POINT_NO
            box = (left + index * square + 0.03, y + 0.03)
            axes.add_patch(Rectangle(box, square - 0.06, POINT_HEIGHT - 0.06, color=colour))
        count = texts.DRAWING_POINTS_COUNT.format(count=len(named & set(codes)), total=len(codes))
        axes.text(WIDTH - MARGIN - COUNT_WIDTH + PAD, y + POINT_HEIGHT / 2, count, va="center")
    y += POINT_HEIGHT + 0.1
    for offset, (colour, label) in enumerate(
        ((POINT_YES, texts.DRAWING_POINT_YES), (POINT_NO, texts.DRAWING_POINT_NO))
    ):
        x = left + offset * 2.4
        axes.add_patch(Rectangle((x, y), 0.18, 0.16, color=colour))
        axes.text(x + 0.25, y + 0.08, label, fontsize=FONT, va="center")
