"""`!notulen`: minutes of the room's meeting in Beeld - Oordeel - Besluit form, posted and
exported as Markdown, and stored with the meeting."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from commands.cases.views import case_state, listing_line
from commands.core.context import Context
from commands.core.effects import Effect, Reply, UploadFile
from commands.core.message import Message, bold, bullets, lines, text
from commands.core.people import display_name
from commands.core.registry import Command, NoArguments, UsageError, no_arguments
from commands.core.timefmt import moment, short_moment
from commands.follow_up.entries import action_line, decision_line
from commands.meetings.views import about_line, meeting_label, participants
from commands.texts import meetings as texts
from storage.cases import Case, TimelineKind
from storage.meetings import Meeting

TIMELINE_LIMIT = 30
#: Timeline entries that are the meeting's own work: they appear under Oordeel and Besluit.
MEETING_RECORDS = frozenset(
    {
        TimelineKind.MEETING,
        TimelineKind.DECISION,
        TimelineKind.ACTION,
        TimelineKind.NOTE,
        TimelineKind.MINUTES,
    }
)
OPEN_CASES_LIMIT = 30


@dataclass
class Minutes:
    title: str
    facts: list[str]
    picture: list[str] = field(default_factory=list)  # Beeld
    judgement: list[str] = field(default_factory=list)  # Oordeel
    decisions: list[str] = field(default_factory=list)  # Besluit: decisions
    actions: list[str] = field(default_factory=list)  # Besluit: actions

    def sections(self) -> list[tuple[str, list[tuple[str | None, list[str]]]]]:
        return [
            (texts.MINUTES_PICTURE, [(None, self.picture or [texts.MINUTES_EMPTY_PICTURE])]),
            (texts.MINUTES_JUDGEMENT, [(None, self.judgement or [texts.MINUTES_EMPTY_NOTES])]),
            (
                texts.MINUTES_DECISION,
                [
                    (texts.MINUTES_DECISIONS, self.decisions or [texts.MINUTES_NONE]),
                    (texts.MINUTES_ACTIONS, self.actions or [texts.MINUTES_NONE]),
                ],
            ),
        ]


async def handle_minutes(_request: NoArguments, context: Context) -> list[Effect]:
    meeting = await context.meetings.current_in_room(context.room_id)
    if meeting is None:
        raise UsageError(texts.MINUTES_NO_MEETING)
    case = await context.cases.by_id(meeting.case_id) if meeting.case_id else None
    minutes = await draft(meeting, case, context)
    markdown = as_markdown(minutes)
    meeting.minutes, meeting.minutes_at = markdown, context.now
    if case:
        await context.record(
            case, TimelineKind.MINUTES, texts.TIMELINE_MINUTES.format(label=meeting_label(meeting))
        )
    message = as_message(minutes)
    if not message.fits():  # the file has it all; the chat gets the head and a pointer
        message = lines(bold(minutes.title), *minutes.facts, texts.MINUTES_TOO_LONG)
    return [
        Reply(message),
        UploadFile(
            context.room_id,
            texts.MINUTES_FILE.format(number=meeting.id),
            "text/markdown",
            markdown.encode("utf-8"),
        ),
    ]


async def draft(meeting: Meeting, case: Case | None, context: Context) -> Minutes:
    settings, now = context.settings, context.now
    zone = settings.platform.zone
    answers = await context.meetings.answers(meeting)
    coming = [display_name(context.directory, a.user_id) for a in answers if a.attends]
    away = [display_name(context.directory, a.user_id) for a in answers if not a.attends]
    assert meeting.starts_at is not None
    facts = [
        texts.MINUTES_ABOUT.format(about=about_line(case, now)),
        texts.MINUTES_WHEN.format(when=moment(meeting.starts_at, zone)),
        texts.MINUTES_TOPIC.format(topic=meeting.topic) if meeting.topic else None,
        texts.MINUTES_REQUESTED.format(who=display_name(context.directory, meeting.requested_by)),
        texts.MINUTES_PRESENT.format(names=", ".join(coming) or texts.NOBODY),
        texts.MINUTES_ABSENT.format(names=", ".join(away) or texts.NOBODY),
        texts.MINUTES_INVITED.format(count=len(participants(meeting, case, context))),
    ]
    decisions, actions, notes = await context.follow_up.of_meeting(meeting.id)
    return Minutes(
        title=texts.MINUTES_TITLE.format(label=meeting_label(meeting)),
        facts=[fact for fact in facts if fact],
        picture=await _picture(case, context),
        judgement=[
            texts.MINUTES_NOTE.format(
                who=display_name(context.directory, note.written_by), text=note.text
            )
            for note in notes
        ],
        decisions=[decision_line(entry, context).body for entry in decisions],
        actions=[action_line(action, context).body for action in actions],
    )


async def _picture(case: Case | None, context: Context) -> list[str]:
    """Beeld: the case as it stands and its timeline; for a general meeting, the open cases."""
    settings, now = context.settings, context.now
    if case is None:
        cases = await context.cases.open_cases(OPEN_CASES_LIMIT)
        return [listing_line(open_case, settings, now).body for open_case in cases]
    zone = settings.platform.zone
    state = case_state(case, settings, context.directory, now).body.splitlines()
    entries = await context.cases.recent_timeline(case, TIMELINE_LIMIT)
    history = [
        texts.MINUTES_TIMELINE_ENTRY.format(
            moment=short_moment(entry.at, zone),
            who=display_name(context.directory, entry.actor),
            text=entry.text,
        )
        for entry in entries
        if entry.kind not in MEETING_RECORDS
    ]
    return [*state, *history]


def as_message(minutes: Minutes) -> Message:
    parts: list[Message | str | None] = [bold(minutes.title), *minutes.facts]
    for heading, groups in minutes.sections():
        parts.append(bold(heading))
        for subheading, items in groups:
            parts.append(text(subheading) if subheading else None)
            parts.append(bullets([text(item) for item in items]))
    parts.append(texts.MINUTES_EXPORTED)
    return lines(*parts)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _escape(value: str) -> str:
    """Members' text stays literal in the exported file."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value)


def as_markdown(minutes: Minutes) -> str:
    out = [f"# {_escape(minutes.title)}", ""]
    out += [f"- {_escape(fact)}" for fact in minutes.facts]
    for heading, groups in minutes.sections():
        out += ["", f"## {heading}"]
        for subheading, items in groups:
            if subheading:
                out += ["", f"### {subheading}"]
            out += [""] + [f"- {_escape(item)}" for item in items]
    return "\n".join(out) + "\n"


COMMAND = Command(
    help=texts.MINUTES_HELP,
    request=NoArguments,
    parse=no_arguments("notulen"),
    handler=handle_minutes,
)
