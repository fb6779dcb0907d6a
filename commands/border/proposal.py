"""The proposal to inform the counterparts, to the coordinator of a cross-border case: when
a cross-border case gets its coordinator, and when a case with a coordinator becomes
cross-border."""

from __future__ import annotations

from commands.border.flag import (
    counterparts,
    countries,
    countries_label,
    is_cross_border,
    listed,
    network,
)
from commands.core.context import Workspace
from commands.core.effects import Effect, PostInCaseRoom
from commands.core.message import code, fill, join, lines, text, user_pill
from commands.core.people import coordinator_label, display_name, entity_members
from commands.texts import border as texts
from storage.cases import Case


def action_command(case: Case, informed: str) -> str:
    """The `!actie` to copy, owned by the coordinator (`... GGD VR06`, `... ISZW`)."""
    assert case.coordinator is not None
    owner = " ".join(part for part in (case.coordinator, case.coordinator_region) if part)
    return texts.PROPOSAL_ACTION.format(counterparts=informed, number=case.number, owner=owner)


def propose_informing(case: Case, workspace: Workspace) -> list[Effect]:
    """To the incident room, mentioning the coordinator's members: inform the counterparts,
    with the exact `!actie` command. Nothing for a case without a coordinator or inside the
    country."""
    if case.coordinator is None or not is_cross_border(case):
        return []
    names = [c.name for c in counterparts(case, network(workspace.settings))]
    wanted = countries_label(countries(case))
    informed = listed(names) or texts.COUNTERPARTS_UNKNOWN.format(countries=wanted)
    directory = workspace.directory
    members = entity_members(directory, case.coordinator, case.coordinator_region, workspace.now)
    proposal = texts.PROPOSAL.format(
        number=case.number,
        countries=wanted,
        coordinator=coordinator_label(case.coordinator, case.coordinator_region),
        counterparts=informed,
    )
    pills = join([user_pill(m, display_name(directory, m)) for m in members], ", ")
    head = fill(texts.PROPOSAL_TO, members=pills) + proposal if members else text(proposal)
    message = lines(head, code(action_command(case, informed)))
    return [PostInCaseRoom(case.id, message, tuple(members))]


def propose_if_newly_flagged(
    case: Case, was_cross_border: bool, workspace: Workspace
) -> list[Effect]:
    """After a change to the case's region, location or country: the proposal, if the case
    has just become cross-border."""
    return [] if was_cross_border else propose_informing(case, workspace)
