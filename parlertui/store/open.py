"""Opening a store read-only, with a clear message for each way a file can fail to be one."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

from parlertui.store.schema import CONTRACT, SCHEMA_VERSION

_SQLITE_HEADER = b"SQLite format 3\x00"

LOCK_WAIT = 2.0
"""Seconds to wait for a program writing to the store to finish before saying it is locked."""

QUICK_CHECK_LIMIT = 16 * 1024 * 1024
"""Stores up to this size get SQLite's quick_check on opening (milliseconds); larger ones only the size check, so
opening a big archive stays instant (`parlertui check` reads every page of any store)."""


class StoreError(Exception):
    """A file that cannot be used as a store: `str()` names the file and what is wrong."""

    def __init__(self, path: Path, problem: str, hint: str = "") -> None:
        self.path, self.problem, self.hint = path, problem, hint
        super().__init__(f"{path}: {problem}" + (f" ({hint})" if hint else ""))


def open_read_only(path: Path) -> sqlite3.Connection:
    """Open `path` as an SQLite database in read-only mode; never creates or changes the file."""
    path = Path(path)
    if not path.exists():
        raise StoreError(
            path, "no such file", "give the path of a parlertui store, or build one with `parlertui build`"
        )
    if path.is_dir():
        raise StoreError(path, "is a folder, not a store file", "give the path of the .sqlite file")
    what = _not_a_regular_file(path)
    if what:
        # Before opening it: opening a FIFO to read waits for a writer, forever.
        raise StoreError(path, f"is {what}, not a store file", "give the path of the .sqlite file")
    try:
        with path.open("rb") as handle:
            first_page = handle.read(100)
        size = path.stat().st_size
    except PermissionError:
        raise StoreError(path, "cannot be read: permission denied", "check the file's permissions") from None
    except OSError as err:
        raise StoreError(path, f"cannot be read: {err.strerror or err}") from None
    if not first_page:
        raise StoreError(path, "is an empty file, not a store", "build one with `parlertui build`")
    if not first_page.startswith(_SQLITE_HEADER):
        raise StoreError(path, "is not an SQLite database", "give the path of a parlertui store")
    expected = _size_in_header(first_page)
    if expected and size < expected:
        raise StoreError(path, f"is cut short: {size} of its {expected} bytes", "copy it again or rebuild it")
    # check_same_thread off: a store is opened on one thread and read from a worker thread, one at a time.
    connection = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False, timeout=LOCK_WAIT
    )
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as err:
        connection.close()
        if "locked" in str(err) or "busy" in str(err):
            raise StoreError(
                path, "is locked by a program writing to it", "try again when that program has finished"
            ) from None
        raise StoreError(path, f"is damaged and cannot be read ({err})", "rebuild it or copy it again") from None
    return connection


def _not_a_regular_file(path: Path) -> str:
    """What `path` is if it is not a regular file ("a FIFO (named pipe)", "a device", "a socket"), else ""."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return ""  # opening it says why
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "" if stat.S_ISREG(mode) else "not a regular file"


def _size_in_header(first_page: bytes) -> int:
    """The database size the SQLite header records, or 0 where the header does not say (an old writer)."""
    if len(first_page) < 100:
        return 0
    page_size = int.from_bytes(first_page[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(first_page[28:32], "big")
    change_counter, valid_for = first_page[24:28], first_page[92:96]
    return page_size * pages if change_counter == valid_for else 0


def open_store(path: Path) -> sqlite3.Connection:
    """Open a parlertui store read-only, after checking it is one this version can read and, if it is small
    enough to do so at once, that SQLite finds it whole."""
    connection = open_read_only(path)
    try:
        _ensure_readable(path, connection)
        if path.stat().st_size <= QUICK_CHECK_LIMIT:
            _quick_check(path, connection)
    except BaseException:
        connection.close()
        raise
    return connection


def _quick_check(path: Path, connection: sqlite3.Connection) -> None:
    try:
        verdict = connection.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as err:
        verdict = str(err)
    if verdict != "ok":
        raise StoreError(
            path, f"is damaged ({' '.join(verdict.split())})", "see `parlertui check`, then rebuild it or copy it again"
        )


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
        columns = {
            table: {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
            for table in CONTRACT
            if table in tables
        }
    except sqlite3.DatabaseError as err:
        raise StoreError(path, f"is damaged and cannot be read ({err})", "rebuild it or copy it again") from None
    missing = [table for table in CONTRACT if table not in tables]
    if version > SCHEMA_VERSION:
        raise StoreError(
            path,
            f"is a store of schema version {version}, newer than this parlertui reads ({SCHEMA_VERSION})",
            "upgrade parlertui",
        )
    if version < SCHEMA_VERSION:
        raise StoreError(
            path,
            f"was built by an older parlertui (a store of schema version {version}; this one reads {SCHEMA_VERSION})",
            "rebuild it from its dataset with `parlertui build DATASET -o STORE`",
        )
    if missing:
        raise StoreError(path, f"is missing table(s) {', '.join(missing)}", "rebuild it with `parlertui build`")
    lacking = [
        f"{table}.{column}" for table, names in CONTRACT.items() for column in names if column not in columns[table]
    ]
    if lacking:
        raise StoreError(path, f"is missing column(s) {', '.join(lacking)}", "rebuild it with `parlertui build`")
