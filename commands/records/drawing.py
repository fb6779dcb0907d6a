"""The dossier drawn when it goes out (commands.FILES): its records read with SQL in the
delivery's read-only transaction, the PDF, JSON and ZIP made in a worker thread."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

from commands.core.context import Workspace
from commands.core.effects import Rendered
from commands.records.archive import dossier_zip
from commands.records.json_doc import dossier_json
from commands.records.pdf import dossier_pdf
from commands.records.sections import dossier_sections
from commands.records.values import Values
from commands.texts import records as texts
from config.settings import Settings
from storage.records import CaseRecords, case_records

ZIP_TYPE = "application/zip"


class DossierGone(LookupError):
    """The case of a queued dossier is no longer there."""


async def draw_dossier(workspace: Workspace, spec: dict[str, Any]) -> Rendered:
    records = await case_records(workspace.cases.session, spec["case_id"])
    if records is None:
        raise DossierGone(spec["case_id"])
    values = Values(workspace.settings.platform.zone, workspace.directory)
    created = datetime.fromisoformat(spec["created"])
    data = await asyncio.to_thread(build_dossier, records, workspace.settings, values, created)
    return Rendered(texts.ZIP_NAME.format(number=records.case.number), ZIP_TYPE, data)


def build_dossier(
    records: CaseRecords, settings: Settings, values: Values, created: datetime
) -> bytes:
    """The ZIP: the case as PDF/A, the same as JSON, and the manifest of both."""
    case = records.case
    number = case.number
    anonymised = None
    if case.anonymised_at is not None:
        anonymised = texts.ANONYMISED.format(moment=values.moment(case.anonymised_at))
    pdf = dossier_pdf(
        number=number,
        title=texts.TITLE.format(number=number, title=case.title),
        created=created,
        created_line=texts.CREATED.format(moment=values.moment(created)),
        anonymised_line=anonymised,
        sections=dossier_sections(records, settings, values),
    )
    files = [
        (texts.PDF_NAME.format(number=number), pdf),
        (texts.JSON_NAME.format(number=number), dossier_json(records, settings, values, created)),
    ]
    return dossier_zip(files, created.astimezone(values.zone))
