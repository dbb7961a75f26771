"""The plain objects the store hands to the app: no SQL, no Textual, nothing but data.

Named tuples rather than frozen dataclasses, here and in the other modules the app imports to start: a frozen
dataclass compiles its methods when it is defined, about 1 ms each, and thirty of them were a tenth of the start.
Without `from __future__ import annotations`: NamedTuple compiles each annotation given as a string (a third of
this module's import).
"""

import re
from typing import NamedTuple

from parlertui.store.filters import NO_FILTERS, Filters
from parlertui.store.quote_text import quote_as_shown, source_title


COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
"""A side's own colour: #rrggbb."""


class Side(NamedTuple):
    """One side of the dispute, as its dataset declares it; `deciding` for the body that decides it."""

    id: str
    name: str
    mark: str
    heading: str
    aliases: tuple[str, ...]
    deciding: bool
    colour_dark: str | None
    colour_light: str | None

    def colour(self, dark: bool) -> str | None:
        """Its own colour on a dark or a light theme, if it has one (a store not built by parlertui may hold any
        text there: only #rrggbb is a colour)."""
        own = self.colour_dark if dark else self.colour_light
        return own if own and COLOUR.fullmatch(own) else None


class Dispute(NamedTuple):
    """The dispute a store records, as its dataset names it."""

    id: str
    title: str
    short_title: str
    court: str
    case_number: str
    timezone: str
    summary: str
    sides: tuple[Side, ...] = ()
    """In the order they are shown: the marks, the filters, the debate's columns."""

    @property
    def deciding(self) -> str | None:
        """The side of the body that decides the dispute, if it names one."""
        return next((side.id for side in self.sides if side.deciding), None)


class TimelineEvent(NamedTuple):
    """One line of the timeline."""

    id: str
    occurred_at: str
    precision: str
    date_label: str
    kind: str
    title: str
    summary: str
    sides: tuple[str, ...]
    month: str = ""
    """The month it falls in, in the home zone ("January 2021"), or its year: the heading it sits under."""


class Party(NamedTuple):
    """A person, company, court or group, placed under the organisation it belongs to."""

    id: str
    name: str
    kind: str
    side: str
    description: str
    affiliation_id: str | None
    affiliation_name: str | None
    aliases: tuple[str, ...] = ()
    depth: int = 0


class PartyRole(NamedTuple):
    """A party's part in one event."""

    party_id: str
    name: str
    side: str
    role: str


class Source(NamedTuple):
    """Where something was said or reported."""

    id: str
    kind: str
    outlet: str | None
    title: str
    author: str | None
    published: str | None
    url: str | None
    note: str | None
    via_id: str | None
    via_label: str | None
    title_ours: bool = False
    """True when the source gives no title and `title` is our description of it."""

    @property
    def label(self) -> str:
        return source_label(self.outlet, self.title, ours=self.title_ours)


class Quote(NamedTuple):
    """Words someone said, verbatim, with who said them and where we read them."""

    id: str
    text: str
    speaker_id: str
    speaker_name: str
    speaker_side: str
    source_id: str
    source_label: str
    said_on: str | None
    event_id: str | None
    context: str | None
    when: str | None = None
    """When it was said, else the date of its event: what a list of quotes shows."""
    frame: str | None = None
    """The source's own words around the quote, its place marked {quote}: shown with it (see quote_text)."""
    pin: str | None = None
    """Where in the source the words are ("Dkt. 34 at 2:4–6"): shown in every citation."""

    @property
    def shown(self) -> str:
        """The quote as shown: in its frame, or in quotation marks."""
        return quote_as_shown(self.text, self.frame)


class ArgumentRef(NamedTuple):
    """An argument named from elsewhere: which topic, which side, what it says."""

    id: str
    topic_id: str
    topic_title: str
    side: str
    party_name: str
    summary: str


class Argument(NamedTuple):
    """One side's claim on a topic, with the quotes behind it and the claims it answers."""

    id: str
    topic_id: str
    side: str
    party_id: str
    party_name: str
    summary: str
    quotes: tuple[Quote, ...] = ()
    rebuts: tuple[str, ...] = ()
    supports: tuple[str, ...] = ()
    reported_in: str | None = None
    """The label of the report whose account of the side's case the summary follows, if it rests on one."""


class ArgumentRow(NamedTuple):
    """A claim level with the answers to it: each arguing side's arguments in its column (side id -> arguments, in
    the debate's order; any may be empty), and the deciding body's findings. A row of findings alone (they answer
    nothing in a row above) has no cells."""

    cells: tuple[tuple[str, tuple[Argument, ...]], ...] = ()
    findings: tuple[Argument, ...] = ()

    def of(self, side: str) -> tuple[Argument, ...]:
        return next((arguments for column, arguments in self.cells if column == side), ())

    @property
    def arguments(self) -> tuple[Argument, ...]:
        return (*(argument for _, column in self.cells for argument in column), *self.findings)


class Topic(NamedTuple):
    """A point in dispute."""

    id: str
    title: str
    question: str
    outcome: str | None
    sides: tuple[str, ...] = ()
    as_of: str | None = None
    outcome_withheld: bool = False
    """True when the outcome was written with hindsight beyond `as_of`, so it is not shown."""
    ruled: bool = False
    """True when the deciding body's findings on it are on the record (as of `as_of`)."""


class EventDetail(NamedTuple):
    event: TimelineEvent
    parties: tuple[PartyRole, ...]
    quotes: tuple[Quote, ...]
    sources: tuple[Source, ...]
    arguments: tuple[ArgumentRef, ...]


class PartyDetail(NamedTuple):
    party: Party
    members: tuple[Party, ...]
    events: tuple[TimelineEvent, ...]
    quotes: tuple[Quote, ...]
    arguments: tuple[ArgumentRef, ...]


class TopicDetail(NamedTuple):
    topic: Topic
    rows: tuple[ArgumentRow, ...]
    columns: tuple[str, ...] = ()
    """The arguing sides' columns, by side id, in order."""
    deciding: str | None = None
    """The deciding body's side, if the dispute names one."""

    @property
    def arguments(self) -> tuple[Argument, ...]:
        return tuple(argument for row in self.rows for argument in row.arguments)


class QuoteDetail(NamedTuple):
    quote: Quote
    source: Source
    event: TimelineEvent | None
    arguments: tuple[ArgumentRef, ...]


class SourceDetail(NamedTuple):
    source: Source
    events: tuple[TimelineEvent, ...]
    quotes: tuple[Quote, ...]


class Catalogue(NamedTuple):
    """What the app holds up front: the dispute, the parties and topics, the sources if they are few, and how long
    the lists read a page at a time are."""

    dispute: Dispute
    parties: tuple[Party, ...]
    topics: tuple[Topic, ...]
    sources: tuple[Source, ...] = ()
    total_events: int = 0
    total_sources: int = 0
    filters: Filters = NO_FILTERS
    """The filters the views were asked to show, and the "as of" date everything was read at."""


def source_label(outlet: str | None, title: str, *, ours: bool = False) -> str:
    """Outlet and title, the way a citation starts; a title of our own description in square brackets."""
    title = source_title(title, ours)
    return f"{outlet}: {title}" if outlet else title
