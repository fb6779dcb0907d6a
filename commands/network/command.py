"""`!netwerk`: the netwerkkaart in the chat, one aspect or holder of it, or its drawing."""

from __future__ import annotations

from commands.core.context import Context
from commands.core.effects import Effect, RenderFile, Reply
from commands.core.message import text
from commands.core.registry import Command
from commands.network.files import NETWORK_MAP, drawing_spec
from commands.network.request import NetworkRequest, parse_network
from commands.network.view import network_message
from commands.texts import network as texts
from config.powers import load_powers


async def handle_network(request: NetworkRequest, context: Context) -> list[Effect]:
    if request.drawing:
        spec = drawing_spec(request.on)
        return [Reply(text(texts.MAP_FOLLOWS)), RenderFile(context.room_id, NETWORK_MAP, spec)]
    table = load_powers(context.settings.network.powers_file)
    return [Reply(network_message(table, request.aspect, request.holder, request.on))]


COMMAND = Command(
    help=texts.NETWORK_HELP,
    request=NetworkRequest,
    parse=parse_network,
    handler=handle_network,
)
