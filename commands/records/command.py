"""`!dossier [nummer]`: the case dossier for the archive and for Woo requests, for a project
leader or the case's coordinating entity. Closed cases are its main use."""

from __future__ import annotations

from commands.cases.target import CaseRequest, case_command, target_case
from commands.core.context import Context
from commands.core.effects import Effect, RenderFile, Reply
from commands.core.message import text
from commands.core.people import coordinator_label, entity_members
from commands.core.registry import UsageError
from commands.records.files import DOSSIER_ZIP, dossier_spec
from commands.texts import cases as case_texts
from commands.texts import records as texts
from storage.cases import Case


def may_request(case: Case, context: Context) -> bool:
    """A project leader, or a member of the coordinating entity (in its region, for a GGD or
    VR), or the stand-in of one who is away."""
    if context.member.is_project_leader:
        return True
    if case.coordinator is None:
        return False
    members = entity_members(
        context.directory, case.coordinator, case.coordinator_region, context.now
    )
    return context.sender in members


def refusal(case: Case) -> str:
    if case.coordinator is None:
        return texts.DOSSIER_NOT_ALLOWED_NO_COORDINATOR.format(number=case.number)
    coordinator = coordinator_label(case.coordinator, case.coordinator_region)
    return texts.DOSSIER_NOT_ALLOWED.format(number=case.number, coordinator=coordinator)


async def handle_dossier(request: CaseRequest, context: Context) -> list[Effect]:
    case = await target_case(request.number, context, texts.DOSSIER_EXAMPLE, open_only=False)
    if request.rest:
        raise UsageError(case_texts.NO_ARGUMENTS_CASE.format(name=texts.DOSSIER_HELP.name))
    if not may_request(case, context):
        raise UsageError(refusal(case))
    return [
        Reply(text(texts.DOSSIER_FOLLOWS.format(number=case.number))),
        RenderFile(context.room_id, DOSSIER_ZIP, dossier_spec(case.id, context.now)),
    ]


COMMAND = case_command(texts.DOSSIER_HELP, handle_dossier)
