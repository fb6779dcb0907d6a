"""Who is away: the line a reminder, a mention or the status card adds so that a substitute
knows why they are named, and the others know who acts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from commands.core.message import Message, text
from commands.core.people import display_name
from commands.core.roster import Directory
from commands.core.timefmt import short_moment
from commands.texts import directory as texts


def absence_note(
    directory: Directory, people: Sequence[str], zone: ZoneInfo, now: datetime
) -> Message | None:
    """`Afwezig: Ilse tot vr 4 dec 17:00, vervanger Piet.` for those of `people` away now."""
    said = []
    for person in directory.absent(people, now):
        assert person.away_until is not None
        stand_in = directory.stand_in(person.user_id, now)
        template = texts.AWAY_WITH_SUBSTITUTE if stand_in else texts.AWAY_WITHOUT_SUBSTITUTE
        said.append(
            template.format(
                who=display_name(directory, person.user_id),
                until=short_moment(person.away_until, zone),
                substitute=display_name(directory, stand_in) if stand_in else "",
            )
        )
    return text(texts.AWAY_LINE.format(people="; ".join(said))) if said else None
