"""Commands registered as data: name, aliases, typed request, handler, Dutch help and usage."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError
from rapidfuzz import fuzz, process

from commands.core.context import Context
from commands.core.effects import Effect, Reply
from commands.core.message import EXCERPT_CHARS, Message, excerpt, lines
from commands.core.reactions import Reactions
from commands.texts import core as texts
from commands.texts.command_help import CommandHelp
from storage.audit import COMMAND_UNKNOWN, AuditResult, command_action


class UsageError(ValueError):
    """Bad input: the Dutch message is shown above the command's usage. Nothing is changed."""


Handler = Callable[[Any, Context], Awaitable[list[Effect]]]
Parser = Callable[[str], dict[str, Any]]


class NoArguments(BaseModel):
    """The request of a command that takes nothing after its name."""

    model_config = ConfigDict(frozen=True, extra="forbid")


def no_arguments(name: str) -> Parser:
    def parse(arguments: str) -> dict[str, Any]:
        if arguments.strip():
            raise UsageError(texts.NO_ARGUMENTS.format(name=name))
        return {}

    return parse


@dataclass(frozen=True)
class Command:
    help: CommandHelp  # the name, aliases and help text, from the family's texts
    request: type[BaseModel]
    parse: Parser
    handler: Handler
    #: Phone numbers and e-mail addresses typed into it are an organisation's, and kept when
    #: privacy.screening.organisation_contacts is on (see commands/privacy/screening).
    keeps_contact_details: bool = False

    @property
    def name(self) -> str:
        return self.help.name

    @property
    def aliases(self) -> tuple[str, ...]:
        return self.help.aliases

    @property
    def summary(self) -> str:
        return self.help.summary

    @property
    def usage(self) -> str:
        return self.help.usage

    @property
    def examples(self) -> tuple[str, ...]:
        return self.help.examples

    @property
    def details(self) -> str | None:
        return self.help.details

    def usage_help(self) -> Message:
        example = self.examples[0] if self.examples else None
        return lines(
            texts.USAGE.format(usage=self.usage),
            texts.EXAMPLE.format(example=example) if example else None,
        )


class Registry:
    def __init__(self) -> None:
        self._commands: list[Command] = []
        self.reactions = Reactions()
        self._by_name: dict[str, Command] = {}

    def add(self, command: Command) -> None:
        for name in (command.name, *command.aliases):
            if name in self._by_name:
                raise ValueError(f"command name {name!r} registered twice")
            self._by_name[name] = command
        self._commands.append(command)

    def find(self, name: str) -> Command | None:
        return self._by_name.get(name.lower().lstrip("!"))

    def command_of(self, body: str) -> Command | None:
        """The command a message names (`!contact toevoegen …` -> contact), if it is one."""
        return self.find(split_command(body[: EXCERPT_CHARS * 2])[0])

    def suggest(self, name: str) -> list[str]:
        found = process.extract(
            name.lower(), self._by_name.keys(), scorer=fuzz.ratio, limit=None, score_cutoff=60
        )
        names: list[str] = []
        for match, _score, _ in found:
            command_name = f"!{self._by_name[match].name}"
            if command_name not in names:
                names.append(command_name)
        return names[:2]

    async def run(self, body: str, context: Context) -> list[Effect]:
        """Run a command; notes its name and outcome on the context for the audit trail (a
        handler that refuses without raising UsageError sets `audit_result` itself)."""
        limit = context.settings.limits.command_chars
        # Before anything else: of an oversized message nothing is looked up, parsed or echoed.
        if len(body) > limit:
            context.audit_action = self.action_of(body[: EXCERPT_CHARS * 2])
            return _refused(context, self._too_long(body, limit))
        name, arguments = split_command(body)
        command = self.find(name)
        context.audit_action = self.action_of(body)
        if command is None:
            return _refused(context, self._unknown(name))
        try:
            request = command.request.model_validate(
                command.parse(arguments), context={"settings": context.settings}
            )
        except (UsageError, ValidationError) as error:
            return _refused(context, lines(_explain(error), command.usage_help()))
        try:
            # Handlers raise UsageError before they change anything.
            effects = await command.handler(request, context)
        except UsageError as error:
            return _refused(context, lines(str(error), command.usage_help()))
        context.audit_result = context.audit_result or AuditResult.DONE
        return effects

    def action_of(self, body: str) -> str:
        """The audit trail's action of a message: `command.<canonical name>`, or unknown."""
        command = self.find(split_command(body)[0])
        return command_action(command.name) if command else COMMAND_UNKNOWN

    def _too_long(self, body: str, limit: int) -> Message:
        """The limit, and the usage of the command if its name is a known one."""
        command = self.command_of(body)
        return lines(
            texts.TOO_LONG.format(length=len(body), limit=limit),
            command.usage_help() if command else texts.HELP_HINT,
        )

    def _unknown(self, name: str) -> Message:
        suggestions = self.suggest(name[:EXCERPT_CHARS])  # no command name is longer
        return lines(
            texts.UNKNOWN_COMMAND.format(name=excerpt(f"!{name}")),
            texts.DID_YOU_MEAN.format(options=" of ".join(suggestions)) if suggestions else None,
            texts.HELP_HINT,
        )

    def listing(self) -> Sequence[Command]:
        return self._commands


def _refused(context: Context, message: Message) -> list[Effect]:
    context.audit_result = AuditResult.REFUSED
    return [Reply(message)]


def split_command(body: str) -> tuple[str, str]:
    """`!name rest of the text` -> (`name`, `rest of the text`), newlines in the rest kept."""
    match = re.match(r"!(\S*)\s*(.*)", body.strip(), re.DOTALL)
    return (match[1], match[2]) if match else ("", body)


def _explain(error: UsageError | ValidationError) -> str:
    """The Dutch message of the first problem; pydantic wraps our UsageError in its own."""
    if isinstance(error, UsageError):
        return str(error)
    first = error.errors()[0]
    cause = first.get("ctx", {}).get("error")
    if isinstance(cause, UsageError):
        return str(cause)
    return str(first["msg"])
