"""Cross-border cases counted for the agenda and `!beeld`: opened in the period, by country
where it is known, next to the period before, in the words each of them uses for a trend.

The picture's modules import this one, so it uses their texts and not their functions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from commands.border.flag import country_label
from commands.texts import border as texts
from commands.texts import overview as overview_texts
from commands.texts import picture as picture_texts
from config.reference import regions
from storage.figures import Compared, Picture


@dataclass(frozen=True)
class CrossBorder:
    total: Compared
    by_country: dict[str | None, Compared]  # None: a region on two borders, country not given


def _country(region: str | None, border: str | None) -> tuple[bool, str | None]:
    """Whether a case of this region and stored country crosses, and into which country."""
    if border:
        return True, border
    crossing = regions()[region].borders if region and region in regions() else ()
    return bool(crossing), crossing[0] if len(crossing) == 1 else None


def cross_border(picture: Picture) -> CrossBorder:
    current: Counter[str | None] = Counter()
    previous: Counter[str | None] = Counter()
    for (region, border), count in picture.opened_by_border.items():
        crosses, country = _country(region, border)
        if crosses:
            current[country] += count.current
            previous[country] += count.previous
    by_country = {key: Compared(current[key], previous[key]) for key in current | previous}
    return CrossBorder(Compared(current.total(), previous.total()), by_country)


def _countries(figures: CrossBorder, template: str = texts.BY_COUNTRY) -> str:
    """` (Duitsland 2, België 1)`: this period's counts per country; empty when none."""
    order = {None: 2, "DE": 0, "BE": 1}
    items = [
        texts.BY_COUNTRY_ITEM.format(country=country_label(key), count=value.current)
        for key, value in sorted(figures.by_country.items(), key=lambda i: order.get(i[0], 3))
        if value.current
    ]
    return template.format(items=", ".join(items)) if items else ""


def agenda_line(picture: Picture) -> str:
    figures = cross_border(picture)
    line = texts.AGENDA_CROSS_BORDER.format(
        count=figures.total.current, countries=_countries(figures)
    )
    arrow = picture_texts.TREND_ARROWS[figures.total.trend]
    return line + picture_texts.AGENDA_TREND.format(previous=figures.total.previous, arrow=arrow)


def picture_line(picture: Picture) -> str:
    figures = cross_border(picture)
    total = figures.total
    count = overview_texts.COMPARED.format(
        current=total.current, previous=total.previous, trend=overview_texts.TRENDS[total.trend]
    )
    countries = _countries(figures, texts.PICTURE_BY_COUNTRY)
    return texts.PICTURE_CROSS_BORDER.format(count=count, countries=countries)
