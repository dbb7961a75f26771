"""Damaged copies of a store, for tests of what a reader is told about them."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def with_table_overwritten(store: Path, copy: Path, table: str) -> Path:
    """A copy of `store` whose root page of `table` is overwritten with 0xff bytes: damaged inside, whole outside."""
    data = bytearray(store.read_bytes())
    with sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    data[(root - 1) * page_size : root * page_size] = b"\xff" * page_size
    copy.write_bytes(bytes(data))
    return copy
