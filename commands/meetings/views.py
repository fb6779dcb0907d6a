"""How a meeting is shown: the request to LOT-C, the invitation with its tally, the reminder."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from commands.cases.views import remaining
from commands.core.context import Workspace
from commands.core.message import Message, bold, bullets, fill, join, lines, link, text, user_pill
from commands.core.people import (
    display_name,
    incident_invitees,
    member_entity_label,
    platform_members,
)
from commands.core.timefmt import moment, setting
from commands.texts import cases as cases_texts
from commands.texts import meetings as texts
from config.settings import Settings
from storage.cases import Case
from storage.meetings import Meeting, MeetingAnswer, MeetingStatus

YES, NO = "✅", "❌"

#: Live kind of a meeting's invitation (subject: the meeting); answered by reactions on it.
INVITATION = "invitation"


def meeting_label(meeting: Meeting) -> str:
    return texts.MEETING_LABEL.format(number=meeting.id)


def participants(meeting: Meeting, case: Case | None, workspace: Workspace) -> list[str]:
    """A case meeting: the people of its incident room. A general one: the whole directory."""
    directory = workspace.directory
    return (
        incident_invitees(case, directory, workspace.now) if case else platform_members(directory)
    )


def about_line(case: Case | None, now: datetime) -> str:
    if case is None:
        return texts.MEETING_ABOUT_GENERAL
    return texts.MEETING_ABOUT_CASE.format(
        number=case.number,
        title=case.title,
        status=cases_texts.STATUS_LABELS[case.status],
        remaining=remaining(case, now),
    )


def when_text(at: datetime | None, settings: Settings) -> str:
    return moment(at, settings.platform.zone) if at else texts.MEETING_AS_SOON_AS_POSSIBLE


def request_message(meeting: Meeting, case: Case | None, workspace: Workspace) -> Message:
    """What LOT-C is asked."""
    deadline = meeting.requested_at + workspace.settings.meetings.lotc_confirm_timeout
    return lines(
        bold(text(texts.MEETING_REQUEST_HEADER.format(label=meeting_label(meeting)))),
        fill(
            texts.MEETING_REQUESTED_BY,
            who=user_pill(
                meeting.requested_by, display_name(workspace.directory, meeting.requested_by)
            ),
            entity=member_entity_label(workspace.directory, meeting.requested_by),
        ),
        texts.MEETING_ABOUT.format(about=about_line(case, workspace.now)),
        texts.MEETING_TOPIC.format(topic=meeting.topic) if meeting.topic else None,
        texts.MEETING_PROPOSED.format(when=when_text(meeting.proposed_at, workspace.settings)),
        texts.MEETING_HOW_TO_CONFIRM.format(number=meeting.id),
        texts.MEETING_CONVENE_BY.format(moment=moment(deadline, workspace.settings.platform.zone)),
    )


def invitation(
    meeting: Meeting,
    case: Case | None,
    answers: Sequence[MeetingAnswer],
    workspace: Workspace,
) -> Message:
    """The pinned invitation; edited in place as answers come in."""
    assert meeting.video_url is not None and meeting.starts_at is not None
    invited = participants(meeting, case, workspace)
    if meeting.regular:
        convened = text(texts.MEETING_REGULAR)
    elif meeting.convened_by:
        convened = fill(
            texts.MEETING_CONFIRMED_BY,
            who=user_pill(
                meeting.convened_by, display_name(workspace.directory, meeting.convened_by)
            ),
        )
    else:
        convened = text(
            texts.MEETING_CONVENED_WITHOUT_LOTC.format(
                wait=setting(workspace.settings.meetings.lotc_confirm_timeout)
            )
        )
    cancelled = meeting.status == MeetingStatus.CANCELLED
    header = texts.MEETING_CANCELLED_HEADER if cancelled else texts.MEETING_INVITATION_HEADER
    return lines(
        bold(text(header.format(label=meeting_label(meeting)))),
        texts.MEETING_CANCEL_REASON_LINE.format(reason=meeting.cancel_reason)
        if cancelled and meeting.cancel_reason
        else None,
        texts.MEETING_TOPIC.format(topic=meeting.topic) if meeting.topic else None,
        texts.MEETING_ABOUT.format(about=about_line(case, workspace.now)),
        texts.MEETING_WHEN.format(when=moment(meeting.starts_at, workspace.settings.platform.zone)),
        fill(texts.MEETING_VIDEO, link=link(meeting.video_url, texts.MEETING_VIDEO_JOIN)),
        None
        if meeting.regular
        else fill(
            texts.MEETING_REQUESTED_BY,
            who=user_pill(
                meeting.requested_by, display_name(workspace.directory, meeting.requested_by)
            ),
            entity=member_entity_label(workspace.directory, meeting.requested_by),
        ),
        convened,
        fill(texts.MEETING_PARTICIPANTS, people=_pills(invited, workspace)),
        None if cancelled else bold(texts.MEETING_ANSWER_HOW),
        text(texts.MEETING_TALLY_HEADER),
        tally(invited, answers, workspace),
    )


async def render_invitation(workspace: Workspace, meeting_id: int) -> Message | None:
    """The invitation with the answers as they are now."""
    meeting = await workspace.meetings.by_id(meeting_id)
    if meeting is None:
        return None
    case = await workspace.cases.by_id(meeting.case_id) if meeting.case_id else None
    answers = await workspace.meetings.answers(meeting)
    return invitation(meeting, case, answers, workspace)


def tally(
    invited: Sequence[str], answers: Sequence[MeetingAnswer], workspace: Workspace
) -> Message:
    """Per entity: who comes, who cannot, who has not answered."""
    said = {answer.user_id: answer.attends for answer in answers}
    people = sorted(set(invited) | set(said))
    by_entity: dict[str, list[str]] = {}
    for user_id in people:
        by_entity.setdefault(member_entity_label(workspace.directory, user_id), []).append(user_id)
    rows = []
    for entity in sorted(by_entity):
        members = by_entity[entity]
        coming = [u for u in members if said.get(u) is True]
        away = [u for u in members if said.get(u) is False]
        silent = [u for u in members if u not in said]
        parts = [
            f"{YES} {_names(coming, workspace)}" if coming else None,
            f"{NO} {_names(away, workspace)}" if away else None,
            texts.MEETING_NO_ANSWER.format(names=_names(silent, workspace)) if silent else None,
        ]
        rows.append(text(f"{entity}: " + "; ".join(p for p in parts if p)))
    counts = texts.MEETING_COUNTS.format(
        coming=sum(1 for v in said.values() if v),
        away=sum(1 for v in said.values() if not v),
        silent=sum(1 for u in invited if u not in said),
    )
    return lines(bullets(rows), counts)


def not_answered(invited: Sequence[str], answers: Sequence[MeetingAnswer]) -> list[str]:
    said = {answer.user_id for answer in answers}
    return [user_id for user_id in invited if user_id not in said]


def soon_message(
    meeting: Meeting,
    invited: Sequence[str],
    answers: Sequence[MeetingAnswer],
    workspace: Workspace,
) -> Message:
    """Shortly before the start: the tally, and a word to those who have not answered."""
    assert meeting.starts_at is not None and meeting.video_url is not None
    silent = not_answered(invited, answers)
    return lines(
        bold(
            text(
                texts.MEETING_SOON.format(
                    label=meeting_label(meeting),
                    when=moment(meeting.starts_at, workspace.settings.platform.zone),
                )
            )
        ),
        fill(texts.MEETING_VIDEO, link=link(meeting.video_url, texts.MEETING_VIDEO_JOIN)),
        fill(texts.MEETING_SOON_ASK, people=_pills(silent, workspace)) if silent else None,
        text(texts.MEETING_TALLY_HEADER),
        tally(invited, answers, workspace),
    )


def _names(user_ids: Sequence[str], workspace: Workspace) -> str:
    return ", ".join(display_name(workspace.directory, user_id) for user_id in user_ids)


def _pills(user_ids: Sequence[str], workspace: Workspace) -> Message:
    if not user_ids:
        return text(texts.NOBODY)
    return join([user_pill(u, display_name(workspace.directory, u)) for u in user_ids], ", ")
