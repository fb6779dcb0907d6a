"""The dossier as JSON: the same content as the PDF, with codes (and their Dutch labels) instead
of prose, and the metadata an archive or a Woo officer files it by."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from commands.records.metadata import involved_entities, retention_of
from commands.records.values import Values, iso_duration, labelled
from commands.records.woo import ARTICLES, MAY_APPLY
from commands.texts import cases as case_texts
from commands.texts import intake as intake_texts
from commands.texts import records as texts
from config.reference import regions, sectors
from config.settings import Settings
from storage.cases import Case, TimelineEntry
from storage.follow_up import Action, DecisionEntry, Note
from storage.meetings import Meeting
from storage.records import CaseRecords

FORMAT = "signaalbot-zaakdossier"
VERSION = 1


def dossier_json(
    records: CaseRecords, settings: Settings, values: Values, created: datetime
) -> bytes:
    """UTF-8 JSON, keys in a fixed order, so the same case gives the same bytes."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": values.iso(created),
        "metadata": _metadata(records, settings, values),
        "case": _case(records.case, values),
        "timeline": [_entry(entry, values) for entry in records.timeline],
        "decisions": [_decision(decision, values) for decision in records.decisions],
        "actions": [_action(action, values) for action in records.actions],
        "meetings": [_meeting(meeting, values) for meeting in records.meetings],
        "notes": [_note(note, values) for note in records.notes],
        "report": _report(records.case, values),
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _metadata(records: CaseRecords, settings: Settings, values: Values) -> dict[str, Any]:
    case = records.case
    retention = retention_of(case, settings)
    return {
        "title": texts.TITLE.format(number=case.number, title=case.title),
        "number": case.number,
        "kind": labelled(case.kind, case_texts.KIND_LABELS),
        "status": labelled(case.status, case_texts.STATUS_LABELS),
        "dates": {
            "signalled": values.iso(case.signalled_at),
            "visited": values.iso(case.visited_at),
            "closed": values.iso(case.closed_at),
        },
        "entities": [
            {"code": item.entity, "region": item.region, "label": item.label}
            for item in involved_entities(records, values.directory)
        ],
        "retention": {
            "hold": retention.held,
            "terms": {kind: iso_duration(term) for kind, term in retention.terms.items()},
            "texts_anonymised_after": values.iso(retention.texts_until),
            "anonymised_at": values.iso(case.anonymised_at),
        },
        "woo_grounds": [
            {"code": str(ground), "article": ARTICLES[ground], "label": texts.WOO_GROUNDS[ground]}
            for ground in MAY_APPLY
        ],
    }


def _case(case: Case, values: Values) -> dict[str, Any]:
    return {
        "title": case.title,
        "region": labelled(case.region, {case.region: regions()[case.region].label})
        if case.region
        else None,
        "sector": labelled(case.sector, {case.sector: sectors()[case.sector].name})
        if case.sector
        else None,
        "source": labelled(case.source, intake_texts.SOURCES),
        "location": case.location,
        "kvk": case.kvk,
        "border": case.border,
        "aspects": list(case.aspects),
        "description": case.description,
        "signalled_by": values.person(case.created_by),
        "deadline": values.iso(case.deadline_at),
        "coordinator": {"code": case.coordinator, "region": case.coordinator_region}
        if case.coordinator
        else None,
        "decision": labelled(case.decision, case_texts.DECISION_LABELS),
        "decision_note": case.decision_note,
        "visit_planned": values.iso(case.visit_planned_at),
        "visit_location": case.visit_location,
        "lead_time_seconds": case.lead_time_seconds,
        "overdue": case.overdue,
        "close_reason": case.close_reason,
        "origin": {"room_id": case.intake_room_id, "event_id": case.intake_event_id},
    }


def _entry(entry: TimelineEntry, values: Values) -> dict[str, Any]:
    return {
        "at": values.iso(entry.at),
        "kind": labelled(entry.kind, texts.TIMELINE_KINDS),
        "actor": values.person(entry.actor),
        "text": entry.text,
        "origin": {"room_id": entry.room_id, "event_id": entry.event_id},
        "anonymised_at": values.iso(entry.anonymised_at),
    }


def _decision(decision: DecisionEntry, values: Values) -> dict[str, Any]:
    return {
        "id": decision.id,
        "taken_at": values.iso(decision.taken_at),
        "taken_by": values.person(decision.taken_by),
        "text": decision.text,
        "meeting_id": decision.meeting_id,
        "event_id": decision.event_id,
        "anonymised_at": values.iso(decision.anonymised_at),
    }


def _note(note: Note, values: Values) -> dict[str, Any]:
    return {
        "id": note.id,
        "written_at": values.iso(note.written_at),
        "written_by": values.person(note.written_by),
        "text": note.text,
        "meeting_id": note.meeting_id,
        "anonymised_at": values.iso(note.anonymised_at),
    }


def _action(action: Action, values: Values) -> dict[str, Any]:
    owner_entity = (
        {"code": action.owner_entity, "region": action.owner_region}
        if action.owner_entity
        else None
    )
    return {
        "id": action.id,
        "text": action.text,
        "owner": values.person(action.owner_user),
        "owner_entity": owner_entity,
        "due": values.iso(action.due_at),
        "created_at": values.iso(action.created_at),
        "created_by": values.person(action.created_by),
        "done_at": values.iso(action.done_at),
        "done_by": values.person(action.done_by),
        "meeting_id": action.meeting_id,
        "anonymised_at": values.iso(action.anonymised_at),
    }


def _meeting(meeting: Meeting, values: Values) -> dict[str, Any]:
    return {
        "id": meeting.id,
        "topic": meeting.topic,
        "status": labelled(meeting.status, texts.MEETING_STATUS),
        "requested_at": values.iso(meeting.requested_at),
        "requested_by": values.person(meeting.requested_by),
        "starts_at": values.iso(meeting.starts_at),
        "cancel_reason": meeting.cancel_reason,
        "minutes": meeting.minutes,
        "minutes_at": values.iso(meeting.minutes_at),
        "anonymised_at": values.iso(meeting.anonymised_at),
    }


def _report(case: Case, values: Values) -> dict[str, Any] | None:
    if case.report is None:
        return None
    return {
        "filed_at": values.iso(case.report_filed_at),
        "fields": [
            {"code": key, "label": case_texts.REPORT_LABELS.get(key, key), "text": value}
            for key, value in case.report.items()
        ],
    }
