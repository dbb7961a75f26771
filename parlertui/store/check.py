"""`parlertui check`: is a built store whole and true to its contract?

Checks the schema version, the contract's tables and columns, SQLite's own integrity and foreign keys, that
every full-text index is in step with its table, that every event and quote is sourced, and the record's rules
(record_rules: known speakers, 'as quoted', no rebuttal of one's own side, each side named in a topic argued).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from parlertui.store.dates import DateError, home_zone, parse_when
from parlertui.store.record_rules import lacks_as_quoted, side_names, sides_without_argument, speaker_unknown
from parlertui.store.open import ensure_parlertui_store, open_read_only
from parlertui.store.schema import CONTRACT, FULL_TEXT, SCHEMA_VERSION


@dataclass
class CheckReport:
    """What `check_store` found: problems (empty when clean) and the row counts it saw."""

    path: Path
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not self.problems


def check_store(path: Path) -> CheckReport:
    """Check the store at `path`. Raises StoreError if it cannot be opened as a store at all."""
    report = CheckReport(path)
    connection = open_read_only(path)
    try:
        ensure_parlertui_store(path, connection)
        _check(connection, report)
    except sqlite3.DatabaseError as err:
        report.problems.append(f"the store is damaged and cannot be read to the end ({err})")
    finally:
        connection.close()
    return report


def _check(connection: sqlite3.Connection, report: CheckReport) -> None:
    problems = report.problems
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_VERSION:
        problems.append(f"schema version is {version}; this parlertui reads version {SCHEMA_VERSION}")

    structural = len(problems)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, columns in CONTRACT.items():
        if table not in tables:
            problems.append(f"table {table} is missing")
            continue
        present = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
        missing = [column for column in columns if column not in present]
        if missing:
            problems.append(f"table {table} lacks column(s): {', '.join(missing)}")
        report.counts[table] = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    if len(problems) > structural:
        return  # the checks below read these tables

    integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        problems.extend(f"SQLite integrity: {line}" for line in integrity[:10])
    try:
        for table, rowid, parent, _ in connection.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(f"{table} row {rowid} refers to a missing {parent} row")
    except sqlite3.OperationalError as err:  # e.g. a parent table whose id is no longer a key
        problems.append(f"foreign keys cannot be checked: {err}")
    _check_full_text(connection, tables, problems)
    _check_record(connection, problems)
    if "period_counts" in tables:
        _check_period_counts(connection, problems)


def _check_period_counts(connection: sqlite3.Connection, problems: list[str]) -> None:
    """The strip's table of counts says what counting the rows says."""
    from parlertui.store.counts import counts_on

    for what in ("events", "quotes"):
        if counts_on(connection, what) != counts_on(connection, what, use_table=False):
            problems.append(f"period_counts is out of step with the {what}: rebuild the store with `parlertui build`")


def _check_full_text(connection: sqlite3.Connection, tables: set[str], problems: list[str]) -> None:
    """FTS5's integrity-check (rank 1: also against the content table) is a write statement, so it runs on an
    in-memory copy of the store."""
    wanted = [f"{table}_fts" for table in FULL_TEXT if f"{table}_fts" in tables]
    problems.extend(f"full-text index {table}_fts is missing" for table in FULL_TEXT if f"{table}_fts" not in tables)
    if not wanted:
        return
    copy = sqlite3.connect(":memory:")
    try:
        connection.backup(copy)
        for index in wanted:
            try:
                copy.execute(f"INSERT INTO {index}({index}, rank) VALUES ('integrity-check', 1)")
            except sqlite3.DatabaseError as err:
                problems.append(f"full-text index {index} is out of step with its table: {err}")
    finally:
        copy.close()


def _check_record(connection: sqlite3.Connection, problems: list[str]) -> None:
    for (event_id,) in connection.execute(
        "SELECT id FROM events WHERE id NOT IN (SELECT event_id FROM event_sources) ORDER BY id"
    ):
        problems.append(f"event {event_id!r} names no source")
    # The schema forbids these, but a store written by another tool may lack its constraints.
    for (quote_id,) in connection.execute(
        "SELECT id FROM quotes WHERE source_id IS NULL OR trim(coalesce(text, '')) = '' ORDER BY id"
    ):
        problems.append(f"quote {quote_id!r} is empty or names no source")
    _check_rules(connection, problems)
    meta = dict(connection.execute("SELECT key, value FROM meta"))
    zone = home_zone(meta.get("timezone"))
    if zone is None:
        problems.append(f"meta timezone {meta.get('timezone')!r} is not a time zone name")
    for event_id, occurred_at, precision, sort_key in connection.execute(
        "SELECT id, occurred_at, precision, sort_key FROM events ORDER BY sort_key"
    ):
        try:
            when = parse_when(occurred_at)
        except DateError as err:
            problems.append(f"event {event_id!r}: occurred_at {err}")
            continue
        if when.precision != precision:
            problems.append(f"event {event_id!r}: precision is {precision!r} but {occurred_at!r} is a {when.precision}")
        if zone and not str(sort_key).startswith(when.sort_key(zone) + " "):
            problems.append(f"event {event_id!r}: sort_key {sort_key!r} does not match occurred_at {occurred_at!r}")


def _check_rules(connection: sqlite3.Connection, problems: list[str]) -> None:
    """The record's rules (record_rules), on the store's rows."""
    for quote_id, context, kind, outlet, speaker_kind, name, aliases in connection.execute(
        "SELECT q.id, q.context, s.kind, s.outlet, p.kind, p.name, p.aliases FROM quotes AS q "
        "LEFT JOIN sources AS s ON s.id = q.source_id LEFT JOIN parties AS p ON p.id = q.speaker_id ORDER BY q.id"
    ):
        if speaker_unknown(context):
            problems.append(f"quote {quote_id!r}: its context says the speaker is not known")
        if lacks_as_quoted(kind, outlet, speaker_kind, [name or "", *_aliases(aliases)], context):
            problems.append(f'quote {quote_id!r}: read in a report, its context does not say "as quoted"')
    for from_id, to_id, side in connection.execute(
        "SELECT l.from_id, l.to_id, a.side FROM argument_links AS l JOIN arguments AS a ON a.id = l.from_id "
        "JOIN arguments AS b ON b.id = l.to_id WHERE l.relation = 'rebuts' AND a.side = b.side ORDER BY l.from_id"
    ):
        problems.append(f"argument {from_id!r} rebuts {to_id!r}, an argument of its own side ({side})")
    sides = connection.execute("SELECT id, name, aliases, deciding FROM sides ORDER BY position").fetchall()
    names = {side: side_names({"name": name, "aliases": _aliases(aliases)}) for side, name, aliases, _ in sides}
    deciding = next((side for side, *_, decides in sides if decides), None)
    for topic_id, title, question, outcome, argued in connection.execute(
        "SELECT t.id, t.title, t.question, t.outcome, (SELECT group_concat(a.side, ' ') FROM arguments AS a "
        "WHERE a.topic_id = t.id) FROM topics AS t ORDER BY t.position"
    ):
        for side in sides_without_argument(title, question, outcome, (argued or "").split(), names, deciding):
            problems.append(
                f"topic {topic_id!r} names {names[side][0]} but has no argument of that side, and its outcome does "
                "not say the sources hold none"
            )


def _aliases(value: str | None) -> list[str]:
    try:
        names = json.loads(value or "[]")
    except ValueError:
        return []
    return [name for name in names if isinstance(name, str)] if isinstance(names, list) else []
