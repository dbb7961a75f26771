"""A record's detail as a list: paragraphs to read, headings, and links that `enter` follows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.console import RenderableType
from rich.text import Text
from textual import on
from textual.widgets.option_list import Option

from parlertui.messages import Navigate
from parlertui.navigation import Target
from parlertui.store.records import ArgumentRef, Quote
from parlertui.widgets.keylist import KeyList
from parlertui.widgets.render import argument_line, quote_block


@dataclass(frozen=True)
class Entry:
    """One block of a detail: a heading, a paragraph, or a link to another record."""

    content: RenderableType
    target: Target | None = None
    heading: bool = False


def heading(title: str, count: int | None = None) -> Entry:
    label = title if count is None else f"{title} ({count})"
    return Entry(Text("\n" + label, style="bold"), heading=True)


class LinkList(KeyList):
    """A scrollable detail the cursor walks block by block; `enter` on a link posts Navigate.

    Headings are not stops for the cursor, but every paragraph is, so j/k reads through all of the text.
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._targets: dict[int, Target] = {}

    def show(self, entries: Iterable[Entry], cursor: int | None = None) -> None:
        """Replace the content; put the cursor on block `cursor` (or the first) and scroll to the top."""
        options: list[Option] = []
        self._targets = {}
        for index, entry in enumerate(entries):
            options.append(Option(entry.content, disabled=entry.heading))
            if entry.target is not None:
                self._targets[index] = entry.target
        self.set_options(options)
        stops = [index for index, option in enumerate(options) if not option.disabled]
        if not stops:
            return
        self.highlighted = cursor if cursor in stops else stops[0]
        if cursor in stops:
            self.scroll_to_highlight()
        else:
            self.scroll_home(animate=False)

    def target_at(self, index: int | None) -> Target | None:
        return None if index is None else self._targets.get(index)

    @on(KeyList.OptionSelected)
    def follow(self, message: KeyList.OptionSelected) -> None:
        message.stop()
        target = self._targets.get(message.option_index)
        if target is not None:
            self.post_message(Navigate(target))


def argument_entries(arguments: Iterable[ArgumentRef]) -> list[Entry]:
    """Links to arguments, each naming its topic, side and claim."""
    return [Entry(argument_line(a), Target("argument", a.id, topic=a.topic_id)) for a in arguments]


def quote_entries(quotes: Iterable[Quote], *, speaker: bool = True) -> list[Entry]:
    """Links to quotes, each in full with its citation."""
    return [Entry(quote_block(quote, speaker=speaker), Target("quote", quote.id)) for quote in quotes]
