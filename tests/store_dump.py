"""A store's whole content as comparable data: schema, version and every row of every table."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def dump(path: Path) -> dict[str, object]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        schema = sorted(connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall(), key=repr)
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
            )
        ]
        rows = {table: _rows(connection, table) for table in tables}
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    finally:
        connection.close()
    return {"user_version": version, "schema": schema, "rows": rows}


def _rows(connection: sqlite3.Connection, table: str) -> list[tuple]:
    try:
        return connection.execute(f'SELECT rowid, * FROM "{table}" ORDER BY rowid').fetchall()
    except sqlite3.OperationalError:  # a WITHOUT ROWID table, such as FTS5's config
        return sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
