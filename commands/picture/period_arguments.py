"""The words after `!beeld`, `!risico` and `!verantwoording`: `[periode] [regio|sector] [vlaggen]`.

The period is the longest run of words at the start (or else at the end) that reads as one;
the flags are picked out wherever they are; what is left names one region or one sector, in
as many words as its name has. A word that only a period would have (`vorige`, `14x`, `nov`)
left among those is a period that could not be read, and is refused as such rather than passed
over by the forgiving matching of names.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache

from commands.core.message import either
from commands.core.registry import UsageError
from commands.picture.period_words import looks_like_period, plain, read_period, refusal
from commands.texts import core as core_texts
from commands.texts import periods as texts
from config.matching import Lookup, normalise
from config.reference import regions, sectors

#: The most words a period has (`de laatste 14 dagen`, `sinds 1 nov 2026`).
_PERIOD_WORDS = 5
#: `vr 6`, `VR-06`: a region code typed apart, whose number is no period.
_REGION_CODE = re.compile(r"\bvr\s*-?\s*\d{1,2}\b", re.IGNORECASE)
#: Period words after which another belongs to the period (`vorige ...`, `14 ...`).
_LEADING = (*texts.LAST_WORDS, *texts.THIS_WORDS, *texts.PREVIOUS_WORDS, *texts.SINCE_WORDS)


@dataclass(frozen=True)
class Words:
    period: str | None
    region: str | None
    sector: str | None
    flags: list[str]


def read_words(arguments: str, flags: Collection[str] = ()) -> Words:
    wanted = {flag.lower() for flag in flags}
    words = [word for word in arguments.split() if word.lower() not in wanted]
    present = {word.lower() for word in arguments.split()} & wanted
    period, before, after = _split_period(words)
    _refuse_period_words(before, period, after)
    rest = before + after
    region, sector = _read_scope(" ".join(rest)) if rest else (None, None)
    return Words(period, region, sector, [flag for flag in flags if flag.lower() in present])


def _split_period(words: list[str]) -> tuple[str | None, list[str], list[str]]:
    """(the period, the words before it, the words after it): the period is at the start,
    or else at the end, or there is none."""
    for size in range(min(len(words), _PERIOD_WORDS), 0, -1):
        if read_period(" ".join(words[:size])) is not None:
            return " ".join(words[:size]), [], words[size:]
    for size in range(min(len(words), _PERIOD_WORDS), 0, -1):
        if read_period(" ".join(words[-size:])) is not None:
            return " ".join(words[-size:]), words[:-size], []
    return None, [], words


def _refuse_period_words(before: list[str], period: str | None, after: list[str]) -> None:
    """Period words among the region or sector: a second period, or one not understood.

    Words next to the period that do not read as one with it (`1 nov`) are named with it.
    """
    before, after = _without_codes(before), _without_codes(after)
    own = range(len(before), len(before) + len(period.split() if period else ()))
    words = [*before, *(period.split() if period else ()), *after]
    marked = [i for i, word in enumerate(words) if i not in own and looks_like_period(word)]
    if not marked:
        return
    first, last = marked[0], marked[-1]
    if last + 1 < len(words) and _leads(words[last]):
        last += 1
    said = " ".join(words[first : last + 1])
    if period is not None and read_period(said) is not None:
        raise refusal(texts.TWO_PERIODS.format(first=period, second=said))
    if period is None and read_period(said) is not None:
        raise refusal(texts.PERIOD_PLACE.format(said=said))
    if own and (last + 1 == own.start or first == own.stop):
        first, last = min(first, own.start), max(last, own.stop - 1)
    raise refusal(texts.PERIOD_UNREADABLE.format(said=" ".join(words[first : last + 1])))


def _without_codes(words: list[str]) -> list[str]:
    """The words with a region code typed apart (`vr 6`) as one word, whose number is no period."""
    return _REGION_CODE.sub("vr", " ".join(words)).split()


def _leads(word: str) -> bool:
    said = plain(word)
    return said.isdigit() or said in _LEADING


def _read_scope(said: str) -> tuple[str | None, str | None]:
    """(region code, None) or (None, sector key); UsageError with a question or the options."""
    exact_region, exact_sector = regions().lookup(said).match, sectors().lookup(said).match
    if exact_region and not exact_sector:
        return exact_region, None
    if exact_sector and not exact_region:
        return None, exact_sector
    region, sector = regions().recognise(said), sectors().recognise(said)
    if region.match and sector.match:
        return _closer(said, region.match, sector.match)
    if region.match or sector.match:
        return region.match, sector.match
    if region.ambiguous:
        raise _ambiguous(said, "region", region)
    if sector.ambiguous:
        raise _ambiguous(said, "sector", sector)
    unknown = texts.SCOPE_UNKNOWN.format(said=said)
    options = (*region.suggestions, *sector.suggestions)
    if options:
        raise UsageError(f"{unknown} {core_texts.DID_YOU_MEAN.format(options=either(options))}")
    raise UsageError(f"{unknown} {texts.PERIOD_HELP} {texts.SCOPE_HELP}")


def _closer(said: str, region: str, sector: str) -> tuple[str | None, str | None]:
    """Both a region and a sector fit: the one more of whose words were typed, or a question.

    `Oost-Gelderland` names the region in both its words; the sector only through `oost` as a
    typo of `oogst`.
    """
    typed = set(normalise(said).split())
    region_words = len(typed & _region_words())
    sector_words = len(typed & _sector_words())
    if region_words > sector_words:
        return region, None
    if sector_words > region_words:
        return None, sector
    raise UsageError(
        texts.SCOPE_BOTH.format(
            said=said, region=regions()[region].label, sector=sectors()[sector].name
        )
    )


def _ambiguous(said: str, kind: str, found: Lookup) -> UsageError:
    return UsageError(
        texts.SCOPE_AMBIGUOUS.format(
            said=said, kind=texts.SCOPE_KINDS[kind], options=either(found.suggestions)
        )
    )


def _words_of(names: Iterable[str]) -> frozenset[str]:
    return frozenset(word for name in names for word in normalise(name).split() if word != "en")


@cache
def _region_words() -> frozenset[str]:
    return _words_of(
        name
        for region in regions().by_code.values()
        for name in (region.code, region.name, region.province, *region.aliases)
    )


@cache
def _sector_words() -> frozenset[str]:
    return _words_of(
        name
        for sector in sectors().by_key.values()
        for name in (sector.key, sector.name, *sector.aliases)
    )
