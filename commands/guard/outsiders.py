"""Who is an outsider in a case room, and what the bot does when one comes in.

Pure decisions on a membership change, the directory and the configured mode: the effects
(a warning in the room, a notice to the project leaders, with `kick` the removal), no Matrix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from commands.cases.views import room_name
from commands.core.effects import Effect, PostInRoom, UpdateCaseRoom
from commands.core.message import Message, fill, lines, room_link, text
from commands.core.people import display_name
from commands.core.roster import Directory
from commands.texts import guard as texts
from storage.cases import Case

#: Memberships that let someone read the room (an invitation shows it, a join opens it).
ENTERS = frozenset({"invite", "join"})
#: Memberships that end it: left, removed, invitation revoked or refused, banned.
LEAVES = frozenset({"leave", "ban"})

Mode = Literal["warn", "kick"]


@dataclass(frozen=True)
class MembershipChange:
    """One m.room.member event: `user_id` (its state key) is now `membership`, by `sender`."""

    room_id: str
    event_id: str
    user_id: str
    membership: str
    sender: str


def is_outsider(user_id: str, directory: Directory) -> bool:
    """Not the bot, not a member, not a LOT-C account the configuration names."""
    return (
        user_id != directory.bot_user
        and user_id not in directory
        and user_id not in directory.lotc_accounts
    )


def outsiders_of(user_ids: Sequence[str], directory: Directory) -> list[str]:
    """Those still outsiders: someone added to the directory since no longer counts."""
    return sorted(user for user in user_ids if is_outsider(user, directory))


def outsider_came_in(
    change: MembershipChange,
    case: Case,
    directory: Directory,
    mode: Mode,
    platform_room: str,
    now: datetime,
) -> list[Effect]:
    """The warning in the room, the notice to the project leaders and, with `kick`, the removal
    (which also revokes an invitation)."""
    who = text(change.user_id)  # not a pill: the outsider is not pinged
    came_in = _came_in(change, directory)
    kick = mode == "kick"
    warning = lines(
        fill(texts.ROOM_WARNING, who=who, came_in=came_in),
        fill(texts.ROOM_REMOVING if kick else texts.ROOM_WHAT_TO_DO, who=who),
    )
    room_kind = texts.ROOM_KINDS[case.kind]
    notice = lines(
        fill(
            texts.LEADERS_NOTICE,
            who=who,
            came_in=came_in,
            room_kind=room_kind,
            room=room_link(change.room_id, room_name(case)),
        ),
        fill(texts.LEADERS_REMOVING if kick else texts.LEADERS_WHAT_TO_DO, who=who),
    )
    leaders = tuple(directory.with_stand_ins(directory.project_leaders(), now))
    effects: list[Effect] = [
        PostInRoom(change.room_id, warning),
        PostInRoom(platform_room, notice, mentions=leaders),
    ]
    if kick:
        effects.append(UpdateCaseRoom(case.id, remove=(change.user_id,)))
    return effects


def room_open_again(room_id: str) -> list[Effect]:
    """The last outsider is gone: the members are told the bot shows case data again."""
    return [PostInRoom(room_id, text(texts.ROOM_OPEN_AGAIN))]


def command_refused(outsiders: Sequence[str]) -> Message:
    """The answer to a command typed while outsiders can read the room."""
    return text(texts.COMMAND_REFUSED.format(who=", ".join(outsiders)))


def _came_in(change: MembershipChange, directory: Directory) -> str:
    if change.membership == "invite" and change.sender != change.user_id:
        return texts.INVITED_BY.format(by=display_name(directory, change.sender))
    return texts.CAME_IN[change.membership]
