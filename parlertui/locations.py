"""Where the bundled store and dataset live: inside an installed wheel, or in a source checkout."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "PARLERTUI_DB"
_PACKAGE = Path(__file__).resolve().parent


def is_installed() -> bool:
    """True when running from an installed wheel, False in a source checkout."""
    return (_PACKAGE / "bundled").is_dir()


def _bundled_root() -> Path:
    return _PACKAGE / "bundled" if is_installed() else _PACKAGE.parent / "db"


def bundled_store() -> Path:
    """The store that ships with parlertui."""
    return _bundled_root() / "events.sqlite"


def bundled_dataset() -> Path:
    """The dataset the bundled store is built from."""
    return _bundled_root() / "dataset"


def default_store(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The store to open: an explicit path, else $PARLERTUI_DB, else the bundled one."""
    if explicit:
        return Path(explicit)
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV])
    return bundled_store()
