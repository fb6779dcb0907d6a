"""The reminders bench's accounts and rooms on its private Synapse.

Besides signaalbot and the members it registers a baseline bot and a server admin, who reads
events and timelines without joining any room.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from bench.world import SENDER, Account, demo_members, login_sender, new_account, open_rooms
from bot.demo.homeserver import LocalSynapse
from bot.demo.member import MemberClient


@dataclass
class Accounts:
    bot: Account
    baseline: Account
    admin: Account
    members: dict[str, Account]


def register_accounts(synapse: LocalSynapse) -> Accounts:
    return Accounts(
        bot=new_account(synapse, "signaalbot", "signaalbot"),
        baseline=new_account(synapse, "baselinebot", "baselinebot"),
        admin=new_account(synapse, "benchadmin", "benchadmin", admin=True),
        members=demo_members(synapse),
    )


@dataclass
class World:
    """Accounts and rooms, and the member who sends every command."""

    homeserver: str
    accounts: Accounts
    platform_room: str
    baseline_room: str
    sender: MemberClient


async def build_world(synapse: LocalSynapse) -> World:
    """The platform room (signaalbot invited) and the baseline room, same six members in both."""
    accounts = await asyncio.to_thread(register_accounts, synapse)
    homeserver = synapse.base_url
    platform, baseline = await open_rooms(
        homeserver, accounts.members, accounts.bot, accounts.baseline, "Baseline"
    )
    sender = await login_sender(homeserver, accounts.members[SENDER])
    return World(homeserver, accounts, platform, baseline, sender)
