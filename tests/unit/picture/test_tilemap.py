"""The tile map: its grid, and the rendered PNG read back pixel by pixel."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor

import pytest
from matplotlib import colormaps
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image

from commands.picture.charts import png
from commands.picture.tilemap import (
    TILE_GAP,
    Tile,
    describe_tile_map,
    grid_size,
    tile_map_figure,
    tiles,
)
from config.reference import regions

VALUES = {"VR06": 12, "VR24": 6, "VR01": 3, "VR19": 0}
BORDER_REGIONS = {
    "VR01", "VR03", "VR04", "VR05", "VR06", "VR07",
    "VR08", "VR19", "VR20", "VR22", "VR23", "VR24",
}  # fmt: skip
ZERO_RGB = (0xEE, 0xEE, 0xEE)
OUTLINE_RGB = (0xE6, 0x55, 0x0D)


def by_code() -> dict[str, Tile]:
    return {tile.code: tile for tile in tiles()}


def rendered(values: dict[str, int]) -> tuple[Figure, Image.Image]:
    figure = tile_map_figure(values, "Signalen per regio", "aantal signalen")
    image = Image.open(io.BytesIO(png(figure))).convert("RGB")
    return figure, image


def pixel_at(figure: Figure, image: Image.Image, x: float, y: float) -> tuple[int, int, int]:
    """The PNG's pixel at a point of the map given in its data coordinates."""
    display_x, display_y = figure.axes[0].transData.transform((x, y))
    return image.getpixel((int(display_x), int(image.height - display_y)))


def close(pixel: tuple[int, ...], expected: tuple[int, ...], slack: int = 2) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(pixel, expected, strict=True))


def rgb(colour: tuple[float, ...]) -> tuple[int, int, int]:
    return tuple(round(part * 255) for part in colour[:3])


def test_the_grid_holds_each_of_the_25_regions_once_each_on_its_own_cell():
    codes = [tile.code for tile in tiles()]
    assert sorted(codes) == sorted(regions().by_code)
    assert len(codes) == 25
    assert len({(tile.column, tile.row) for tile in tiles()}) == 25


def test_the_grid_follows_the_map_of_the_netherlands():
    tile = by_code()
    columns, rows = grid_size()
    assert (tile["VR01"].row, tile["VR01"].column) == (0, columns - 1)  # Groningen top right
    assert tile["VR19"].column == 0  # Zeeland in the west ...
    assert tile["VR19"].row == max(t.row for t in tiles() if t.column == 0)  # ... at the bottom
    assert [t.code for t in tiles() if t.row == rows - 1] == ["VR24"]  # Zuid-Limburg lowest
    flevoland = tile["VR25"]
    assert 0 < flevoland.column < columns - 1
    assert 0 < flevoland.row < rows - 1


def test_every_tile_touches_another_and_the_map_is_one_piece():
    cells = {(tile.column, tile.row) for tile in tiles()}

    def touching(cell: tuple[int, int]) -> set[tuple[int, int]]:
        column, row = cell
        around = {(column + 1, row), (column - 1, row), (column, row + 1), (column, row - 1)}
        return around & cells

    reached, frontier = set(), [next(iter(cells))]
    while frontier:
        cell = frontier.pop()
        if cell not in reached:
            reached.add(cell)
            frontier.extend(touching(cell))
    assert reached == cells


def test_the_png_has_chat_size():
    _, image = rendered(VALUES)
    assert image.size == (900, 560)


def scale_rgb(value: int, highest: int) -> tuple[int, int, int]:
    """The scale: zero grey, else the darker 70% of the blues, the highest value darkest."""
    if value == 0:
        return ZERO_RGB
    return rgb(colormaps["Blues"](0.3 + 0.7 * value / highest))


def test_each_tile_has_the_colour_of_its_value_on_the_scale():
    figure, image = rendered(VALUES)
    for tile in tiles():
        pixel = pixel_at(figure, image, *tile.centre)
        assert close(pixel, scale_rgb(VALUES.get(tile.code, 0), 12)), tile.code


