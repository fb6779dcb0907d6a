"""Finding the names of persons in sentences about health (AVG art. 9).

A name counts when a title or role word introduces it (`dhr. Nowak`, `werknemer Jan K.`,
`naam: Anna`) and a configured health word stands in the same sentence. Only the name goes;
the health word stays, so the signal still says what is going on. A company name (`Slachterij
De Vries`) has no such word before it and stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from commands.core.moment_words import alternatives
from commands.privacy.kinds import Span
from commands.texts import privacy as texts

_PERSON_WORD = re.compile(
    r"(?<![\w])(?:" + alternatives(texts.PERSON_WORDS) + r")(?:(?<=:)|(?![\w]))[:,]?[ \t]*",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[^\s,;:!?()\"]+")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")
_ABBREVIATIONS = frozenset(texts.ABBREVIATIONS)
_PARTICLES = frozenset(texts.NAME_PARTICLES)


def health_name_spans(text: str, health_words: Sequence[str]) -> list[Span]:
    if not health_words:
        return []
    health = _health_pattern(health_words)
    spans: list[Span] = []
    for start, end in _sentences(text):
        sentence = text[start:end]
        if not health.search(sentence):
            continue
        for person in _PERSON_WORD.finditer(sentence):
            name = _name_at(sentence, person.end())
            if name:
                spans.append((start + name[0], start + name[1]))
    return spans


def _health_pattern(words: Sequence[str]) -> re.Pattern[str]:
    """Each word also inflected (`zieke`, `besmette`); `positief getest` with any spaces."""
    written = alternatives(words).replace(r"\ ", r"\s+")
    return re.compile(r"(?<![\w])(?:" + written + r")(?:e|en|te|ten)?(?![\w])", re.IGNORECASE)


def _sentences(text: str) -> Iterator[Span]:
    """The sentences of a text; the full stop of `dhr.`, `geb.` or an initial ends none."""
    start = 0
    for end_mark in _SENTENCE_END.finditer(text):
        if end_mark.group().startswith(".") and _abbreviated(text[start : end_mark.start()]):
            continue
        yield start, end_mark.end()
        start = end_mark.end()
    if start < len(text):
        yield start, len(text)


def _abbreviated(before: str) -> bool:
    words = before.split()
    last = words[-1].lower() if words else ""
    return (len(last) == 1 and last.isalpha()) or last in _ABBREVIATIONS


def _name_at(sentence: str, position: int) -> Span | None:
    """The name that starts at `position`: initials and capitalised words, with particles
    (`van der`) before or between them; None when no capitalised word or initial is there."""
    start: int | None = None
    end: int | None = None
    for token in _TOKEN.finditer(sentence, position):
        if sentence[position : token.start()].strip():
            break  # something other than a space between the words
        word = token.group()
        part = 0 if word.lower() in _PARTICLES else _name_part(word)
        if not part and word.lower() not in _PARTICLES:
            break
        start = token.start() if start is None else start
        if part:
            end = token.start() + part
            if part < len(word):  # `Nowak.` or `Nowak's`: the name ends here
                break
        position = token.end()
    return (start, end) if start is not None and end is not None else None


def _name_part(word: str) -> int:
    """How many characters of `word` are a name: initials (`J.`) or a capitalised word."""
    if not word[:1].isupper():
        return 0
    if initials := _INITIALS.match(word):
        return initials.end()
    name = _NAME_WORD.match(word)
    return name.end() if name else 0
