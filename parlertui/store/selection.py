"""Which rows an export holds: the whole record, one topic and what it draws on, or what involves one party; any
of those narrowed by the app's filters and "as of" date (store/filters.py), as the views on screen are.

A narrowed selection is kept in TEMP tables of ids on the export's own read-only connection (they live outside
the store file), so it costs no memory in Python however large the store. Whatever a chosen row refers to is
chosen too: an export of a selection still builds into a whole store.
"""

from __future__ import annotations

import difflib
import re
import sqlite3
from dataclasses import dataclass, field

from parlertui.store.filters import (
    NO_FILTERS,
    Filters,
    arguments_on_record,
    event_conditions,
    quote_conditions,
    where_clause,
)

#: The tables whose rows have an id of their own; the other tables link these or describe the dispute.
_ENTITIES = ("topics", "arguments", "quotes", "events", "parties", "sources")

#: For each link table, the condition (over `{t}`, its name or alias) that keeps its rows within a selection.
_LINKS = {
    "event_parties": "{t}.event_id IN (SELECT id FROM temp.chosen_events)",
    "event_sources": "{t}.event_id IN (SELECT id FROM temp.chosen_events)",
    "argument_quotes": "{t}.argument_id IN (SELECT id FROM temp.chosen_arguments) "
    "AND {t}.quote_id IN (SELECT id FROM temp.chosen_quotes)",
    "argument_links": "{t}.from_id IN (SELECT id FROM temp.chosen_arguments) "
    "AND {t}.to_id IN (SELECT id FROM temp.chosen_arguments)",
}

_TOPIC = [
    "INSERT INTO temp.chosen_topics VALUES (:id)",
    "INSERT OR IGNORE INTO temp.chosen_arguments SELECT id FROM arguments WHERE topic_id = :id",
]
_PARTY = [
    "INSERT INTO temp.chosen_parties VALUES (:id)",
    """INSERT OR IGNORE INTO temp.chosen_arguments
       SELECT id FROM arguments WHERE party_id = :id
       UNION SELECT aq.argument_id FROM argument_quotes AS aq JOIN quotes AS q ON q.id = aq.quote_id
             WHERE q.speaker_id = :id""",
    "INSERT OR IGNORE INTO temp.chosen_topics SELECT topic_id FROM arguments "
    "WHERE id IN (SELECT id FROM temp.chosen_arguments)",
    "INSERT OR IGNORE INTO temp.chosen_quotes SELECT id FROM quotes WHERE speaker_id = :id",
    "INSERT OR IGNORE INTO temp.chosen_events SELECT event_id FROM event_parties WHERE party_id = :id",
]
#: After a topic or a party: the quotes its arguments cite, the events those quotes come from, and everything
#: the chosen rows refer to (speakers, parties of events, organisations, sources and the sources they came via).
_CLOSURE = [
    "INSERT OR IGNORE INTO temp.chosen_quotes SELECT quote_id FROM argument_quotes "
    "WHERE argument_id IN (SELECT id FROM temp.chosen_arguments)",
    "INSERT OR IGNORE INTO temp.chosen_events SELECT event_id FROM quotes "
    "WHERE id IN (SELECT id FROM temp.chosen_quotes) AND event_id IS NOT NULL",
    """INSERT OR IGNORE INTO temp.chosen_parties
       SELECT party_id FROM arguments WHERE id IN (SELECT id FROM temp.chosen_arguments)
       UNION SELECT speaker_id FROM quotes WHERE id IN (SELECT id FROM temp.chosen_quotes)
       UNION SELECT party_id FROM event_parties WHERE event_id IN (SELECT id FROM temp.chosen_events)""",
    """INSERT OR IGNORE INTO temp.chosen_parties
       WITH RECURSIVE upward(id) AS (
           SELECT id FROM temp.chosen_parties
           UNION SELECT p.affiliation_id FROM parties AS p JOIN upward ON p.id = upward.id
                 WHERE p.affiliation_id IS NOT NULL)
       SELECT id FROM upward""",
    """INSERT OR IGNORE INTO temp.chosen_sources
       SELECT source_id FROM quotes WHERE id IN (SELECT id FROM temp.chosen_quotes)
       UNION SELECT reported_in FROM arguments
             WHERE id IN (SELECT id FROM temp.chosen_arguments) AND reported_in IS NOT NULL
       UNION SELECT source_id FROM event_sources WHERE event_id IN (SELECT id FROM temp.chosen_events)""",
    """INSERT OR IGNORE INTO temp.chosen_sources
       WITH RECURSIVE upward(id) AS (
           SELECT id FROM temp.chosen_sources
           UNION SELECT s.via_source_id FROM sources AS s JOIN upward ON s.id = upward.id
                 WHERE s.via_source_id IS NOT NULL)
       SELECT id FROM upward""",
]


class UnknownId(LookupError):
    """A topic or party id the store does not hold; `str()` says so and suggests the ids meant."""


