"""Reading an import file: where a problem is, and the texts each kind of import words it in."""

from __future__ import annotations

from typing import Protocol

AT_LINE = "regel {line}: {message}"
AT_LINE_COLUMN = "regel {line}, kolom {column}: {message}"


class ImportTexts(Protocol):
    """The problems of reading a file, in the words of one kind of import.

    `commands.texts.contacts` and `commands.texts.national` are such modules: each words these
    problems its own way, so the reader takes the module rather than texts of its own.
    """

    FILE_NOT_UTF8: str
    FILE_KIND_UNKNOWN: str  # {file}
    FILE_EMPTY: str
    CSV_INVALID: str
    CELLS_TOO_MANY: str
    YAML_INVALID: str
    YAML_NOT_A_LIST: str  # {columns}
    YAML_NOT_A_MAPPING: str  # {columns}
    COLUMN_UNKNOWN: str  # {column}, {columns}
    COLUMN_TWICE: str  # {column}
    COLUMN_MISSING: str  # {column}
