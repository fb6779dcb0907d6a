"""How a case is shown: the answer to !signaal, the status, the pinned summary, the room topic."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from commands.border.card import border_card
from commands.cases.window import missing, window_open
from commands.core.absence import absence_note
from commands.core.context import Workspace
from commands.core.message import Message, bold, lines, room_link, text, user_pill
from commands.core.people import coordinator_label, display_name, entity_members
from commands.core.roster import Directory
from commands.core.timefmt import duration, moment, short_moment
from commands.texts import cases as texts
from commands.texts import intake as intake_texts
from config.reference import regions, sectors
from config.settings import Settings
from storage.cases import Case, CaseKind, TimelineEntry

#: Live kind of the status card, pinned in the incident room (subject: the case).
CARD = "card"


def region_label(case: Case) -> str:
    return regions()[case.region].label if case.region else texts.NOT_KNOWN


def sector_label(case: Case) -> str:
    return sectors()[case.sector].name if case.sector else texts.NOT_KNOWN


def room_name(case: Case) -> str:
    return f"{case.number} · {case.title}"


def remaining(case: Case, now: datetime) -> str:
    left = case.deadline_at - now
    if left.total_seconds() < 0:
        return texts.DEADLINE_PASSED.format(elapsed=duration(-left))
    return texts.DEADLINE_LEFT.format(remaining=duration(left))


def deadline_line(case: Case, settings: Settings, now: datetime) -> str:
    return texts.DEADLINE_LINE.format(
        deadline=moment(case.deadline_at, settings.platform.zone),
        remaining=remaining(case, now),
    )


def topic(case: Case, settings: Settings) -> str:
    if case.kind == CaseKind.PREVENTIVE:
        return texts.PREVENTIVE_TOPIC.format(
            region=region_label(case),
            sector=sector_label(case),
            moment=moment(case.deadline_at, settings.platform.zone),
        )
    return texts.TOPIC.format(
        region=region_label(case),
        sector=sector_label(case),
        deadline=moment(case.deadline_at, settings.platform.zone),
    )


def _field(label: str, value: str | None) -> Message | None:
    return bold(f"{label}: ") + text(value) if value else None


def details(
    case: Case, settings: Settings, directory: Directory, now: datetime, with_deadline: bool = True
) -> Message:
    zone = settings.platform.zone
    source = intake_texts.SOURCES.get(case.source) if case.source else None
    return lines(
        _field(texts.LABEL_STATUS, texts.STATUS_LABELS[case.status]),
        _field(texts.LABEL_REGION, region_label(case)),
        _field(texts.LABEL_SECTOR, sector_label(case)),
        _field(texts.LABEL_SOURCE, source),
        _field(texts.LABEL_LOCATION, case.location),
        _field(texts.LABEL_KVK, case.kvk),
        _field(texts.LABEL_ASPECTS, ", ".join(case.aspects) if case.aspects else None),
        _field(texts.LABEL_DESCRIPTION, case.description),
        bold(
            f"{texts.LABEL_SCHEDULED if case.kind == CaseKind.PREVENTIVE else texts.LABEL_SIGNALLED}: "
        )
        + f"{moment(case.signalled_at, zone)} {texts.LABEL_SIGNALLED_BY} "
        + user_pill(case.created_by, display_name(directory, case.created_by)),
        _field(texts.LABEL_DEADLINE, f"{moment(case.deadline_at, zone)} ({remaining(case, now)})")
        if with_deadline
        else None,
    )


def room_line(case: Case) -> Message:
    """`Incidentkamer: <link>`; a preventive visit's room is its preparation room."""
    label = texts.LABEL_PREPARATION_ROOM if case.kind == CaseKind.PREVENTIVE else texts.LABEL_ROOM
    if case.room_id is None:
        return bold(f"{label}: ") + texts.ROOM_NOT_YET
    return bold(f"{label}: ") + room_link(case.room_id, room_name(case))


def room_opened(case: Case) -> str:
    """The timeline entry when the case's room is opened."""
    return (
        texts.TIMELINE_PREPARATION_ROOM if case.kind == CaseKind.PREVENTIVE else texts.TIMELINE_ROOM
    )


