"""The charts of `!beeld` and the accountability report: lead times against the promise, and
signals per region now and in the period before.

Each chart is a plain `Figure` on the Agg canvas, built without `pyplot` (whose global state is
not safe across the threads the charts are rendered in), and `png` turns one into bytes that do
not change from one run to the next. Each chart has a `describe_*` twin: the same figures as a
short text, for screen readers and clients that show no images.
"""

from __future__ import annotations

import io
from datetime import timedelta

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from commands.core.timefmt import duration, setting
from commands.texts import charts as texts
from config.reference import regions
from storage.figures import Compared, Picture

#: 900 x 560 pixels: readable in a chat without opening the image.
FIGURE_INCHES = (9.0, 5.6)
DPI = 100
FONT_POINTS = 10
TITLE_POINTS = 12

BAR_COLOUR = "#2171b5"
PROMISE_COLOUR = "#cb181d"
CURRENT_COLOUR = "#08519c"
PREVIOUS_COLOUR = "#9ecae1"

_NOTHING = Compared(current=0, previous=0)


def new_figure() -> Figure:
    """A figure of chat size with its own Agg canvas."""
    figure = Figure(figsize=FIGURE_INCHES, dpi=DPI)
    FigureCanvasAgg(figure)
    return figure


def png(figure: Figure) -> bytes:
    """The figure as PNG, without the software's name or a creation time in it."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _hours(value: timedelta) -> float:
    return value / timedelta(hours=1)


def _percent(share: float) -> str:
    return texts.LEAD_SHARE.format(percent=round(share * 100))


def lead_time_figure(picture: Picture, promise: timedelta) -> Figure:
    """How many repressive visits of the period came after how many whole hours, and the promise."""
    figure = new_figure()
    axes = figure.add_subplot()
    lead = picture.lead
    if not lead.count:
        _say_nothing(axes, texts.LEAD_TITLE_EMPTY, texts.LEAD_EMPTY)
        return figure
    hours = [hour for hour, _ in picture.lead_hours]
    visits = [count for _, count in picture.lead_hours]
    axes.bar(hours, visits, width=0.9, align="edge", color=BAR_COLOUR, label=texts.LEAD_BARS)
    promise_hours = _hours(promise)
    axes.axvline(
        promise_hours,
        color=PROMISE_COLOUR,
        linewidth=2,
        linestyle="--",
        label=texts.LEAD_PROMISE.format(promise=setting(promise)),
    )
    axes.set_xlim(0, max(promise_hours, max(hours, default=0) + 1) * 1.05)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_title(
        texts.LEAD_TITLE.format(
            count=lead.count,
            median=duration(lead.median or timedelta(0)),
            share=_percent(lead.share_within or 0.0),
            promise=setting(promise),
        ),
        fontsize=TITLE_POINTS,
    )
    axes.set_xlabel(texts.LEAD_X_LABEL, fontsize=FONT_POINTS)
    axes.set_ylabel(texts.LEAD_Y_LABEL, fontsize=FONT_POINTS)
    axes.tick_params(labelsize=FONT_POINTS)
    axes.legend(fontsize=FONT_POINTS)
    figure.set_layout_engine("constrained")
    return figure


def _say_nothing(axes: Axes, title: str, message: str) -> None:
    """An axis-free chart that says in words there is nothing to show."""
    axes.set_axis_off()
    axes.set_title(title, fontsize=TITLE_POINTS)
    axes.text(
        0.5,
        0.5,
        message,
        transform=axes.transAxes,
        ha="center",
        va="center",
        fontsize=TITLE_POINTS,
    )


def describe_lead_times(picture: Picture, promise: timedelta) -> str:
    lead = picture.lead
    if not lead.count:
        return texts.LEAD_DESCRIPTION_EMPTY
    return texts.LEAD_DESCRIPTION.format(
        count=lead.count,
        median=duration(lead.median or timedelta(0)),
        within=lead.within,
        promise=setting(promise),
    )


def region_rows(picture: Picture) -> list[tuple[str, Compared]]:
    """Every region in code order with its signals (none when absent), then the unknown ones."""
    by_region = picture.signals_by_region
    rows = [
        (
            texts.REGION_TICK.format(code=region.code, name=region.name),
            by_region.get(region.code, _NOTHING),
        )
        for region in sorted(regions().by_code.values(), key=lambda region: region.code)
    ]
    if None in by_region:
        rows.append((texts.REGION_UNKNOWN, by_region[None]))
    return rows


def signals_by_region_figure(picture: Picture) -> Figure:
    """Signals per region, this period next to the previous one, the first region on top."""
    rows = region_rows(picture)
    figure = new_figure()
    axes = figure.add_subplot()
    places = range(len(rows))
    height = 0.4
    axes.barh(
        [place - height / 2 for place in places],
        [figures.current for _, figures in rows],
        height=height,
        color=CURRENT_COLOUR,
        label=texts.REGIONS_CURRENT,
    )
    axes.barh(
        [place + height / 2 for place in places],
        [figures.previous for _, figures in rows],
        height=height,
        color=PREVIOUS_COLOUR,
        label=texts.REGIONS_PREVIOUS,
    )
    axes.set_yticks(list(places), [label for label, _ in rows])
    axes.set_ylim(len(rows) - 0.5, -0.5)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.grid(axis="x", alpha=0.3)
    axes.set_title(
        texts.REGIONS_TITLE.format(
            current=picture.signals.current, previous=picture.signals.previous
        ),
        fontsize=TITLE_POINTS,
    )
    axes.set_xlabel(texts.REGIONS_X_LABEL, fontsize=FONT_POINTS)
    axes.tick_params(labelsize=FONT_POINTS)
    axes.legend(fontsize=FONT_POINTS, loc="best")
    figure.set_layout_engine("constrained")
    return figure


def describe_signals_by_region(picture: Picture) -> str:
    rows = region_rows(picture)
    counted = [(label, figures) for label, figures in rows if figures.current or figures.previous]
    if not counted:
        return texts.REGIONS_DESCRIPTION_NONE
    items = [
        texts.REGIONS_DESCRIPTION_ITEM.format(
            region=label, current=figures.current, previous=figures.previous
        )
        for label, figures in counted
    ]
    if len(counted) < len(rows):
        items.append(texts.REGIONS_DESCRIPTION_REST)
    return texts.REGIONS_DESCRIPTION.format(regions=texts.DESCRIPTION_JOIN.join(items))
