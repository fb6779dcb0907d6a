"""The agenda names the overdue actions oldest first, at most ten, however many open actions
there are: the rest are counted, not listed."""

from __future__ import annotations

from datetime import timedelta

from storage.database import Database
from storage.follow_up import Action
from tests.unit.agenda.helpers import ask
from tests.unit.helpers import NOW, PLATFORM, make_dispatcher


async def test_twelve_overdue_actions_among_open_ones_show_the_ten_oldest(
    database: Database,
) -> None:
    async with database.transaction() as session:
        for index in range(5):  # open, without a due time: agreed first, never listed
            session.add(action(f"Zonder termijn {index}", None))
        for index in range(12):  # overdue, the newest due first
            session.add(action(f"Achterstallig {index:02d}", NOW - timedelta(days=index + 1)))
    body = await ask(make_dispatcher(database), "!agenda", NOW)
    assert "Open acties: 17, waarvan 12 over tijd" in body
    shown = [f"Achterstallig {index:02d}" for index in range(11, 1, -1)]
    positions = [body.index(line) for line in shown]
    assert positions == sorted(positions)  # oldest due first
    assert "Achterstallig 01" not in body and "Achterstallig 00" not in body
    assert "Zonder termijn" not in body


def action(text: str, due: object) -> Action:
    return Action(
        room_id=PLATFORM,
        text=text,
        owner_entity="NVWA",
        due_at=due,
        created_by="@iszw:example.org",
        created_at=NOW - timedelta(days=30),
    )
