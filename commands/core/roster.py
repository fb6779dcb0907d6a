"""The directory as handlers see it: who is a member, in which entity, region and roles, who
stands in for whom while they are away. One snapshot per transaction, read from the database."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from config.reference import Entity

PROJECT_LEADER = "projectleider"


@dataclass(frozen=True)
class Person:
    """A member of the directory."""

    user_id: str
    entity: Entity
    region: str | None = None
    roles: tuple[str, ...] = ("lid",)
    name: str | None = None
    substitute: str | None = None
    away_from: datetime | None = None
    away_until: datetime | None = None

    def away(self, now: datetime) -> bool:
        """Away now: from `away_from` (or at once) until `away_until`."""
        if self.away_until is None or now >= self.away_until:
            return False
        return self.away_from is None or now >= self.away_from

    @property
    def is_project_leader(self) -> bool:
        return PROJECT_LEADER in self.roles


@dataclass(frozen=True)
class Directory:
    """Every member, the bot's own id and the LOT-C accounts the configuration names."""

    people: Mapping[str, Person]
    bot_user: str
    lotc_accounts: tuple[str, ...] = ()

    def member(self, user_id: str) -> Person | None:
        return self.people.get(user_id)

    def __contains__(self, user_id: object) -> bool:
        return user_id in self.people

    def __iter__(self) -> Iterator[Person]:
        return iter(self.people.values())

    def project_leaders(self) -> list[str]:
        return sorted(p.user_id for p in self if p.is_project_leader)

    def stand_in(self, user_id: str, now: datetime) -> str | None:
        """Who acts for a member while away: their substitute, if that is a member who is
        not away too."""
        person = self.member(user_id)
        if person is None or person.substitute is None or not person.away(now):
            return None
        substitute = self.member(person.substitute)
        if substitute is None or substitute.away(now):
            return None
        return substitute.user_id

    def with_stand_ins(self, user_ids: Iterable[str], now: datetime) -> list[str]:
        """The people, and for each who is away, their substitute as well (once each)."""
        chosen: dict[str, None] = {}
        for user_id in user_ids:
            chosen[user_id] = None
            stand_in = self.stand_in(user_id, now)
            if stand_in is not None:
                chosen[stand_in] = None
        return list(chosen)

    def absent(self, user_ids: Sequence[str], now: datetime) -> list[Person]:
        """Those of these people who are away now."""
        return [p for u in user_ids if (p := self.member(u)) is not None and p.away(now)]
