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

import json
import random
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from operator import itemgetter
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from parlertui.store.build import write_atomically
from parlertui.store.counts import write_period_counts
from parlertui.store.dates import parse_when
from parlertui.store.schema import EVENT_KINDS, FULL_TEXT, SCHEMA_VERSION, SOURCE_KINDS, TABLE_ORDER, schema_sql

DEFAULT_EVENTS, DEFAULT_QUOTES = 100_000, 1_000_000
COMMON_WORD, UNCOMMON_WORD, RARE_WORD, MISSING_WORD = "platform", "subpoena", "zeppelin", "xylophone"
RARE_QUOTES = 5
ZONE = "America/Los_Angeles"
FIRST_DAY, DAYS = date(2017, 1, 1), 8 * 365

META = {
    "id": "synthetic-parler-v-aws",
    "title": "Parler LLC v. Amazon Web Services, Inc. (synthetic)",
    "short_title": "Parler v. AWS (synthetic)",
    "court": "U.S. District Court for the Western District of Washington",
    "case_number": "2:21-cv-00031-BJR",
    "related_cases": json.dumps(["King County Superior Court No. 21-2-02856-6 SEA"]),
    "timezone": ZONE,
}

PROPER = "Parler AWS Amazon Twitter Apple Google Reuters".split()
SUBJECTS = (
    "the court|the company|counsel|our team|the plaintiff|the defendant|the judge|users|moderators|"
    "the board|engineers|investors|the agency|reporters|critics|supporters|the host|the clerk"
).split("|")
VERBS = (
    "suspended|reviewed|removed|disputed|reported|denied|challenged|restored|ignored|flagged|defended|"
    "questioned|described|cited|rejected|accepted|examined|announced|delayed|explained|warned about|"
    "argued over|pointed to|relied on|complained about|weighed|summarised|published|refused|welcomed"
).split("|")
ADJECTIVES = (
    "violent harmful lawful timely public private contractual urgent written former conservative "
    "competing automated manual repeated serious unfair reasonable immediate earlier sudden technical "
    "commercial political independent specific broad narrow alleged final hostile quiet costly"
).split()
NOUNS = (
    "content account contract notice policy post server hosting service agreement complaint injunction "
    "motion ruling evidence conspiracy moderation backlog email statement deadline outage audience market "
    "competitor terms violation threat report message data customer lawsuit hearing filing order claim "
    "damage rule process review network capacity migration security community speech election app "
    "website outlet memo letter transcript exhibit declaration"
).split()
PREPOSITIONS = "before after during despite under against without beyond within about".split()
WHEN_PHRASES = (
    "on Friday|last week|in January|overnight|for months|within a day|by the deadline|"
    "at the hearing|in the filing|in its reply|the next morning|that weekend"
).split("|")
FIRST_NAMES = (
    "Alex Barbara Carl Dana Elena Frank Grace Hugo Iris John Karen Leo Maya Nora Omar Paula Quinn Rosa "
    "Sam Tara Uma Victor Wendy Yusuf Zoe Amy Brian Chloe David Emma"
).split()
SURNAMES = (
    "Matze Peikoff Rothstein Hartwell Okafor Lindqvist Moreau Tanaka Alvarez Brennan CastilloDuarte "
    "Eriksen Fairbanks Gallo Haddad Ivers Jaramillo Kowalski Larkin Mbeki Novak Ostrom Pike Quarles "
    "Renner Sato Thorne Ueda Vance Whitlock Yardley Zeller"
).split()
ORG_SUFFIXES = ["LLC", "Inc.", "Group", "Partners", "Media", "Hosting", "Capital", "Foundation"]
COURT_NAMES = ["U.S. District Court", "Superior Court", "Court of Appeals", "Magistrate's Office"]
OUTLETS = [
    "Reuters",
    "NPR",
    "The Verge",
    "Ars Technica",
    "Law360",
    "Courthouse News",
    "The Seattle Times",
    "TechCrunch",
    "Bloomberg",
    "Associated Press",
]
ROLES = ["party", "plaintiff", "defendant", "judge", "counsel", "sender", "recipient", "speaker", "host", "subject"]
OFFSETS = ["-08:00", "-07:00", "-05:00", "Z", "+01:00"]
KINDS_OF_ORG = {"parler": "company", "aws": "company", "court": "court", "other": "group"}
SIDE_WEIGHTS = {"parler": 3, "aws": 3, "court": 1, "other": 3}

