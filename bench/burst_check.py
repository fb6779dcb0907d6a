"""After a burst: did every signal get exactly one answer and one incident room?

Read back from the homeserver (the platform room's whole history, the observer's invites), not
from the bot's database: this is what the members see.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from nio import RoomMessagesError

from bench.world import World
from bot.demo.member import MemberClient


@dataclass(frozen=True)
class Checked:
    commands: int  # of the burst's commands, found in the room
    answered_once: int
    unanswered: int
    answered_twice: int
    rooms: int  # incident rooms the observer was invited to for the burst's titles
    titles_with_room: int
    titles_with_two_rooms: int

    @property
    def complete(self) -> bool:
        """Nothing lost, nothing doubled."""
        total = self.commands
        return (
            self.answered_once == total
            and self.rooms == total
            and self.titles_with_room == total
            and self.titles_with_two_rooms == 0
        )

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "complete": self.complete}


async def room_history(client: MemberClient, room_id: str) -> list[dict[str, Any]]:
    """Every event of the room, newest first, paged back from the homeserver."""
    events: list[dict[str, Any]] = []
    start: str | None = None
    while True:
        page = await client.client.room_messages(room_id, start=start, limit=500)
        if isinstance(page, RoomMessagesError):
            raise RuntimeError(f"reading the platform room failed: {page.message}")
        events += [event.source for event in page.chunk]
        if not page.chunk or page.end is None:
            return events
        start = page.end


def _reply_to(source: dict[str, Any]) -> str | None:
    relates = (source.get("content") or {}).get("m.relates_to") or {}
    return (relates.get("m.in_reply_to") or {}).get("event_id")


async def check_platform_room(
    observer: MemberClient, world: World, bodies: list[str], titles: list[str]
) -> Checked:
    events = await room_history(observer, world.platform_room)
    wanted = set(bodies)
    commands = {
        source["event_id"]
        for source in events
        if source.get("type") == "m.room.message"
        and (source.get("content") or {}).get("body") in wanted
    }
    answers = Counter(
        target
        for source in events
        if source.get("sender") == world.signaalbot.user_id
        and (target := _reply_to(source)) in commands
        and "m.new_content" not in (source.get("content") or {})
    )
    rooms = _rooms_by_title(observer, titles)
    return Checked(
        commands=len(commands),
        answered_once=sum(1 for event_id in commands if answers[event_id] == 1),
        unanswered=sum(1 for event_id in commands if answers[event_id] == 0),
        answered_twice=sum(1 for event_id in commands if answers[event_id] > 1),
        rooms=sum(rooms.values()),
        titles_with_room=sum(1 for title in titles if rooms[title] >= 1),
        titles_with_two_rooms=sum(1 for title in titles if rooms[title] > 1),
    )


def _rooms_by_title(observer: MemberClient, titles: list[str]) -> Counter[str]:
    """Incident rooms (named `<case number> · <title>`) per title of the burst."""
    wanted = set(titles)
    found: Counter[str] = Counter()
    for state in observer.pending_invites().values():
        for event in state:
            if event.get("type") != "m.room.name":
                continue
            name = str((event.get("content") or {}).get("name", ""))
            title = name.partition(" · ")[2]
            if title in wanted:
                found[title] += 1
    return found