_EVERYTHING = [
    "INSERT INTO temp.chosen_topics SELECT id FROM topics",
    "INSERT INTO temp.chosen_arguments SELECT id FROM arguments",
    "INSERT INTO temp.chosen_quotes SELECT id FROM quotes",
    "INSERT INTO temp.chosen_events SELECT id FROM events",
]


@dataclass(frozen=True)
class Selection:
    """The rows an export holds. Made by `select`, valid on the connection it was made on."""

    topic: str | None = None
    party: str | None = None
    filters: Filters = field(default=NO_FILTERS)
    """The filters and "as of" date that narrowed it (NO_FILTERS: none)."""

    @property
    def whole(self) -> bool:
        return self.topic is None and self.party is None and not self.filtered

    @property
    def filtered(self) -> bool:
        return self.filters.narrowing or self.filters.as_of is not None

    def where(self, table: str, alias: str | None = None) -> str:
        """An SQL condition that keeps the rows of `table` (named `alias` in the query) within the selection."""
        name = alias or table
        if self.whole or table in ("meta", "sides"):  # the dispute itself: whole in every selection
            return "1"
        if table in _ENTITIES:
            return f"{name}.id IN (SELECT id FROM temp.chosen_{table})"
        return _LINKS[table].format(t=name)

    def timeline_where(self, alias: str = "e") -> str:
        """A condition keeping the events a timeline of the selection lists: those the filters let through (the
        selection also holds the events its quotes belong to, so that it builds into a whole store)."""
        if not self.filtered:
            return self.where("events", alias)
        return f"{alias}.id IN (SELECT id FROM temp.listed_events)"


def select(
    connection: sqlite3.Connection,
    *,
    topic: str | None = None,
    party: str | None = None,
    filters: Filters = NO_FILTERS,
) -> Selection:
    """Choose the rows of one topic or one party (or, with neither, the whole record) on `connection`, narrowed
    by `filters` as the app's views are: the events and quotes they let through, the arguments that cite a quote
    kept (as of a date: whose quotes were all on the record), the topics of those; then whatever those rows
    refer to.

    Raises UnknownId for an id the store does not hold, ValueError if given both a topic and a party."""
    if topic is not None and party is not None:
        raise ValueError("choose one topic or one party, not both")
    selection = Selection(topic, party, filters)
    if selection.whole:
        return selection
    if topic is not None:
        _ensure_known(connection, "topic", "topics", topic)
    elif party is not None:
        _ensure_known(connection, "party", "parties", party)
    for kind, table, wanted in (
        ("party", "parties", filters.party),
        ("topic", "topics", filters.topic),
        ("source", "sources", filters.source),
    ):
        if wanted is not None:
            _ensure_known(connection, kind, table, wanted)
    if filters.kind is not None:
        kinds = [row[0] for row in connection.execute("SELECT DISTINCT kind FROM events ORDER BY kind")]
        _ensure_one_of(filters.kind, kinds, "event of kind", "the kinds")
    if filters.side is not None:
        sides = [row[0] for row in connection.execute("SELECT id FROM sides ORDER BY position")]
        _ensure_one_of(filters.side, sides, "side", "its sides")
    for table in _ENTITIES:
        connection.execute(f"DROP TABLE IF EXISTS temp.chosen_{table}")
        connection.execute(f"CREATE TEMP TABLE chosen_{table} (id TEXT PRIMARY KEY) WITHOUT ROWID")
    wanted_id = {"id": topic if topic is not None else party}
    if not selection.filtered:
        for statement in (_TOPIC if topic is not None else _PARTY) + _CLOSURE:
            connection.execute(statement, wanted_id)
        return selection
    if topic is None and party is None:
        base = _EVERYTHING
    else:
        base = (_TOPIC if topic is not None else _PARTY) + _CLOSURE[:2]
    for statement in base:
        connection.execute(statement, wanted_id)
    _narrow(connection, selection)
    for statement in _CLOSURE[1:]:
        connection.execute(statement)
    return selection


