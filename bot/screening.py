"""The intake's screening at the dispatcher: a command's body and a pinned message's text are
screened for personal data before anything reads them, and the answer says what was removed."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Mapping
from datetime import date

from bot.events import IncomingCommand, IncomingReaction
from commands.core.context import Context
from commands.core.effects import Effect
from commands.core.registry import Registry
from commands.privacy.kinds import PersonalData
from commands.privacy.notice import with_removed_note
from commands.privacy.screening import screen
from config.settings import Settings

Act = Callable[[Context], Awaitable[list[Effect]]]
Found = Mapping[PersonalData, int]


def screened_command(
    command: IncomingCommand, registry: Registry, settings: Settings, today: date
) -> tuple[IncomingCommand, Found]:
    """The command with its body screened; a contact's own phone and e-mail are kept when the
    configuration allows organisation contacts."""
    named = registry.command_of(command.body)
    keep = (
        settings.privacy.screening.organisation_contacts
        and named is not None
        and named.keeps_contact_details
    )
    screened = screen(
        command.body, settings.privacy.screening, keep_contact_details=keep, today=today
    )
    return dataclasses.replace(command, body=screened.text), screened.found


def screened_reaction(
    reaction: IncomingReaction, settings: Settings, today: date
) -> tuple[IncomingReaction, Found]:
    """The reaction with the text of the message it pins screened."""
    if not reaction.target_text:
        return reaction, {}
    screened = screen(reaction.target_text, settings.privacy.screening, today=today)
    return dataclasses.replace(reaction, target_text=screened.text), screened.found


def noting(act: Act, found: Found, *, only_to_an_answer: bool = False) -> Act:
    """`act`, with the note on what was removed added to its answer. A command without an
    answer gets the note as one; with `only_to_an_answer` (a reaction) it stays silent."""
    if not found:
        return act

    async def noted(context: Context) -> list[Effect]:
        effects = await act(context)
        if only_to_an_answer and not effects:
            return effects
        return with_removed_note(effects, found)

    return noted
