"""A tile map of the 25 veiligheidsregio's: one square per region, placed roughly where the
region lies (`config/data/tegelkaart.yaml`), coloured by a count on one sequential scale.

A tile map rather than a real map: every region gets the same room for its code and short
name, also the small ones around Amsterdam, and no geodata has to ship with the bot. Zero has
a colour of its own, outside the scale, so "nothing" never reads as "a little". Regions on the
border with Germany or Belgium carry a thick outline: cross-border signals need the neighbours.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy
import yaml
from matplotlib import colormaps
from matplotlib.axes import Axes
from matplotlib.cm import ScalarMappable
from matplotlib.colors import ListedColormap, Normalize, to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator

from commands.picture.charts import FONT_POINTS, TITLE_POINTS, new_figure
from commands.texts import charts as texts
from config.reference import regions

#: The scale runs over the darker part of the blues, so its lightest end stays apart from zero.
SCALE = ListedColormap(colormaps["Blues"](numpy.linspace(0.3, 1.0, 256)), name="tiles")
ZERO_COLOUR = "#eeeeee"
BORDER_COLOUR = "#e6550d"
BORDER_POINTS = 3.0
#: Room between tiles, and how far inside its tile a border region's outline runs, in cells.
TILE_GAP = 0.08
OUTLINE_INSET = 0.05
DARK_TEXT = "#000000"
LIGHT_TEXT = "#ffffff"

#: Where the map and the colour bar sit in the figure (left, bottom, width, height).
MAP_BOX = (0.03, 0.03, 0.5, 0.86)
SCALE_BOX = (0.58, 0.12, 0.025, 0.6)


@dataclass(frozen=True)
class Tile:
    code: str
    short: str
    column: int  # 0 in the west
    row: int  # 0 in the north

    @property
    def centre(self) -> tuple[float, float]:
        """The middle of the tile in the map's data coordinates."""
        return self.column + 0.5, self.row + 0.5


@cache
def tiles() -> tuple[Tile, ...]:
    source = resources.files("config").joinpath("data", "tegelkaart.yaml")
    return tuple(
        Tile(code=item["code"], short=item["kort"], column=item["kolom"], row=item["rij"])
        for item in yaml.safe_load(source.read_text("utf-8"))
    )


def grid_size() -> tuple[int, int]:
    """Columns and rows of the map."""
    return max(t.column for t in tiles()) + 1, max(t.row for t in tiles()) + 1


def scale(highest: int) -> Normalize:
    return Normalize(vmin=0, vmax=max(highest, 1))


def tile_colour(value: int, highest: int) -> tuple[float, float, float, float]:
    """The colour of a tile: the zero colour for 0, else its place on the scale."""
    if value <= 0:
        return to_rgba(ZERO_COLOUR)
    return SCALE(scale(highest)(value))


def text_colour(background: tuple[float, float, float, float]) -> str:
    red, green, blue, _ = background
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return LIGHT_TEXT if luminance < 0.5 else DARK_TEXT


def tile_map_figure(values: dict[str, int], title: str, legend_label: str) -> Figure:
    """The 25 regions as tiles coloured by `values` (region code -> count; absent is 0)."""
    figure = new_figure()
    figure.suptitle(title, fontsize=TITLE_POINTS)
    axes = figure.add_axes(MAP_BOX)
    columns, rows = grid_size()
    axes.set_xlim(0, columns)
    axes.set_ylim(rows, 0)
    axes.set_aspect("equal")
    axes.set_axis_off()
    highest = max(values.values(), default=0)
    for tile in tiles():
        _draw_tile(axes, tile, tile_colour(values.get(tile.code, 0), highest))
    if highest > 0:
        _draw_scale(figure, highest, legend_label)
    _draw_legend(figure)
    return figure


def _draw_tile(axes: Axes, tile: Tile, colour: tuple[float, float, float, float]) -> None:
    size = 1 - TILE_GAP
    left, top = tile.column + TILE_GAP / 2, tile.row + TILE_GAP / 2
    axes.add_patch(Rectangle((left, top), size, size, facecolor=colour, edgecolor="none"))
    if regions()[tile.code].borders:
        inset = OUTLINE_INSET
        axes.add_patch(
            Rectangle(
                (left + inset, top + inset),
                size - 2 * inset,
                size - 2 * inset,
                facecolor="none",
                edgecolor=BORDER_COLOUR,
                linewidth=BORDER_POINTS,
            )
        )
    x, y = tile.centre
    ink = text_colour(colour)
    # Code above and short name below the middle, which stays free to show the colour.
    for text, offset, weight in ((tile.code, -0.22, "bold"), (tile.short, 0.22, "normal")):
        axes.text(
            x,
            y + offset,
            text,
            ha="center",
            va="center",
            color=ink,
            fontsize=FONT_POINTS,
            fontweight=weight,
        )


def _draw_scale(figure: Figure, highest: int, label: str) -> None:
    bar = figure.colorbar(
        ScalarMappable(norm=scale(highest), cmap=SCALE), cax=figure.add_axes(SCALE_BOX)
    )
    bar.set_label(label, fontsize=FONT_POINTS)
    bar.ax.tick_params(labelsize=FONT_POINTS)
    bar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))


def _draw_legend(figure: Figure) -> None:
    figure.legend(
        handles=[
            Patch(facecolor=ZERO_COLOUR, edgecolor="#999999", label=texts.TILE_ZERO),
            Patch(
                facecolor="#ffffff",
                edgecolor=BORDER_COLOUR,
                linewidth=BORDER_POINTS,
                label=texts.TILE_BORDER,
            ),
        ],
        loc="upper left",
        bbox_to_anchor=(0.7, 0.72),
        fontsize=FONT_POINTS,
        frameon=False,
    )


def describe_tile_map(values: dict[str, int], title: str) -> str:
    """The regions with a count, highest first, then how many have none."""
    counted = sorted(
        ((code, value) for code, value in values.items() if value > 0 and code in regions()),
        key=lambda item: (-item[1], item[0]),
    )
    if not counted:
        return texts.TILE_DESCRIPTION_NONE.format(title=title)
    items = [
        texts.TILE_DESCRIPTION_ITEM.format(region=regions()[code].label, value=value)
        for code, value in counted
    ]
    if len(counted) < len(tiles()):
        items.append(texts.TILE_DESCRIPTION_REST)
    return texts.TILE_DESCRIPTION.format(title=title, regions=texts.DESCRIPTION_JOIN.join(items))
