"""Full-text search over the record, with the store's FTS5 indexes.

Whatever a reader types is a valid search. Plain words are matched as word prefixes (`moder` finds moderation),
all of them required. Text that uses FTS5's own syntax (quotes for a phrase, AND/OR/NOT, `*`, NEAR) is tried as
written; where SQLite rejects it, its words are searched as plain terms instead, and the result says so.

Matches are ranked (bm25) when there are few enough to rank at once; a word found in most of a huge store shows
its first matches in record order instead, so the first results never wait on scoring every match.

A prefix query reads the whole list of every word it matches before it returns a single hit (35 ms for a word in
most of a million quotes), while a whole word is read lazily (0.1 ms). So plain words can be searched as whole
words first (`whole_words`), for a first answer at once, and then as prefixes for the full one.
"""

from __future__ import annotations

import re
import sqlite3
from typing import NamedTuple

from parlertui.store.quote_text import QUOTE_MARK
from parlertui.store.date_search import Period, find_period
from parlertui.store.filters import NO_FILTERS, Filters, arguments_on_record, event_conditions, quote_conditions

#: Around each matched word in a hit's text: control characters, which record text has no use for.
MARK_START, MARK_END = "\x02", "\x03"

RANK_LIMIT = 2000
"""Up to this many matches of a kind are ranked by relevance; beyond it the first ones are shown in record order."""

_WORD = re.compile(r"\w+(?:['’]\w+)*")
MAX_WORDS = 24
"""Words beyond these are not searched for: a pasted page would otherwise become thousands of terms."""
_SYNTAX = re.compile(r"""["*():^]|\b(?:AND|OR|NOT|NEAR)\b""")


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


def plain_query(text: str, prefix: bool = True) -> str:
    """Every word of `text` as a term (a prefix term unless `prefix` is False), all required; "" if it holds no
    word."""
    terms = []
    for word in _WORD.findall(text)[:MAX_WORDS]:
        tokens = re.findall(r"\w+", word)  # "Parler's" is the phrase "Parler s", as the index split it
        terms.append('"' + " ".join(tokens) + '"' + ("*" if prefix else ""))
    return " ".join(terms)


def has_plain_words(text: str) -> bool:
    """True if `text` is words only (no search syntax, not too many, no date): what `whole_words` can search first.
    A date is searched in the worker only: with other words, its events and quotes are found match by match."""
    return (
        bool(_WORD.search(text))
        and not _SYNTAX.search(text)
        and len(_WORD.findall(text)) <= MAX_WORDS
        and find_period(text) is None
    )


def marked(text: str) -> list[tuple[str, bool]]:
    """A hit's text as (piece, matched) pairs."""
    pieces: list[tuple[str, bool]] = []
    for index, part in enumerate(re.split(f"[{MARK_START}{MARK_END}]", text)):
        if part:
            pieces.append((part, index % 2 == 1))
    return pieces


def _clean(text: str) -> str:
    return text.replace(MARK_START, "").replace(MARK_END, "")


# What each kind shows, and how it is found: (FTS table, SQL returning id/text/about/topic for rowids matched).
_S, _E = f"'{MARK_START}'", f"'{MARK_END}'"
KIND_TITLES = {
    "quote": "Quotes",
    "event": "Events",
    "argument": "Arguments",
    "topic": "Topics",
    "party": "Parties",
    "source": "Sources",
}
KINDS = tuple(KIND_TITLES)

_TABLE = {
    "quote": "quotes",
    "event": "events",
    "argument": "arguments",
    "topic": "topics",
    "party": "parties",
    "source": "sources",
}
_ALIAS = {"quote": "q", "event": "e", "argument": "a", "topic": "t", "party": "p", "source": "s"}

#: What a hit shows of each kind: its id, its text with the matches marked, and a line about it. A quote is shown
#: as everywhere else: in its frame, or in quotation marks (quote_text).
_COLUMNS = {
    "quote": f"""q.id, CASE WHEN q.frame IS NULL THEN '“' || snippet(quotes_fts, 0, {_S}, {_E}, '…', 24) || '”'
                ELSE replace(q.frame, '{QUOTE_MARK}', snippet(quotes_fts, 0, {_S}, {_E}, '…', 24)) END,
                p.name || ' · ' || coalesce(q.said_on, qe.occurred_at, 'undated'), NULL""",
    "event": f"""e.id, highlight(events_fts, 0, {_S}, {_E}) || ' — ' || snippet(events_fts, 1, {_S}, {_E}, '…', 16),
                e.occurred_at || ' · ' || e.kind, NULL""",
    "argument": f"""a.id, snippet(arguments_fts, 0, {_S}, {_E}, '…', 24), p.name || ' · ' || t.title, a.topic_id""",
    "topic": f"""t.id, highlight(topics_fts, 0, {_S}, {_E}) || ' — ' || snippet(topics_fts, 1, {_S}, {_E}, '…', 16),
                'topic', NULL""",
    "party": f"""p.id, highlight(parties_fts, 0, {_S}, {_E}) || ' — ' || snippet(parties_fts, 2, {_S}, {_E}, '…', 12),
                p.side || ' · ' || p.kind, NULL""",
    "source": f"""s.id, coalesce(highlight(sources_fts, 1, {_S}, {_E}) || ': ', '')
                || highlight(sources_fts, 0, {_S}, {_E}), s.kind || coalesce(' · ' || s.published, ''), NULL""",
}
#: The columns that name a record of each kind: a match there comes before one only in its text.
NAME_COLUMNS = {"event": "title", "topic": "title", "party": "name aliases", "source": "title outlet"}
#: The kinds whose names matched come first, in this order: "rothstein" finds the judge before the events.
OWNERS_FIRST = ("party", "topic", "source", "event")

