"""`!netwerk`: the netwerkkaart in the chat, one aspect or holder of it, or its drawing."""

from __future__ import annotations

from commands.core.context import Context
from commands.core.effects import Effect, RenderFile, Reply
from commands.core.message import lines, text
from commands.core.registry import Command
from commands.network.files import NETWORK_MAP, drawing_spec
from commands.network.request import NetworkRequest, parse_network
from commands.network.table import powers_of
from commands.network.view import network_message
from commands.texts import network as texts


async def handle_network(request: NetworkRequest, context: Context) -> list[Effect]:
    if request.drawing:
        spec = drawing_spec(request.on)
        return [Reply(text(texts.MAP_FOLLOWS)), RenderFile(context.room_id, NETWORK_MAP, spec)]
    table, file_left_out = powers_of(context.settings)
    answer = network_message(table, request.aspect, request.holder, request.on)
    return [Reply(lines(answer, texts.FILE_LEFT_OUT if file_left_out else None))]


COMMAND = Command(
    help=texts.NETWORK_HELP,
    request=NetworkRequest,
    parse=parse_network,
    handler=handle_network,
)
