"""What follows a change to the directory: the open incident rooms invite who now belongs
there (nobody twice) and, if so configured, take out who left; the status cards show who is
away. The rooms follow the directory as it is after the change, before it is committed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from commands.cases.views import CARD
from commands.core.context import Workspace
from commands.core.effects import Effect, RefreshLive, UpdateCaseRoom
from commands.core.people import entity_members, incident_invitees
from commands.core.roster import Directory
from commands.directory.configured import load_directory
from storage.cases import Case
from storage.directory import ChangeKind, DirectoryStore


async def reread(workspace: Workspace) -> Directory:
    """The directory with this transaction's changes, from now on the workspace's; the bot
    reads it again once the transaction commits."""
    store = DirectoryStore(workspace.cases.session)
    await workspace.cases.session.flush()
    workspace.directory = await load_directory(store, workspace.settings)
    workspace.directory_changed = True
    return workspace.directory


def audit(
    workspace: Workspace,
    actor: str,
    kind: ChangeKind,
    subject: str,
    old: dict[str, Any] | None,
    new: dict[str, Any] | None,
) -> None:
    DirectoryStore(workspace.cases.session).record(
        at=workspace.now, actor=actor, kind=kind, subject=subject, old=old, new=new
    )


async def follow_in_rooms(
    workspace: Workspace,
    before: Directory,
    changed: str,
    *,
    removed: bool = False,
    then: datetime | None = None,
) -> tuple[list[Effect], int]:
    """Effects for the open rooms after `changed` was added, changed, removed or went away
    (`before` as it stood at `then`, by default now); and the number of rooms that invite
    someone new (or, for a removal, take them out)."""
    after, now = workspace.directory, workspace.now
    take_out = removed and workspace.settings.directory.remove_from_rooms
    effects: list[Effect] = []
    rooms = 0
    for case in await workspace.cases.with_open_rooms():
        old = set(incident_invitees(case, before, then or now))
        new = incident_invitees(case, after, now)
        gone = (changed,) if take_out and changed in old else ()
        if set(new) - old or gone:
            effects.append(UpdateCaseRoom(case.id, tuple(new), remove=gone))
            rooms += 1 if (gone or changed in set(new) - old) else 0
        if _coordinates(case, before, changed) or _coordinates(case, after, changed):
            effects.append(RefreshLive(CARD, case.id))
    return effects, rooms


def _coordinates(case: Case, directory: Directory, user_id: str) -> bool:
    """Is this member one of the case's coordinating entity (whose absence the card shows)?"""
    if case.coordinator is None:
        return False
    return user_id in entity_members(directory, case.coordinator, case.coordinator_region)
