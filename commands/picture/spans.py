"""What a picture covers, in the form an outbox row keeps it: the windows and the scope as
plain JSON, so a chart drawn when it goes out shows exactly the period the answer named."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from commands.core.context import Workspace
from commands.core.schedule import first_start
from storage.figures import Picture, Scope, Window


def window_spec(window: Window) -> dict[str, str]:
    return {"since": window.since.isoformat(), "until": window.until.isoformat()}


def window_of(spec: dict[str, str]) -> Window:
    return Window(datetime.fromisoformat(spec["since"]), datetime.fromisoformat(spec["until"]))


def picture_spec(current: Window, previous: Window, scope: Scope, label: str) -> dict[str, Any]:
    return {
        "current": window_spec(current),
        "previous": window_spec(previous),
        "region": scope.region,
        "sector": scope.sector,
        "label": label,
    }


async def picture_of(workspace: Workspace, spec: dict[str, Any]) -> Picture:
    """The figures of a spec, computed now (an edit to an old case shows; the period does not
    move)."""
    return await workspace.picture.picture(
        window_of(spec["current"]),
        window_of(spec["previous"]),
        Scope(spec["region"], spec["sector"]),
        now=workspace.now,
        promise=workspace.settings.window.repressive,
        cadence=workspace.settings.preventive.every,
    )


async def since_previous_agenda(workspace: Workspace) -> tuple[Window, bool]:
    """The default period: since the previous agenda was posted, or (True) since the bot's first
    start when there was none, as the agenda itself counts, so `!beeld` and the agenda agree."""
    since = await workspace.meetings.last_agenda_posted(workspace.now)
    first = since is None
    if since is None:
        since = await first_start(workspace)
    return Window(min(since, workspace.now), workspace.now), first
