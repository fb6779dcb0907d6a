"""What a case's dossier holds, read with one query per record type (never a whole table):
the case, its timeline, the decisions, actions and notes about it, and the meetings about it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.cases import Case, TimelineEntry
from storage.follow_up import Action, DecisionEntry, Note
from storage.meetings import Meeting


@dataclass(frozen=True)
class CaseRecords:
    """Everything kept about one case, each list in the order it was recorded."""

    case: Case
    timeline: Sequence[TimelineEntry]
    decisions: Sequence[DecisionEntry]
    actions: Sequence[Action]
    notes: Sequence[Note]
    meetings: Sequence[Meeting]


async def case_records(session: AsyncSession, case_id: int) -> CaseRecords | None:
    """The case with this id and its records; None when there is no such case."""
    case = await session.get(Case, case_id)
    if case is None:
        return None
    timeline = select(TimelineEntry).where(TimelineEntry.case_id == case_id)
    decisions = select(DecisionEntry).where(DecisionEntry.case_id == case_id)
    actions = select(Action).where(Action.case_id == case_id)
    notes = select(Note).where(Note.case_id == case_id)
    meetings = select(Meeting).where(Meeting.case_id == case_id)
    return CaseRecords(
        case=case,
        timeline=(await session.scalars(timeline.order_by(TimelineEntry.id))).all(),
        decisions=(await session.scalars(decisions.order_by(DecisionEntry.id))).all(),
        actions=(await session.scalars(actions.order_by(Action.id))).all(),
        notes=(await session.scalars(notes.order_by(Note.id))).all(),
        meetings=(await session.scalars(meetings.order_by(Meeting.requested_at, Meeting.id))).all(),
    )
