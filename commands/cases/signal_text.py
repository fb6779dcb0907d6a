"""A `!signaal` as members write it: the title, then the fields wherever they put them.

A known field name and a colon start a field: at the start of a line, after a `;`, or anywhere in
a line (`Kwekerij Zon regio: VR15 sector: kassen`), in any case and in its variants (`plaats:`,
`kvk-nummer:`, `KvKnummer:`). List markers (`- `, `* `, `1. `), quote marks and Markdown emphasis
are passed over. On the title's line a colon before a field name also starts it (`Slachterij X:
locatie Groenlo`). Text without a field name belongs to the description, and so does a line that
starts with a name the bot does not know (`kleur: rood`); those names are reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from commands.texts import intake as intake_texts
from config.matching import Vocabulary, normalise
from storage.cases import IntakeField

_MARKER = re.compile(r"^\s*(?:[-*•>]+\s*|\d{1,2}[.)]\s+)")
_STRANGER = re.compile(r"^[*_]{0,2}([^\W\d_][\w'\-]*(?: [^\W\d_][\w'\-]*){0,2})[*_]{0,2}\s*:(?!//)")
_TITLE_LABEL = re.compile(
    r"^(?:(?:" + "|".join(intake_texts.TITLE_LINE_LABELS) + r")\s*:\s*)+", re.IGNORECASE
)
#: Fields that a colon before their name starts on the title's line: short values only.
_AFTER_COLON = (
    IntakeField.REGION,
    IntakeField.SECTOR,
    IntakeField.SOURCE,
    IntakeField.LOCATION,
    IntakeField.KVK,
    IntakeField.ASPECT,
)
_TITLE_END = " ,;:-–—|"


def _compact(name: str) -> str:
    return normalise(name).replace(" ", "")


@cache
def _names() -> dict[str, IntakeField]:
    """Every name of a field, compacted (`kvk-nummer` -> `kvknummer`), with its code."""
    codes = {name: code for code, name in intake_texts.FIELD_NAMES.items()}
    names = {**codes, **{alias: codes[name] for alias, name in intake_texts.FIELD_ALIASES.items()}}
    return {_compact(name): code for name, code in names.items()}


def _pattern(codes: tuple[IntakeField, ...] | None = None) -> str:
    """The names of these fields as a regex: spaces, hyphens and dots inside them optional."""
    codes_by_name = {name: code for code, name in intake_texts.FIELD_NAMES.items()}
    names = [*codes_by_name, *intake_texts.FIELD_ALIASES]
    if codes is not None:
        names = [n for n in names if codes_by_name[intake_texts.FIELD_ALIASES.get(n, n)] in codes]
    variants = sorted({normalise(name) for name in names}, key=len, reverse=True)
    return "|".join(r"[\s\-'.]*".join(map(re.escape, v.split())) for v in variants)


_FIELD = re.compile(
    rf"(?<![\w\-])[*_]{{0,2}}({_pattern()})\.?[*_]{{0,2}}\s*:(?!//)[*_]{{0,2}}", re.IGNORECASE
)
_COLON_FIELD = re.compile(rf":\s*[*_]{{0,2}}({_pattern(_AFTER_COLON)})\s+(?=\S)", re.IGNORECASE)


@cache
def _field_names() -> Vocabulary:
    return Vocabulary(_names(), {code: name for code, name in intake_texts.FIELD_NAMES.items()})


def field_code(name: str) -> IntakeField | None:
    """The field a name means: a known name or variant, or a small typo of one (`sectr`)."""
    found = _field_names().recognise(name, by_words=False).match
    return IntakeField(found) if found else None


@dataclass
class _Signal:
    """What has been read so far, segment by segment."""

    head: str = ""  # the title's line before its first field
    values: dict[IntakeField, list[str]] = field(default_factory=dict)
    description: list[str] = field(default_factory=list)
    strangers: list[str] = field(default_factory=list)
    described: bool = False  # a description was started by name: what follows is its prose

    def read(self, segment: str, separator: str, title_line: bool) -> None:
        text = _MARKER.sub("", segment, count=1).strip()
        if title_line:
            text = _TITLE_LABEL.sub("", text, count=1)
        found = list(_FIELD.finditer(text))
        head = text[: found[0].start()] if found else text
        if title_line:
            self._title_head(head)
        elif head.strip():
            self._unlabelled(head, separator)
            separator = " "
        for index, match in enumerate(found):
            end = found[index + 1].start() if index + 1 < len(found) else len(text)
            value = text[match.end() : end]
            self.add(_names()[_compact(match[1])], value, separator)
            separator = " "

    def _title_head(self, head: str) -> None:
        colon = _COLON_FIELD.search(head)
        self.head = head[: colon.start()] if colon else head
        if colon:
            self.add(_names()[_compact(colon[1])], head[colon.end() :], " ")

    def _unlabelled(self, text: str, separator: str) -> None:
        """A field by a misspelt name, or text for the description (noting a strange name)."""
        name = _STRANGER.match(text)
        code = field_code(name[1]) if name else None
        if name and code is not None:
            self.add(code, text[name.end() :], separator)
            return
        if name and not self.described:
            self.strangers.append(name[1])
        self._describe(text, separator)

    def add(self, code: IntakeField, value: str, separator: str) -> None:
        value = value.strip().strip("*_").strip()
        if not value:
            return
        if code is IntakeField.DESCRIPTION:
            self.described = True
            self._describe(value, separator)
        else:
            self.values.setdefault(code, []).append(value.rstrip(",;").strip())

    def _describe(self, text: str, separator: str) -> None:
        self.description.append((separator if self.description else "") + text.strip())

    def result(self) -> dict[str, Any]:
        titles = self.values.pop(IntakeField.TITLE, [])
        head = self.head.strip().strip("*_").rstrip(_TITLE_END)
        if titles and head:  # `bedrijf:` names the title; the first line is then description
            self.description.insert(0, head + ("\n" if self.description else ""))
        fields = {code: ", ".join(parts) for code, parts in self.values.items()}
        if self.description:
            fields[IntakeField.DESCRIPTION] = "".join(self.description)
        title = ", ".join(titles) if titles else head
        return {"title": title, "fields": fields, "strangers": tuple(self.strangers)}


def _clean(text: str) -> str:
    """Line breaks and spaces as copy-paste brings them."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    return text.replace("\u00a0", " ").replace("\u200b", "")


def split_fields(arguments: str) -> dict[str, Any]:
    """The title, the typed value of every field found, and the names it did not know."""
    signal = _Signal()
    lines = _clean(arguments).split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    for number, line in enumerate(lines):
        for index, segment in enumerate(line.split(";")):
            if segment.strip():
                signal.read(segment, "\n" if index == 0 else "; ", number == 0 and index == 0)
    return signal.result()
