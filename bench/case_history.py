"""What happened around the seeded cases, made up with a fixed seed: each case's timeline
(signal, coordinator, decision, visit, report, closing, and the notes, pinned messages,
meetings and actions of its days), the platform's meetings (ad hoc, and the biweekly one),
the decision list and the action list. `bench/picture_seed.py` writes the rows.

About ten timeline entries per case: 100,000 cases make about a million. A few recent open
cases are busy (hundreds of pinned messages): `!status` on one of them reads the newest
entries of a long timeline.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bench.picture_history import Intake, hours
from commands.texts import cases as case_texts
from commands.texts import follow_up as follow_up_texts
from commands.texts import meetings as meeting_texts
from storage.cases import CaseKind, TimelineKind
from storage.meetings import MeetingStatus

NOTES = (0, 1, 1, 2, 2, 3, 4)  # notes on a case: one of these, evenly
PINS = (0, 0, 1, 2, 2, 3, 5)  # pinned messages, likewise
MEETING_SHARE = 0.3  # cases with an ad-hoc meeting
ACTION_SHARE = 0.1  # cases with an action
LIST_DECISION_SHARE = 0.25  # cases whose visit decision is also on the decision list
LEFT_OPEN_SHARE = 0.03  # actions never marked done
BUSY_CASES = 5
BUSY_PINS = 400
REGULAR_EVERY = timedelta(days=14)
REGULAR_DECISIONS = 3
REGULAR_ACTIONS = 4

#: A timeline entry before it is a row: when, what kind, its text.
Told = tuple[datetime, TimelineKind, str]


@dataclass
class Follow:
    """The rows made so far; ids of meetings and actions are given, as timeline texts name
    them."""

    intake: Intake
    now: datetime
    timeline: list[dict[str, Any]] = field(default_factory=list)
    meetings: list[dict[str, Any]] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "timeline_entries": len(self.timeline),
            "meetings": len(self.meetings),
            "decisions": len(self.decisions),
            "actions": len(self.actions),
            "open_actions": sum(1 for row in self.actions if row["done_at"] is None),
        }


def _entry(
    rng: random.Random, case: dict[str, Any], at: datetime, kind: TimelineKind, text: str
) -> dict[str, Any]:
    return {
        "case_id": case["id"],
        "at": at,
        "actor": rng.choice(case["people"]),
        "kind": kind,
        "text": text,
        "room_id": case["intake_room_id"],
        "event_id": None,
    }


def _path_entries(rng: random.Random, case: dict[str, Any]) -> list[Told]:
    """The case's path as the timeline tells it."""
    signalled = case["signalled_at"]
    told: list[Told] = [
        (signalled, TimelineKind.SIGNAL, case_texts.TIMELINE_SIGNAL.format(title=case["title"]))
    ]
    if case["coordinator"]:
        at = signalled + hours(rng, 0.05, 0.5)
        text = case_texts.TIMELINE_COORDINATOR.format(coordinator=case["coordinator"])
        told.append((at, TimelineKind.COORDINATOR, text))
    if case["decision"]:
        at = signalled + hours(rng, 0.5, 8)
        label = case_texts.DECISION_LABELS[case["decision"]]
        text = case_texts.TIMELINE_DECISION.format(decision=label, note="overleg")
        told.append((at, TimelineKind.DECISION, text))
    if case["visit_planned_at"]:
        moment = f"{case['visit_planned_at']:%d-%m %H:%M}"
        text = case_texts.TIMELINE_PLANNED.format(moment=moment, location="")
        told.append((signalled + hours(rng, 1, 9), TimelineKind.VISIT_PLANNED, text))
    if case["visited_at"]:
        text = case_texts.TIMELINE_VISITED.format(moment=f"{case['visited_at']:%d-%m %H:%M}")
        told.append((case["visited_at"], TimelineKind.VISITED, text))
    if case["overdue"]:
        at = case["deadline_at"]
        told.append((at, TimelineKind.ESCALATION, case_texts.TIMELINE_OVERDUE))
    if case["report_filed_at"]:
        at = case["report_filed_at"]
        told.append((at, TimelineKind.REPORT, case_texts.TIMELINE_REPORT))
    if case["closed_at"]:
        reason = f": {case['close_reason']}" if case["close_reason"] else ""
        at = case["closed_at"]
        told.append((at, TimelineKind.CLOSED, case_texts.TIMELINE_CLOSED.format(reason=reason)))
    return told


def _open_span(case: dict[str, Any], now: datetime) -> tuple[datetime, timedelta]:
    """When members talked about the case: from the signal until it closed (or now), at most
    a month."""
    start = case["signalled_at"]
    end = min(case["closed_at"] or now, now, start + timedelta(days=30))
    return start, max(end - start, timedelta(minutes=1))


def _chatter(rng: random.Random, case: dict[str, Any], now: datetime, pins: int) -> list[Told]:
    """Notes and pinned messages at moments while the case was open."""
    start, span = _open_span(case, now)
    told = []
    for index in range(rng.choice(NOTES)):
        told.append((start + span * rng.random(), TimelineKind.NOTE, f"Notitie {index + 1}"))
    for index in range(pins):
        text = case_texts.TIMELINE_PINNED.format(author="lid", text=f"Bericht {index + 1}")
        told.append((start + span * rng.random(), TimelineKind.PINNED, text))
    return told


