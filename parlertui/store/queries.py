"""Read-only queries over a store, returning plain records. The only module the app asks for data."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from zoneinfo import ZoneInfo

from parlertui.store.citation import Citation, read_citation
from parlertui.store.dates import DateError, home_zone, parse_when
from parlertui.store.debate import arrange
from parlertui.store.filters import (
    NO_FILTERS,
    Filters,
    arguments_on_record,
    event_conditions,
    outcome_known,
    quote_conditions,
    quotes_on_record,
    where_clause,
)
from parlertui.store.open import StoreError, open_read_only, open_store
from parlertui.store.records import (
    Argument,
    ArgumentRef,
    Catalogue,
    Dispute,
    EventDetail,
    Party,
    PartyDetail,
    PartyRole,
    Quote,
    QuoteDetail,
    Source,
    SourceDetail,
    TimelineEvent,
    Topic,
    TopicDetail,
    source_label,
)
from parlertui.store.schema import SIDES
from parlertui.store.search import SearchResults, plain_query, search

__all__ = ["Dispute", "NotFound", "Store", "TimelineEvent", "date_label"]

EVENTS = """
    SELECT e.id, e.occurred_at, e.precision, e.kind, e.title, e.summary,
           (SELECT group_concat(p.side, ' ')
            FROM event_parties AS ep JOIN parties AS p ON p.id = ep.party_id
            WHERE ep.event_id = e.id) AS sides
    FROM events AS e
"""

QUOTES = """
    SELECT q.id, q.text, q.speaker_id, p.name AS speaker_name, p.side AS speaker_side, q.source_id,
           s.outlet AS source_outlet, s.title AS source_title, q.said_on, q.event_id, q.context,
           qe.occurred_at AS event_at, q.frame, q.pin, s.title_ours AS source_title_ours
    FROM quotes AS q
    JOIN parties AS p ON p.id = q.speaker_id
    JOIN sources AS s ON s.id = q.source_id
    LEFT JOIN events AS qe ON qe.id = q.event_id
"""

TOPICS = """
    SELECT t.id, t.title, t.question, t.outcome,
           (SELECT group_concat(DISTINCT a.side) FROM arguments AS a WHERE a.topic_id = t.id) AS sides
    FROM topics AS t
"""

ARGUMENT_REFS = """
    SELECT a.id, a.topic_id, t.title AS topic_title, a.side, p.name AS party_name, a.summary
    FROM arguments AS a
    JOIN topics AS t ON t.id = a.topic_id
    JOIN parties AS p ON p.id = a.party_id
"""

SOURCES = """
    SELECT s.*, v.outlet AS via_outlet, v.title AS via_title, v.title_ours AS via_title_ours
    FROM sources AS s LEFT JOIN sources AS v ON v.id = s.via_source_id
"""

PARTIES = """
    SELECT p.*, a.name AS affiliation_name
    FROM parties AS p LEFT JOIN parties AS a ON a.id = p.affiliation_id
