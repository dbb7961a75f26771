"""The rows of a synthetic store's tables (see synth.py): the parties on every side, people under organisations;
dated events and the quotes said at them; sources, some held only as quoted in another; topics whose arguments
rebut and support each other."""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator
from operator import itemgetter
from typing import Any
from zoneinfo import ZoneInfo

from parlertui.store.dates import parse_when
from parlertui.store.schema import EVENT_KINDS, SOURCE_KINDS
from parlertui.store.synth_words import (
    ADJECTIVES,
    COURT_NAMES,
    NOUNS,
    ORG_SUFFIXES,
    PROPER,
    RARE_WORD,
    SURNAMES,
    UNCOMMON_WORD,
    VERBS,
    Words,
)

RARE_QUOTES = 5
"""How many quotes hold RARE_WORD (every quote if there are fewer)."""
ZONE = "America/Los_Angeles"

DEFAULT_SIDES = 2
"""Sides that argue in a synthetic store, besides the court that decides."""


def meta(sides: int) -> dict[str, str]:
    return {
        "id": "synthetic",
        "title": f"A synthetic dispute of {sides} sides and a court",
        "short_title": f"Synthetic dispute ({sides} sides)",
        "court": "A synthetic court",
        "case_number": "0:00-cv-00000",
        "related_cases": json.dumps(["A synthetic related case"]),
        "timezone": ZONE,
    }


def side_ids(sides: int) -> list[str]:
    """The arguing sides' ids, then the court's."""
    return [*(f"side-{number}" for number in range(1, sides + 1)), "court"]


def side_rows(sides: int) -> list[tuple[Any, ...]]:
    """id, name, mark, heading, aliases, deciding, colours, position: sides 1, 2, … marked 1-9 then A, B, D, E, F,
    G; the court, which decides, marked C."""
    marks = "123456789ABDEFG"
    rows: list[tuple[Any, ...]] = [
        (side, f"Side {number}", marks[number - 1], f"Side {number}", "[]", 0, None, None, number)
        for number, side in enumerate(side_ids(sides)[:-1], 1)
    ]
    rows.append(("court", "Court", "C", "The courts", "[]", 1, None, None, sides + 1))
    return rows


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


class SynthRows:
    """Makes every table's rows from one random generator, in table order, so a seed fixes them all."""

    def __init__(self, rng: random.Random, events: int, quotes: int, sides: int = DEFAULT_SIDES) -> None:
        self.rng, self.events, self.quotes = rng, events, quotes
        self.side_count = sides
        self.arguing = side_ids(sides)[:-1]
        self.zone = ZoneInfo(ZONE)
        self.words = Words(rng)
        self.party_count = max(24, events // 200)
        self.source_count = max(12, events // 10)
        self.topic_count = max(3, events // 2000)
        self.event_width = max(5, len(str(events - 1)))
        self.quote_width = max(5, len(str(quotes - 1)))

    def tables(self) -> Iterator[tuple[str, Iterable[tuple[Any, ...]]]]:
        yield "meta", list(meta(self.side_count).items())
        yield "sides", side_rows(self.side_count)
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

    # Tables

    def _sources(self) -> list[tuple[Any, ...]]:
        rng, rows = self.rng, []
        for index in range(self.source_count):
            kind = rng.choice(SOURCE_KINDS)
            outlet = rng.choice(OUTLETS) if kind == "news" else None
            via = f"source-{rng.randrange(index):06d}" if index and rng.random() < 0.1 else None
            published = self.words.day().isoformat() if rng.random() < 0.9 else None
            rows.append(
                (
                    f"source-{index:06d}",
                    kind,
                    outlet,
                    self.words.sentence().rstrip("."),
                    self.words.name() if rng.random() < 0.6 else None,
                    published,
                    f"https://example.org/record/{index}" if rng.random() < 0.7 else None,
                    via,
                    index + 1,
                )
            )
        return rows

    def _parties(self) -> list[tuple[Any, ...]]:
        """Each side's lead organisation first (the court's is the court), then organisations and people, each
        arguing side three times as likely as the court."""
        rng = self.rng
        rows: list[tuple[str, str, str, str, str, str | None, str, int]] = []
        for side in side_ids(self.side_count):
            name = rng.choice(COURT_NAMES) if side == "court" else f"{rng.choice(SURNAMES)} {rng.choice(ORG_SUFFIXES)}"
            kind = "court" if side == "court" else "company"
            rows.append((self._party_id(len(rows)), name, kind, side, self.words.sentence(), None, "[]", len(rows) + 1))
        organisations = {row[3]: [row[0]] for row in rows}
        weighted = [side for side in self.arguing for _ in range(3)] + ["court"]
        for index in range(len(rows), self.party_count):
            side, party_id = rng.choice(weighted), self._party_id(index)
            if rng.random() < 0.2:
                name = (
                    rng.choice(COURT_NAMES) if side == "court" else f"{rng.choice(SURNAMES)} {rng.choice(ORG_SUFFIXES)}"
                )
                kind = "court" if side == "court" else rng.choice(("company", "group"))
                rows.append((party_id, name, kind, side, self.words.sentence(), None, "[]", index + 1))
                organisations[side].append(party_id)
            else:
                employer = rng.choice(organisations[side])
                aliases = json.dumps([self.words.name()]) if rng.random() < 0.1 else "[]"
                rows.append(
                    (party_id, self.words.name(), "person", side, self.words.sentence(), employer, aliases, index + 1)
                )
        return rows

    def _when(self) -> str:
        rng, day = self.rng, self.words.day()
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
            title = f"{self.words.subject(True)} {rng.choice(VERBS)} the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
            rows.append(
                (
                    self._event_id(index),
                    text,
                    precision,
                    title,
                    self.words.text(1 + rng.getrandbits(1)),
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
        return f"party-{index:05d}"

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
                day = self.words.day().isoformat()
                plan.append((day, None, day))
        plan.sort(key=itemgetter(0))  # stable, so equal moments keep the order they were drawn in
        rare = set(rng.sample(range(self.quotes), min(RARE_QUOTES, self.quotes)))
        width = self.quote_width
        for index, (moment, of_event, said_on) in enumerate(plan):
            parts = [(self.words.common if rng.random() < 0.95 else self.words.plain)[rng.getrandbits(13)]]
            parts.extend(self.words.plain[rng.getrandbits(13)] for _ in range((0, 1, 1, 2)[rng.getrandbits(2)]))
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
                self.words.sentence() if rng.random() < 0.7 else None,
                index + 1,
            )
            for index in range(self.topic_count)
        ]

    def _arguments(self) -> list[tuple[Any, ...]]:
        rng, rows = self.rng, []
        by_side = {side: [index for index, party in enumerate(self.sides) if party == side] for side in set(self.sides)}
        for topic in range(self.topic_count):
            # The first two sides, then any of the arguing sides, then the court's finding.
            sides = [*self.arguing[:2], *rng.choices(self.arguing, k=rng.randrange(1, 7)), "court"]
            for position, side in enumerate(sides, 1):
                party = self._party_id(rng.choice(by_side[side]))
                rows.append(
                    (
                        f"argument-{topic:04d}-{position:02d}",
                        f"topic-{topic:04d}",
                        party,
                        side,
                        self.words.text(1 + rng.getrandbits(1)),
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
