"""Every family's tables on one metadata, for Alembic and the tests.

Each module of this package is imported here, so a new family's storage module is seen by
Alembic without a line of its own.
"""

from __future__ import annotations

import importlib
import pkgutil

import storage
from storage.base import Base

for _found in pkgutil.iter_modules(storage.__path__):
    if not _found.ispkg and _found.name != "models":
        importlib.import_module(f"storage.{_found.name}")

__all__ = ["Base"]
