"""`signaalbot demo`: a private Synapse, one demo account per entity, a platform room, the bot."""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nio import (
    AsyncClient,
    JoinError,
    LoginError,
    RoomCreateError,
    RoomGetStateEventError,
    RoomPreset,
    RoomPutStateError,
)

from bot.matrix.content import ENCRYPTION_STATE
from bot.matrix.files import write_private
from bot.matrix.room_media import PINNED

ACCOUNTS_FILE = "accounts.json"

BOT_LOCALPART = "signaalbot"
POWER_LEVELS = "m.room.power_levels"

# localpart, entity, region, roles, display name
DEMO_ACCOUNTS: tuple[tuple[str, str, str | None, list[str], str], ...] = (
    ("iszw", "ISZW", None, ["lid"], "Ilse (Arbeidsinspectie)"),
    ("nvwa", "NVWA", None, ["lid"], "Niels (NVWA)"),
    ("rivm", "RIVM", None, ["lid"], "Rosa (RIVM)"),
    ("lotc", "LOT-C", None, ["lid", "projectleider"], "Lars (LOT-C, projectleider)"),
    ("vr06", "VR", "VR06", ["lid"], "Vera (VNOG)"),
    ("ggd06", "GGD", "VR06", ["lid"], "Gijs (GGD Noord- en Oost-Gelderland)"),
)


def run_demo(data_dir: Path, port: int | None, encrypted: bool = True) -> int:
    from bot.demo.homeserver import LocalSynapse

    data_dir = data_dir.resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    synapse = LocalSynapse(data_dir / "synapse", port=port)
    print(f"Synapse starten in {synapse.data_dir} ...")
    synapse.start()
    try:
        accounts = prepare_accounts(synapse, data_dir)
        accounts["platform_room"] = asyncio.run(ensure_platform_room(accounts, encrypted))

        def ready() -> None:
            """Only now is the bot in the platform room: earlier messages would be history."""
            write_private(data_dir / ACCOUNTS_FILE, json.dumps(accounts, indent=2))
            print_instructions(accounts, data_dir)

        asyncio.run(run_bot(accounts, data_dir, ready))
    finally:
        synapse.stop()
    return 0


def prepare_accounts(synapse: Any, data_dir: Path) -> dict[str, Any]:
    """Register the bot and the demo accounts; passwords are made once and kept."""
    path = data_dir / ACCOUNTS_FILE
    previous = json.loads(path.read_text("utf-8")) if path.exists() else {}
    passwords = {a["user_id"]: a["password"] for a in previous.get("accounts", [])}
    bot_password = previous.get("bot", {}).get("password") or secrets.token_urlsafe(18)
    bot_id = synapse.register(BOT_LOCALPART, bot_password, displayname="signaalbot")
    accounts = []
    for localpart, entity, region, roles, name in DEMO_ACCOUNTS:
        user_id = f"@{localpart}:{synapse.server_name}"
        password = passwords.get(user_id) or secrets.token_urlsafe(12)
        synapse.register(localpart, password, displayname=name)
        accounts.append(
            {
                "user_id": user_id,
                "password": password,
                "entity": entity,
                "region": region,
                "roles": roles,
                "name": name,
            }
        )
    return {
        "homeserver": synapse.base_url,
        "platform_room": previous.get("platform_room"),
        "bot": {"user_id": bot_id, "password": bot_password},
        "accounts": accounts,
    }


