"""The lead-time chart and the chart of signals per region, read back from their figures and
their PNGs."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from matplotlib.figure import Figure
from PIL import Image

from commands.picture.charts import (
    describe_lead_times,
    describe_signals_by_region,
    lead_time_figure,
    png,
    signals_by_region_figure,
)
from storage.figures import (
    Compared,
    Funnel,
    LeadTimes,
    Picture,
    PreventiveFigures,
    Scope,
    Window,
)

START = datetime(2024, 5, 6, tzinfo=UTC)
PROMISE = timedelta(hours=24)
NO_VISITS = LeadTimes(count=0, within=0, median=None, p90=None, slowest=())
#: 12 visits: 10 of them before 24 hours, the middle two after 18 and 19 hours.
HOURS = ((2, 1), (5, 2), (11, 1), (17, 2), (18, 1), (19, 1), (20, 1), (23, 1), (30, 1), (41, 1))
VISITS = LeadTimes(
    count=12,
    within=10,
    median=timedelta(hours=18, minutes=30),
    p90=timedelta(hours=30, minutes=15),
    slowest=(("R-2024-0012", timedelta(hours=41, minutes=5)),),
)
BY_REGION = {
    "VR01": Compared(current=3, previous=2),
    "VR06": Compared(current=12, previous=4),
    "VR24": Compared(current=1, previous=5),
    None: Compared(current=2, previous=0),
}


def picture(
    lead: LeadTimes = VISITS,
    lead_hours: tuple[tuple[int, int], ...] = HOURS,
    by_region: dict[str | None, Compared] | None = None,
) -> Picture:
    by_region = BY_REGION if by_region is None else by_region
    signals = Compared(
        current=sum(c.current for c in by_region.values()),
        previous=sum(c.previous for c in by_region.values()),
    )
    nothing = Compared(current=0, previous=0)
    return Picture(
        current=Window(START, START + timedelta(days=7)),
        previous=Window(START - timedelta(days=7), START),
        scope=Scope(),
        signals=signals,
        opened=signals,
        joined=nothing,
        signals_by_region=by_region,
        signals_by_sector={},
        open_now=4,
        overdue_now=1,
        lead=lead,
        lead_previous=NO_VISITS,
        lead_hours=lead_hours,
        funnel=Funnel(0, 0, 0, 0, 0, 0, {}),
        preventive=PreventiveFigures(nothing, 0, {}, {}, timedelta(0), True),
        reports_filed=nothing,
    )


def empty_picture() -> Picture:
    return picture(lead=NO_VISITS, lead_hours=(), by_region={})


def opened(figure: Figure) -> Image.Image:
    return Image.open(io.BytesIO(png(figure)))


def legend_texts(figure: Figure) -> list[str]:
    return sorted(text.get_text() for text in figure.axes[0].get_legend().get_texts())


# --- Lead times ---------------------------------------------------------------------------------


def test_lead_time_chart_names_count_median_and_share_within_the_promise():
    axes = lead_time_figure(picture(), PROMISE).axes[0]
    assert axes.get_title() == (
        "Doorlooptijd repressieve inzetten\n"
        "12 inzetten, mediaan 18 uur en 30 minuten, 83% binnen 24 uur"
    )
    assert axes.get_xlabel() == "doorlooptijd (hele uren na het signaal)"
    assert axes.get_ylabel() == "aantal inzetten"


def test_lead_time_chart_has_a_bar_per_hour_and_a_line_at_the_promise():
    figure = lead_time_figure(picture(), PROMISE)
    axes = figure.axes[0]
    bars = [(round(bar.get_x()), round(bar.get_height())) for bar in axes.patches]
    assert bars == list(HOURS)
    [line] = axes.lines
    assert list(line.get_xdata()) == [24, 24]
    assert legend_texts(figure) == ["belofte: binnen 24 uur", "inzetten"]


def test_lead_time_chart_draws_the_promise_it_is_given():
    figure = lead_time_figure(picture(), timedelta(hours=36))
    [line] = figure.axes[0].lines
    assert list(line.get_xdata()) == [36, 36]
    assert "belofte: binnen 36 uur" in legend_texts(figure)
    assert figure.axes[0].get_xlim()[1] > 41  # the slowest visit stays in view


def test_lead_time_chart_renders_at_chat_size():
    image = opened(lead_time_figure(picture(), PROMISE))
    assert image.format == "PNG"
    assert image.size == (900, 560)


def test_lead_time_chart_of_an_empty_period_says_there_were_no_visits():
    figure = lead_time_figure(empty_picture(), PROMISE)
    axes = figure.axes[0]
    assert not axes.axison
    assert [text.get_text() for text in axes.texts] == [
        "Geen repressieve inzetten in deze periode."
    ]
    assert not axes.patches
    assert not axes.lines
    assert opened(figure).size == (900, 560)


def test_lead_time_text_alternative():
    assert describe_lead_times(picture(), PROMISE) == (
        "Doorlooptijden: 12 inzetten, mediaan 18 uur en 30 minuten, 10 binnen 24 uur"
    )
    assert describe_lead_times(empty_picture(), PROMISE) == (
        "Doorlooptijden: geen repressieve inzetten in deze periode."
    )


def test_the_png_is_the_same_each_time_and_names_no_software():
    first = png(lead_time_figure(picture(), PROMISE))
    assert first == png(lead_time_figure(picture(), PROMISE))
    assert "Software" not in Image.open(io.BytesIO(first)).info


# --- Signals per region -------------------------------------------------------------------------

CODES = [f"VR{number:02}" for number in range(1, 26)]


def tick_labels(figure: Figure) -> list[str]:
    return [label.get_text() for label in figure.axes[0].get_yticklabels()]


def bar_lengths(figure: Figure) -> tuple[list[float], list[float]]:
    current, previous = figure.axes[0].containers
    return [bar.get_width() for bar in current], [bar.get_width() for bar in previous]


def test_region_chart_shows_the_25_regions_in_code_order_then_the_unknown_ones():
    labels = tick_labels(signals_by_region_figure(picture()))
    assert [label.split(" ")[0] for label in labels] == [*CODES, "onbekend"]
    assert labels[0] == "VR01 Groningen"
    assert labels[5] == "VR06 Noord- en Oost-Gelderland"
    assert labels[24] == "VR25 Flevoland"


def test_region_chart_bars_are_as_long_as_the_counts():
    current, previous = bar_lengths(signals_by_region_figure(picture()))
    expected_current = [0] * 26
    expected_previous = [0] * 26
    for place, now, before in ((0, 3, 2), (5, 12, 4), (23, 1, 5), (25, 2, 0)):
        expected_current[place], expected_previous[place] = now, before
    assert current == expected_current
    assert previous == expected_previous


def test_region_chart_puts_the_first_region_on_top_this_period_above_the_previous():
    figure = signals_by_region_figure(picture())
    current, previous = figure.axes[0].containers
    bottom, top = figure.axes[0].get_ylim()
    assert top < bottom  # the axis runs downwards: VR01 at the top
    assert current[0].get_y() < previous[0].get_y()


def test_region_chart_legend_title_and_label():
    figure = signals_by_region_figure(picture())
    assert legend_texts(figure) == ["deze periode", "vorige periode"]
    axes = figure.axes[0]
    assert axes.get_title() == "Signalen per regio: 18 deze periode, 11 vorige periode"
    assert axes.get_xlabel() == "aantal signalen"


def test_region_chart_without_unknown_regions_and_of_an_empty_period():
    figure = signals_by_region_figure(empty_picture())
    assert [label.split(" ")[0] for label in tick_labels(figure)] == CODES
    assert bar_lengths(figure) == ([0] * 25, [0] * 25)
    assert opened(figure).size == (900, 560)


def test_region_text_alternative():
    assert describe_signals_by_region(picture()) == (
        "Signalen per regio, deze periode (vorige periode): VR01 Groningen 3 (2); "
        "VR06 Noord- en Oost-Gelderland 12 (4); VR24 Zuid-Limburg 1 (5); onbekend 2 (0); "
        "overige regio's 0 (0)"
    )
    assert describe_signals_by_region(empty_picture()) == (
        "Signalen per regio: geen signalen in deze en de vorige periode."
    )
