"""Opening a store read-only, with a clear message for each way a file can fail to be one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from parlertui.store.schema import CONTRACT, SCHEMA_VERSION

_SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """A file that cannot be used as a store: `str()` names the file and what is wrong."""

    def __init__(self, path: Path, problem: str, hint: str = "") -> None:
        self.path, self.problem, self.hint = path, problem, hint
        super().__init__(f"{path}: {problem}" + (f" ({hint})" if hint else ""))


def open_read_only(path: Path) -> sqlite3.Connection:
    """Open `path` as an SQLite database in read-only mode; never creates or changes the file."""
    path = Path(path)
    if not path.exists():
        raise StoreError(path, "no such file",
                         "give the path of a parlertui store, or build one with `parlertui build`")
    if path.is_dir():
        raise StoreError(path, "is a folder, not a store file", "give the path of the .sqlite file")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except PermissionError:
        raise StoreError(path, "cannot be read: permission denied", "check the file's permissions") from None
    except OSError as err:
        raise StoreError(path, f"cannot be read: {err.strerror or err}") from None
    if not header:
        raise StoreError(path, "is an empty file, not a store", "build one with `parlertui build`")
    if header != _SQLITE_HEADER:
        raise StoreError(path, "is not an SQLite database", "give the path of a parlertui store")
    # check_same_thread off: a store is opened on one thread and read from a worker thread, one at a time.
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as err:
        connection.close()
        raise StoreError(path, f"is damaged and cannot be read ({err})", "rebuild it or copy it again") from None
    return connection


def open_store(path: Path) -> sqlite3.Connection:
    """Open a parlertui store read-only, after checking it is one this version can read."""
    connection = open_read_only(path)
    try:
        _ensure_readable(path, connection)
    except BaseException:
        connection.close()
        raise
    return connection


def ensure_parlertui_store(path: Path, connection: sqlite3.Connection) -> None:
    """Raise StoreError unless the database holds at least one of the store's tables."""
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as err:
        raise StoreError(path, f"is damaged and cannot be read ({err})", "rebuild it or copy it again") from None
    if not tables & set(CONTRACT):
        raise StoreError(path, "is an SQLite database of another program, not a parlertui store")


def _ensure_readable(path: Path, connection: sqlite3.Connection) -> None:
    ensure_parlertui_store(path, connection)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        columns = {table: {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
                   for table in CONTRACT if table in tables}
    except sqlite3.DatabaseError as err:
        raise StoreError(path, f"is damaged and cannot be read ({err})", "rebuild it or copy it again") from None
    missing = [table for table in CONTRACT if table not in tables]
    if version > SCHEMA_VERSION:
        raise StoreError(path, f"is a store of schema version {version}, newer than this parlertui reads "
                               f"({SCHEMA_VERSION})", "upgrade parlertui")
    if version < SCHEMA_VERSION:
        raise StoreError(path, f"is a store of schema version {version}, older than this parlertui reads "
                               f"({SCHEMA_VERSION})", "rebuild it with `parlertui build`")
    if missing:
        raise StoreError(path, f"is missing table(s) {', '.join(missing)}", "rebuild it with `parlertui build`")
    lacking = [f"{table}.{column}" for table, names in CONTRACT.items() for column in names
               if column not in columns[table]]
    if lacking:
        raise StoreError(path, f"is missing column(s) {', '.join(lacking)}", "rebuild it with `parlertui build`")
