"""Reading the figures from a seeded database, as the commands ask for them."""

from __future__ import annotations

from datetime import timedelta

from storage.database import Database
from storage.figures import Picture, Scope, Window
from storage.picture import PictureQueries
from tests.unit.picture.seed import CURRENT, FORTNIGHT, NOW, PREVIOUS, PROMISE

EVERYTHING = Scope()


async def picture_of(
    database: Database,
    scope: Scope = EVERYTHING,
    current: Window = CURRENT,
    previous: Window = PREVIOUS,
    cadence: timedelta = FORTNIGHT,
) -> Picture:
    async with database.transaction() as session:
        return await PictureQueries(session).picture(
            current, previous, scope, now=NOW, promise=PROMISE, cadence=cadence
        )
