"""The one check on free text a member types: longer than its limit is refused, nothing changed."""

from __future__ import annotations

from commands.core.registry import UsageError
from commands.texts import core as texts


def refuse_if_longer(value: str | None, limit: int, field: str) -> None:
    """`field` names the part of the command in the answer, e.g. 'omschrijving'."""
    if value and len(value) > limit:
        raise UsageError(texts.FIELD_TOO_LONG.format(field=field, length=len(value), limit=limit))