def test_the_highest_value_is_darkest_and_zero_has_the_zero_colour():
    figure, image = rendered(VALUES)
    tile = by_code()
    colour = {code: pixel_at(figure, image, *t.centre) for code, t in tile.items()}
    assert close(colour["VR06"], rgb(colormaps["Blues"](1.0)))
    assert sum(colour["VR06"]) < sum(colour["VR24"]) < sum(colour["VR01"]) < sum(ZERO_RGB)
    for code in ("VR19", "VR02", "VR25"):  # 0 given, and absent
        assert close(colour[code], ZERO_RGB)
    assert not close(colour["VR01"], ZERO_RGB, slack=20)  # the smallest count is no zero


def outlined(figure: Figure, image: Image.Image, tile: Tile) -> bool:
    """Whether the outline colour shows between the tile's middle and its left edge."""
    x, y = tile.centre
    left = figure.axes[0].transData.transform((tile.column + TILE_GAP / 2, y))[0]
    middle = figure.axes[0].transData.transform((x, y))[0]
    row = int(image.height - figure.axes[0].transData.transform((x, y))[1])
    return any(
        close(image.getpixel((column, row)), OUTLINE_RGB, slack=12)
        for column in range(int(left), int(middle))
    )


@pytest.mark.parametrize("values", [VALUES, {}], ids=["counts", "nothing"])
def test_border_regions_and_only_they_are_outlined(values):
    figure, image = rendered(values)
    assert {tile.code for tile in tiles() if outlined(figure, image, tile)} == BORDER_REGIONS


def test_legend_names_zero_and_the_border_regions_and_the_scale_has_its_label():
    figure, _ = rendered(VALUES)
    [legend] = figure.legends
    assert [text.get_text() for text in legend.get_texts()] == ["0", "grensregio (DE/BE)"]
    scale_axes = figure.axes[1]
    assert scale_axes.get_ylabel() == "aantal signalen"
    assert figure.get_suptitle() == "Signalen per regio"


def tile_texts(figure: Figure) -> dict[str, Text]:
    return {text.get_text(): text for text in figure.axes[0].texts}


def test_each_tile_names_its_code_and_short_name_readable_on_its_colour():
    figure, _ = rendered(VALUES)
    texts = tile_texts(figure)
    assert {"VR06", "NOG", "VR19", "ZEE", "VR25", "FLE"} <= set(texts)
    assert len(figure.axes[0].texts) == 50
    assert texts["VR06"].get_color() == "#ffffff"  # on the darkest blue
    assert texts["NOG"].get_color() == "#ffffff"
    assert texts["VR19"].get_color() == "#000000"  # on the zero grey


def test_a_map_of_only_zeros_renders_without_a_scale():
    figure, image = rendered({})
    assert len(figure.axes) == 1
    for tile in tiles():
        assert close(pixel_at(figure, image, *tile.centre), ZERO_RGB), tile.code


def test_the_png_is_the_same_each_time():
    first = png(tile_map_figure(VALUES, "Signalen", "aantal"))
    assert first == png(tile_map_figure(VALUES, "Signalen", "aantal"))
    assert "Software" not in Image.open(io.BytesIO(first)).info


def test_the_text_alternative_lists_the_counted_regions_highest_first():
    assert describe_tile_map(VALUES, "Signalen per regio") == (
        "Signalen per regio: Noord- en Oost-Gelderland (VR06) 12; Zuid-Limburg (VR24) 6; "
        "Groningen (VR01) 3; overige regio's 0"
    )
    assert describe_tile_map({}, "Signalen per regio") == "Signalen per regio: 0 in alle regio's."


def test_maps_rendered_side_by_side_in_threads_come_out_as_when_rendered_alone():
    alone = png(tile_map_figure(VALUES, "Signalen", "aantal"))
    with ThreadPoolExecutor(max_workers=4) as pool:
        side_by_side = list(
            pool.map(lambda _: png(tile_map_figure(VALUES, "Signalen", "aantal")), range(4))
        )
    assert side_by_side == [alone] * 4
