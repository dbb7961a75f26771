"""Reading a JSON record (`parlertui export --format json`) back into rows a store can be built from.

A record is accepted only whole: the right format and schema version, every table, every column of every row,
values SQLite can hold, and rows that meet the schema's constraints and refer only to rows that are there. It
is checked by loading it into an in-memory copy of the schema, so the checks are the store's own.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from parlertui.store.dataset import Problem
from parlertui.store.record_rows import RECORD_FORMAT
from parlertui.store.schema import SCHEMA_VERSION, TABLE_ORDER, schema_sql

Rows = dict[str, list[dict[str, Any]]]
_MOST_PROBLEMS = 50  # a wrong file could yield one per row; these are enough to see what is wrong
_TOP_LEVEL = {"format", "schema_version", "selection", "tables"}


def load_record(path: Path) -> tuple[Rows, list[Problem]]:
    """The rows of the record at `path`, and everything wrong with it (nothing, if it can be built)."""
    name = path.name
    document, problem = _read(path)
    if problem:
        return {}, [Problem(name, "", "", problem)]
    if not isinstance(document, dict) or document.get("format") != RECORD_FORMAT:
        return {}, [
            Problem(
                name,
                "",
                "format",
                f'not a parlertui record: expected "format": "{RECORD_FORMAT}", '
                "as `parlertui export --format json` writes",
            )
        ]
    version = document.get("schema_version")
    if version != SCHEMA_VERSION or isinstance(version, bool):
        return {}, [
            Problem(
                name,
                "",
                "schema_version",
                f"a record of schema version {version!r}; this parlertui builds version {SCHEMA_VERSION}",
            )
        ]
    problems = [Problem(name, "", key, "unexpected key") for key in document if key not in _TOP_LEVEL]
    tables = document.get("tables")
    if not isinstance(tables, dict):
        return {}, [*problems, Problem(name, "", "tables", "expected an object of tables, each a list of rows")]
    columns = _schema_columns()
    problems += [
        Problem(name, f"table {table!r}", "", "not a table of the store") for table in tables if table not in columns
    ]
    rows: Rows = {}
    for table in TABLE_ORDER:
        rows[table] = tables.get(table, [])
        if table not in tables:
            problems.append(Problem(name, f"table {table}", "", "missing (a table with no rows is an empty list)"))
        elif not isinstance(rows[table], list):
            problems.append(Problem(name, f"table {table}", "", "expected a list of rows"))
            rows[table] = []
        else:
            problems += _shape_problems(name, table, rows[table], columns[table])
    if not problems:
        problems = _constraint_problems(name, rows, columns)
    if not problems:
        problems = _side_problems(name, rows["sides"])
    return rows, problems[:_MOST_PROBLEMS]


def _side_problems(name: str, sides: list[dict[str, Any]]) -> list[Problem]:
    """The record's sides against the rules a dispute.toml's sides meet (validate.side_problems): its marks, its
    aliases, two sides that argue besides the deciding body."""
    from parlertui.store.dataset import DatasetEntry
    from parlertui.store.validate import side_problems

    entries = []
    for index, row in enumerate(sides):
        try:
            aliases = json.loads(row.get("aliases") or "[]")
        except (TypeError, ValueError):
            aliases = row.get("aliases")
        data = {
            **{key: value for key, value in row.items() if key not in ("aliases", "deciding", "position")},
            "aliases": aliases,
            "deciding": bool(row.get("deciding")),
        }
        entries.append(
            DatasetEntry(name, "side", index, {key: value for key, value in data.items() if value is not None})
        )
    return [
        Problem(name, f"table sides{f' > {problem.entry}' if problem.entry else ''}", problem.field, problem.message)
        for problem in side_problems(entries)
    ]


def _read(path: Path) -> tuple[Any, str]:
    try:
        return json.loads(path.read_text(encoding="utf-8")), ""
    except FileNotFoundError:
        return None, "no such file"
    except IsADirectoryError:
        return None, "is a folder, not a JSON record"
    except UnicodeDecodeError as err:
        return None, f"not UTF-8 text ({err.reason} at byte {err.start})"
    except json.JSONDecodeError as err:
        return None, f"not valid JSON ({err.msg} at line {err.lineno}, column {err.colno})"
    except (OSError, RecursionError) as err:
        return None, f"cannot be read ({getattr(err, 'strerror', None) or err})"


def _schema_columns() -> dict[str, list[str]]:
    schema = sqlite3.connect(":memory:")
    try:
        schema.executescript(schema_sql())
        return {table: [row[1] for row in schema.execute(f"PRAGMA table_info({table})")] for table in TABLE_ORDER}
    finally:
        schema.close()


def _shape_problems(name: str, table: str, rows: list[Any], columns: list[str]) -> list[Problem]:
    problems = []
    for number, row in enumerate(rows, 1):
        where = f"{table} row {number}"
        if not isinstance(row, dict):
            problems.append(Problem(name, where, "", "expected an object of column values"))
            continue
        where = _row_name(table, number, row)
        lacking = [column for column in columns if column not in row]
        unknown = [column for column in row if column not in columns]
        if lacking:
            problems.append(Problem(name, where, "", f"lacks column(s) {', '.join(lacking)}"))
        if unknown:
            problems.append(Problem(name, where, "", f"has column(s) the schema does not: {', '.join(unknown)}"))
        for column, value in row.items():
            if isinstance(value, bool) or not isinstance(value, str | int | float | None):
                problems.append(Problem(name, where, column, f"{type(value).__name__} is not a value a store holds"))
            elif isinstance(value, int) and not -(2**63) <= value < 2**63:
                problems.append(Problem(name, where, column, "a number too large for a store"))
            elif isinstance(value, str) and not value.isascii() and _unencodable(value):
                problems.append(Problem(name, where, column, "text with a lone surrogate, which is not Unicode"))
        if len(problems) >= _MOST_PROBLEMS:
            break
    return problems


def _constraint_problems(name: str, rows: Rows, columns: dict[str, list[str]]) -> list[Problem]:
    """The schema's own checks (NOT NULL, CHECK, UNIQUE, keys), row by row, then its foreign keys."""
    problems: list[Problem] = []
    check = sqlite3.connect(":memory:")
    try:
        check.executescript(schema_sql())
        for table in TABLE_ORDER:
            names = columns[table]
            insert = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
            for number, row in enumerate(rows[table], 1):
                try:
                    check.execute(insert, [row[column] for column in names])
                except sqlite3.IntegrityError as err:
                    problems.append(Problem(name, _row_name(table, number, row), "", str(err)))
                    if len(problems) >= _MOST_PROBLEMS:
                        return problems
        for table, rowid, parent, key in check.execute("PRAGMA foreign_key_check").fetchmany(_MOST_PROBLEMS):
            column = [row[3] for row in check.execute(f"PRAGMA foreign_key_list({table})") if row[0] == key][0]
            (value,) = check.execute(f"SELECT {column} FROM {table} WHERE rowid = ?", (rowid,)).fetchone()
            row = dict(
                zip(
                    columns[table],
                    check.execute(f"SELECT * FROM {table} WHERE rowid = ?", (rowid,)).fetchone(),
                    strict=False,
                )
            )
            problems.append(Problem(name, _row_name(table, None, row), column, f"{value!r} is no row of {parent}"))
    finally:
        check.close()
    return problems


def _row_name(table: str, number: int | None, row: dict[str, Any]) -> str:
    """A row as a person finds it in the record: by its id, or by the ids it links."""
    if isinstance(row.get("id"), str):
        return f"{table} {row['id']!r}"
    if table == "meta" and isinstance(row.get("key"), str):
        return f"meta {row['key']!r}"
    ends = [repr(value) for key, value in row.items() if key.endswith("_id") and isinstance(value, str)]
    if ends:
        return f"{table} {' > '.join(ends)}"
    return f"{table} row {number}"


def _unencodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
