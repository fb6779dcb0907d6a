"""`!help [commando]`, generated from the registrations."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from commands.core.context import Context
from commands.core.effects import Effect, Reply
from commands.core.message import EXCERPT_CHARS, Message, bold, bullets, code, excerpt, lines, text
from commands.core.registry import Command, Registry
from commands.texts import core as texts


class HelpRequest(BaseModel):
    model_config = ConfigDict(frozen=True)

    topic: str | None = None


def parse_topic(arguments: str) -> dict[str, str | None]:
    words = arguments.split()
    return {"topic": words[0].lstrip("!").lower() if words else None}


def overview(registry: Registry) -> Message:
    items = [code(command.usage) + f" — {command.summary}" for command in registry.listing()]
    return lines(bold(texts.HELP_HEADER), bullets(items), texts.HELP_FOOTER)


def command_help(command: Command) -> Message:
    aliases = ", ".join(f"!{alias}" for alias in command.aliases)
    return lines(
        bold(command.usage),
        command.summary,
        command.details,
        texts.ALIASES_LINE.format(aliases=aliases) if aliases else None,
        *(texts.EXAMPLE.format(example=example) for example in command.examples),
    )


def help_command(registry: Registry) -> Command:
    async def handle_help(request: HelpRequest, _context: Context) -> list[Effect]:
        if request.topic is None:
            return [Reply(overview(registry))]
        command = registry.find(request.topic)
        if command is None:
            suggestions = registry.suggest(request.topic[:EXCERPT_CHARS])
            return [
                Reply(
                    lines(
                        text(texts.HELP_UNKNOWN.format(name=excerpt(request.topic))),
                        texts.DID_YOU_MEAN.format(options=" of ".join(suggestions))
                        if suggestions
                        else None,
                        overview(registry),
                    )
                )
            ]
        return [Reply(command_help(command))]

    return Command(
        help=texts.HELP_HELP,
        request=HelpRequest,
        parse=parse_topic,
        handler=handle_help,
    )