def _narrow(connection: sqlite3.Connection, selection: Selection) -> None:
    filters = selection.filters
    where, parameters = event_conditions(filters)
    connection.execute(
        f"DELETE FROM temp.chosen_events WHERE id NOT IN (SELECT e.id FROM events AS e {where_clause(where)})",
        parameters,
    )
    where, parameters = quote_conditions(filters)
    connection.execute(
        "DELETE FROM temp.chosen_quotes WHERE id NOT IN (SELECT q.id FROM quotes AS q "
        f"LEFT JOIN events AS qe ON qe.id = q.event_id {where_clause(where)})",
        parameters,
    )
    connection.execute("DROP TABLE IF EXISTS temp.listed_events")
    connection.execute("CREATE TEMP TABLE listed_events AS SELECT id FROM temp.chosen_events")
    if filters.as_of is not None:
        on_record, on_record_parameters = arguments_on_record(filters.as_of)
        connection.execute(
            f"DELETE FROM temp.chosen_arguments WHERE id NOT IN (SELECT a.id FROM arguments AS a WHERE {on_record})",
            on_record_parameters,
        )
    if filters.topic is not None:
        connection.execute(
            "DELETE FROM temp.chosen_arguments WHERE id IN (SELECT id FROM arguments WHERE topic_id != ?)",
            (filters.topic,),
        )
    beyond_base = filters._replace(
        as_of=None,
        party=None if filters.party == selection.party else filters.party,
        topic=None if filters.topic == selection.topic else filters.topic,
    )
    if beyond_base.narrowing:
        connection.execute(
            """DELETE FROM temp.chosen_arguments WHERE NOT EXISTS (
                   SELECT 1 FROM argument_quotes AS aq
                   WHERE aq.argument_id = chosen_arguments.id AND aq.quote_id IN (SELECT id FROM temp.chosen_quotes))"""
        )
    keep_topic = selection.topic if selection.topic is not None else ""
    connection.execute(
        "DELETE FROM temp.chosen_topics WHERE id != ? AND id NOT IN "
        "(SELECT topic_id FROM arguments WHERE id IN (SELECT id FROM temp.chosen_arguments))",
        (keep_topic,),
    )


def _ensure_one_of(wanted: str, known: list[str], what: str, listed: str) -> None:
    """UnknownId, naming the nearest of `known` and listing them all, unless `wanted` is one of them."""
    if wanted not in known:
        close = difflib.get_close_matches(wanted, known, n=2, cutoff=0.6)
        hint = f"did you mean {' or '.join(repr(k) for k in close)}? " if close else ""
        raise UnknownId(f"no {what} {wanted!r} in the store; {hint}{listed}: {', '.join(known)}")


def _ensure_known(connection: sqlite3.Connection, kind: str, table: str, wanted: str) -> None:
    if connection.execute(f"SELECT 1 FROM {table} WHERE id = ?", (wanted,)).fetchone():
        return
    label = "name" if table == "parties" else "title"
    known = connection.execute(f"SELECT id, {label} FROM {table} ORDER BY position").fetchall()
    raise UnknownId(f"no {kind} {wanted!r} in the store; " + _how_to_find(kind, table, wanted, known))


def _how_to_find(kind: str, table: str, wanted: str, known: list[tuple[str, str]]) -> str:
    """The ids most like `wanted` (by id, name or title, in part or spelled nearly so), and where to see them all."""
    by_text = {str(row_id).casefold(): row_id for row_id, _ in known}
    for row_id, label in known:
        by_text.setdefault(str(label).casefold(), row_id)
    needle = wanted.casefold().strip()
    containing = [row_id for text, row_id in by_text.items() if needle and needle in text]
    close = [by_text[text] for text in difflib.get_close_matches(needle, list(by_text), n=3, cutoff=0.6)]
    close += [
        row_id
        for text, row_id in by_text.items()
        if difflib.get_close_matches(needle, re.split(r"[\W_]+", text), n=1, cutoff=0.8)
    ]
    suggestions = list(dict.fromkeys(containing + close))[:5]
    hint = f"did you mean {' or '.join(repr(row_id) for row_id in suggestions)}? " if suggestions else ""
    if not known:
        return hint + f"it holds no {table}"
    if len(known) <= 12:
        return hint + f"the {kind} ids: {', '.join(str(row_id) for row_id, _ in known)}"
    return hint + f"all {len(known)} {kind} ids are in {table}.csv of `parlertui export --format csv -o DIR`"


FILTER_NAMES = {
    "party": "party",
    "side": "side",
    "topic": "topic",
    "kind": "kind of event",
    "source": "source",
    "start": "from",
    "end": "to",
    "as_of": "as of",
}


def describe_filters(connection: sqlite3.Connection, filters: Filters) -> str:
    """The filters in words, names rather than ids ("party Host, Inc.; from 2021-01-10; as of 2021-01-13"), or ""."""
    names = {
        "party": "SELECT name FROM parties WHERE id = ?",
        "topic": "SELECT title FROM topics WHERE id = ?",
        "source": "SELECT coalesce(outlet || ': ' || title, title) FROM sources WHERE id = ?",
    }
    parts = []
    for name, value in filters.active():
        shown = value
        if name in names:
            row = connection.execute(names[name], (value,)).fetchone()
            shown = f"{row[0]} ({value})" if row else value
        elif name == "side":
            row = connection.execute("SELECT name FROM sides WHERE id = ?", (value,)).fetchone()
            shown = row[0] if row else value
        parts.append(f"{FILTER_NAMES[name]} {' '.join(str(shown).split())}")
    return "; ".join(parts)


def filters_record(filters: Filters) -> dict[str, str]:
    """The filters that are set, by name, as a JSON record's selection names them."""
    return dict(filters.active())
