"""The dossier's ZIP: the files in a fixed order with fixed dates and permissions, and a
manifest of their SHA-256 in the `sha256sum` format, so `sha256sum -c` checks them."""

from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import datetime

from commands.texts import records as texts

_PERMISSIONS = 0o644 << 16  # rw-r--r--, as a Unix system writes them
_UNIX = 3


def manifest(files: list[tuple[str, bytes]]) -> bytes:
    """`<hex>  <name>` per file, one a line, as `sha256sum` writes them."""
    lines = (f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in files)
    return "".join(lines).encode("utf-8")


def dossier_zip(files: list[tuple[str, bytes]], local_time: datetime) -> bytes:
    """The files and their manifest; every entry dated `local_time` (ZIP keeps local time to
    two seconds), so the same files give the same bytes."""
    stamp = local_time.timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in [*files, (texts.MANIFEST_NAME, manifest(files))]:
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = _UNIX
            entry.external_attr = _PERMISSIONS
            archive.writestr(entry, data, compresslevel=9)
    return buffer.getvalue()
