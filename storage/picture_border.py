"""The picture's count behind the cross-border line: repressive cases opened in each window,
per region and stored country. Which regions lie on the border is reference data, so the
commands fold these counts into cross-border cases."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.cases import Case, CaseKind
from storage.figures import Compared, Scope, Window
from storage.picture_sql import count_in, in_either, scoped


async def opened_by_border(
    session: AsyncSession, current: Window, previous: Window, scope: Scope
) -> dict[tuple[str | None, str | None], Compared]:
    query = select(
        Case.region,
        Case.border,
        count_in(Case.signalled_at, current),
        count_in(Case.signalled_at, previous),
    ).where(Case.kind == CaseKind.REPRESSIVE, in_either(Case.signalled_at, current, previous))
    rows = await session.execute(scoped(query, scope).group_by(Case.region, Case.border))
    return {(region, border): Compared(n, m) for region, border, n, m in rows}