#: The tables a hit of each kind reads besides its own.
_JOINS = {
    "quote": "JOIN parties AS p ON p.id = q.speaker_id LEFT JOIN events AS qe ON qe.id = q.event_id",
    "argument": "JOIN parties AS p ON p.id = a.party_id JOIN topics AS t ON t.id = a.topic_id",
}


def _on_record(kind: str, filters: Filters) -> tuple[list[str], list[object]]:
    """Conditions keeping only what was on the record by the "as of" date."""
    if filters.as_of is None:
        return [], []
    only_date = Filters(as_of=filters.as_of)
    if kind == "event":
        return event_conditions(only_date)
    if kind == "quote":
        return quote_conditions(only_date)
    if kind == "argument":
        condition, parameters = arguments_on_record(filters.as_of)
        return [condition], list(parameters)
    return [], []


def _in_period(kind: str, period: Period | None) -> tuple[list[str], list[object]]:
    """Events and quotes of a day or a month named in the search (by sort key: the index reads the range)."""
    if period is None or kind not in ("event", "quote"):
        return [], []
    key = f"{_ALIAS[kind]}.sort_key"
    return [f"{key} >= ? AND {key} < ?"], [period.start, period.end]


def _in_period_unindexed(kind: str, period: Period | None) -> tuple[list[str], list[object]]:
    """As _in_period, for a search of words as well: the full-text index finds the rows, and the date is checked
    on each (`+` keeps SQLite from reading the range on the date's index first and matching the words row by row,
    seconds on a big store)."""
    conditions, parameters = _in_period(kind, period)
    return [
        condition.replace(f"{_ALIAS[kind]}.sort_key", f"+{_ALIAS[kind]}.sort_key") for condition in conditions
    ], parameters


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
    table, alias = _TABLE[kind], _ALIAS[kind]
    conditions, parameters = _on_record(kind, filters)
    in_period, period_parameters = _in_period_unindexed(kind, period)
    conditions, parameters = conditions + in_period, parameters + period_parameters
    name_columns = NAME_COLUMNS.get(kind)
    named_sql = (
        f"{table}_fts.rowid IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?)" if name_columns else "0"
    )
    named_query = (f"{{{name_columns}}} : ({query})",) if name_columns else ()
    source = (
        f"FROM {table}_fts JOIN {table} AS {alias} ON {alias}.rowid = {table}_fts.rowid {_JOINS.get(kind, '')} "
        f"WHERE {table}_fts MATCH ?" + "".join(f" AND ({c})" for c in conditions)
    )

    def hits(order: str, count: int, named: bool = False) -> tuple[Hit, ...]:
        """`named`: tell which match by name (only where they are ranked: the test reads every match of the words
        in the name columns, which on a big store the first, unranked answer must not wait for)."""
        rows = db.execute(
            f"SELECT {_COLUMNS[kind]}, {named_sql if named else '0'} {source} ORDER BY {order} LIMIT ?",
            (*(named_query if named else ()), query, *parameters, count),
        ).fetchall()
        return tuple(Hit(kind, row[0], row[1] or "", _clean(row[2] or ""), row[3], bool(row[4])) for row in rows)

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


#: What a hit of each kind shows when found by its date alone (no words to match, so nothing marked).
_DATED_COLUMNS = {
    "event": "e.id, e.title || ' — ' || substr(e.summary, 1, 200), e.occurred_at || ' · ' || e.kind, NULL",
    "quote": "q.id, q.text, p.name || ' · ' || coalesce(q.said_on, qe.occurred_at, 'undated'), NULL",
}


def _period_group(db: sqlite3.Connection, kind: str, period: Period, filters: Filters, limit: int) -> HitGroup:
    """The events or quotes of a day or a month, in the order they happened."""
    table, alias = _TABLE[kind], _ALIAS[kind]
    conditions, parameters = _on_record(kind, filters)
    in_period, period_parameters = _in_period(kind, period)
    where = " AND ".join(f"({c})" for c in conditions + in_period)
    source = f"FROM {table} AS {alias} {_JOINS.get(kind, '')} WHERE {where}"
    rows = db.execute(
        f"SELECT {_DATED_COLUMNS[kind]} {source} ORDER BY {alias}.sort_key LIMIT ?",
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


def syntax_note(text: str) -> str:
    """What the search syntax in `text` was taken to mean, in words."""
    parts = []
    phrases = text.count('"') // 2
    if phrases:
        parts.append("searched as a phrase" if phrases == 1 else f"searched as {phrases} phrases")
    operators = sorted(set(re.findall(r"\b(?:AND|OR|NOT|NEAR)\b", text)), key=("AND", "OR", "NOT", "NEAR").index)
    if operators:
        parts.append(f"{' and '.join(operators)} read as {'an operator' if len(operators) == 1 else 'operators'}")
    if "*" in text:
        parts.append("a word ending in * matches any ending")
    if not parts:
        parts.append("searched as written")
    note = "; ".join(parts)
    return note[0].upper() + note[1:] + "."


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
    if len(_WORD.findall(text)) > MAX_WORDS:
        attempts.append((plain, f"Only the first {MAX_WORDS} words were searched for."))
    elif _SYNTAX.search(text):
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
