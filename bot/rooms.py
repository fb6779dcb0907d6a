"""The rooms the bot serves besides incident rooms: the configured ones, and direct chats."""

from __future__ import annotations

from dataclasses import dataclass

from nio import AsyncClient


@dataclass(frozen=True)
class PlatformRooms:
    platform: str  # room id of the platform room
    lotc: str | None = None  # room id of LOT-C's room, if it has one

    @property
    def alert(self) -> str:
        """Where LOT-C is alerted and asked: its room, or else the platform room."""
        return self.lotc or self.platform

    @property
    def commands(self) -> frozenset[str]:
        """Rooms where commands work that are not about one case."""
        return frozenset(room for room in (self.platform, self.lotc) if room)


class DirectChats:
    """Which rooms are a member's direct chat with the bot: neither the platform nor the LOT-C
    room, with the bot and one other person joined and nobody else invited.

    Read from nio's room state, which each sync keeps current, so a chat opened before the bot
    knew of direct chats counts too, and one that a third person joins stops counting. Incident
    rooms can have two members early on; the dispatcher knows them by their case first.
    """

    def __init__(self, client: AsyncClient, rooms: PlatformRooms) -> None:
        self.client = client
        self.rooms = rooms

    def __call__(self, room_id: str) -> bool:
        if room_id in self.rooms.commands:
            return False
        room = self.client.rooms.get(room_id)
        return room is not None and room.joined_count == 2 and room.invited_count == 0
