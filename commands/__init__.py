"""Command handlers: text in, effects out. Nothing here talks to Matrix."""

from commands import (
    agenda,
    case_flow,
    case_query,
    follow_up,
    lists,
    meetings,
    minutes,
    preventive,
    signal,
)
from commands.help import help_command
from commands.registry import Registry


def build_registry() -> Registry:
    registry = Registry()
    for command in (
        signal.COMMAND,
        *case_flow.COMMANDS,
        case_query.STATUS,
        case_query.CASES,
        meetings.COMMAND,
        *follow_up.COMMANDS,
        *lists.COMMANDS,
        minutes.COMMAND,
        *preventive.COMMANDS,
        agenda.COMMAND,
    ):
        registry.add(command)
    registry.add(help_command(registry))
    return registry
