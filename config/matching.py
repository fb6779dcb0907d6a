"""What a member typed, matched to the entries of a vocabulary: regions, sectors, sources, aspects.

In this order: a name or alias (in any case, with or without spaces and hyphens); a group name that
stands for several entries (a province); a small typo of a whole name; the whole words of names
(`distributie` is "Logistiek en distributie"). When several entries fit equally well the outcome
lists them to ask which one: a match is never guessed among equals.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

#: Words that tell no entry from another, left out of the words of names.
_STOPWORDS = frozenset({"en"})
#: How close a name must be (rapidfuzz WRatio) to be offered when nothing matched, and how many.
_SUGGEST_CUTOFF = 72
_SUGGESTIONS = 3


def normalise(text: str) -> str:
    """Lower case, accents removed, punctuation as spaces, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    plain = plain.replace("&", " en ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def typo_allowance(text: str) -> int:
    """Edits (a letter wrong, missing, extra, or two swapped) forgiven in a text this long.

    None in an abbreviation of three letters: there, one letter makes another name.
    """
    length = len(text.replace(" ", ""))
    if length < 4:
        return 0
    return 1 if length < 8 else 2


@dataclass(frozen=True)
class Lookup:
    """Outcome of looking up a name: the match, or the entries to offer instead (their labels).

    `ambiguous`: what was typed fits every one of them (`Brabant`: three regions), so the answer
    asks which. Otherwise they are only close to it: "Bedoelde u ...?".
    """

    match: str | None
    suggestions: tuple[str, ...] = field(default_factory=tuple)
    ambiguous: bool = False


class Vocabulary:
    """Names and aliases mapped to one key each; groups map to several; labels show the keys.

    `generic` words (`noord`, `midden`) narrow down a match made with other words, but never
    make one on their own.
    """

    def __init__(
        self,
        names: Mapping[str, str],
        labels: Mapping[str, str],
        groups: Mapping[str, Iterable[str]] | None = None,
        generic: Iterable[str] = (),
    ) -> None:
        self._names = {normalise(name): key for name, key in names.items()}
        self._compact = {name.replace(" ", ""): key for name, key in self._names.items()}
        self._labels = dict(labels)
        self._order = {key: index for index, key in enumerate(labels)}
        self._groups = {normalise(name): tuple(keys) for name, keys in (groups or {}).items()}
        self._generic = frozenset(normalise(word) for word in generic)
        self._words: dict[str, set[str]] = {}
        for name, key in self._names.items():
            for word in name.split():
                if len(word) > 1 and word not in _STOPWORDS:
                    self._words.setdefault(word, set()).add(key)

    def lookup(self, text: str) -> Lookup:
        """Exactly a name or alias, or the closest names as suggestions."""
        wanted = normalise(text)
        if wanted in self._names:
            return Lookup(self._names[wanted])
        return Lookup(None, self._close(wanted))

    def recognise(self, text: str, by_words: bool = True) -> Lookup:
        """As people write it: exact, a group, a typo, or (with `by_words`) words of names."""
        wanted = normalise(text)
        if not wanted:
            return Lookup(None)
        found = self._exact(wanted) or self._typo(wanted)
        if found is None and by_words:
            found = self._by_words(wanted.split())
        return found or Lookup(None, self._close(wanted))

    def _exact(self, wanted: str) -> Lookup | None:
        key = self._names.get(wanted) or self._compact.get(wanted.replace(" ", ""))
        if key is not None:
            return Lookup(key)
        if wanted in self._groups:
            return self._among(self._groups[wanted])
        return None

    def _typo(self, wanted: str) -> Lookup | None:
        """The entry whose name is nearest within the allowance; ties are only suggested."""
        allowed = typo_allowance(wanted)
        if not allowed:
            return None
        nearest: dict[str, int] = {}
        for name, key in self._names.items():
            distance = OSA.distance(wanted, name, score_cutoff=allowed)
            if distance <= allowed:
                nearest[key] = min(distance, nearest.get(key, distance))
        if not nearest:
            return None
        best = min(nearest.values())
        keys = self._ordered(key for key, distance in nearest.items() if distance == best)
        if len(keys) == 1:
            return Lookup(keys[0])
        return Lookup(None, tuple(self._labels[key] for key in keys[:_SUGGESTIONS]))

    def _by_words(self, typed: list[str]) -> Lookup | None:
        """The entries named by every known word typed; words it does not know are passed over.

        Words that name different entries (`VNOG, Twente`) make all of those the candidates.
        """
        named: list[set[str]] = []
        specific: list[set[str]] = []
        for word in typed:
            known = word if word in self._words else self._corrected(word)
            if known is not None:
                named.append(self._words[known])
                if known not in self._generic:
                    specific.append(self._words[known])
        if not named:
            return None
        common = set.intersection(*named)
        if len(common) == 1 and not specific:
            return Lookup(None, (self._labels[next(iter(common))],))
        return self._among(common or set.union(*(specific or named)))

    def _corrected(self, word: str) -> str | None:
        """The word of the names that `word` is a typo of, if the nearest all mean the same."""
        allowed = typo_allowance(word)
        if not allowed:
            return None
        distances = {
            known: OSA.distance(word, known, score_cutoff=allowed)
            for known in self._words
            if len(known) >= 4
        }
        best = min(distances.values(), default=allowed + 1)
        nearest = [known for known, distance in distances.items() if distance == best]
        if best > allowed or any(self._words[k] != self._words[nearest[0]] for k in nearest):
            return None
        return nearest[0]

    def _among(self, keys: Iterable[str]) -> Lookup:
        """One entry is the match; several are the candidates to ask about."""
        ordered = self._ordered(keys)
        if len(ordered) == 1:
            return Lookup(ordered[0])
        return Lookup(None, tuple(self._labels[key] for key in ordered), ambiguous=True)

    def _ordered(self, keys: Iterable[str]) -> list[str]:
        return sorted(set(keys), key=lambda key: self._order.get(key, len(self._order)))

    def _close(self, wanted: str) -> tuple[str, ...]:
        if not wanted:
            return ()
        found = process.extract(
            wanted, self._names.keys(), scorer=fuzz.WRatio, limit=5, score_cutoff=_SUGGEST_CUTOFF
        )
        keys: list[str] = []
        for name, _score, _ in found:
            key = self._names[name]
            if key not in keys:
                keys.append(key)
        return tuple(self._labels[key] for key in keys[:_SUGGESTIONS])
