"""At start-up: the counterparts file is read once, so a broken one stops the bot at once with
what is wrong, rather than at the first cross-border case."""

from __future__ import annotations

from commands.border.flag import network
from commands.core.context import Workspace


async def check_counterparts(workspace: Workspace) -> None:
    network(workspace.settings)
