"""`parlertui synth`: a large synthetic store, to measure the app on an archive the size of a real one.

The store has the schema, version and full-text indexes `build` writes and passes `parlertui check`. Its text
is made from word lists; its dates span 2017 to 2024, mostly days, some times with a zone, a few months; its
parties sit on every side, people under organisations; its sources are sometimes held only as quoted in
another; its topics hold arguments that rebut and support each other and cite quotes. The same seed writes the
same rows, byte for byte.

Words planted in the quotes, for benchmarking search (each absent from every word list):

- `platform` (COMMON_WORD): in about 95 % of quotes;
- `subpoena` (UNCOMMON_WORD): in about 1 % of quotes;
- `zeppelin` (RARE_WORD): in exactly RARE_QUOTES (5) quotes, or every quote if there are fewer;
- `xylophone` (MISSING_WORD): in no text of the store at all.

Rows are made in bulk and written with the standard library's executemany in one transaction, with SQLite's
journal off, to a temporary file beside the target; indexes and full-text indexes are made at the end, and the
file is renamed over the target only when complete.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parlertui.store.build import write_atomically
from parlertui.store.counts import write_period_counts
from parlertui.store.schema import FULL_TEXT, MAX_SIDES, SCHEMA_VERSION, TABLE_ORDER, schema_sql
from parlertui.store.synth_rows import DEFAULT_SIDES, RARE_QUOTES, SynthRows
from parlertui.store.synth_words import COMMON_WORD, MISSING_WORD, RARE_WORD, UNCOMMON_WORD

__all__ = ["COMMON_WORD", "MISSING_WORD", "RARE_QUOTES", "RARE_WORD", "UNCOMMON_WORD", "SynthResult", "synth_store"]

DEFAULT_EVENTS, DEFAULT_QUOTES = 100_000, 1_000_000

# Each table's columns in the order its generated rows give them.
COLUMNS = {
    "meta": ("key", "value"),
    "sides": ("id", "name", "mark", "heading", "aliases", "deciding", "colour_dark", "colour_light", "position"),
    "sources": ("id", "kind", "outlet", "title", "author", "published", "url", "via_source_id", "position"),
    "parties": ("id", "name", "kind", "side", "description", "affiliation_id", "aliases", "position"),
    "events": ("id", "occurred_at", "precision", "title", "summary", "kind", "sort_key"),
    "event_parties": ("event_id", "party_id", "role", "position"),
    "event_sources": ("event_id", "source_id", "position"),
    "quotes": (
        "id",
        "text",
        "speaker_id",
        "source_id",
        "event_id",
        "said_on",
        "said_on_precision",
        "context",
        "sort_key",
    ),
    "topics": ("id", "title", "question", "outcome", "position"),
    "arguments": ("id", "topic_id", "party_id", "side", "summary", "position"),
    "argument_quotes": ("argument_id", "quote_id", "position"),
    "argument_links": ("from_id", "to_id", "relation"),
}


@dataclass(frozen=True)
class SynthResult:
    """What a synth wrote, and how long it took."""

    path: Path
    counts: dict[str, int]
    seconds: float


def synth_store(
    target: Path,
    events: int = DEFAULT_EVENTS,
    quotes: int = DEFAULT_QUOTES,
    seed: int = 0,
    *,
    sides: int = DEFAULT_SIDES,
    force: bool = False,
) -> SynthResult:
    """Write a synthetic store of `events` events and `quotes` quotes at `target`, argued by `sides` sides before a
    court that decides.

    Raises ValueError for a negative count or a number of sides a dispute cannot have, OutputError if `target`
    exists (unless `force`) or cannot be written.
    """
    if events < 0 or quotes < 0:
        raise ValueError("the numbers of events and quotes must be 0 or more")
    if not 2 <= sides < MAX_SIDES:
        raise ValueError(f"a dispute has 2 to {MAX_SIDES - 1} sides besides its court")
    target = Path(target)
    started = time.perf_counter()
    tables = SynthRows(random.Random(seed), events, quotes, sides).tables()
    counts = write_atomically(target, lambda temporary: _write(temporary, tables), force=force)
    return SynthResult(target, counts, time.perf_counter() - started)


def _write(path: Path, tables: Iterator[tuple[str, Iterable[tuple[Any, ...]]]]) -> dict[str, int]:
    import sqlite_utils  # only for enable_fts, so the full-text tables are exactly those `build` makes

    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -262144", "temp_store = MEMORY"):
            connection.execute(f"PRAGMA {pragma}")
        connection.executescript(schema_sql())
        # Indexes are cheaper made once over all the rows than kept up row by row: drop them, make them at the end.
        indexes = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid"
        ).fetchall()
        for name, _ in indexes:
            connection.execute(f"DROP INDEX {name}")
        connection.execute("BEGIN")
        for table, rows in tables:
            columns = COLUMNS[table]
            connection.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows
            )
        for _, sql in indexes:
            connection.execute(sql)
        write_period_counts(connection)
        connection.execute("COMMIT")
        db = sqlite_utils.Database(connection)
        for table, columns in FULL_TEXT.items():
            db.table(table).enable_fts(list(columns), fts_version="FTS5", tokenize="porter")
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLE_ORDER}
    finally:
        connection.close()
