"""The rooms the bot serves besides incident rooms."""

from __future__ import annotations

from dataclasses import dataclass


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
