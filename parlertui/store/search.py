"""Full-text search over the record, with the store's FTS5 indexes.

Whatever a reader types is a valid search. Plain words are matched as word prefixes (`moder` finds moderation),
all of them required. Text that uses FTS5's own syntax (quotes for a phrase, AND/OR/NOT, `*`, NEAR) is tried as
written; where SQLite rejects it, its words are searched as plain terms instead, and the result says so.

Matches are ranked (bm25) when there are few enough to rank at once; a word found in most of a huge store shows
its first matches in record order instead, so the first results never wait on scoring every match.

A prefix query reads the whole list of every word it matches before it returns a single hit (35 ms for a word in
most of a million quotes), while a whole word is read lazily (0.1 ms). So plain words can be searched as whole
words first (`whole_words`), for a first answer at once, and then as prefixes for the full one.

A store's searches run in its SearchSession (Store.searches), on connections of their own. How typed text becomes a
query is in search_terms.py; what each kind of record shows and joins, in search_kinds.py.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import NamedTuple

from parlertui.store.date_search import Period, find_period
from parlertui.store.filters import NO_FILTERS, Filters
from parlertui.store.open import StoreError, open_read_only
from parlertui.store.search_kinds import (
    ALIASES,
    COLUMNS,
    DATED_COLUMNS,
    JOINS,
    KIND_TITLES,
    KINDS,
    NAME_COLUMNS,
    OWNERS_FIRST,
    TABLES,
    in_period,
    in_period_unindexed,
    on_record,
)
from parlertui.store.search_terms import (
    MARK_END,
    MARK_START,
    MAX_WORDS,
    SYNTAX,
    WORD,
    has_plain_words,
    marked,
    plain_query,
    syntax_note,
    unmarked,
)

__all__ = [
    "KIND_TITLES",
    "KINDS",
    "MARK_END",
    "MARK_START",
    "MAX_WORDS",
    "Hit",
    "HitGroup",
    "SearchInterrupted",
    "SearchResults",
    "SearchSession",
    "has_plain_words",
    "marked",
    "plain_query",
    "search",
    "syntax_note",
]

RANK_LIMIT = 2000
"""Up to this many matches of a kind are ranked by relevance; beyond it the first ones are shown in record order."""


class Hit(NamedTuple):
    """One record that matches: `text` has the matched words between MARK_START and MARK_END."""

    kind: str
    id: str
    text: str
    about: str  # who and when, or what it belongs to
    topic: str | None = None  # an argument's topic
    named: bool = False  # the words are in its name or title (not only in what it says)


class HitGroup(NamedTuple):
    kind: str
    hits: tuple[Hit, ...]
    total: int  # how many match; a lower bound when `more`
    more: bool = False  # more match than `total`
    ranked: bool = True
    counted: bool = True  # False: only the first page was read; a search with count=True tells how many there are


class SearchResults(NamedTuple):
    text: str
    query: str  # the FTS5 query run ("" when there was nothing to search for)
    note: str  # one line for the reader: how the text was read, or why nothing was searched
    groups: tuple[HitGroup, ...] = ()

    # A named tuple, as every record is (a frozen dataclass compiles its methods at import); its count of matches
    # stands in for tuple.count, which nothing asks a SearchResults for.
    @property
    def count(self) -> int:  # type: ignore[override]
        return sum(group.total for group in self.groups)

    @property
    def counted(self) -> bool:
        return all(group.counted for group in self.groups)


def _group(
    db: sqlite3.Connection,
    kind: str,
    query: str,
    filters: Filters,
    limit: int,
    count: bool,
    period: Period | None = None,
) -> HitGroup:
    """The first `limit` matches of a kind. Few matches (no more than `limit`) are ranked at once, those whose
    name or title matches first. More are shown in record order, which the index reads without scoring every
    match; with `count`, they are counted up to RANK_LIMIT and ranked if there are no more than that."""
    table, alias = TABLES[kind], ALIASES[kind]
    conditions, parameters = on_record(kind, filters)
    dated, period_parameters = in_period_unindexed(kind, period)
    conditions, parameters = conditions + dated, parameters + period_parameters
    name_columns = NAME_COLUMNS.get(kind)
    named_sql = (
        f"{table}_fts.rowid IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?)" if name_columns else "0"
    )
    named_query = (f"{{{name_columns}}} : ({query})",) if name_columns else ()
    source = (
        f"FROM {table}_fts JOIN {table} AS {alias} ON {alias}.rowid = {table}_fts.rowid {JOINS.get(kind, '')} "
        f"WHERE {table}_fts MATCH ?" + "".join(f" AND ({c})" for c in conditions)
    )

    def hits(order: str, count: int, named: bool = False) -> tuple[Hit, ...]:
        """`named`: tell which match by name (only where they are ranked: the test reads every match of the words
        in the name columns, which on a big store the first, unranked answer must not wait for)."""
        rows = db.execute(
            f"SELECT {COLUMNS[kind]}, {named_sql if named else '0'} {source} ORDER BY {order} LIMIT ?",
            (*(named_query if named else ()), query, *parameters, count),
        ).fetchall()
        return tuple(Hit(kind, row[0], row[1] or "", unmarked(row[2] or ""), row[3], bool(row[4])) for row in rows)

    def ranked(count: int) -> tuple[Hit, ...]:
        """Best first: those whose name matches, then the rest, each by relevance."""
        return hits(f"5 DESC, {table}_fts.rank", count, named=True)  # 5: the named column

    def how_many(cap: int) -> int:
        counted: int = db.execute(
            f"SELECT count(*) FROM (SELECT 1 {source} ORDER BY {table}_fts.rowid LIMIT ?)", (query, *parameters, cap)
        ).fetchone()[0]
        return counted

    # One read in record order tells whether there are more than a page: scoring needs every match's statistics,
    # which for a word in most of a million quotes takes longer than reading them.
    first = hits(f"{table}_fts.rowid", limit + 1)
    if len(first) <= limit:
        return HitGroup(kind, ranked(limit), len(first))
    if not count:
        return HitGroup(kind, first[:limit], len(first), more=True, ranked=False, counted=False)
    found = how_many(RANK_LIMIT + 1)  # a word in most of a million quotes is not counted to the end
    if found <= RANK_LIMIT:
        return HitGroup(kind, ranked(limit), found)
    return HitGroup(kind, first[:limit], found, more=True, ranked=False)


def _period_group(db: sqlite3.Connection, kind: str, period: Period, filters: Filters, limit: int) -> HitGroup:
    """The events or quotes of a day or a month, in the order they happened."""
    table, alias = TABLES[kind], ALIASES[kind]
    conditions, parameters = on_record(kind, filters)
    dated, period_parameters = in_period(kind, period)
    where = " AND ".join(f"({c})" for c in conditions + dated)
    source = f"FROM {table} AS {alias} {JOINS.get(kind, '')} WHERE {where}"
    rows = db.execute(
        f"SELECT {DATED_COLUMNS[kind]} {source} ORDER BY {alias}.sort_key LIMIT ?",
        (*parameters, *period_parameters, limit),
    ).fetchall()
    # Counted on the table alone (the event, for a quote, only where the date reads it): the joins that a hit
    # shows cost more than the count.
    event = "LEFT JOIN events AS qe ON qe.id = q.event_id" if kind == "quote" and filters.as_of else ""
    counted = f"FROM {table} AS {alias} {event} WHERE {where}"
    total = db.execute(f"SELECT count(*) {counted}", (*parameters, *period_parameters)).fetchone()[0]
    hits = tuple(Hit(kind, row[0], row[1] or "", row[2] or "", row[3]) for row in rows)
    return HitGroup(kind, hits, total, ranked=False)


def owners_first(groups: tuple[HitGroup, ...]) -> tuple[HitGroup, ...]:
    """The kinds whose best match is matched by its name first (a party before a topic, a source, an event),
    then the rest in their usual order."""

    def place(group: HitGroup) -> tuple[int, int]:
        named = bool(group.hits) and group.hits[0].named and group.kind in OWNERS_FIRST
        return (OWNERS_FIRST.index(group.kind), 0) if named else (len(OWNERS_FIRST), KINDS.index(group.kind))

    return tuple(sorted(groups, key=place))


def _search_period(
    db: sqlite3.Connection,
    text: str,
    period: Period,
    filters: Filters,
    limit: int,
    kinds: tuple[str, ...],
    count: bool,
    whole_words: bool,
) -> SearchResults:
    """A search naming a day or a month: its events and quotes; with other words, what matches them, the events
    and quotes narrowed to that day or month."""
    if not plain_query(period.rest):
        groups = tuple(_period_group(db, kind, period, filters, limit) for kind in ("event", "quote") if kind in kinds)
        return SearchResults(
            text, period.start, f"Events and quotes of {period.label}", tuple(g for g in groups if g.total)
        )
    found = search(db, period.rest, filters, limit, kinds, count, whole_words, period=period)
    note = " · ".join(part for part in (f"Events and quotes of {period.label} only", found.note) if part)
    return found._replace(text=text, note=note)


def search(
    db: sqlite3.Connection,
    text: str,
    filters: Filters = NO_FILTERS,
    limit: int = 50,
    kinds: tuple[str, ...] = KINDS,
    count: bool = True,
    whole_words: bool = False,
    period: Period | None = None,
) -> SearchResults:
    """Search the record for `text`: up to `limit` hits of each kind, best first, with how many match in all.

    Without `count`, a kind with more than `limit` matches gives its first ones in record order, uncounted: the
    quickest first answer; search again with `count` for the rest. With `whole_words` (for plain words only,
    see has_plain_words), the words are matched whole, not as prefixes, and nothing is counted: a first answer
    that a search without it completes."""
    text = text.replace("\x00", "")
    if period is None and (named := find_period(text)) is not None:
        return _search_period(db, text, named, filters, limit, kinds, count, whole_words)
    if whole_words:
        query = plain_query(text, prefix=False)
        read = (_group(db, kind, query, filters, limit, count=False, period=period) for kind in kinds)
        found = tuple(group._replace(counted=False) for group in read if group.total)
        return SearchResults(text, query, "", owners_first(found))
    plain = plain_query(text)
    if not plain:
        return SearchResults(
            text,
            "",
            "Type a word to search quotes, events, arguments, parties and sources."
            if not text.strip()
            else "Nothing to search for in that: type a word.",
        )
    attempts: list[tuple[str, str]] = []
    if len(WORD.findall(text)) > MAX_WORDS:
        attempts.append((plain, f"Only the first {MAX_WORDS} words were searched for."))
    elif SYNTAX.search(text):
        attempts.append((text, syntax_note(text)))
        attempts.append(
            (plain, "Its quotes or operators do not make a valid search, so its words were searched as plain terms.")
        )
    else:
        attempts.append((plain, ""))
    failure: sqlite3.OperationalError | None = None
    for query, note in attempts:
        try:
            groups = tuple(_group(db, kind, query, filters, limit, count, period) for kind in kinds)
        except sqlite3.OperationalError as err:
            if "interrupted" in str(err):
                raise
            failure = err
            continue
        return SearchResults(text, query, note, owners_first(tuple(group for group in groups if group.total)))
    raise failure or RuntimeError("no search was run")


class SearchInterrupted(Exception):
    """A search was stopped by interrupt(): a newer one replaces it."""


class SearchConnection:
    """A connection searches read on, opened the first time one asks for it, and the lock they take turns by."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.connection: sqlite3.Connection | None = None


