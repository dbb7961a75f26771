"""How records read on screen: the words of a quote, a citation, a side's name. Rich Text only, no widgets."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from parlertui.store.quote_text import frame_parts, source_title, with_pin
from parlertui.widgets.columns import Sized, Width, allocate, cut, natural_width, wrapped_lines
from parlertui.store.records import ArgumentRef, Quote, Side, Source, TimelineEvent


PALETTE = 6
"""Sides without a colour of their own take the theme's colour of their place (side-1 to side-6 in the strip's and
the debate's styles), in turn."""


class SideLabels:
    """A dispute's sides as the screens show them: a mark each, always in the same column, their names, the
    headings of their parties, and the legend of the marks ("P Parler · A AWS · C Court")."""

    def __init__(self, sides: Sequence[Side]) -> None:
        self.sides = tuple(sides)
        self._by_id = {side.id: side for side in self.sides}
        self._places = {side.id: place for place, side in enumerate(self.sides)}
        self.width = max(1, len(self.sides))
        """The cells a row's marks take: one per side."""
        self.legend = " · ".join(f"{side.mark} {side.name}" for side in self.sides)

    def marks(self, sides: Sequence[str]) -> str:
        """One mark per side taking part, blank for the others: "PA C", " A  "."""
        return "".join(side.mark if side.id in sides else " " for side in self.sides)

    def mark(self, side: str) -> str:
        known = self._by_id.get(side)
        return known.mark if known else "?"

    def name(self, side: str) -> str:
        known = self._by_id.get(side)
        return known.name if known else side

    def place(self, side: str) -> int:
        """The side's place among the sides (0 for the first), for its colour: one not declared comes last."""
        return self._places.get(side, len(self.sides))

    def heading(self, side: str) -> str:
        known = self._by_id.get(side)
        return known.heading if known else side


@lru_cache(maxsize=8)
def side_labels(sides: tuple[Side, ...]) -> SideLabels:
    """The labels of a store's sides (`Dispute.sides`), made once per dispute."""
    return SideLabels(sides)


def quote_words(quote: Quote) -> Text:
    """The quote in full as shown: in its frame (the source's words around it, upright), or in typographic
    quotation marks; the quote's own words in italics."""
    before, words, after = frame_parts(quote.text, quote.frame)
    text = Text(before)
    text.append(words, style="italic")
    text.append(after)
    return text


def quote_citation(quote: Quote, *, speaker: bool = True) -> Text:
    """Who said it, when, and where we read it, with its pin: "— Court, 2021-01-21, Scribd: …, Dkt. 34 at 2:4–6"."""
    parts = [quote.speaker_name] if speaker else []
    if quote.said_on:
        parts.append(quote.said_on)
    parts.append(with_pin(quote.source_label, quote.pin))
    return Text("— " + ", ".join(parts), style="dim")


def quote_block(quote: Quote, *, speaker: bool = True) -> Text:
    return Text("\n").join([quote_words(quote), quote_citation(quote, speaker=speaker)])


def argument_line(argument: ArgumentRef, *, topic: bool = True) -> Text:
    """An argument named from elsewhere: its topic, whose it is, what it says."""
    text = Text()
    if topic:
        text.append(argument.topic_title, style="bold")
        text.append("\n")
    text.append(f"{argument.party_name}: ", style="bold")
    text.append(argument.summary)
    return text


def source_lines(source: Source) -> list[tuple[str, str]]:
    """Label and value for each thing the store knows about a source, in citation order; unknowns are said."""
    title = source.title
    if source.title_ours:
        title = f"{source_title(title, True)} (our description: the source gives no title)"
    lines = [("Title", title), ("Outlet", source.outlet or "not named in our copy")]
    if source.author:
        lines.append(("Author", source.author))
    lines.append(("Published", source.published or "date not given"))
    lines.append(("Address", source.url or "none recorded"))
    lines.append(("Kind", source.kind.replace("_", " ")))
    if source.via_label:
        lines.append(("Held", f"only as quoted in {source.via_label}"))
    else:
        lines.append(("Held", "first-hand"))
    if source.note:
        lines.append(("Note", source.note))
    return lines


