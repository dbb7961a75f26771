"""A record's detail as a list: paragraphs to read, headings, and links that `enter` follows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from rich.console import RenderableType
from rich.text import Text
from textual import on
from textual.visual import visualize
from textual.widgets.option_list import Option

from parlertui.messages import Navigate
from parlertui.navigation import Target
from parlertui.store.records import ArgumentRef, Quote, QuoteDetail, Source, SourceDetail
from parlertui.widgets.keylist import KeyList
from parlertui.widgets.panes import DetailPane
from parlertui.store.quote_text import source_title, with_pin
from parlertui.widgets.address import Address
from parlertui.widgets.render import (
    SideLabels,
    argument_line,
    labelled,
    quote_block,
    quote_held,
    quote_words,
    source_lines,
)


class DetailBlock(NamedTuple):
    """One block of a detail: a heading, a paragraph, or a link to another record."""

    content: RenderableType
    target: Target | None = None
    heading: bool = False


def heading(title: str, count: int | None = None) -> DetailBlock:
    label = title if count is None else f"{title} ({count})"
    return DetailBlock(Text("\n" + label, style="bold"), heading=True)


class LinkList(KeyList, DetailPane):
    """A scrollable detail the cursor walks block by block; `enter` on a link posts Navigate.

    Headings are not stops for the cursor, but every paragraph is, so j/k reads through all of the text.
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._targets: dict[int, Target] = {}
        self._block_heights: list[int] = []
        self._block_heights_for: tuple[int, int] | None = None

    @property
    def cursor(self) -> int | None:
        """The block under the cursor."""
        return self.highlighted

    @cursor.setter
    def cursor(self, index: int | None) -> None:
        if index is not None and 0 <= index < self.option_count and not self.get_option_at_index(index).disabled:
            self.highlighted = index
            self.scroll_to_highlight()

    @property
    def target_under_cursor(self) -> Target | None:
        """Where the block under the cursor links to, if it is a link."""
        return self._targets.get(self.highlighted) if self.highlighted is not None else None

    def show_message(self, text: str) -> None:
        self.show([DetailBlock(Text(text, style="italic"))])

    def show(self, entries: Iterable[DetailBlock], cursor: int | None = None) -> None:
        """Replace the content; put the cursor on block `cursor` (or the first) and scroll to the top."""
        options: list[Option] = []
        self._targets = {}
        for index, entry in enumerate(entries):
            options.append(Option(entry.content, disabled=entry.heading))
            if entry.target is not None:
                self._targets[index] = entry.target
        self.set_options(options)
        self._block_heights_for = None
        stops = [index for index, option in enumerate(options) if not option.disabled]
        if not stops:
            return
        self.highlighted = cursor if cursor in stops else stops[0]
        if cursor in stops:
            self.scroll_to_highlight()
        else:
            self.scroll_home(animate=False)

    # Reading a block taller than the pane: j and k scroll through it before moving on.

    def _span(self, index: int) -> tuple[int, int]:
        """The first and last-plus-one line of option `index` in the list's virtual space."""
        padding = self.get_component_styles("option-list--option").padding
        width = self.scrollable_content_region.width - padding.width
        key = (width, self.option_count)
        if self._block_heights_for != key:
            self._block_heights = [
                visualize(self, self.get_option_at_index(i).prompt, markup=False).get_height(
                    self.styles,  # type: ignore[arg-type]  # what Textual's Widget passes too: RenderStyles reads as a RulesMap, which mypy cannot see
                    width,
                )
                for i in range(self.option_count)
            ]
            self._block_heights_for = key
        top = sum(self._block_heights[:index])
        return top, top + self._block_heights[index]

    def _read_on(self, direction: int) -> bool:
        """Scroll a page within the highlighted block if it runs past the view that way; False if it does not."""
        if self.highlighted is None:
            return False
        top, bottom = self._span(self.highlighted)
        view_top, view_height = round(self.scroll_y), self.scrollable_content_region.height
        if (direction > 0 and bottom > view_top + view_height) or (direction < 0 and top < view_top):
            self.scroll_relative(y=direction * max(1, view_height - 2), animate=False)
            return True
        return False

    def action_cursor_down(self) -> None:
        if not self._read_on(1):
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if not self._read_on(-1):
            super().action_cursor_up()
            self.call_after_refresh(self._show_end_of_block)

    def _show_end_of_block(self) -> None:
        """Coming up onto a block taller than the pane, show its last lines (the ones next to where we were); k
        then reads on up through it."""
        if self.highlighted is None:
            return
        top, bottom = self._span(self.highlighted)
        height = self.scrollable_content_region.height
        if bottom - top > height:
            self.scroll_to(y=bottom - height, animate=False)

    def action_page_down(self) -> None:
        if not self._read_on(1):
            super().action_page_down()

    def action_page_up(self) -> None:
        if not self._read_on(-1):
            super().action_page_up()

    @on(KeyList.OptionSelected)
    def follow(self, message: KeyList.OptionSelected) -> None:
        message.stop()
        target = self._targets.get(message.option_index)
        if target is not None:
            self.post_message(Navigate(target))


