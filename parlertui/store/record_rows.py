"""The rows of the record's tables, read in a stable order (as written), for exports."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from parlertui.store.selection import Selection

#: The `format` marker of a JSON record; its `schema_version` is the store's.
RECORD_FORMAT = "parlertui-record"


def table_columns(connection: sqlite3.Connection, table: str) -> list[str]:
    """Every column of `table`, in the order the schema declares them."""
    return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]


def table_rows(
    connection: sqlite3.Connection, table: str, columns: list[str], selection: Selection
) -> Iterator[tuple[object, ...]]:
    """The selected rows of `table`, as tuples of `columns`, in the order they were written; read as they are
    used, never all at once."""
    names = ", ".join(f'"{column}"' for column in columns)
    yield from connection.execute(f'SELECT {names} FROM "{table}" WHERE {selection.where(table)} ORDER BY rowid')