"""


PICKABLE = 2000
"""Up to this many sources are listed whole for the filter dialog and the palette to pick from."""


class NotFound(LookupError):
    """The store has no record with that id."""


class SearchInterrupted(Exception):
    """A search was stopped by interrupt_search(): a newer one replaces it."""


class Store:
    """A store opened read-only. Safe to share between threads: reads take turns on one connection.

    Every read error is a StoreError; asking for an id the store does not hold is NotFound.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._connection = open_store(self.path)
        self._connection.row_factory = sqlite3.Row
        self._lock = threading.Lock()
        self._dispute: Dispute | None = None
        # Searches read on a connection of their own, so a slow one neither holds up the other reads nor outlives
        # the reader's interest in it: interrupt_search() stops it.
        self._search_connection: sqlite3.Connection | None = None
        self._search_lock = threading.Lock()
        # And a third, for the whole-word first answer read on the UI thread (search_at_once).
        self._at_once_connection: sqlite3.Connection | None = None
        self._at_once_lock = threading.Lock()
        self._search_prepared = False
        self._closed = False

    def close(self) -> None:
        """Close every connection, each once no thread is reading on it: closing a connection in the middle of
        another thread's read crashes the process (seen when the app quit as search was being readied). A read
        asked for after this raises StoreError."""
        if self._closed:
            return
        self.interrupt_search()  # a long search gives its connection up at once
        self._closed = True
        for lock, name in (
            (self._lock, "_connection"),
            (self._search_lock, "_search_connection"),
            (self._at_once_lock, "_at_once_connection"),
        ):
            with lock:
                connection = getattr(self, name)
                if connection is not None:
                    connection.close()

    def _search_connection_open(self, name: str) -> sqlite3.Connection:
        """The search connection `name`, opened the first time; StoreError once the store is closed. The caller
        holds its lock."""
        if self._closed:
            raise StoreError(self.path, "is closed", "")
        connection: sqlite3.Connection | None = getattr(self, name)
        if connection is None:
            connection = open_read_only(self.path)
            setattr(self, name, connection)
        return connection

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._connection
            except sqlite3.Error as err:
                raise StoreError(self.path, f"cannot be read ({err})", "check it with `parlertui check`") from err

    def _rows(self, sql: str, parameters: tuple[object, ...] | dict[str, object] = ()) -> list[sqlite3.Row]:
        with self._reading() as db:
            return db.execute(sql, parameters).fetchall()

    def _one(self, sql: str, parameters: tuple[object, ...], what: str) -> sqlite3.Row:
        rows = self._rows(sql, parameters)
        if not rows:
            raise NotFound(f"no {what} {parameters[0]!r} in {self.path.name}")
        return rows[0]

    # The dispute and the lists the app shows up front

    def dispute(self) -> Dispute:
        if self._dispute is None:
            meta = {row["key"]: row["value"] for row in self._rows("SELECT key, value FROM meta")}
            title = meta.get("title") or self.path.name
            self._dispute = Dispute(
                id=meta.get("id", ""),
                title=title,
                short_title=meta.get("short_title") or title,
                court=meta.get("court", ""),
                case_number=meta.get("case_number", ""),
                timezone=meta.get("timezone", ""),
                summary=meta.get("summary", ""),
            )
        return self._dispute

    def zone(self) -> ZoneInfo | None:
        """The dispute's home time zone, or None if the store names none that exists."""
        return home_zone(self.dispute().timezone)

    def catalogue(self, filters: Filters = NO_FILTERS) -> Catalogue:
        """What every view needs up front: the dispute, every party and topic (as of the filters' date), how many
        events and sources there are, and the sources themselves if there are few enough to pick from. The long
        lists are read a page at a time (see store.listing)."""
        total_sources = self.count("sources")
        return Catalogue(
            self.dispute(),
            tuple(self.parties()),
            tuple(self.topics(filters.as_of)),
            sources=tuple(self.sources()) if total_sources <= PICKABLE else (),
            total_events=self.count("events"),
            total_sources=total_sources,
            filters=filters,
        )

    def count(self, table: str) -> int:
        """How many rows a table of the record holds."""
        if table not in ("events", "quotes", "parties", "sources", "topics", "arguments"):
            raise ValueError(f"not a table of the record: {table}")
        counted: int = self._rows(f"SELECT count(*) FROM {table}")[0][0]
        return counted

    def timeline(self, filters: Filters = NO_FILTERS) -> list[TimelineEvent]:
        """The events `filters` let through (all of them by default), in true order."""
        conditions, parameters = event_conditions(filters)
        return self._events(self._rows(f"{EVENTS} {where_clause(conditions)} ORDER BY e.sort_key", tuple(parameters)))

    def quotes(self, filters: Filters = NO_FILTERS) -> list[Quote]:
        """The quotes `filters` let through, in the order they were said (undated ones last)."""
        conditions, parameters = quote_conditions(filters)
        return list(self._quotes(f"{QUOTES} {where_clause(conditions)} ORDER BY q.sort_key", tuple(parameters)))

    def sources(self) -> list[Source]:
        """Every source, in the dataset's order."""
        return [self._source(row) for row in self._rows(f"{SOURCES} ORDER BY s.position")]

    def parties(self) -> list[Party]:
        """Every party, by side (Parler, AWS, the court, others), each organisation followed by its members."""
        parties = [self._party(row) for row in self._rows(f"{PARTIES} ORDER BY p.side, p.position")]
        by_id = {party.id: party for party in parties}
        members: dict[str, list[Party]] = {}
        for party in parties:
            if party.affiliation_id in by_id:
                members.setdefault(party.affiliation_id, []).append(party)
        ordered: list[Party] = []
        seen: set[str] = set()

        def place(party: Party, depth: int) -> None:
            if party.id in seen:
                return
            seen.add(party.id)
            ordered.append(party._replace(depth=depth))
            for member in members.get(party.id, []):
                if member.side == party.side:
                    place(member, depth + 1)

        for side in SIDES:
            for party in parties:
                affiliation = by_id.get(party.affiliation_id or "")
                if party.side == side and (affiliation is None or affiliation.side != side):
                    place(party, 0)
        for party in sorted(parties, key=lambda party: SIDES.index(party.side)):  # cycles: nothing is left out
            place(party, 0)
        return ordered

    def topics(self, as_of: str | None = None) -> list[Topic]:
        """Every topic; as of a date, marked with the sides whose arguments were on the record by then."""
        if as_of is None:
            return [self._topic(row) for row in self._rows(f"{TOPICS} ORDER BY t.position")]
        visible, parameters = arguments_on_record(as_of)
        rows = self._rows(
            f"""
            SELECT t.id, t.title, t.question, t.outcome,
                   (SELECT group_concat(DISTINCT a.side) FROM arguments AS a
                    WHERE a.topic_id = t.id AND {visible}) AS sides
            FROM topics AS t ORDER BY t.position
            """,
            parameters,
        )
        return [self._topic(row, as_of) for row in rows]

    # One record in full

    def event(self, event_id: str, as_of: str | None = None) -> EventDetail:
        """An event in full; as of a date, only the quotes and arguments on the record by then."""
        event = self._events([self._one(f"{EVENTS} WHERE e.id = ?", (event_id,), "event")])[0]
        said, said_parameters = quotes_on_record(as_of)
        parties = self._rows(
            """
            SELECT p.id, p.name, p.side, ep.role FROM event_parties AS ep JOIN parties AS p ON p.id = ep.party_id
            WHERE ep.event_id = ? ORDER BY ep.position
            """,
            (event_id,),
        )
        sources = self._rows(
            f"{SOURCES} JOIN event_sources AS es ON es.source_id = s.id WHERE es.event_id = ? ORDER BY es.position",
            (event_id,),
        )
        return EventDetail(
            event=event,
            parties=tuple(PartyRole(row["id"], row["name"], row["side"], row["role"]) for row in parties),
            quotes=self._quotes(
                f"{QUOTES} WHERE q.event_id = ? AND {said} ORDER BY q.sort_key", (event_id, *said_parameters)
            ),
            sources=tuple(self._source(row) for row in sources),
            arguments=self._argument_refs(
                "SELECT aq.argument_id FROM argument_quotes AS aq JOIN quotes AS q ON q.id = aq.quote_id "
                "WHERE q.event_id = ?",
                (event_id,),
                as_of,
            ),
        )

    def party(self, party_id: str, as_of: str | None = None) -> PartyDetail:
        """A party in full; as of a date, only its events, quotes and arguments on the record by then."""
        party = self._party(self._one(f"{PARTIES} WHERE p.id = ?", (party_id,), "party"))
        members = self._rows(f"{PARTIES} WHERE p.affiliation_id = ? ORDER BY p.position", (party_id,))
        return PartyDetail(
            party=party,
            members=tuple(self._party(row) for row in members),
            events=tuple(self.timeline(Filters(party=party_id, as_of=as_of))),
            quotes=tuple(self.quotes(Filters(party=party_id, as_of=as_of))),
            arguments=self._argument_refs(
                "SELECT id FROM arguments WHERE party_id = ? UNION SELECT aq.argument_id FROM argument_quotes AS aq "
                "JOIN quotes AS q ON q.id = aq.quote_id WHERE q.speaker_id = ?",
                (party_id, party_id),
                as_of,
            ),
        )

    def topic(self, topic_id: str, as_of: str | None = None) -> TopicDetail:
        """A topic laid out as a debate; as of a date, only the arguments whose quotes were on the record by then,
        and the outcome only if all it tells had happened."""
        if as_of is None:
            topic = self._topic(self._one(f"{TOPICS} WHERE t.id = ?", (topic_id,), "topic"))
        else:
            on_record = next((t for t in self.topics(as_of) if t.id == topic_id), None)
            if on_record is None:
                raise NotFound(f"no topic {topic_id!r} in {self.path.name}")
            topic = on_record
        visible, parameters = arguments_on_record(as_of)
        rows = self._rows(
            f"""
            SELECT a.id, a.topic_id, a.side, a.party_id, p.name AS party_name, a.summary,
                   r.outlet AS report_outlet, r.title AS report_title, r.title_ours AS report_title_ours
            FROM arguments AS a JOIN parties AS p ON p.id = a.party_id LEFT JOIN sources AS r ON r.id = a.reported_in
            WHERE a.topic_id = ? AND {visible} ORDER BY a.position
            """,
            (topic_id, *parameters),
        )
        links = self._rows(
            "SELECT l.from_id, l.to_id, l.relation FROM argument_links AS l "
            "WHERE l.from_id IN (SELECT id FROM arguments WHERE topic_id = ?)",
            (topic_id,),
        )
        quotes = self._rows(
            f"""
            SELECT aq.argument_id, quote.* FROM argument_quotes AS aq
            JOIN ({QUOTES}) AS quote ON quote.id = aq.quote_id
            WHERE aq.argument_id IN (SELECT id FROM arguments WHERE topic_id = ?)
            ORDER BY aq.argument_id, aq.position
            """,
            (topic_id,),
        )
        zone = self.zone()

        def linked(argument_id: str, relation: str) -> tuple[str, ...]:
            wanted = (argument_id, relation)
            return tuple(link["to_id"] for link in links if (link["from_id"], link["relation"]) == wanted)

        arguments = [
            Argument(
                id=row["id"],
                topic_id=row["topic_id"],
                side=row["side"],
                party_id=row["party_id"],
                party_name=row["party_name"],
                summary=row["summary"],
                quotes=tuple(self._quote(quote, zone) for quote in quotes if quote["argument_id"] == row["id"]),
                rebuts=linked(row["id"], "rebuts"),
                supports=linked(row["id"], "supports"),
                reported_in=source_label(row["report_outlet"], row["report_title"], ours=bool(row["report_title_ours"]))
                if row["report_title"]
                else None,
            )
            for row in rows
        ]
        return TopicDetail(topic, arrange(arguments))

    def quote(self, quote_id: str) -> QuoteDetail:
        quote = self._quote(self._one(f"{QUOTES} WHERE q.id = ?", (quote_id,), "quote"), self.zone())
        event = self._events(self._rows(f"{EVENTS} WHERE e.id = ?", (quote.event_id,))) if quote.event_id else []
        return QuoteDetail(
            quote=quote,
            source=self.source(quote.source_id).source,
            event=event[0] if event else None,
            arguments=self._argument_refs("SELECT argument_id FROM argument_quotes WHERE quote_id = ?", (quote_id,)),
        )

    def source(self, source_id: str, as_of: str | None = None) -> SourceDetail:
        """A source and what the record draws from it (as of a date, what was on the record by then)."""
        source = self._source(self._one(f"{SOURCES} WHERE s.id = ?", (source_id,), "source"))
        return SourceDetail(
            source=source,
            events=tuple(self.timeline(Filters(source=source_id, as_of=as_of))),
            quotes=tuple(self.quotes(Filters(source=source_id, as_of=as_of))),
        )

    def citation(self, kind: str, item_id: str) -> Citation:
        """The quote, event or source `item_id` cited as the brief cites it, with its first address (see
        store/citation.py). NotFound if the store does not hold it."""
        with self._reading() as db:
            found = read_citation(db, kind, item_id)
        if found is None:
            raise NotFound(f"no {kind} {item_id!r} in {self.path.name}")
        return found

    # Picking a record by name in the palette

    def find_events(self, text: str, limit: int = 100) -> tuple[list[TimelineEvent], bool]:
        """Every event if there are few enough for the palette to match them itself (True); else up to `limit`
        events whose title or summary has the words typed, or whose date starts with what was typed (False)."""
        if self.count("events") <= PICKABLE:
            return self.timeline(), True
        return self._events(
            self._rows(
                f"""{EVENTS} WHERE substr(e.occurred_at, 1, length(:typed)) = :typed
                OR e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :words LIMIT :limit)
                ORDER BY e.sort_key LIMIT :limit"""
                if plain_query(text)
                else f"{EVENTS} ORDER BY e.sort_key LIMIT :limit",
                {"typed": text.strip(), "words": plain_query(text), "limit": limit},
            )
        ), False

    def find_sources(self, text: str, limit: int = 100) -> tuple[list[Source], bool]:
        """Every source if there are few enough to match them in the palette (True); else up to `limit` whose
        outlet, title or author has the words typed (False)."""
        if self.count("sources") <= PICKABLE:
            return self.sources(), True
        words = plain_query(text)
        rows = (
            self._rows(
                f"{SOURCES} WHERE s.rowid IN (SELECT rowid FROM sources_fts WHERE sources_fts MATCH ? LIMIT ?) "
                "ORDER BY s.position",
                (words, limit),
            )
            if words
            else self._rows(f"{SOURCES} ORDER BY s.position LIMIT ?", (limit,))
        )
        return [self._source(row) for row in rows], False

    # Search

    def search(
        self, text: str, filters: Filters = NO_FILTERS, limit: int = 50, count: bool = True, whole_words: bool = False
    ) -> SearchResults:
        """Search quotes, events, arguments, topics, parties and sources for `text` (see store.search)."""
        with self._search_lock:
            try:
                connection = self._search_connection_open("_search_connection")
                return search(connection, text, filters, limit, count=count, whole_words=whole_words)
            except sqlite3.Error as err:
                if "interrupted" in str(err):
                    raise SearchInterrupted from None
                raise StoreError(self.path, f"cannot be searched ({err})", "check it with `parlertui check`") from err

    def search_at_once(
        self, text: str, filters: Filters = NO_FILTERS, limit: int = 12, budget: float = 0.015
    ) -> SearchResults | None:
        """The words of `text` matched whole (see store.search's `whole_words`), for the thread that asks: the
        index reads whole words lazily, so this is a first answer within a frame, read where it is shown. None if
        it is not ready in `budget` seconds (words that are common apart but rare together), or if another
        thread holds its connection: the worker's search answers instead."""
        if not self._at_once_lock.acquire(blocking=False):
            return None
        try:
            connection = self._search_connection_open("_at_once_connection")
            deadline = time.perf_counter() + budget
            connection.set_progress_handler(lambda: time.perf_counter() > deadline, 2000)
            try:
                return search(connection, text, filters, limit, whole_words=True)
            finally:
                connection.set_progress_handler(None, 0)
        except sqlite3.OperationalError as err:
            if "interrupted" in str(err):
                return None
            raise StoreError(self.path, f"cannot be searched ({err})", "check it with `parlertui check`") from err
        except sqlite3.Error as err:
            raise StoreError(self.path, f"cannot be searched ({err})", "check it with `parlertui check`") from err
        finally:
            self._at_once_lock.release()

    def prepare_search(self) -> None:
        """Open the search connections and read the full-text indexes' structure, so the first search a reader
        types does not wait for that. Once done, a no-op: it must not hold the connections a search is asking for."""
        if self._search_prepared:
            return
        self._search_prepared = True
        for lock, name in ((self._search_lock, "_search_connection"), (self._at_once_lock, "_at_once_connection")):
            with lock:
                try:
                    connection = self._search_connection_open(name)
                    for table in ("quotes", "events", "arguments", "topics", "parties", "sources"):
                        connection.execute(
                            f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH '\"parlertui\"' LIMIT 1"
                        ).fetchall()
                except (sqlite3.Error, StoreError):
                    pass  # the search itself will say what is wrong

    def interrupt_search(self) -> None:
        """Stop the search running now, if any (it raises SearchInterrupted in its thread)."""
        if self._search_connection is not None and not self._closed:
            self._search_connection.interrupt()

    # Rows to records

    def _events(self, rows: list[sqlite3.Row]) -> list[TimelineEvent]:
        zone = self.zone()
        events = []
        for row in rows:
            try:
                when = parse_when(row["occurred_at"])
                label, month = when.label(zone), when.heading(zone)
            except DateError:
                label = month = row["occurred_at"]
            events.append(
                TimelineEvent(
                    id=row["id"],
                    occurred_at=row["occurred_at"],
                    precision=row["precision"],
                    date_label=label,
                    kind=row["kind"],
                    title=row["title"],
                    summary=row["summary"],
                    sides=tuple(side for side in SIDES if side in (row["sides"] or "").split()),
                    month=month,
                )
            )
        return events

    def _quotes(self, sql: str, parameters: tuple[object, ...]) -> tuple[Quote, ...]:
        zone = self.zone()
        return tuple(self._quote(row, zone) for row in self._rows(sql, parameters))

    @staticmethod
    def _quote(row: sqlite3.Row, zone: ZoneInfo | None) -> Quote:
        return Quote(
            id=row["id"],
            text=row["text"],
            speaker_id=row["speaker_id"],
            speaker_name=row["speaker_name"],
            speaker_side=row["speaker_side"],
            source_id=row["source_id"],
            source_label=source_label(row["source_outlet"], row["source_title"], ours=bool(row["source_title_ours"])),
            said_on=date_label(row["said_on"], zone) if row["said_on"] else None,
            event_id=row["event_id"],
            context=row["context"],
            when=date_label(row["said_on"] or row["event_at"], zone) if row["said_on"] or row["event_at"] else None,
            frame=row["frame"],
            pin=row["pin"],
        )

    def _argument_refs(
        self,
        ids_sql: str,
        parameters: tuple[object, ...],
        as_of: str | None = None,
    ) -> tuple[ArgumentRef, ...]:
        visible, visible_parameters = arguments_on_record(as_of)
        rows = self._rows(
            f"{ARGUMENT_REFS} WHERE a.id IN ({ids_sql}) AND {visible} ORDER BY t.position, a.position",
            (*parameters, *visible_parameters),
        )
        return tuple(
            ArgumentRef(row["id"], row["topic_id"], row["topic_title"], row["side"], row["party_name"], row["summary"])
            for row in rows
        )

    def _source(self, row: sqlite3.Row) -> Source:
        via = (
            source_label(row["via_outlet"], row["via_title"], ours=bool(row["via_title_ours"]))
            if row["via_source_id"]
            else None
        )
        return Source(
            id=row["id"],
            kind=row["kind"],
            outlet=row["outlet"],
            title=row["title"],
            author=row["author"],
            published=date_label(row["published"], self.zone()) if row["published"] else None,
            url=row["url"],
            note=row["note"],
            via_id=row["via_source_id"],
            via_label=via,
            title_ours=bool(row["title_ours"]),
        )

    @staticmethod
    def _party(row: sqlite3.Row) -> Party:
        try:
            loaded = json.loads(row["aliases"] or "[]")
            aliases = tuple(str(alias) for alias in loaded) if isinstance(loaded, list) else ()
        except (ValueError, TypeError):
            aliases = ()
        return Party(
            id=row["id"],
            name=row["name"],
            kind=row["kind"],
            side=row["side"],
            description=row["description"],
            affiliation_id=row["affiliation_id"],
            affiliation_name=row["affiliation_name"],
            aliases=aliases,
        )

    @staticmethod
    def _topic(row: sqlite3.Row, as_of: str | None = None) -> Topic:
        sides = set((row["sides"] or "").split(","))
        known = outcome_known(row["outcome"], as_of)
        return Topic(
            row["id"],
            row["title"],
            row["question"],
            row["outcome"] if known else None,
            tuple(s for s in SIDES if s in sides),
            as_of=as_of,
            outcome_withheld=not known,
        )


def date_label(text: str, zone: ZoneInfo | None) -> str:
    """A stored date as a person reads it, in the home zone; the text as stored if it will not parse."""
    try:
        return parse_when(text).label(zone)
    except DateError:
        return text
