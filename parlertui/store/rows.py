"""The store's rows read into records: its one read connection, the SQL of each kind of record, and the conversion
of a row into the record it stands for (records.py). Queries (queries.py), paged lists (listing.py) and the name
widths (widths.py) all read through here.

A converter reads the columns its SQL names (`events_from` the columns of EVENTS, and so on) and takes the home
zone from its caller, read once per page, not once per row.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from zoneinfo import ZoneInfo

from parlertui.store.dates import DateError, parse_when
from parlertui.store.filters import outcome_known
from parlertui.store.open import StoreError, open_store
from parlertui.store.records import (
    Argument,
    ArgumentRef,
    Party,
    Quote,
    Side,
    Source,
    TimelineEvent,
    Topic,
    source_label,
)

# A list of sides is read as "place:id" words (`2:aws 1:parler`), put in the sides' order by ordered_sides.
EVENTS = """
    SELECT e.id, e.occurred_at, e.precision, e.kind, e.title, e.summary,
           (SELECT group_concat(sd.position || ':' || p.side, ' ')
            FROM event_parties AS ep JOIN parties AS p ON p.id = ep.party_id JOIN sides AS sd ON sd.id = p.side
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
           (SELECT group_concat(DISTINCT sd.position || ':' || a.side)
            FROM arguments AS a JOIN sides AS sd ON sd.id = a.side WHERE a.topic_id = t.id) AS sides
    FROM topics AS t
"""

SIDES = "SELECT id, name, mark, heading, aliases, deciding, colour_dark, colour_light FROM sides"

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


class Reader:
    """A store's read connection. Safe to share between threads: reads take turns on it. Every read error is a
    StoreError."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection = open_store(path)
        self._connection.row_factory = sqlite3.Row
        self._lock = threading.Lock()

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection, for this thread alone until the block ends."""
        with self._lock:
            try:
                yield self._connection
            except sqlite3.Error as err:
                raise StoreError(self.path, f"cannot be read ({err})", "check it with `parlertui check`") from err

    def rows(self, sql: str, parameters: tuple[object, ...] | dict[str, object] = ()) -> list[sqlite3.Row]:
        """Every row `sql` answers."""
        with self.reading() as db:
            return db.execute(sql, parameters).fetchall()

    def close(self) -> None:
        """Close the connection once no thread is reading on it; a read after this raises StoreError."""
        with self._lock:
            self._connection.close()


def date_label(text: str, zone: ZoneInfo | None) -> str:
    """A stored date as a person reads it, in the home zone; the text as stored if it will not parse."""
    try:
        return parse_when(text).label(zone)
    except DateError:
        return text


def ordered_sides(places: str | None, separator: str = " ") -> tuple[str, ...]:
    """The side ids of a list of "place:id" words, each once, in the sides' order."""
    found: dict[str, int] = {}
    for word in (places or "").split(separator):
        place, _, side = word.partition(":")
        if side and place.isdigit():
            found.setdefault(side, int(place))
    return tuple(sorted(found, key=found.__getitem__))


def events_from(rows: list[sqlite3.Row], zone: ZoneInfo | None) -> list[TimelineEvent]:
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
                sides=ordered_sides(row["sides"]),
                month=month,
            )
        )
    return events


def quote_from(row: sqlite3.Row, zone: ZoneInfo | None) -> Quote:
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


def quotes_from(rows: list[sqlite3.Row], zone: ZoneInfo | None) -> list[Quote]:
    return [quote_from(row, zone) for row in rows]


def source_from(row: sqlite3.Row, zone: ZoneInfo | None) -> Source:
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
        published=date_label(row["published"], zone) if row["published"] else None,
        url=row["url"],
        note=row["note"],
        via_id=row["via_source_id"],
        via_label=via,
        title_ours=bool(row["title_ours"]),
    )


def sources_from(rows: list[sqlite3.Row], zone: ZoneInfo | None) -> list[Source]:
    return [source_from(row, zone) for row in rows]


def party_from(row: sqlite3.Row) -> Party:
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


def side_from(row: sqlite3.Row) -> Side:
    return Side(
        row["id"],
        row["name"],
        row["mark"],
        row["heading"],
        _names(row["aliases"]),
        bool(row["deciding"]),
        row["colour_dark"],
        row["colour_light"],
    )


def _names(text: str | None) -> tuple[str, ...]:
    try:
        loaded = json.loads(text or "[]")
    except (ValueError, TypeError):
        return ()
    return tuple(str(name) for name in loaded) if isinstance(loaded, list) else ()


def party_tree(parties: list[Party], side_order: Sequence[str]) -> list[Party]:
    """`parties` (in the order of their side and position) by side, in `side_order` (the store's sides), each
    organisation followed by its members, a level deeper."""
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

    rank = {side: index for index, side in enumerate(side_order)}
    for side in side_order:
        for party in parties:
            affiliation = by_id.get(party.affiliation_id or "")
            if party.side == side and (affiliation is None or affiliation.side != side):
                place(party, 0)
    for party in sorted(parties, key=lambda party: rank.get(party.side, len(rank))):  # cycles: nothing is left out
        place(party, 0)
    return ordered


def topic_from(row: sqlite3.Row, deciding: str | None, as_of: str | None = None) -> Topic:
    """`deciding`: the deciding body's side, whose arguments among the topic's mean it ruled on it."""
    known = outcome_known(row["outcome"], as_of)
    sides = ordered_sides(row["sides"], ",")
    return Topic(
        row["id"],
        row["title"],
        row["question"],
        row["outcome"] if known else None,
        sides,
        as_of=as_of,
        outcome_withheld=not known,
        ruled=deciding is not None and deciding in sides,
    )


def argument_ref_from(row: sqlite3.Row) -> ArgumentRef:
    return ArgumentRef(row["id"], row["topic_id"], row["topic_title"], row["side"], row["party_name"], row["summary"])


def arguments_from(
    rows: list[sqlite3.Row], quotes: list[sqlite3.Row], links: list[sqlite3.Row], zone: ZoneInfo | None
) -> list[Argument]:
    """A topic's arguments (`rows`), each with its quotes (rows of QUOTES with their `argument_id`, in order) and
    the arguments it rebuts and supports (`links`: from_id, to_id, relation)."""

    def linked(argument_id: str, relation: str) -> tuple[str, ...]:
        wanted = (argument_id, relation)
        return tuple(link["to_id"] for link in links if (link["from_id"], link["relation"]) == wanted)

    return [
        Argument(
            id=row["id"],
            topic_id=row["topic_id"],
            side=row["side"],
            party_id=row["party_id"],
            party_name=row["party_name"],
            summary=row["summary"],
            quotes=tuple(quote_from(quote, zone) for quote in quotes if quote["argument_id"] == row["id"]),
            rebuts=linked(row["id"], "rebuts"),
            supports=linked(row["id"], "supports"),
            reported_in=source_label(row["report_outlet"], row["report_title"], ours=bool(row["report_title_ours"]))
            if row["report_title"]
            else None,
        )
        for row in rows
    ]