class SearchSession:
    """The searches of one store (Store.searches), on connections of their own, so that a slow one neither holds
    up the store's other reads nor outlives the reader's interest in it: interrupt() stops it. The first answer
    read on the UI thread (at_once) has a connection of its own too.

    Safe to share between threads. Every read error is a StoreError."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.worker = SearchConnection()
        self.first = SearchConnection()
        self._prepared = False
        self._closed = False

    def _open(self, line: SearchConnection) -> sqlite3.Connection:
        """`line`'s connection, opened the first time; StoreError once closed. The caller holds its lock."""
        if self._closed:
            raise StoreError(self.path, "is closed", "")
        if line.connection is None:
            line.connection = open_read_only(self.path)
        return line.connection

    def _unreadable(self, err: sqlite3.Error) -> StoreError:
        return StoreError(self.path, f"cannot be searched ({err})", "check it with `parlertui check`")

    def search(
        self, text: str, filters: Filters = NO_FILTERS, limit: int = 50, count: bool = True, whole_words: bool = False
    ) -> SearchResults:
        """Search quotes, events, arguments, topics, parties and sources for `text` (see search())."""
        with self.worker.lock:
            try:
                return search(self._open(self.worker), text, filters, limit, count=count, whole_words=whole_words)
            except sqlite3.Error as err:
                if "interrupted" in str(err):
                    raise SearchInterrupted from None
                raise self._unreadable(err) from err

    def at_once(
        self, text: str, filters: Filters = NO_FILTERS, limit: int = 12, budget: float = 0.015
    ) -> SearchResults | None:
        """The words of `text` matched whole (see search()'s `whole_words`), for the thread that asks: the index
        reads whole words lazily, so this is a first answer within a frame, read where it is shown. None if it is
        not ready in `budget` seconds (words that are common apart but rare together), or if another thread holds
        its connection: the worker's search answers instead."""
        if not self.first.lock.acquire(blocking=False):
            return None
        try:
            connection = self._open(self.first)
            deadline = time.perf_counter() + budget
            connection.set_progress_handler(lambda: time.perf_counter() > deadline, 2000)
            try:
                return search(connection, text, filters, limit, whole_words=True)
            finally:
                connection.set_progress_handler(None, 0)
        except sqlite3.OperationalError as err:
            if "interrupted" in str(err):
                return None
            raise self._unreadable(err) from err
        except sqlite3.Error as err:
            raise self._unreadable(err) from err
        finally:
            self.first.lock.release()

    def prepare(self) -> None:
        """Open the connections and read the full-text indexes' structure, so the first search a reader types does
        not wait for that. Once done, a no-op: it must not hold the connections a search is asking for."""
        if self._prepared:
            return
        self._prepared = True
        for line in (self.worker, self.first):
            with line.lock:
                try:
                    connection = self._open(line)
                    for table in TABLES.values():
                        connection.execute(
                            f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH '\"parlertui\"' LIMIT 1"
                        ).fetchall()
                except (sqlite3.Error, StoreError):
                    pass  # the search itself will say what is wrong

    def interrupt(self) -> None:
        """Stop the search running now, if any (it raises SearchInterrupted in its thread)."""
        # Not under the lock: the search being stopped holds it.
        if self.worker.connection is not None and not self._closed:
            self.worker.connection.interrupt()

    def close(self) -> None:
        """Close both connections, each once no thread is reading on it: closing a connection in the middle of
        another thread's read crashes the process. A search asked for after this raises StoreError."""
        if self._closed:
            return
        self.interrupt()  # a long search gives its connection up at once
        self._closed = True
        for line in (self.worker, self.first):
            with line.lock:
                if line.connection is not None:
                    line.connection.close()