async def ensure_platform_room(accounts: dict[str, Any], encrypted: bool) -> str:
    """The project leader opens the platform room, everyone (the bot too) is in it, and the bot
    may pin there.

    Encrypted by default, as Element and government deployments create private rooms.
    """
    clients = {
        a["user_id"]: await _login(accounts["homeserver"], a["user_id"], a["password"])
        for a in accounts["accounts"]
    }
    try:
        leader = next(a["user_id"] for a in accounts["accounts"] if "projectleider" in a["roles"])
        room_id = accounts.get("platform_room")
        if room_id is None:
            invite = [a["user_id"] for a in accounts["accounts"] if a["user_id"] != leader]
            created = await clients[leader].room_create(
                name="Samenwerkingsplatform Arbeidsmigranten en COVID-19",
                topic="Signalen, overleg en operationeel beeld. Typ !help.",
                preset=RoomPreset.private_chat,
                invite=[*invite, accounts["bot"]["user_id"]],
                initial_state=[ENCRYPTION_STATE] if encrypted else [],
            )
            if isinstance(created, RoomCreateError):
                raise RuntimeError(f"could not create the platform room: {created.message}")
            room_id = created.room_id
        for user_id, client in clients.items():
            if user_id != leader:
                joined = await client.join(room_id)
                if isinstance(joined, JoinError):
                    raise RuntimeError(f"{user_id} could not join the platform room")
        await _let_the_bot_pin(clients[leader], room_id, accounts["bot"]["user_id"])
        return room_id
    finally:
        for client in clients.values():
            await client.close()


async def _let_the_bot_pin(leader: AsyncClient, room_id: str, bot_id: str) -> None:
    """The project leader gives the bot the power to pin (moderator, 50, in a default room), so
    the biweekly invitation is pinned; also in a room made by an earlier run, without it."""
    current = await leader.room_get_state_event(room_id, POWER_LEVELS)
    if isinstance(current, RoomGetStateEventError):
        raise RuntimeError(f"could not read the platform room's power levels: {current.message}")
    levels = current.content
    needed = levels.get("events", {}).get(PINNED, levels.get("state_default", 50))
    users = levels.get("users", {})
    if users.get(bot_id, levels.get("users_default", 0)) >= needed:
        return
    content = {**levels, "users": {**users, bot_id: needed}}
    response = await leader.room_put_state(room_id, POWER_LEVELS, content)
    if isinstance(response, RoomPutStateError):
        raise RuntimeError(f"could not let the bot pin in the platform room: {response.message}")


async def _login(homeserver: str, user_id: str, password: str) -> AsyncClient:
    client = AsyncClient(homeserver, user_id)
    response = await client.login(password, device_name="signaalbot-demo-setup")
    if isinstance(response, LoginError):
        raise RuntimeError(f"login as {user_id} failed: {response.message}")
    return client


def demo_settings(accounts: dict[str, Any], data_dir: Path) -> dict[str, Any]:
    """Configuration for the bot in the demo; environment overrides still apply on top."""
    return {
        "matrix": {
            "homeserver": accounts["homeserver"],
            "user_id": accounts["bot"]["user_id"],
            "password": accounts["bot"]["password"],
            "device_id": "SIGNAALBOTDEMO",
        },
        "storage": {"data_dir": str(data_dir / "bot")},
        "platform": {"room": accounts["platform_room"]},
        "members": {
            a["user_id"]: {
                "entity": a["entity"],
                "region": a["region"],
                "roles": a["roles"],
                "name": a["name"],
            }
            for a in accounts["accounts"]
        },
    }


async def run_bot(accounts: dict[str, Any], data_dir: Path, on_ready: Callable[[], None]) -> None:
    from bot.app import run_until_stopped
    from config.settings import Settings

    await run_until_stopped(Settings(**demo_settings(accounts, data_dir)), on_ready)


def print_instructions(accounts: dict[str, Any], data_dir: Path) -> None:
    print()
    print("signaalbot demo draait.")
    print(f"  Homeserver:    {accounts['homeserver']}")
    print(f"  Platformkamer: {accounts['platform_room']}")
    print(f"  Accounts en wachtwoorden: {data_dir / ACCOUNTS_FILE}")
    print()
    print("Log in met een Matrix-client (bijvoorbeeld Element of 'matrix-commander'),")
    print("homeserver hierboven, met een van deze accounts:")
    for account in accounts["accounts"]:
        print(f"  {account['user_id']:<20} {account['password']:<20} {account['name']}")
    print()
    print("Typ in de platformkamer bijvoorbeeld:")
    print("  !signaal Slachterij De Vries, Groenlo; regio: VNOG; sector: vleesverwerking")
    print("Stoppen: Ctrl-C.")
    print()