# Each table's columns in the order its generated rows give them.
COLUMNS = {
    "meta": ("key", "value"),
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
    target: Path, events: int = DEFAULT_EVENTS, quotes: int = DEFAULT_QUOTES, seed: int = 0, *, force: bool = False
) -> SynthResult:
    """Write a synthetic store of `events` events and `quotes` quotes at `target`.

    Raises ValueError for a negative count, OutputError if `target` exists (unless `force`) or cannot be written.
    """
    if events < 0 or quotes < 0:
        raise ValueError("the numbers of events and quotes must be 0 or more")
    target = Path(target)
    started = time.perf_counter()
    tables = _Synth(random.Random(seed), events, quotes).tables()
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


class _Synth:
    """Makes every table's rows from one random generator, in table order, so a seed fixes them all."""

    def __init__(self, rng: random.Random, events: int, quotes: int) -> None:
        self.rng, self.events, self.quotes = rng, events, quotes
        self.zone = ZoneInfo(ZONE)
        self.plain = [self._sentence() for _ in range(8192)]
        self.common = [self._sentence(COMMON_WORD) for _ in range(8192)]
        self.party_count = max(24, events // 200)
        self.source_count = max(12, events // 10)
        self.topic_count = max(3, events // 2000)
        self.event_width = max(5, len(str(events - 1)))
        self.quote_width = max(5, len(str(quotes - 1)))

    def tables(self) -> Iterator[tuple[str, Iterable[tuple[Any, ...]]]]:
        yield "meta", list(META.items())
        yield "sources", self._sources()
        parties = self._parties()
        yield "parties", parties
        self.sides = [row[3] for row in parties]
        self.speakers = [index for index, row in enumerate(parties) for _ in range(4 if row[2] == "person" else 1)]
        events = self._events()
        yield "events", events
        yield "event_parties", self._event_parties()
        yield "event_sources", self._event_sources()
        yield "quotes", self._quotes([(row[0], row[1], row[2], row[6]) for row in events])
        yield "topics", self._topics()
        arguments = self._arguments()
        yield "arguments", arguments
        yield "argument_quotes", self._argument_quotes(arguments)
        yield "argument_links", self._argument_links(arguments)

    # Words

    def _subject(self, start: bool) -> str:
        rng = self.rng
        subject = rng.choice(PROPER) if rng.random() < 0.4 else rng.choice(SUBJECTS)
        return subject[0].upper() + subject[1:] if start else subject

    def _sentence(self, noun: str | None = None) -> str:
        rng = self.rng
        noun = noun or rng.choice(NOUNS)
        form = rng.randrange(4)
        if form == 0:
            return (
                f"{self._subject(True)} {rng.choice(VERBS)} the {rng.choice(ADJECTIVES)} {noun} "
                f"{rng.choice(PREPOSITIONS)} the {rng.choice(NOUNS)}."
            )
        if form == 1:
            return f"The {rng.choice(ADJECTIVES)} {noun} was {rng.choice(VERBS)} {rng.choice(WHEN_PHRASES)}."
        if form == 2:
            return (
                f"We {rng.choice(VERBS)} every {noun} that {self._subject(False)} {rng.choice(VERBS)} "
                f"{rng.choice(WHEN_PHRASES)}."
            )
        return (
            f"{self._subject(True)} said the {noun} {rng.choice(PREPOSITIONS)} the {rng.choice(NOUNS)} was "
            f"{rng.choice(ADJECTIVES)}."
        )

    def _text(self, sentences: int) -> str:
        return " ".join(self.plain[self.rng.getrandbits(13)] for _ in range(sentences))

    def _name(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(SURNAMES)}"

    def _day(self) -> date:
        return FIRST_DAY + timedelta(days=self.rng.randrange(DAYS))

    # Tables

    def _sources(self) -> list[tuple[Any, ...]]:
        rng, rows = self.rng, []
        for index in range(self.source_count):
            kind = rng.choice(SOURCE_KINDS)
            outlet = rng.choice(OUTLETS) if kind == "news" else None
            via = f"source-{rng.randrange(index):06d}" if index and rng.random() < 0.1 else None
            published = self._day().isoformat() if rng.random() < 0.9 else None
            rows.append(
                (
                    f"source-{index:06d}",
                    kind,
                    outlet,
                    self._sentence().rstrip("."),
                    self._name() if rng.random() < 0.6 else None,
                    published,
                    f"https://example.org/record/{index}" if rng.random() < 0.7 else None,
                    via,
                    index + 1,
                )
            )
        return rows

    def _parties(self) -> list[tuple[Any, ...]]:
        rng = self.rng
        rows: list[tuple[str, str, str, str, str, str | None, str, int]] = [
            ("parler", "Parler LLC", "company", "parler", "The plaintiff, a microblogging company.", None, "[]", 1),
            (
                "aws",
                "Amazon Web Services, Inc.",
                "company",
                "aws",
                "The defendant, a hosting company.",
                None,
                json.dumps(["AWS"]),
                2,
            ),
            (
                "court",
                "U.S. District Court, W.D. Wash.",
                "court",
                "court",
                "The court hearing the case.",
                None,
                "[]",
                3,
            ),
            ("twitter", "Twitter, Inc.", "company", "other", "A social network named in the claim.", None, "[]", 4),
        ]
        organisations = {side: [row[0] for row in rows if row[3] == side] for side in SIDE_WEIGHTS}
        sides = [side for side, weight in SIDE_WEIGHTS.items() for _ in range(weight)]
        for index in range(len(rows), self.party_count):
            side, party_id = rng.choice(sides), f"party-{index:05d}"
            if rng.random() < 0.2:
                name = (
                    rng.choice(COURT_NAMES) if side == "court" else f"{rng.choice(SURNAMES)} {rng.choice(ORG_SUFFIXES)}"
                )
                rows.append((party_id, name, KINDS_OF_ORG[side], side, self._sentence(), None, "[]", index + 1))
                organisations[side].append(party_id)
            else:
                employer = rng.choice(organisations[side])
                aliases = json.dumps([self._name()]) if rng.random() < 0.1 else "[]"
                rows.append((party_id, self._name(), "person", side, self._sentence(), employer, aliases, index + 1))
        return rows

    def _when(self) -> str:
        rng, day = self.rng, self._day()
        chance = rng.random()
        if chance < 0.85:
            return day.isoformat()
        if chance < 0.97:
            return f"{day.isoformat()}T{rng.randrange(24):02d}:{rng.randrange(60):02d}{rng.choice(OFFSETS)}"
        return day.isoformat()[:7]

    def _events(self) -> list[tuple[Any, ...]]:
        rng = self.rng
        dated = sorted(
            (when.sort_key(self.zone), when.text, when.precision)
            for when in (parse_when(self._when()) for _ in range(self.events))
        )
        rows = []
        for index, (key, text, precision) in enumerate(dated):
            title = f"{self._subject(True)} {rng.choice(VERBS)} the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
            rows.append(
                (
                    self._event_id(index),
                    text,
                    precision,
                    title,
                    self._text(1 + rng.getrandbits(1)),
                    rng.choice(EVENT_KINDS),
                    f"{key} {index:0{self.event_width}d}",
                )
            )
        return rows

    def _event_id(self, index: int) -> str:
        return f"event-{index:0{self.event_width}d}"

    def _quote_id(self, index: int) -> str:
        return f"quote-{index:0{self.quote_width}d}"

    def _event_parties(self) -> Iterator[tuple[Any, ...]]:
        rng = self.rng
        for index in range(self.events):
            for position, party in enumerate(rng.sample(range(self.party_count), 1 + rng.getrandbits(2)), 1):
                yield self._event_id(index), self._party_id(party), rng.choice(ROLES), position

    def _party_id(self, index: int) -> str:
        return ("parler", "aws", "court", "twitter")[index] if index < 4 else f"party-{index:05d}"

    def _event_sources(self) -> Iterator[tuple[Any, ...]]:
        rng = self.rng
        for index in range(self.events):
            for position, source in enumerate(rng.sample(range(self.source_count), 1 + rng.randrange(3)), 1):
                yield self._event_id(index), f"source-{source:06d}", position

    def _quotes(self, events: list[tuple[str, str, str, str]]) -> Iterator[tuple[Any, ...]]:
        """Quotes in time order: mostly of an event (said then, or on its day), some said on a day of their own."""
        rng = self.rng
        plan: list[tuple[str, str | None, str | None]] = []
        for _ in range(self.quotes):
            if events and rng.random() < 0.9:
                event_id, occurred_at, precision, sort_key = events[rng.randrange(len(events))]
                if precision != "month" and rng.random() < 0.25:
                    plan.append((occurred_at[:10], event_id, occurred_at[:10]))
                else:
                    plan.append((sort_key.rsplit(" ", 1)[0], event_id, None))
            else:
                day = self._day().isoformat()
                plan.append((day, None, day))
        plan.sort(key=itemgetter(0))  # stable, so equal moments keep the order they were drawn in
        rare = set(rng.sample(range(self.quotes), min(RARE_QUOTES, self.quotes)))
        width = self.quote_width
        for index, (moment, of_event, said_on) in enumerate(plan):
            parts = [(self.common if rng.random() < 0.95 else self.plain)[rng.getrandbits(13)]]
            parts.extend(self.plain[rng.getrandbits(13)] for _ in range((0, 1, 1, 2)[rng.getrandbits(2)]))
            if rng.random() < 0.01:
                parts.append(f"The {UNCOMMON_WORD} {rng.choice(VERBS)} the {rng.choice(NOUNS)}.")
            if index in rare:
                parts.append(f"Nobody expected the {RARE_WORD}.")
            # Every synthetic source may be a report, and a reported quote says "as quoted" (record_rules).
            context = f"In the {rng.choice(NOUNS)}, as quoted." if rng.random() < 0.05 else "As quoted."
            yield (
                self._quote_id(index),
                " ".join(parts),
                self._party_id(rng.choice(self.speakers)),
                f"source-{rng.randrange(self.source_count):06d}",
                of_event,
                said_on,
                said_on and "day",
                context,
                f"{moment} {index:0{width}d}",
            )

    def _topics(self) -> list[tuple[Any, ...]]:
        rng = self.rng
        return [
            (
                f"topic-{index:04d}",
                f"The {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}",
                f"Did {rng.choice(PROPER)} breach the {rng.choice(NOUNS)} by its {rng.choice(NOUNS)}?",
                self._sentence() if rng.random() < 0.7 else None,
                index + 1,
            )
            for index in range(self.topic_count)
        ]

    def _arguments(self) -> list[tuple[Any, ...]]:
        rng, rows = self.rng, []
        by_side = {side: [index for index, party in enumerate(self.sides) if party == side] for side in SIDE_WEIGHTS}
        for topic in range(self.topic_count):
            sides = ["parler", "aws", *rng.choices(["parler", "aws", "other"], k=rng.randrange(1, 7)), "court"]
            for position, side in enumerate(sides, 1):
                party = self._party_id(rng.choice(by_side[side]))
                rows.append(
                    (
                        f"argument-{topic:04d}-{position:02d}",
                        f"topic-{topic:04d}",
                        party,
                        side,
                        self._text(1 + rng.getrandbits(1)),
                        position,
                    )
                )
        return rows

    def _argument_quotes(self, arguments: list[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
        for argument in arguments:
            picked = self.rng.sample(range(self.quotes), min(self.quotes, 1 + self.rng.randrange(3)))
            for position, quote in enumerate(picked, 1):
                yield argument[0], self._quote_id(quote), position

    def _argument_links(self, arguments: list[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
        """Each argument after a topic's first rebuts an earlier one of another side; some support one of theirs."""
        rng = self.rng
        earlier: list[tuple[str, str]] = []
        for argument_id, _, _, side, _, position in arguments:
            if position == 1:
                earlier = []
            others = [row for row in earlier if row[1] != side]
            if others:
                yield argument_id, rng.choice(others)[0], "rebuts"
            allies = [row for row in earlier if row[1] == side]
            if allies and rng.random() < 0.5:
                yield argument_id, rng.choice(allies)[0], "supports"
            earlier.append((argument_id, side))
