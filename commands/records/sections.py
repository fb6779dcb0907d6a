"""The dossier's PDF content as Dutch sections of plain paragraphs: the case's fields, its
retention and Woo grounds, timeline, decisions, actions, meetings with minutes, notes and report.
User text stays text: the PDF writer sets it as it is, never as markup."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from commands.core.people import coordinator_label
from commands.core.timefmt import duration, setting
from commands.records.metadata import involved_entities, retention_of
from commands.records.values import Values
from commands.records.woo import MAY_APPLY
from commands.texts import cases as case_texts
from commands.texts import intake as intake_texts
from commands.texts import records as texts
from config.reference import regions, sectors
from config.settings import Settings
from storage.cases import Case
from storage.follow_up import Action
from storage.meetings import Meeting
from storage.records import CaseRecords


@dataclass(frozen=True)
class Paragraph:
    """One paragraph; `label` is set in bold before the text, `indent` sets it under the one
    before (the details of an action or meeting)."""

    text: str
    label: str | None = None
    indent: bool = False


@dataclass(frozen=True)
class Section:
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)


def dossier_sections(records: CaseRecords, settings: Settings, values: Values) -> list[Section]:
    case = records.case
    return [
        Section(texts.HEADING_FIELDS, _fields(records, values)),
        Section(texts.HEADING_RECORDS, _records(case, settings, values)),
        Section(texts.HEADING_TIMELINE, _timeline(records, values)),
        Section(texts.HEADING_DECISIONS, _decisions(records, values)),
        Section(texts.HEADING_ACTIONS, [p for a in records.actions for p in _action(a, values)]),
        Section(texts.HEADING_MEETINGS, [p for m in records.meetings for p in _meeting(m, values)]),
        Section(texts.HEADING_NOTES, _notes(records, values)),
        Section(texts.HEADING_REPORT, _report(case, values)),
    ]


def _fields(records: CaseRecords, values: Values) -> list[Paragraph]:
    case = records.case
    decision = None
    if case.decision is not None:
        decision = case_texts.DECISION_LABELS[case.decision]
        decision += f" ({case.decision_note})" if case.decision_note else ""
    entities = ", ".join(item.label for item in involved_entities(records, values.directory))
    pairs = [
        (texts.FIELD_NUMBER, case.number),
        (texts.FIELD_TITLE, case.title),
        (texts.FIELD_KIND, case_texts.KIND_LABELS[case.kind]),
        (texts.FIELD_STATUS, case_texts.STATUS_LABELS[case.status]),
        (texts.FIELD_REGION, regions()[case.region].label if case.region else texts.UNKNOWN),
        (texts.FIELD_SECTOR, sectors()[case.sector].name if case.sector else texts.UNKNOWN),
        (texts.FIELD_SOURCE, intake_texts.SOURCES.get(case.source) if case.source else None),
        (texts.FIELD_LOCATION, case.location),
        (texts.FIELD_KVK, case.kvk),
        (texts.FIELD_BORDER, case.border),
        (texts.FIELD_ASPECTS, ", ".join(case.aspects) if case.aspects else None),
        (texts.FIELD_DESCRIPTION, case.description),
        (texts.FIELD_SIGNALLED, values.moment(case.signalled_at)),
        (texts.FIELD_SIGNALLED_BY, values.name(case.created_by)),
        (texts.FIELD_DEADLINE, values.moment(case.deadline_at)),
        (texts.FIELD_COORDINATOR, _coordinator(case)),
        (texts.FIELD_DECISION, decision),
        *_visit(case, values),
        (texts.FIELD_OVERDUE, texts.YES if case.overdue else None),
        (texts.FIELD_REPORT_FILED, _moment_or_none(case.report_filed_at, values)),
        (texts.FIELD_CLOSED, _moment_or_none(case.closed_at, values)),
        (texts.FIELD_CLOSE_REASON, case.close_reason),
        (texts.FIELD_ENTITIES, entities or None),
    ]
    return [Paragraph(value, label=label) for label, value in pairs if value]


def _coordinator(case: Case) -> str | None:
    if case.coordinator is None:
        return None
    return coordinator_label(case.coordinator, case.coordinator_region)


def _visit(case: Case, values: Values) -> list[tuple[str, str | None]]:
    lead = None
    if case.lead_time_seconds is not None:
        lead = duration(timedelta(seconds=case.lead_time_seconds))
    return [
        (texts.FIELD_VISIT_PLANNED, _moment_or_none(case.visit_planned_at, values)),
        (texts.FIELD_VISIT_LOCATION, case.visit_location),
        (texts.FIELD_VISITED, _moment_or_none(case.visited_at, values)),
        (texts.FIELD_LEAD_TIME, lead),
    ]


def _moment_or_none(value: datetime | None, values: Values) -> str | None:
    return None if value is None else values.moment(value)


def _records(case: Case, settings: Settings, values: Values) -> list[Paragraph]:
    retention = retention_of(case, settings)
    terms = {kind: setting(term) for kind, term in retention.terms.items()}
    paragraphs = [Paragraph(texts.RETENTION_TERMS.format(**terms))]
    if retention.held:
        paragraphs.append(Paragraph(texts.RETENTION_HELD))
    elif retention.texts_until is not None:
        until = values.moment(retention.texts_until)
        paragraphs.append(Paragraph(texts.RETENTION_UNTIL.format(moment=until)))
    else:
        paragraphs.append(Paragraph(texts.RETENTION_OPEN))
    paragraphs.append(Paragraph(texts.WOO_INTRO))
    paragraphs += [Paragraph("• " + texts.WOO_GROUNDS[ground], indent=True) for ground in MAY_APPLY]
    return paragraphs


def _mark(anonymised_at: datetime | None) -> str:
    return texts.ANONYMISED_MARK if anonymised_at is not None else ""


def _timeline(records: CaseRecords, values: Values) -> list[Paragraph]:
    return [
        Paragraph(
            texts.TIMELINE_LINE.format(
                moment=values.moment(entry.at),
                kind=texts.TIMELINE_KINDS.get(entry.kind, str(entry.kind)),
                actor=values.name(entry.actor),
                text=entry.text,
            )
            + _mark(entry.anonymised_at)
        )
        for entry in records.timeline
    ]


def _decisions(records: CaseRecords, values: Values) -> list[Paragraph]:
    return [
        Paragraph(
            texts.DECISION_LINE.format(
                moment=values.moment(decision.taken_at),
                person=values.name(decision.taken_by),
                text=decision.text,
            )
            + _mark(decision.anonymised_at)
        )
        for decision in records.decisions
    ]


def _action(action: Action, values: Values) -> list[Paragraph]:
    owner = values.name(action.owner_user) if action.owner_user else None
    if owner is None and action.owner_entity:
        owner = coordinator_label(action.owner_entity, action.owner_region)
    done = texts.ACTION_OPEN
    if action.done_at is not None:
        person = values.name(action.done_by) if action.done_by else texts.UNKNOWN
        done = texts.ACTION_DONE.format(moment=values.moment(action.done_at), person=person)
    details = [
        texts.ACTION_OWNER.format(owner=owner) if owner else None,
        texts.ACTION_DUE.format(moment=values.moment(action.due_at)) if action.due_at else None,
        texts.ACTION_AGREED.format(
            moment=values.moment(action.created_at), person=values.name(action.created_by)
        ),
        done,
    ]
    heading = texts.ACTION_LINE.format(id=action.id, text=action.text) + _mark(action.anonymised_at)
    return [Paragraph(heading), *(Paragraph(line, indent=True) for line in details if line)]


def _meeting(meeting: Meeting, values: Values) -> list[Paragraph]:
    topic = meeting.topic or texts.MEETING_NO_TOPIC
    state = texts.MEETING_STATE.format(
        status=texts.MEETING_STATUS[meeting.status],
        requested=values.moment(meeting.requested_at),
        person=values.name(meeting.requested_by),
    )
    details = [
        state,
        texts.MEETING_STARTS.format(moment=values.moment(meeting.starts_at))
        if meeting.starts_at
        else None,
        texts.MEETING_CANCEL_REASON.format(reason=meeting.cancel_reason)
        if meeting.cancel_reason
        else None,
    ]
    if meeting.minutes and meeting.minutes_at:
        details += [texts.MEETING_MINUTES.format(moment=values.moment(meeting.minutes_at))]
        details += meeting.minutes.splitlines()
    else:
        details.append(texts.MEETING_NO_MINUTES)
    heading = texts.MEETING_LINE.format(id=meeting.id, topic=topic) + _mark(meeting.anonymised_at)
    return [Paragraph(heading), *(Paragraph(line, indent=True) for line in details if line)]


def _notes(records: CaseRecords, values: Values) -> list[Paragraph]:
    return [
        Paragraph(
            texts.NOTE_LINE.format(
                moment=values.moment(note.written_at),
                person=values.name(note.written_by),
                text=note.text,
            )
            + _mark(note.anonymised_at)
        )
        for note in records.notes
    ]


def _report(case: Case, values: Values) -> list[Paragraph]:
    if case.report is None:
        return [Paragraph(texts.REPORT_NONE)]
    filed = case.report_filed_at
    paragraphs = (
        [Paragraph(texts.REPORT_FILED.format(moment=values.moment(filed)))] if filed else []
    )
    paragraphs += [
        Paragraph(value, label=case_texts.REPORT_LABELS.get(key, key))
        for key, value in case.report.items()
        if value
    ]
    return paragraphs