SOURCE_NOUNS = {"news": "report", "court_order": "order", "filing": "filing", "statement": "statement"}


def quote_held(source: Source) -> str:
    """How we hold a quote, not only its source: "as quoted in Fox Business (the report is held first-hand)"."""
    noun = SOURCE_NOUNS.get(source.kind, "source")
    if source.via_label:
        return f"as quoted in {source.via_label} (we do not hold the {noun} itself)"
    where = source.outlet or f"“{source.title}”"
    if source.kind in ("news", "other"):
        return f"as quoted in {where} (the {noun} is held first-hand)"
    return f"in the {noun} itself, held first-hand ({where})"


def labelled(label: str, value: str) -> Text:
    return Text.assemble((f"{label}: ", "bold"), value)


DATE_WIDTH = len("2021-01-10 23:59 PST")
KIND_WIDTH = len("communication")
KIND_SHARE = 0.15
"""The most of a timeline row an event's kind takes: the title has the rest."""


class Line:
    """One line of cells: fixed-width ones, names sized to the list's longest (see widgets/columns.py), then one that
    takes the rest of the width and is cut with an ellipsis when it does not fit. Cheaper to measure and draw than a
    Rich table, and exactly one line high; with `wrap`, as many lines as it needs to show every cell whole."""

    def __init__(self, *cells: tuple[Text, Width], wrap: bool = False) -> None:
        self.cells = cells
        self.wrap = wrap

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.wrap:
            yield Text("\n").join(self.lines(options.max_width, console))
        else:
            yield self.text(options.max_width)

    def widths(self, max_width: int) -> list[int]:
        return allocate([width for _, width in self.cells], max_width)

    def lines(self, max_width: int, console: Console | None = None) -> list[Text]:
        """The row whole, over as many lines as it needs, none wider than `max_width`."""
        return wrapped_lines(self.cells, max_width, console)

    def text(self, max_width: int) -> Text:
        """The line as one Text exactly `max_width` cells wide at most."""
        widths = self.widths(max_width)
        line = Text(no_wrap=True, overflow="ellipsis")
        for (text, width), room in zip(self.cells, widths, strict=True):
            cell = text.copy()
            cell.truncate(room, overflow="ellipsis", pad=True)
            line.append_text(cell)
            if width is not None:
                line.append(" ")
        line.truncate(max_width, overflow="ellipsis")
        return line

    def segments(self, max_width: int) -> list[Segment] | None:
        """The line as segments exactly `max_width` cells wide, as `text` draws it, without Rich's layout: a list
        repaints dozens of these per key. None where only `text` can draw it (styled spans inside a cell, more
        than one cell taking the rest, or a line too narrow for its fixed cells)."""
        widths = self.widths(max_width)
        fixed = sum(room + 1 for (_, width), room in zip(self.cells, widths, strict=True) if width is not None)
        flexible = sum(width is None for _, width in self.cells)
        if fixed >= max_width or flexible > 1 or any(text.spans for text, _ in self.cells):
            return None
        segments = []
        for (text, width), room in zip(self.cells, widths, strict=True):
            words = cut(text.plain.replace("\n", " "), room)
            style = text.style if isinstance(text.style, Style) else Style.parse(text.style)
            segments.append(Segment(words, style))
            if width is not None:
                segments.append(Segment(" "))
        if not flexible:  # nothing takes the rest of the line
            segments.append(Segment(" " * (max_width - fixed)))
        return segments

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, max(1, min(options.max_width, natural_width(self.cells))))


def event_row(event: TimelineEvent, sides: SideLabels, *, wrap: bool = False) -> Line:
    """One line: date, kind, side marks, then the title, cut with an ellipsis if the line is too short."""
    return Line(
        (Text(event.date_label), DATE_WIDTH),
        (Text(event.kind, style="dim"), Sized(KIND_WIDTH, KIND_SHARE, least=7)),
        (Text(sides.marks(event.sides), style="bold"), sides.width),
        (Text(event.title), None),
        wrap=wrap,
    )
