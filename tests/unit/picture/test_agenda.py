"""The agenda's operational picture on the seeded fortnight: the same figures, each next to
the fortnight before, and the sectors whose risk rose sharply."""

from __future__ import annotations

from storage.bot_state import BotState
from storage.database import Database
from tests.unit.agenda.helpers import ask
from tests.unit.helpers import make_dispatcher
from tests.unit.picture.seed import NOW, T

PICTURE_LINES = (
    "Nieuwe signalen: 7 (2026-001 Bedrijf 1, 2026-002 Bedrijf 2, 2026-003 Bedrijf 3, 2026-004"
    " Bedrijf 4, 2026-005 Bedrijf 5, 2026-006 Bedrijf 6, 2026-007 Bedrijf 7) · vorige periode 3 ↑",
    "Herhaalde signalen bij een open zaak: 2 · vorige periode 1 ↑",
    "Repressieve inzetten: 4, waarvan 2 binnen 24 uur · vorige periode 3 ↑",
    "Doorlooptijd: mediaan 1 dag, 90% binnen 1 dag en 6 uur",
    "2026-001: doorlooptijd 2 uur (op tijd)",
    "2026-002: doorlooptijd 1 dag (op tijd)",
    "2026-003: doorlooptijd 1 dag (te laat)",
    "2026-007: doorlooptijd 1 dag en 6 uur (te laat)",
    "Open zaken: 7, waarvan 2 over tijd",
    "Preventieve bezoeken: 2 uitgevoerd, 2 gepland · vorige periode 1 uitgevoerd ↑",
    "Open acties: 3, waarvan 1 over tijd",
    "Nieuwe besluiten: 1 · vorige periode 3 ↓",
    "Ingediend: 4 · vorige periode 2 ↑",
)
# Over the last 90 days against the 90 before (nothing): 001 002 007 008 009 011 in meat
# (companies A F G H K), 003 004 010 in horticulture (B C); logistics and the unknown sector
# score 1, under the minimum rise of 3.
RISING = (
    "Sterk stijgend: sector Vleesverwerking en slachterijen (laatste 3 maanden): bedrijven 5"
    " (was 0), besluiten tot inzet 6 (was 0), rapporten met maatregelen 2 (was 0)",
    "Sterk stijgend: sector Land- en tuinbouw (laatste 3 maanden): bedrijven 2 (was 0),"
    " besluiten tot inzet 3 (was 0), rapporten met maatregelen 0 (was 0)",
)


async def draft_since_t(database: Database) -> str:
    """The draft agenda at NOW, the bot having started at T: the seeded current fortnight."""
    async with database.transaction() as session:
        await BotState(session).first_start(T)
    return await ask(make_dispatcher(database), "!agenda", NOW)


async def test_the_agenda_shows_each_count_next_to_the_period_before(seeded: Database) -> None:
    body = await draft_since_t(seeded)
    for expected in PICTURE_LINES:
        assert expected in body, expected
    assert "2026-008" not in body  # visited in the previous fortnight


async def test_the_agenda_flags_the_sectors_whose_risk_rises_sharply(seeded: Database) -> None:
    body = await draft_since_t(seeded)
    for expected in RISING:
        assert expected in body, expected
    assert "sector Logistiek" not in body
    assert body.count("Sterk stijgend") == 2
    assert body.index(RISING[0]) < body.index("2. Preventieve inzet")