def status(
    case: Case,
    entries: Sequence[TimelineEntry],
    settings: Settings,
    directory: Directory,
    now: datetime,
) -> Message:
    """`!status`: the state of the case, where its room is, and what happened last."""
    zone = settings.platform.zone
    history = [text(f"{short_moment(entry.at, zone)}: {entry.text}") for entry in entries]
    return lines(
        case_state(case, settings, directory, now),
        room_line(case),
        bold(texts.LABEL_TIMELINE + ":") if history else None,
        *history,
    )


def status_card(workspace: Workspace, case: Case, extra: Sequence[Message | None] = ()) -> Message:
    """The status card: first message of the incident room, pinned, kept current by edits.

    `extra`: what other families add below the case (who is away, the network across the
    border), from `card_sections`."""
    state = case_state(case, workspace.settings, workspace.directory, workspace.now)
    if case.kind == CaseKind.PREVENTIVE:
        return lines(
            state,
            *extra,
            texts.PREVENTIVE_CHECKLIST,
            texts.PREVENTIVE_REPORTING_LINE,
            texts.PREVENTIVE_CARD_COMMANDS,
        )
    return lines(
        state,
        *extra,
        texts.REGION_ASK if case.region is None else None,
        texts.CARD_COMMANDS,
    )


async def render_card(workspace: Workspace, case_id: int) -> Message | None:
    """The status card as the case is now, for the edit that keeps it current."""
    case = await workspace.cases.by_id(case_id)
    return None if case is None else await card_of(workspace, case)


async def card_of(workspace: Workspace, case: Case) -> Message:
    """The status card with what the other families add to it."""
    return status_card(workspace, case, await card_sections(workspace, case))


async def card_sections(workspace: Workspace, case: Case) -> list[Message | None]:
    """Below the case on its card: which of the coordinator's members are away, and who
    stands in for them."""
    directory = workspace.directory
    coordinators = (
        entity_members(directory, case.coordinator, case.coordinator_region)
        if case.coordinator
        else []
    )
    zone = workspace.settings.platform.zone
    return [
        absence_note(directory, coordinators, zone, workspace.now),
        await border_card(workspace, case),
    ]


def case_state(case: Case, settings: Settings, directory: Directory, now: datetime) -> Message:
    zone = settings.platform.zone
    coordinator = (
        coordinator_label(case.coordinator, case.coordinator_region) if case.coordinator else None
    )
    if case.visited_at is not None:
        visit = texts.VISIT_DONE_LINE.format(moment=moment(case.visited_at, zone))
    elif case.visit_planned_at is not None:
        visit = texts.VISIT_PLANNED_LINE.format(moment=moment(case.visit_planned_at, zone))
        visit += f", {case.visit_location}" if case.visit_location else ""
    else:
        visit = None
    decision = (
        f"{texts.DECISION_LABELS[case.decision]} ({case.decision_note})" if case.decision else None
    )
    preventive = case.kind == CaseKind.PREVENTIVE
    # Lead time is a repressive measure (signal to visit); a preventive visit has none.
    lead_time = (
        duration(case.visited_at - case.signalled_at)
        if case.visited_at and not preventive
        else None
    )
    lacking = missing(case)
    header = texts.PREVENTIVE_HEADER if preventive else texts.SUMMARY_HEADER
    return lines(
        bold(header.format(number=case.number, title=case.title)),
        bold(texts.LABEL_OVERDUE) if case.overdue and window_open(case) else None,
        details(case, settings, directory, now, with_deadline=window_open(case)),
        _field(texts.LABEL_COORDINATOR, coordinator),
        _field(texts.LABEL_DECISION, decision),
        _field(texts.LABEL_VISIT, visit),
        _field(texts.LABEL_LEAD_TIME, lead_time),
        _field(texts.LABEL_MISSING, ", ".join(lacking) if lacking else None),
    )


def listing_line(case: Case, settings: Settings, now: datetime) -> Message:
    head = bold(case.number) + f" · {case.title} · {region_label(case)} · {remaining(case, now)}"
    if case.room_id:
        return head + " · " + room_link(case.room_id, texts.LABEL_ROOM.lower())
    return head