def argument_entries(arguments: Iterable[ArgumentRef]) -> list[DetailBlock]:
    """Links to arguments, each naming its topic, side and claim."""
    return [DetailBlock(argument_line(a), Target("argument", a.id, topic=a.topic_id)) for a in arguments]


def quote_entries(quotes: Iterable[Quote], *, speaker: bool = True) -> list[DetailBlock]:
    """Links to quotes, each in full with its citation."""
    return [DetailBlock(quote_block(quote, speaker=speaker), Target("quote", quote.id)) for quote in quotes]


def source_line(source: Source, label: str, value: str, *, wrap: bool = False) -> RenderableType:
    """One line of what we know of a source; its address never broken inside a word (see widgets/address.py)."""
    if label == "Address" and source.url:
        return Address(label, source.url, wrap=wrap)
    return labelled(label, value)


def quote_detail_entries(detail: QuoteDetail, sides: SideLabels, *, wrap: bool = False) -> list[DetailBlock]:
    quote = detail.quote
    entries = [
        DetailBlock(quote_words(quote), Target("quote", quote.id)),  # enter opens it over the view
        DetailBlock(
            labelled("Said by", f"{quote.speaker_name} ({sides.name(quote.speaker_side)})"),
            Target("party", quote.speaker_id),
        ),
        DetailBlock(labelled("Said on", quote.said_on or "date not given by the source")),
    ]
    if quote.context:
        entries.append(DetailBlock(labelled("Context", quote.context)))
    entries.append(heading("Event"))
    if detail.event is not None:
        event = detail.event
        entries.append(
            DetailBlock(Text.assemble((event.title, "bold"), f"\n{event.date_label}"), Target("event", event.id))
        )
    else:
        entries.append(DetailBlock(Text("Not tied to an event on the timeline.", style="dim")))
    entries.append(heading("Source"))
    entries.append(DetailBlock(Text(with_pin(detail.source.label, quote.pin)), Target("source", detail.source.id)))
    for label, value in source_lines(detail.source)[1:]:
        if label == "Held":
            value = quote_held(detail.source)
        entries.append(DetailBlock(source_line(detail.source, label, value, wrap=wrap)))
    if detail.arguments:
        entries.append(heading("Arguments citing this quote", len(detail.arguments)))
        entries += argument_entries(detail.arguments)
    return entries


def source_detail_entries(detail: SourceDetail, *, wrap: bool = False) -> list[DetailBlock]:
    source = detail.source
    entries = [DetailBlock(Text(source_title(source.title, source.title_ours), style="bold"))]
    for label, value in source_lines(source)[1:]:
        target = Target("source", source.via_id) if label == "Held" and source.via_id else None
        entries.append(DetailBlock(source_line(source, label, value, wrap=wrap), target))
    entries.append(heading("Events drawn from it", len(detail.events)))
    entries += [
        DetailBlock(Text.assemble((e.date_label, "dim"), " ", e.title), Target("event", e.id)) for e in detail.events
    ]
    entries.append(heading("Quotes drawn from it", len(detail.quotes)))
    entries += [DetailBlock(quote_block(quote), Target("quote", quote.id)) for quote in detail.quotes]
    return entries
