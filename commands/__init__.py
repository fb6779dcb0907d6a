"""Command handlers: text in, effects out. Nothing here talks to Matrix."""

from commands.agenda import cycle as agenda
from commands.cases import flow as case_flow
from commands.cases import intake as signal
from commands.cases import queries as case_query
from commands.core.help import help_command
from commands.core.registry import Registry
from commands.follow_up import entries as follow_up
from commands.follow_up import lists
from commands.meetings import flow as meetings
from commands.meetings import minutes
from commands.preventive import visits as preventive


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
