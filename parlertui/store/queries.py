"""Read-only queries over a store, returning plain records. The only module the app asks for data."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from parlertui.store.dates import home_zone
from parlertui.store.debate import arrange, columns_of
from parlertui.store.filters import (
    NO_FILTERS,
    Filters,
    arguments_on_record,
    event_conditions,
    quote_conditions,
    quotes_on_record,
    where_clause,
)
from parlertui.store.records import (
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
)
from parlertui.store.rows import (
    ARGUMENT_REFS,
    EVENTS,
    PARTIES,
    QUOTES,
    SOURCES,
    TOPICS,
    Reader,
    argument_ref_from,
    arguments_from,
    date_label,
    SIDES,
    events_from,
    party_from,
    party_tree,
    quote_from,
    quotes_from,
    source_from,
    sources_from,
    side_from,
    topic_from,
)

if TYPE_CHECKING:
    from parlertui.store.citation import Citation
    from parlertui.store.search import SearchResults, SearchSession

__all__ = ["Dispute", "NotFound", "Store", "TimelineEvent", "date_label"]

PICKABLE = 2000
"""Up to this many sources are listed whole for the filter dialog and the palette to pick from."""


class NotFound(LookupError):
    """The store has no record with that id."""


class Store:
    """A store opened read-only. Safe to share between threads: reads take turns on one connection (`reader`,
    store/rows.py); searches run on their own (`searches`, store/search.py).

    Every read error is a StoreError; asking for an id the store does not hold is NotFound.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.reader = Reader(self.path)
        self._searches: SearchSession | None = None
        self._searches_made = threading.Lock()
        self._closed = False
        self._dispute: Dispute | None = None

    @property
    def searches(self) -> SearchSession:
        """The store's search session, made at the first search or `prepare_search`: the first screen needs no
        search, and the search modules' import is a few ms of the start."""
        with self._searches_made:
            if self._searches is None:
                from parlertui.store.search import SearchSession

                self._searches = SearchSession(self.path)
                if self._closed:
                    self._searches.close()  # its searches raise StoreError, as a closed store's reads do
            return self._searches

    def close(self) -> None:
        """Close every connection, each once no thread is reading on it: closing a connection in the middle of
        another thread's read crashes the process (seen when the app quit as search was being readied). A read
        asked for after this raises StoreError."""
        with self._searches_made:
            self._closed = True
            searches = self._searches
        if searches is not None:
            searches.close()
        self.reader.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _one(self, sql: str, parameters: tuple[object, ...], what: str) -> sqlite3.Row:
        rows = self.reader.rows(sql, parameters)
        if not rows:
            raise NotFound(f"no {what} {parameters[0]!r} in {self.path.name}")
        return rows[0]

    # The dispute and the lists the app shows up front

    def dispute(self) -> Dispute:
        if self._dispute is None:
            meta = {row["key"]: row["value"] for row in self.reader.rows("SELECT key, value FROM meta")}
            title = meta.get("title") or self.path.name
            self._dispute = Dispute(
                id=meta.get("id", ""),
                title=title,
                short_title=meta.get("short_title") or title,
                court=meta.get("court", ""),
                case_number=meta.get("case_number", ""),
                timezone=meta.get("timezone", ""),
                summary=meta.get("summary", ""),
                sides=tuple(side_from(row) for row in self.reader.rows(f"{SIDES} ORDER BY position")),
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
        counted: int = self.reader.rows(f"SELECT count(*) FROM {table}")[0][0]
        return counted

    def timeline(self, filters: Filters = NO_FILTERS) -> list[TimelineEvent]:
        """The events `filters` let through (all of them by default), in true order."""
        conditions, parameters = event_conditions(filters)
        rows = self.reader.rows(f"{EVENTS} {where_clause(conditions)} ORDER BY e.sort_key", tuple(parameters))
        return events_from(rows, self.zone())

    def quotes(self, filters: Filters = NO_FILTERS) -> list[Quote]:
        """The quotes `filters` let through, in the order they were said (undated ones last)."""
        conditions, parameters = quote_conditions(filters)
        rows = self.reader.rows(f"{QUOTES} {where_clause(conditions)} ORDER BY q.sort_key", tuple(parameters))
        return quotes_from(rows, self.zone())

    def sources(self) -> list[Source]:
        """Every source, in the dataset's order."""
        return sources_from(self.reader.rows(f"{SOURCES} ORDER BY s.position"), self.zone())

    def parties(self) -> list[Party]:
        """Every party, by side (in the sides' order), each organisation followed by its members."""
        parties = [party_from(row) for row in self.reader.rows(f"{PARTIES} ORDER BY p.side, p.position")]
        return party_tree(parties, [side.id for side in self.dispute().sides])

    def topics(self, as_of: str | None = None) -> list[Topic]:
        """Every topic; as of a date, marked with the sides whose arguments were on the record by then."""
        if as_of is None:
            return [
                topic_from(row, self.dispute().deciding) for row in self.reader.rows(f"{TOPICS} ORDER BY t.position")
            ]
        visible, parameters = arguments_on_record(as_of)
        rows = self.reader.rows(
            f"""
            SELECT t.id, t.title, t.question, t.outcome,
                   (SELECT group_concat(DISTINCT sd.position || ':' || a.side)
                    FROM arguments AS a JOIN sides AS sd ON sd.id = a.side
                    WHERE a.topic_id = t.id AND {visible}) AS sides
            FROM topics AS t ORDER BY t.position
            """,
            parameters,
        )
        return [topic_from(row, self.dispute().deciding, as_of) for row in rows]

    # One record in full

    def event(self, event_id: str, as_of: str | None = None) -> EventDetail:
        """An event in full; as of a date, only the quotes and arguments on the record by then."""
        event = events_from([self._one(f"{EVENTS} WHERE e.id = ?", (event_id,), "event")], self.zone())[0]
        said, said_parameters = quotes_on_record(as_of)
        parties = self.reader.rows(
            """
            SELECT p.id, p.name, p.side, ep.role FROM event_parties AS ep JOIN parties AS p ON p.id = ep.party_id
            WHERE ep.event_id = ? ORDER BY ep.position
            """,
            (event_id,),
        )
        sources = self.reader.rows(
            f"{SOURCES} JOIN event_sources AS es ON es.source_id = s.id WHERE es.event_id = ? ORDER BY es.position",
            (event_id,),
        )
        return EventDetail(
            event=event,
            parties=tuple(PartyRole(row["id"], row["name"], row["side"], row["role"]) for row in parties),
            quotes=self._quotes(
                f"{QUOTES} WHERE q.event_id = ? AND {said} ORDER BY q.sort_key", (event_id, *said_parameters)
            ),
            sources=tuple(sources_from(sources, self.zone())),
            arguments=self._argument_refs(
                "SELECT aq.argument_id FROM argument_quotes AS aq JOIN quotes AS q ON q.id = aq.quote_id "
                "WHERE q.event_id = ?",
                (event_id,),
                as_of,
            ),
        )

    def party(self, party_id: str, as_of: str | None = None) -> PartyDetail:
        """A party in full; as of a date, only its events, quotes and arguments on the record by then."""
        party = party_from(self._one(f"{PARTIES} WHERE p.id = ?", (party_id,), "party"))
        members = self.reader.rows(f"{PARTIES} WHERE p.affiliation_id = ? ORDER BY p.position", (party_id,))
        return PartyDetail(
            party=party,
            members=tuple(party_from(row) for row in members),
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
            topic = topic_from(self._one(f"{TOPICS} WHERE t.id = ?", (topic_id,), "topic"), self.dispute().deciding)
        else:
            on_record = next((t for t in self.topics(as_of) if t.id == topic_id), None)
            if on_record is None:
                raise NotFound(f"no topic {topic_id!r} in {self.path.name}")
            topic = on_record
        visible, parameters = arguments_on_record(as_of)
        rows = self.reader.rows(
            f"""
            SELECT a.id, a.topic_id, a.side, a.party_id, p.name AS party_name, a.summary,
                   r.outlet AS report_outlet, r.title AS report_title, r.title_ours AS report_title_ours
            FROM arguments AS a JOIN parties AS p ON p.id = a.party_id LEFT JOIN sources AS r ON r.id = a.reported_in
            WHERE a.topic_id = ? AND {visible} ORDER BY a.position
            """,
            (topic_id, *parameters),
        )
        links = self.reader.rows(
            "SELECT l.from_id, l.to_id, l.relation FROM argument_links AS l "
            "WHERE l.from_id IN (SELECT id FROM arguments WHERE topic_id = ?)",
            (topic_id,),
        )
        quotes = self.reader.rows(
            f"""
            SELECT aq.argument_id, quote.* FROM argument_quotes AS aq
            JOIN ({QUOTES}) AS quote ON quote.id = aq.quote_id
            WHERE aq.argument_id IN (SELECT id FROM arguments WHERE topic_id = ?)
            ORDER BY aq.argument_id, aq.position
            """,
            (topic_id,),
        )
        arguments = arguments_from(rows, quotes, links, self.zone())
        sides = self.dispute().sides
        return TopicDetail(topic, arrange(arguments, sides), *columns_of(arguments, sides))

    def quote(self, quote_id: str) -> QuoteDetail:
        quote = quote_from(self._one(f"{QUOTES} WHERE q.id = ?", (quote_id,), "quote"), self.zone())
        event = (
            events_from(self.reader.rows(f"{EVENTS} WHERE e.id = ?", (quote.event_id,)), self.zone())
            if quote.event_id
            else []
        )
        return QuoteDetail(
            quote=quote,
            source=self.source(quote.source_id).source,
            event=event[0] if event else None,
            arguments=self._argument_refs("SELECT argument_id FROM argument_quotes WHERE quote_id = ?", (quote_id,)),
        )

    def source(self, source_id: str, as_of: str | None = None) -> SourceDetail:
        """A source and what the record draws from it (as of a date, what was on the record by then)."""
        source = source_from(self._one(f"{SOURCES} WHERE s.id = ?", (source_id,), "source"), self.zone())
        return SourceDetail(
            source=source,
            events=tuple(self.timeline(Filters(source=source_id, as_of=as_of))),
            quotes=tuple(self.quotes(Filters(source=source_id, as_of=as_of))),
        )

    def citation(self, kind: str, item_id: str) -> Citation:
        """The quote, event or source `item_id` cited as the brief cites it, with its first address (see
        store/citation.py). NotFound if the store does not hold it."""
        from parlertui.store.citation import read_citation

        with self.reader.reading() as db:
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
        from parlertui.store.search import plain_query

        rows = self.reader.rows(
            f"""{EVENTS} WHERE substr(e.occurred_at, 1, length(:typed)) = :typed
            OR e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :words LIMIT :limit)
            ORDER BY e.sort_key LIMIT :limit"""
            if plain_query(text)
            else f"{EVENTS} ORDER BY e.sort_key LIMIT :limit",
            {"typed": text.strip(), "words": plain_query(text), "limit": limit},
        )
        return events_from(rows, self.zone()), False

    def find_sources(self, text: str, limit: int = 100) -> tuple[list[Source], bool]:
        """Every source if there are few enough to match them in the palette (True); else up to `limit` whose
        outlet, title or author has the words typed (False)."""
        if self.count("sources") <= PICKABLE:
            return self.sources(), True
        from parlertui.store.search import plain_query

        words = plain_query(text)
        rows = (
            self.reader.rows(
                f"{SOURCES} WHERE s.rowid IN (SELECT rowid FROM sources_fts WHERE sources_fts MATCH ? LIMIT ?) "
                "ORDER BY s.position",
                (words, limit),
            )
            if words
            else self.reader.rows(f"{SOURCES} ORDER BY s.position LIMIT ?", (limit,))
        )
        return sources_from(rows, self.zone()), False

    # Search, in the store's search session (store/search.py)

    def search(
        self, text: str, filters: Filters = NO_FILTERS, limit: int = 50, count: bool = True, whole_words: bool = False
    ) -> SearchResults:
        """Search quotes, events, arguments, topics, parties and sources for `text` (see SearchSession.search)."""
        return self.searches.search(text, filters, limit, count, whole_words)

    def search_at_once(
        self, text: str, filters: Filters = NO_FILTERS, limit: int = 12, budget: float = 0.015
    ) -> SearchResults | None:
        """A first answer of whole words for the thread that asks, or None (see SearchSession.at_once)."""
        return self.searches.at_once(text, filters, limit, budget)

    def prepare_search(self) -> None:
        """Ready the search connections, so the first search does not wait for that (SearchSession.prepare)."""
        self.searches.prepare()

    def interrupt_search(self) -> None:
        """Stop the search running now, if any (it raises SearchInterrupted in its thread)."""
        self.searches.interrupt()

    # Helpers of the reads above

    def _quotes(self, sql: str, parameters: tuple[object, ...]) -> tuple[Quote, ...]:
        zone = self.zone()
        return tuple(quotes_from(self.reader.rows(sql, parameters), zone))

    def _argument_refs(
        self,
        ids_sql: str,
        parameters: tuple[object, ...],
        as_of: str | None = None,
    ) -> tuple[ArgumentRef, ...]:
        visible, visible_parameters = arguments_on_record(as_of)
        rows = self.reader.rows(
            f"{ARGUMENT_REFS} WHERE a.id IN ({ids_sql}) AND {visible} ORDER BY t.position, a.position",
            (*parameters, *visible_parameters),
        )
        return tuple(argument_ref_from(row) for row in rows)
