"""Which rows an export holds: the whole record, one topic and what it draws on, or what involves one party.

A narrowed selection is kept in TEMP tables of ids on the export's own read-only connection (they live outside
the store file), so it costs no memory in Python however large the store. Whatever a chosen row refers to is
chosen too: an export of a selection still builds into a whole store.
"""

from __future__ import annotations

import difflib
import re
import sqlite3
from dataclasses import dataclass

#: The tables whose rows have an id of their own; the other tables link these or describe the dispute.
_ENTITIES = ("topics", "arguments", "quotes", "events", "parties", "sources")

#: For each link table, the condition (over `{t}`, its name or alias) that keeps its rows within a selection.
_LINKS = {
    "event_parties": "{t}.event_id IN (SELECT id FROM temp.chosen_events)",
    "event_sources": "{t}.event_id IN (SELECT id FROM temp.chosen_events)",
    "argument_quotes": "{t}.argument_id IN (SELECT id FROM temp.chosen_arguments)",
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


@dataclass(frozen=True)
class Selection:
    """The rows an export holds. Made by `select`, valid on the connection it was made on."""

    topic: str | None = None
    party: str | None = None

    @property
    def whole(self) -> bool:
        return self.topic is None and self.party is None

    def where(self, table: str, alias: str | None = None) -> str:
        """An SQL condition that keeps the rows of `table` (named `alias` in the query) within the selection."""
        name = alias or table
        if self.whole or table == "meta":
            return "1"
        if table in _ENTITIES:
            return f"{name}.id IN (SELECT id FROM temp.chosen_{table})"
        return _LINKS[table].format(t=name)


def select(connection: sqlite3.Connection, *, topic: str | None = None, party: str | None = None) -> Selection:
    """Choose the rows of one topic or one party (or, with neither, the whole record) on `connection`.

    Raises UnknownId for an id the store does not hold, ValueError if given both."""
    if topic is not None and party is not None:
        raise ValueError("choose one topic or one party, not both")
    selection = Selection(topic, party)
    if selection.whole:
        return selection
    if topic is not None:
        _ensure_known(connection, "topic", "topics", topic)
    else:
        _ensure_known(connection, "party", "parties", party or "")
    for table in _ENTITIES:
        connection.execute(f"DROP TABLE IF EXISTS temp.chosen_{table}")
        connection.execute(f"CREATE TEMP TABLE chosen_{table} (id TEXT PRIMARY KEY) WITHOUT ROWID")
    for statement in (_TOPIC if topic is not None else _PARTY) + _CLOSURE:
        connection.execute(statement, {"id": topic if topic is not None else party})
    return selection


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
