"""Setting up what every bench measures in: a private Synapse, accounts, rooms, the sender.

The demo-like members (``bot.demo.run.DEMO_ACCOUNTS``) join a platform room with signaalbot and
a second room with the baseline bot, so both bots serve the same six members.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.database import homeserver_database
from bot.demo.homeserver import LocalSynapse
from bot.demo.member import MemberClient
from bot.demo.run import DEMO_ACCOUNTS

REGION = "VR06"
SENDER = "iszw"
LEADER = "lotc"  # creates the rooms
SENDER_DEVICE = "bench-member"


@dataclass(frozen=True)
class Account:
    user_id: str
    password: str


@asynccontextmanager
async def local_synapse(
    data_dir: Path, database_url: str | None = None
) -> AsyncIterator[LocalSynapse]:
    """Synapse on SQLite, or with `database_url` on a throw-away PostgreSQL database there."""
    async with homeserver_database(database_url) as database:
        synapse = LocalSynapse(data_dir, database=database)
        await asyncio.to_thread(synapse.start)
        try:
            yield synapse
        finally:
            await asyncio.to_thread(synapse.stop)


def new_account(synapse: LocalSynapse, localpart: str, name: str, admin: bool = False) -> Account:
    """Register ``localpart`` with a fresh random password."""
    password = secrets.token_urlsafe(12)
    user_id = synapse.register(localpart, password, admin=admin, displayname=name)
    return Account(user_id, password)


def demo_members(synapse: LocalSynapse) -> dict[str, Account]:
    """The demo members' accounts, by localpart."""
    return {
        localpart: new_account(synapse, localpart, name)
        for localpart, _entity, _region, _roles, name in DEMO_ACCOUNTS
    }


def member_settings(accounts: dict[str, Account]) -> dict[str, dict[str, Any]]:
    """The ``members`` section of signaalbot's config for the demo members."""
    return {
        accounts[localpart].user_id: {
            "entity": entity,
            "region": region,
            "roles": roles,
            "name": name,
        }
        for localpart, entity, region, roles, name in DEMO_ACCOUNTS
    }


def _store(stores: Path | None, name: str) -> Path | None:
    """A member's crypto store under `stores`; None (no encryption) without `stores`."""
    return None if stores is None else stores / name


async def open_rooms(
    homeserver: str,
    members: dict[str, Account],
    bot: Account,
    baseline: Account,
    baseline_room: str,
    stores: Path | None = None,
) -> tuple[str, str]:
    """The platform room (with signaalbot) and a room called `baseline_room` (with the baseline
    bot), same members in both.

    With `stores` the members do end-to-end encryption and both rooms are encrypted.
    """
    encrypted = stores is not None
    clients = {
        localpart: await MemberClient.login(
            homeserver, account.user_id, account.password, store_dir=_store(stores, localpart)
        )
        for localpart, account in members.items()
    }
    try:
        leader = clients[LEADER]
        others = [account.user_id for lp, account in members.items() if lp != LEADER]
        platform = await leader.create_room(
            "Platform", invite=[*others, bot.user_id], encrypted=encrypted
        )
        second = await leader.create_room(
            baseline_room, invite=[*others, baseline.user_id], encrypted=encrypted
        )
        for localpart, client in clients.items():
            if localpart != LEADER:
                await client.join(platform)
                await client.join(second)
    finally:
        for client in clients.values():
            await client.close()
    return platform, second


async def login_sender(
    homeserver: str, account: Account, stores: Path | None = None
) -> MemberClient:
    """The client of the member who sends the commands (its own device)."""
    return await MemberClient.login(
        homeserver,
        account.user_id,
        account.password,
        SENDER_DEVICE,
        store_dir=_store(stores, SENDER_DEVICE),
    )


async def bot_joined(member: MemberClient, room_id: str, bot_id: str) -> None:
    """Until `member` sees `bot_id` join `room_id`."""

    def joined(rid: str, source: dict[str, Any]) -> bool:
        return (
            rid == room_id
            and source.get("type") == "m.room.member"
            and source.get("state_key") == bot_id
            and (source.get("content") or {}).get("membership") == "join"
        )

    # The caller bounds the wait (and notices if the bot exits).
    await member.wait_for_event(joined, timeout=3600)


@dataclass
class World:
    """Accounts and rooms of a latency bench, and the member who sends every command."""

    homeserver: str
    signaalbot: Account
    echo: Account
    members: dict[str, dict[str, Any]]
    platform_room: str
    echo_room: str
    sender: MemberClient
    accounts: dict[str, Account] = field(default_factory=dict)  # the members', by localpart

    def invitees(self) -> list[str]:
        """Whom signaalbot invites for a case in VR06: every national and every VR06 member."""
        return sorted(self.members)


def _register_accounts(synapse: LocalSynapse) -> tuple[Account, Account, dict[str, Account]]:
    """The signaalbot account, the echo bot account and the demo members, by localpart."""
    bot = new_account(synapse, "signaalbot", "signaalbot")
    echo = new_account(synapse, "echobot", "echobot")
    return bot, echo, demo_members(synapse)


async def build_world(
    synapse: LocalSynapse, stores: Path | None, sender_localpart: str = SENDER
) -> World:
    """Accounts, rooms and the client of the member who sends the commands; with `stores`
    (crypto stores of the members) everything encrypted."""
    bot, echo, members = await asyncio.to_thread(_register_accounts, synapse)
    platform, echo_room = await open_rooms(synapse.base_url, members, bot, echo, "Echo", stores)
    sender = await login_sender(synapse.base_url, members[sender_localpart], stores)
    await sender.sync_once(0.001)  # nio encrypts only for rooms its sync has seen
    return World(
        homeserver=synapse.base_url,
        signaalbot=bot,
        echo=echo,
        members=member_settings(members),
        platform_room=platform,
        echo_room=echo_room,
        sender=sender,
        accounts=members,
    )
