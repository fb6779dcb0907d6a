"""`!help [commando]`, generated from the registrations."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from commands.core.context import Context
from commands.core.effects import Effect, Reply
from commands.core.message import EXCERPT_CHARS, Message, bold, bullets, code, excerpt, lines, text
from commands.core.registry import Command, Registry
from commands.texts import core as texts
from commands.texts.command_help import HelpGroup
from storage.cases import Case


class HelpRequest(BaseModel):
    model_config = ConfigDict(frozen=True)

    topic: str | None = None


def parse_topic(arguments: str) -> dict[str, str | None]:
    words = arguments.split()
    return {"topic": words[0].lstrip("!").lower() if words else None}


def overview(registry: Registry, case: Case | None = None) -> Message:
    """The commands grouped by what a member is doing; in an incident room (`case`) the
    commands about its case come first."""
    order = list(HelpGroup)
    if case is not None:
        order.remove(HelpGroup.CASE)
        order.insert(0, HelpGroup.CASE)
    parts: list[Message] = [bold(texts.HELP_HEADER)]
    for group in order:
        members = [command for command in registry.listing() if command.help.group is group]
        if not members:
            continue
        heading = texts.HELP_GROUPS[group]
        if case is not None and group is HelpGroup.CASE:
            heading = texts.HELP_THIS_CASE.format(number=case.number)
        parts.append(bold(heading))
        parts.append(bullets([code(c.usage) + f" — {c.summary}" for c in members]))
    return lines(*parts)


def plain_words(registry: Registry, body: str) -> list[Effect]:
    """What a member typed without `!` in a direct chat: a greeting or a question for help
    gets the overview, anything else how commands are typed."""
    said = " ".join(re.sub(r"[^\w\s]", " ", body.lower()).split())
    first = said.split(" ", 1)[0]
    if said in texts.HELP_PHRASES or first in texts.GREETING_WORDS:
        return [Reply(lines(texts.DIRECT_WELCOME, overview(registry)))]
    return [Reply(text(texts.DIRECT_HINT))]


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
    async def handle_help(request: HelpRequest, context: Context) -> list[Effect]:
        if request.topic is None:
            return [Reply(overview(registry, context.room_case))]
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
                        overview(registry, context.room_case),
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
