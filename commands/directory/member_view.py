"""How a member is shown: entity, region, roles and name; the substitute and absence; the
changes on the audit trail."""

from __future__ import annotations

from collections.abc import Sequence

from commands.core.context import Workspace
from commands.core.message import Message, lines, text, user_pill
from commands.core.people import coordinator_label, display_name
from commands.core.roster import Person
from commands.core.timefmt import short_moment
from commands.directory.configured import CONFIG_ACTOR
from commands.texts import directory as texts
from storage.directory import DirectoryChange


def member_entry(person: Person, workspace: Workspace, *, short: bool = False) -> Message:
    """`GGD Twente (VR05) · projectleider · Piet Jansen`; in full with substitute and absence."""
    zone = workspace.settings.platform.zone
    entry = text(
        texts.MEMBER_ENTRY.format(
            entity=coordinator_label(person.entity, person.region),
            roles=", ".join(person.roles),
            name=f" · {person.name}" if person.name else "",
        )
    )
    if short:
        return entry
    directory = workspace.directory
    substitute = (
        text(texts.MEMBER_SUBSTITUTE_LINE.format(substitute=""))
        + user_pill(person.substitute, display_name(directory, person.substitute))
        if person.substitute
        else None
    )
    away = (
        texts.MEMBER_AWAY_LINE.format(
            since=short_moment(person.away_from, zone) if person.away_from else texts.NOW_WORD,
            until=short_moment(person.away_until, zone),
        )
        if person.away_until and person.away_until > workspace.now
        else None
    )
    who = user_pill(person.user_id, display_name(directory, person.user_id))
    return lines(who + text(" · ") + entry, substitute, away)


def history(changes: Sequence[DirectoryChange], workspace: Workspace) -> list[Message]:
    """The audit trail of one member, newest first."""
    if not changes:
        return []
    zone = workspace.settings.platform.zone
    shown = [
        text(
            texts.MEMBER_HISTORY_LINE.format(
                moment=short_moment(change.at, zone),
                change=texts.CHANGE_LABELS[change.kind],
                actor=texts.CONFIG_ACTOR_LABEL
                if change.actor == CONFIG_ACTOR
                else display_name(workspace.directory, change.actor),
            )
        )
        for change in changes
    ]
    return [text(texts.MEMBER_HISTORY_HEADER), *shown]