def _meeting(follow: Follow, rng: random.Random, case: dict[str, Any]) -> list[Told]:
    """An ad-hoc meeting about the case, convened by LOT-C within the hour."""
    requested = case["signalled_at"] + hours(rng, 0.2, 2)
    if requested > follow.now:
        return []
    number = len(follow.meetings) + 1
    starts = requested + hours(rng, 0.25, 1)
    follow.meetings.append(
        _meeting_row(follow, number, requested, starts)
        | {"case_id": case["id"], "requested_by": case["created_by"]}
    )
    label = meeting_texts.MEETING_LABEL.format(number=number)
    asked = meeting_texts.TIMELINE_MEETING_REQUESTED.format(label=label)
    convened = meeting_texts.TIMELINE_MEETING_CONVENED.format(label=label, when=f"{starts:%H:%M}")
    return [
        (requested, TimelineKind.MEETING, asked),
        (requested + hours(rng, 0.05, 0.2), TimelineKind.MEETING, convened),
    ]


def _meeting_row(
    follow: Follow, number: int, requested: datetime, starts: datetime
) -> dict[str, Any]:
    return {
        "id": number,
        "case_id": None,
        "room_id": follow.intake.room_id,
        "topic": None,
        "status": MeetingStatus.CONVENED if starts <= follow.now else MeetingStatus.REQUESTED,
        "requested_by": follow.intake.people[0],
        "requested_at": requested,
        "proposed_at": starts,
        "starts_at": starts,
        "convened_at": requested,
        "convened_by": follow.intake.people[0],
        "revision": 0,
        "regular": False,
    }


def _action(
    follow: Follow, rng: random.Random, case: dict[str, Any], at: datetime, meeting: int | None
) -> Told:
    """An action on the list, due within a week; done in time unless left open (or not due
    yet)."""
    number = len(follow.actions) + 1
    due = at + timedelta(days=rng.uniform(1, 7))
    done = at + (due - at) * rng.uniform(0.2, 1.2)
    left_open = done > follow.now or rng.random() < LEFT_OPEN_SHARE
    text = f"Actie {number}: nagaan en terugmelden"
    follow.actions.append(
        {
            "id": number,
            "meeting_id": meeting,
            "case_id": case["id"] if case else None,
            "room_id": follow.intake.room_id,
            "text": text,
            "owner_user": rng.choice(follow.intake.people),
            "owner_entity": None,
            "owner_region": None,
            "due_at": due,
            "created_by": rng.choice(follow.intake.people),
            "created_at": at,
            "done_at": None if left_open else done,
            "done_by": None if left_open else rng.choice(follow.intake.people),
        }
    )
    return at, TimelineKind.ACTION, follow_up_texts.TIMELINE_ACTION.format(number=number, text=text)


def _decision(
    follow: Follow, case_id: int | None, at: datetime, meeting: int | None, by: str
) -> None:
    follow.decisions.append(
        {
            "meeting_id": meeting,
            "case_id": case_id,
            "text": "Inzet volgens plan",
            "taken_by": by,
            "taken_at": at,
            "event_id": None,
        }
    )


def case_follow(follow: Follow, rng: random.Random, case: dict[str, Any], pins: int) -> None:
    """Every row around one repressive case, its timeline in time order."""
    told = _path_entries(rng, case) + _chatter(rng, case, follow.now, pins)
    if rng.random() < MEETING_SHARE:
        told += _meeting(follow, rng, case)
    if case["decision"] and rng.random() < LIST_DECISION_SHARE:
        at = next(at for at, kind, _ in told if kind is TimelineKind.DECISION)
        _decision(follow, case["id"], at, None, case["created_by"])
    if rng.random() < ACTION_SHARE:
        start, span = _open_span(case, follow.now)
        told.append(_action(follow, rng, case, start + span * rng.random(), None))
    told.sort(key=lambda item: item[0])
    follow.timeline += [_entry(rng, case, at, kind, text) for at, kind, text in told]


def regular_meetings(follow: Follow, rng: random.Random, since: datetime) -> None:
    """The biweekly platform meeting over the whole history, each with decisions and actions;
    its agenda posted a day before."""
    starts = follow.now - timedelta(days=3)
    moments = []
    while starts - timedelta(days=1) >= since:
        moments.append(starts)
        starts -= REGULAR_EVERY
    for starts in reversed(moments):
        number = len(follow.meetings) + 1
        row = _meeting_row(follow, number, starts - timedelta(days=1), starts)
        follow.meetings.append(row | {"regular": True, "topic": "Platformoverleg"})
        for _ in range(REGULAR_DECISIONS):
            _decision(follow, None, starts + hours(rng, 0.2, 1.5), number, row["requested_by"])
        for _ in range(REGULAR_ACTIONS):
            _action(follow, rng, {}, starts + hours(rng, 0.2, 1.5), number)


def follow_rows(
    rng: random.Random, cases: list[dict[str, Any]], since: datetime, now: datetime, intake: Intake
) -> Follow:
    """The timelines, meetings, decisions and actions around `cases` (numbered rows)."""
    follow = Follow(intake, now)
    repressive = [row for row in cases if row["kind"] is CaseKind.REPRESSIVE]
    recent_open = [row for row in repressive[-2000:] if row["closed_at"] is None]
    busy = {row["id"] for row in recent_open[-BUSY_CASES:]}
    people = {"people": intake.people}
    for case in repressive:
        pins = BUSY_PINS if case["id"] in busy else rng.choice(PINS)
        case_follow(follow, rng, case | people, pins)
    regular_meetings(follow, rng, since)
    return follow


def busiest(follow: Follow) -> int:
    """The id of the case with the most timeline entries."""
    counted: dict[int, int] = {}
    for entry in follow.timeline:
        counted[entry["case_id"]] = counted.get(entry["case_id"], 0) + 1
    return max(counted, key=lambda case_id: counted[case_id])
