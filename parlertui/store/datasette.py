"""Datasette metadata for a store (https://docs.datasette.io/en/0.65/metadata.html), so `datasette` shows it as
the record it is: the dispute's title and summary, its source and licence, a description of every table and
column (from schema.sql's own comments), labels for foreign keys, full-text search, sort orders and facets.

Written for Datasette below 1.0, whose metadata format this is.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parlertui.store.open import StoreError, open_store
from parlertui.store.schema import schema_sql

#: The column a reference to each table is labelled with (Datasette shows it beside the id in a link).
LABEL_COLUMNS = {
    "sides": "name",
    "sources": "title",
    "parties": "name",
    "events": "title",
    "quotes": "text",
    "topics": "title",
    "arguments": "summary",
}
#: The order a table's rows are shown in when no other is asked for (else the dataset's order, rowid).
SORT_COLUMNS = {
    "sides": "position",
    "events": "sort_key",
    "quotes": "sort_key",
    "sources": "position",
    "parties": "position",
    "topics": "position",
}
#: The facets offered on a table's page.
FACETS = {
    "events": ["kind", "precision"],
    "quotes": ["speaker_id", "source_id"],
    "parties": ["side", "kind"],
    "sources": ["kind"],
    "arguments": ["topic_id", "side"],
    "event_parties": ["party_id"],
}
LICENCE = (
    "MIT, as parlertui: the record's own words (titles, summaries, descriptions); each quote stays its "
    "speaker's, as published in the source it names"
)

_CREATE_TABLE = re.compile(r"CREATE TABLE (\w+) \((.*?)\n\)(?: WITHOUT ROWID)?;", re.S)
_COLUMN_LINE = re.compile(r"^--   (\w+): (.*)$")
_CONTINUED = re.compile(r"^--     (.*)$")
_INLINE = re.compile(r"^\s+(\w+)\s.*?\s--\s+(.*)$")
_FTS_CONTENT = re.compile(r"""content\s*=\s*["']?(\w+)["']?""", re.I)


@dataclass
class TableNotes:
    """What schema.sql's comments say about one table and its columns."""

    description: str = ""
    columns: dict[str, str] = field(default_factory=dict)


def schema_notes(sql: str | None = None) -> dict[str, TableNotes]:
    """The description of each table in `sql` (default: schema.sql) and of its columns: the comment block just
    above its CREATE TABLE (`-- what the table holds`, then `--   column: what it holds`, continued on lines
    indented further), and a comment at the end of a column's line."""
    sql = schema_sql() if sql is None else sql
    notes: dict[str, TableNotes] = {}
    for match in _CREATE_TABLE.finditer(sql):
        table = match.group(1)
        above = _comment_block(sql[: match.start()])
        table_notes = TableNotes()
        current: str | None = None
        description: list[str] = []
        for line in above:
            if column := _COLUMN_LINE.match(line):
                current = column.group(1)
                table_notes.columns[current] = column.group(2).strip()
            elif (more := _CONTINUED.match(line)) and current is not None:
                table_notes.columns[current] += " " + more.group(1).strip()
            else:
                current = None
                description.append(line.removeprefix("--").strip())
        table_notes.description = " ".join(part for part in description if part)
        for line in match.group(2).splitlines():
            if inline := _INLINE.match(line):
                name, said = inline.group(1), inline.group(2).strip()
                before = table_notes.columns.get(name)
                table_notes.columns[name] = f"{before}; {said}" if before else said
        notes[table] = table_notes
    return notes


def _comment_block(text: str) -> list[str]:
    """The lines of the comment that ends just where `text` ends (none if a blank line comes between)."""
    lines = text.rstrip(" ").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    block: list[str] = []
    while lines and lines[-1].startswith("--"):
        block.insert(0, lines.pop())
    return block


def datasette_metadata(store_path: Path) -> dict[str, Any]:
    """Datasette's metadata for the store at `store_path`, which Datasette names by its file's stem.

    Raises StoreError if the store cannot be opened or read."""
    connection = open_store(store_path)
    try:
        return _metadata(connection, Path(store_path).stem)
    except sqlite3.Error as err:
        raise StoreError(store_path, f"cannot be read ({err})", "check it with `parlertui check`") from None
    finally:
        connection.close()


def _metadata(connection: sqlite3.Connection, database: str) -> dict[str, Any]:
    meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    notes = schema_notes()
    names = [
        row[0]
        for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid").fetchall()
    ]
    full_text = _full_text_tables(connection)
    tables: dict[str, Any] = {}
    for table in names:
        if table in full_text.values() or "_fts_" in table:
            tables[table] = {"hidden": True}
            continue
        table_notes = notes.get(table, TableNotes())
        columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
        entry: dict[str, Any] = {
            "description": table_notes.description,
            "columns": {column: table_notes.columns.get(column, "") for column in columns},
        }
        if table in LABEL_COLUMNS and LABEL_COLUMNS[table] in columns:
            entry["label_column"] = LABEL_COLUMNS[table]
        if table in SORT_COLUMNS and SORT_COLUMNS[table] in columns:
            entry["sort"] = SORT_COLUMNS[table]
        if table in full_text:
            entry["fts_table"] = full_text[table]
            entry["fts_pk"] = "rowid"
        if table in FACETS:
            entry["facets"] = [column for column in FACETS[table] if column in columns]
        tables[table] = entry
    (sources,) = connection.execute("SELECT count(*) FROM sources").fetchone() if "sources" in names else (0,)
    title = meta.get("title") or "A dispute"
    case = f"case {meta['case_number']}" if meta.get("case_number") else ""
    court = ", ".join(part for part in (meta.get("court"), case) if part)
    description = " ".join(part for part in (court + "." if court else "", meta.get("summary") or "") if part)
    document: dict[str, Any] = {
        "title": title,
        "description": description,
        "license": meta.get("license") or LICENCE,
        "source": meta.get("source")
        or f"{sources} sources (court filings and orders, statements, news reports), listed in the sources table",
    }
    for key in ("license_url", "source_url"):
        if meta.get(key):
            document[key] = meta[key]
    document["databases"] = {database: {"title": title, "description": description, "tables": tables}}
    return document


def _full_text_tables(connection: sqlite3.Connection) -> dict[str, str]:
    """Each table that has a full-text index, and the index's table."""
    found = {}
    for name, sql in connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING FTS%'"
    ):
        content = _FTS_CONTENT.search(sql or "")
        if content:
            found[content.group(1)] = name
    return found
