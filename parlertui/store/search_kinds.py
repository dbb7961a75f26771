"""What search finds of each kind of record, and how: its table, what a hit shows of it (SQL), the tables it
joins, the columns that name it, and the conditions an "as of" date or a day named in the search add."""

from __future__ import annotations

from parlertui.store.date_search import Period
from parlertui.store.filters import Filters, arguments_on_record, event_conditions, quote_conditions
from parlertui.store.quote_text import QUOTE_MARK
from parlertui.store.search_terms import MARK_END, MARK_START

#: The marks around matched words, as SQL strings.
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

TABLES = {
    "quote": "quotes",
    "event": "events",
    "argument": "arguments",
    "topic": "topics",
    "party": "parties",
    "source": "sources",
}
ALIASES = {"quote": "q", "event": "e", "argument": "a", "topic": "t", "party": "p", "source": "s"}

#: What a hit shows of each kind: its id, its text with the matches marked, and a line about it. A quote is shown
#: as everywhere else: in its frame, or in quotation marks (quote_text).
COLUMNS = {
    "quote": f"""q.id, CASE WHEN q.frame IS NULL THEN '“' || snippet(quotes_fts, 0, {_S}, {_E}, '…', 24) || '”'
                ELSE replace(q.frame, '{QUOTE_MARK}', snippet(quotes_fts, 0, {_S}, {_E}, '…', 24)) END,
                p.name || ' · ' || coalesce(q.said_on, qe.occurred_at, 'undated'), NULL""",
    "event": f"""e.id, highlight(events_fts, 0, {_S}, {_E}) || ' — ' || snippet(events_fts, 1, {_S}, {_E}, '…', 16),
                e.occurred_at || ' · ' || e.kind, NULL""",
    "argument": f"""a.id, snippet(arguments_fts, 0, {_S}, {_E}, '…', 24), p.name || ' · ' || t.title, a.topic_id""",
    "topic": f"""t.id, highlight(topics_fts, 0, {_S}, {_E}) || ' — ' || snippet(topics_fts, 1, {_S}, {_E}, '…', 16),
                'topic', NULL""",
    "party": f"""p.id, highlight(parties_fts, 0, {_S}, {_E}) || ' — ' || snippet(parties_fts, 2, {_S}, {_E}, '…', 12),
                coalesce(sd.name, p.side) || ' · ' || p.kind, NULL""",
    "source": f"""s.id, coalesce(highlight(sources_fts, 1, {_S}, {_E}) || ': ', '')
                || highlight(sources_fts, 0, {_S}, {_E}), s.kind || coalesce(' · ' || s.published, ''), NULL""",
}
#: The columns that name a record of each kind: a match there comes before one only in its text.
NAME_COLUMNS = {"event": "title", "topic": "title", "party": "name aliases", "source": "title outlet"}
#: The kinds whose names matched come first, in this order: "rothstein" finds the judge before the events.
OWNERS_FIRST = ("party", "topic", "source", "event")

#: The tables a hit of each kind reads besides its own.
JOINS = {
    "quote": "JOIN parties AS p ON p.id = q.speaker_id LEFT JOIN events AS qe ON qe.id = q.event_id",
    "argument": "JOIN parties AS p ON p.id = a.party_id JOIN topics AS t ON t.id = a.topic_id",
    "party": "LEFT JOIN sides AS sd ON sd.id = p.side",
}


def on_record(kind: str, filters: Filters) -> tuple[list[str], list[object]]:
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


def in_period(kind: str, period: Period | None) -> tuple[list[str], list[object]]:
    """Events and quotes of a day or a month named in the search (by sort key: the index reads the range)."""
    if period is None or kind not in ("event", "quote"):
        return [], []
    key = f"{ALIASES[kind]}.sort_key"
    return [f"{key} >= ? AND {key} < ?"], [period.start, period.end]


def in_period_unindexed(kind: str, period: Period | None) -> tuple[list[str], list[object]]:
    """As in_period, for a search of words as well: the full-text index finds the rows, and the date is checked
    on each (`+` keeps SQLite from reading the range on the date's index first and matching the words row by row,
    seconds on a big store)."""
    conditions, parameters = in_period(kind, period)
    return [
        condition.replace(f"{ALIASES[kind]}.sort_key", f"+{ALIASES[kind]}.sort_key") for condition in conditions
    ], parameters


#: What a hit of each kind shows when found by its date alone (no words to match, so nothing marked).
DATED_COLUMNS = {
    "event": "e.id, e.title || ' — ' || substr(e.summary, 1, 200), e.occurred_at || ' · ' || e.kind, NULL",
    "quote": "q.id, q.text, p.name || ' · ' || coalesce(q.said_on, qe.occurred_at, 'undated'), NULL",
}
