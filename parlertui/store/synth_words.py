"""The words a synthetic store's text is made of (see synth.py), and the sentences, names and days made of them
from the generator that makes the store's rows: drawn in the same order, they make the same store for a seed."""

from __future__ import annotations

import random
from datetime import date, timedelta

#: Planted in the quotes for benchmarking search, each absent from every word list (see synth.py).
COMMON_WORD, UNCOMMON_WORD, RARE_WORD, MISSING_WORD = "platform", "subpoena", "zeppelin", "xylophone"
FIRST_DAY, DAYS = date(2017, 1, 1), 8 * 365

PROPER = "Acme Globex Initech Hooli Vandelay Stark Wayne".split()
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


class Words:
    """Sentences, texts, names and days drawn from `rng`. `plain` and `common` are sentences made once, for the
    texts of many rows to be drawn from; every `common` one holds COMMON_WORD."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.plain = [self.sentence() for _ in range(8192)]
        self.common = [self.sentence(COMMON_WORD) for _ in range(8192)]

    def subject(self, start: bool) -> str:
        rng = self.rng
        subject = rng.choice(PROPER) if rng.random() < 0.4 else rng.choice(SUBJECTS)
        return subject[0].upper() + subject[1:] if start else subject

    def sentence(self, noun: str | None = None) -> str:
        rng = self.rng
        noun = noun or rng.choice(NOUNS)
        form = rng.randrange(4)
        if form == 0:
            return (
                f"{self.subject(True)} {rng.choice(VERBS)} the {rng.choice(ADJECTIVES)} {noun} "
                f"{rng.choice(PREPOSITIONS)} the {rng.choice(NOUNS)}."
            )
        if form == 1:
            return f"The {rng.choice(ADJECTIVES)} {noun} was {rng.choice(VERBS)} {rng.choice(WHEN_PHRASES)}."
        if form == 2:
            return (
                f"We {rng.choice(VERBS)} every {noun} that {self.subject(False)} {rng.choice(VERBS)} "
                f"{rng.choice(WHEN_PHRASES)}."
            )
        return (
            f"{self.subject(True)} said the {noun} {rng.choice(PREPOSITIONS)} the {rng.choice(NOUNS)} was "
            f"{rng.choice(ADJECTIVES)}."
        )

    def text(self, sentences: int) -> str:
        return " ".join(self.plain[self.rng.getrandbits(13)] for _ in range(sentences))

    def name(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(SURNAMES)}"

    def day(self) -> date:
        return FIRST_DAY + timedelta(days=self.rng.randrange(DAYS))
