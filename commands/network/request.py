"""What `!netwerk` is asked: the whole map, one aspect or one holder, perhaps on a date, or the
drawing."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict

from commands.core.dates import read_date
from commands.core.message import either, excerpt
from commands.core.registry import UsageError
from commands.texts import network as texts
from config.matching import Lookup, Vocabulary, normalise
from config.powers import Aspect, Holder

_DATE_LIKE = re.compile(r"\d[\d\-/.]*\d")
#: Keys of the subject vocabulary: an aspect or a holder, told apart by their prefix.
_ASPECT_KEY = "aspect:"
_HOLDER_KEY = "holder:"


class NetworkRequest(BaseModel):
    model_config = ConfigDict(frozen=True)

    drawing: bool = False
    aspect: Aspect | None = None
    holder: Holder | None = None
    on: date | None = None  # the powers in force that day; None: every row with its period


def parse_network(arguments: str) -> dict[str, Any]:
    words = arguments.split()
    drawing = bool(words) and normalise(words[0]) == texts.MAP_WORD
    if drawing:
        words = words[1:]
    words, on = _read_date(words)
    request: dict[str, Any] = {"drawing": drawing, "on": on}
    if not words:
        return request
    if drawing:
        raise UsageError(texts.MAP_ALONE)
    return request | _subject(" ".join(words))


def _read_date(words: list[str]) -> tuple[list[str], date | None]:
    """The date at the end (`op 2020-11-15`, `15-11-2020`), and the words before it."""
    if words and normalise(words[-1]) == texts.ON_WORD:
        raise UsageError(texts.DATE_MISSING)
    if not words or not _DATE_LIKE.fullmatch(words[-1]):
        return words, None
    day = read_date(words[-1])
    if day is None:
        raise UsageError(texts.DATE_INVALID.format(value=excerpt(words[-1])))
    rest = words[:-1]
    if rest and normalise(rest[-1]) == texts.ON_WORD:
        rest = rest[:-1]
    return rest, day


def _subject(typed: str) -> dict[str, Any]:
    found = subjects().recognise(typed)
    if found.match is None:
        raise UsageError(_unknown(typed, found))
    if found.match.startswith(_ASPECT_KEY):
        return {"aspect": found.match.removeprefix(_ASPECT_KEY)}
    return {"holder": found.match.removeprefix(_HOLDER_KEY)}


def _unknown(typed: str, found: Lookup) -> str:
    value = excerpt(typed)
    if found.ambiguous:
        return texts.AMBIGUOUS_WORD.format(value=value, options=either(found.suggestions))
    message = texts.UNKNOWN_WORD.format(value=value, holders=texts.HOLDER_CHOICES)
    if found.suggestions:
        message += " " + texts.DID_YOU_MEAN.format(options=either(found.suggestions))
    return message


@cache
def subjects() -> Vocabulary:
    """The aspects and the holders, with their aliases, as members type them."""
    names = {word: _ASPECT_KEY + aspect for word, aspect in texts.ASPECT_WORDS.items()}
    names |= {word: _HOLDER_KEY + holder for word, holder in texts.HOLDER_ALIASES.items()}
    names |= {name: _HOLDER_KEY + holder for holder, name in texts.HOLDER_NAMES.items()}
    labels = {_ASPECT_KEY + aspect: name.lower() for aspect, name in texts.ASPECT_NAMES.items()}
    labels |= {_HOLDER_KEY + holder: name for holder, name in texts.HOLDER_NAMES.items()}
    return Vocabulary(names, labels)


def parse_holder(typed: str) -> Holder | None:
    """A holder by its code or a name members use (`ISZW`, `NLA`, `VR`); None otherwise."""
    found = subjects().lookup(typed)
    if found.match is None or not found.match.startswith(_HOLDER_KEY):
        return None
    return Holder(found.match.removeprefix(_HOLDER_KEY))
