"""How records read on screen: the words of a quote, a citation, a side's name. Rich Text only, no widgets."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from parlertui.store.quote_text import frame_parts, source_title, with_pin
from parlertui.store.records import ArgumentRef, Quote, Source, TimelineEvent

SIDE_NAMES = {"parler": "Parler", "aws": "AWS", "court": "Court", "other": "Other"}
SIDE_MARKS = {"parler": "P", "aws": "A", "court": "C", "other": "O"}
SIDE_LEGEND = "P Parler · A AWS · C court · O other"
SIDE_GROUPS = {"parler": "Parler", "aws": "AWS and Amazon", "court": "The courts", "other": "Others"}


def side_marks(sides: tuple[str, ...]) -> str:
    """One letter per side, always in the same column for the same side: "PA C", " A  "."""
    return "".join(SIDE_MARKS[side] if side in sides else " " for side in SIDE_MARKS)


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


def labelled(label: str, value: str) -> Text:
    return Text.assemble((f"{label}: ", "bold"), value)


DATE_WIDTH = len("2021-01-10 23:59 PST")
KIND_WIDTH = len("communication")


class Line:
    """One line of cells: fixed-width ones, then one that takes the rest of the width and is cut with an ellipsis
    when it does not fit. Cheaper to measure and draw than a Rich table, and always exactly one line high."""

    def __init__(self, *cells: tuple[Text, int | None]) -> None:
        self.cells = cells

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.text(options.max_width)

    def text(self, max_width: int) -> Text:
        """The line as one Text exactly `max_width` cells wide at most."""
        fixed = sum(width + 1 for _, width in self.cells if width is not None)
        line = Text(no_wrap=True, overflow="ellipsis")
        for text, width in self.cells:
            cell = text.copy()
            cell.truncate(max(0, max_width - fixed) if width is None else width, overflow="ellipsis", pad=True)
            line.append_text(cell)
            if width is not None:
                line.append(" ")
        line.truncate(max_width, overflow="ellipsis")
        return line

    def segments(self, max_width: int) -> list[Segment] | None:
        """The line as segments exactly `max_width` cells wide, as `text` draws it, without Rich's layout: a list
        repaints dozens of these per key. None where only `text` can draw it (styled spans inside a cell, more
        than one cell taking the rest, or a line too narrow for its fixed cells)."""
        fixed = sum(width + 1 for _, width in self.cells if width is not None)
        flexible = sum(width is None for _, width in self.cells)
        if fixed >= max_width or flexible > 1 or any(text.spans for text, _ in self.cells):
            return None
        segments = []
        for text, width in self.cells:
            words = text.plain.replace("\n", " ")
            room = max_width - fixed if width is None else width
            if cell_len(words) > room:
                words = set_cell_size(words, room - 1) + "…" if room else ""
            else:
                words = set_cell_size(words, room)
            style = text.style if isinstance(text.style, Style) else Style.parse(text.style)
            segments.append(Segment(words, style))
            if width is not None:
                segments.append(Segment(" "))
        if not flexible:  # nothing takes the rest of the line
            segments.append(Segment(" " * (max_width - fixed)))
        return segments

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)


def event_row(event: TimelineEvent) -> Line:
    """One line: date, kind, side marks, then the title, cut with an ellipsis if the line is too short."""
    return Line(
        (Text(event.date_label), DATE_WIDTH),
        (Text(event.kind, style="dim"), KIND_WIDTH),
        (Text(side_marks(event.sides), style="bold"), 4),
        (Text(event.title), None),
    )
