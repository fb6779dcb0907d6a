"""The national picture: reference figures per region imported from partners, and the signals
per aspect (wonen, werken, vervoer) they are shown beside."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    Integer,
    String,
    UniqueConstraint,
    case,
    cast,
    func,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime
from storage.cases import Case, CaseKind
from storage.figures import Window

SOURCE_CHARS = 200


class NationalFigure(Base):
    """The current figure of one indicator in one region: a new import replaces it."""

    __tablename__ = "national_figures"
    __table_args__ = (
        UniqueConstraint("region", "indicator", name="uq_national_figures_region_indicator"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    region: Mapped[str] = mapped_column(String(4))
    indicator: Mapped[str] = mapped_column(String(40))
    value: Mapped[int | None] = mapped_column(BigInteger)  # a count
    sectors: Mapped[list[str] | None] = mapped_column(JSON)  # sector keys, most important first
    source: Mapped[str] = mapped_column(String(SOURCE_CHARS))  # the partner or publication
    as_of: Mapped[date] = mapped_column(Date)  # the peildatum
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    imported_from: Mapped[str] = mapped_column(String(255))  # the file's name


@dataclass(frozen=True)
class FigureValues:
    """One figure as an import file gives it, read and checked."""

    region: str
    indicator: str
    value: int | None
    sectors: tuple[str, ...] | None
    source: str
    as_of: date


@dataclass(frozen=True)
class AspectSignals:
    """Repressive cases about one aspect: signalled in a window, and ever."""

    in_window: int
    total: int


class NationalFigures:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def upsert(
        self, figures: Sequence[FigureValues], *, at: datetime, imported_from: str
    ) -> None:
        """Each figure replaces the current one of its region and indicator, if there is one."""
        current = {(row.region, row.indicator): row for row in await self.all()}
        for figure in figures:
            row = current.get((figure.region, figure.indicator))
            if row is None:
                row = NationalFigure(region=figure.region, indicator=figure.indicator)
                self.session.add(row)
                current[(figure.region, figure.indicator)] = row
            row.value = figure.value
            row.sectors = list(figure.sectors) if figure.sectors is not None else None
            row.source = figure.source
            row.as_of = figure.as_of
            row.imported_at = at
            row.imported_from = imported_from
        await self.session.flush()

    async def for_region(self, region: str) -> list[NationalFigure]:
        query = select(NationalFigure).where(NationalFigure.region == region)
        return list((await self.session.scalars(query.order_by(NationalFigure.indicator))).all())

    async def all(self) -> list[NationalFigure]:
        query = select(NationalFigure).order_by(NationalFigure.region, NationalFigure.indicator)
        return list((await self.session.scalars(query)).all())

    async def signals_per_aspect(
        self, window: Window, region: str | None = None
    ) -> dict[str, AspectSignals]:
        """Per aspect, the repressive cases naming it (in `region`, or anywhere).

        Counted in the database, grouped by the aspect list as text: a JSON column cannot be
        grouped on PostgreSQL, and the distinct lists are few. A case naming two aspects
        counts for both.
        """
        aspects = cast(Case.aspects, String)
        signalled = (Case.signalled_at >= window.since) & (Case.signalled_at < window.until)
        query = (
            select(aspects, func.count(), func.sum(case((signalled, 1), else_=0)))
            .where(Case.kind == CaseKind.REPRESSIVE)
            .group_by(aspects)
        )
        if region is not None:
            query = query.where(Case.region == region)
        counts: dict[str, tuple[int, int]] = {}
        for listed, total, in_window in (await self.session.execute(query)).all():
            for aspect in _decoded(listed):
                before_window, before_total = counts.get(aspect, (0, 0))
                counts[aspect] = (before_window + int(in_window or 0), before_total + total)
        return {aspect: AspectSignals(*pair) for aspect, pair in counts.items()}


def _decoded(listed: str | None) -> set[str]:
    """The aspects of a stored list as text; none for NULL or JSON null."""
    return set(json.loads(listed) or ()) if listed else set()
