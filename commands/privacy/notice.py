"""Telling the member, once, what the screening removed from a command and why."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from commands.core.effects import Effect, OpenIncidentRoom, Reply
from commands.core.message import Message, lines, text
from commands.privacy.kinds import PersonalData
from commands.texts import privacy as texts


def removed_note(found: Mapping[PersonalData, int]) -> Message:
    """`Verwijderd …: 1 BSN en 2 telefoonnummers. …` — counts only, never a value."""
    counts = [
        texts.COUNTED[kind][0 if found[kind] == 1 else 1].format(count=found[kind])
        for kind in PersonalData
        if found.get(kind)
    ]
    listed = counts[0]
    if len(counts) > 1:
        listed = texts.COUNTS_LAST.format(counts=", ".join(counts[:-1]), last=counts[-1])
    return text(texts.REMOVED_NOTE.format(counts=listed))


def with_removed_note(effects: list[Effect], found: Mapping[PersonalData, int]) -> list[Effect]:
    """The note at the end of the first reply (a reply of its own when there is none). The
    answer an incident room's link is edited into carries it too, so the edit keeps it."""
    if not found:
        return effects
    note = removed_note(found)
    noted: list[Effect] = []
    replied = False
    for effect in effects:
        if isinstance(effect, Reply) and not replied:
            effect = dataclasses.replace(effect, message=lines(effect.message, note))
            replied = True
        elif isinstance(effect, OpenIncidentRoom) and effect.answer is not None:
            effect = dataclasses.replace(effect, answer=lines(effect.answer, note))
        noted.append(effect)
    return noted if replied else [Reply(note), *noted]
