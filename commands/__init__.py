"""Command handlers: text in, effects out. Nothing here talks to Matrix.

Each family is one package exporting COMMANDS, REMINDERS (reminder kind -> what it does),
REACTIONS, AT_START (what start-up plans), LIVE (live message kind -> how it reads now) and
FILES (rendered file kind -> how it is drawn when it goes out); a
new family is a new package and one line here.
"""

from commands import (
    agenda,
    border,
    cases,
    contacts,
    directory,
    follow_up,
    meetings,
    network,
    picture,
    preventive,
    records,
    retention,
)
from commands.core.context import FileRender, LiveRender, Workspace
from commands.core.effects import Effect
from commands.core.help import help_command
from commands.core.registry import Registry
from commands.core.schedule import ReminderAct, StartHook, first_start
from storage.reminders import Reminder

FAMILIES = (
    cases,
    meetings,
    follow_up,
    preventive,
    agenda,
    picture,
    directory,
    contacts,
    network,
    border,
    records,
    retention,
)

#: What a due reminder of each kind does.
REMINDERS: dict[str, ReminderAct] = {
    kind: act for family in FAMILIES for kind, act in family.REMINDERS.items()
}
#: What start-up plans, family by family.
AT_START: tuple[StartHook, ...] = tuple(hook for family in FAMILIES for hook in family.AT_START)

#: How each kind of live message reads now; bot/ edits them without knowing what they show.
LIVE: dict[str, LiveRender] = {
    kind: render for family in FAMILIES for kind, render in family.LIVE.items()
}


#: How each kind of rendered file (a chart, a workbook, a PDF) is drawn when it goes out.
FILES: dict[str, FileRender] = {
    kind: draw for family in FAMILIES for kind, draw in family.FILES.items()
}


def build_registry() -> Registry:
    registry = Registry()
    for family in FAMILIES:
        for command in family.COMMANDS:
            registry.add(command)
        for rule in family.REACTIONS:
            registry.reactions.add(rule)
    registry.add(help_command(registry))
    return registry


async def run_reminder(reminder: Reminder, workspace: Workspace) -> list[Effect] | None:
    """What a due reminder does; None when its reason has gone (it is then cancelled)."""
    act = REMINDERS.get(reminder.kind)
    return None if act is None else await act(reminder, workspace)


async def plan_at_start(workspace: Workspace) -> None:
    """Once at start-up: what the rows do not hold yet (the next agenda, the cadence warning)."""
    await first_start(workspace)  # stored at the very first start, kept ever after
    for plan in AT_START:
        await plan(workspace)
