"""The explorer's commands in the palette (ctrl+p): go to a record picked by name, search, filter, a date, export,
switch view, back and forward, and y and o. The explorer names `ExplorerCommands` in its COMMANDS, so the palette
lists them over the explorer; the App keeps its own (theme, help, screenshot, quit)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, SimpleProvider
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen

from parlertui.navigation import VIEW_TITLES, VIEWS, Target
from parlertui.screens.palette import Palette, ScreenCommands
from parlertui.screens.take_away import take_away_commands
from parlertui.widgets.render import side_labels

if TYPE_CHECKING:
    from parlertui.screens.explorer import ExplorerScreen

Choices = tuple[list[tuple[str, Target, str]], bool]
"""Records for the palette (label, where it goes, help), and whether they are every record of their kind."""


class ExplorerCommands(ScreenCommands):
    """The explorer's commands: y and o always, the rest once its lists are read."""

    def commands(self) -> Iterable[SystemCommand]:
        from parlertui.screens.explorer import ExplorerScreen

        explorer = self.screen
        if not isinstance(explorer, ExplorerScreen):
            return
        yield from take_away_commands(explorer)
        if explorer.catalogue is None:
            return  # the rest once the lists are read
        yield SystemCommand("Go to event…", "Pick an event by its title or date", partial(pick_event, explorer))
        yield SystemCommand("Go to party…", "Pick a party by name", partial(pick_party, explorer))
        yield SystemCommand("Go to topic…", "Pick a point in dispute", partial(pick_topic, explorer))
        yield SystemCommand("Go to source…", "Pick a source by outlet or title", partial(pick_source, explorer))
        yield SystemCommand(
            "Search…", "Search quotes, events, arguments, parties and sources (/)", explorer.action_search
        )
        yield SystemCommand("Filter…", "Narrow the timeline and the quotes (f)", explorer.action_filter)
        yield SystemCommand("Clear filters", "Show every event and quote again (x)", partial(clear_filters, explorer))
        yield SystemCommand(
            "Go to a date…",
            "Move to the first event (in the quotes: quote) on or after a day (t)",
            partial(jump_to_date, explorer),
        )
        yield SystemCommand(
            "As of a date…", "Show the record as it stood at the end of a day (d)", explorer.action_as_of
        )
        if explorer.filters.as_of:
            yield SystemCommand(
                "Whole record",
                f"Stop showing the record as of {explorer.filters.as_of}",
                lambda: explorer.change_filters(explorer.filters.set(as_of=None)),
            )
        yield SystemCommand(
            "Export…",
            "What the view shows, with its filters and date: a Markdown brief, CSV tables or JSON (ctrl+e)",
            explorer.action_export,
        )
        for number, view in enumerate(VIEWS, start=1):
            yield SystemCommand(
                f"Show {VIEW_TITLES[view]}",
                f"Switch to the {view} view ({number})",
                partial(explorer.action_show_view, view),
            )
        # Listed always, so a reader finds them; where there is nowhere to go, they say so.
        yield SystemCommand("Back", "Go back to where you were (alt+left)", partial(go, explorer, -1))
        yield SystemCommand("Forward", "Go forward again (alt+right)", partial(go, explorer, 1))


def clear_filters(explorer: ExplorerScreen) -> None:
    if explorer.check_action("clear_filters", ()):
        explorer.action_clear_filters()
    else:
        explorer.notify("No filters are on: the timeline and the quotes show everything.", markup=False)


def go(explorer: ExplorerScreen, step: int) -> None:
    history = explorer.history
    if step < 0:
        explorer.action_go_back() if history.can_go_back else explorer.notify("Nowhere to go back to yet.")
    else:
        explorer.action_go_forward() if history.can_go_forward else explorer.notify("Nowhere to go forward to.")


def jump_to_date(explorer: ExplorerScreen) -> None:
    """In the quotes, to a quote's date; anywhere else, on the timeline."""
    if explorer.current_view.view_id != "quotes":
        explorer.action_show_view("timeline")
    explorer.action_jump_to_date()


def pick_event(explorer: ExplorerScreen) -> None:
    def find(text: str) -> Choices:
        events, every = explorer.store.find_events(text)
        return [(f"{e.date_label}  {e.title} · {e.kind}", Target("event", e.id), e.summary) for e in events], every

    pick_from_store(explorer, "Go to event…", find)


def pick_party(explorer: ExplorerScreen) -> None:
    parties = explorer.catalogue.parties if explorer.catalogue else ()
    sides = side_labels(explorer.catalogue.dispute.sides if explorer.catalogue else ())
    choices = [(p.name, Target("party", p.id), f"{p.kind} · {sides.heading(p.side)}") for p in parties]
    pick(explorer, "Go to party…", choices)


def pick_topic(explorer: ExplorerScreen) -> None:
    topics = explorer.catalogue.topics if explorer.catalogue else ()
    pick(explorer, "Go to topic…", [(t.title, Target("topic", t.id), t.question) for t in topics])


def pick_source(explorer: ExplorerScreen) -> None:
    def find(text: str) -> Choices:
        sources, every = explorer.store.find_sources(text)
        return [(s.label, Target("source", s.id), s.published or "date not given") for s in sources], every

    pick_from_store(explorer, "Go to source…", find)


def pick(explorer: ExplorerScreen, placeholder: str, choices: list[tuple[str, Target, str]]) -> None:
    """A palette of records to go to. The palette reads names and help as markup, so the data is escaped."""
    explorer.app.search_commands(
        [(escape(label), partial(explorer.go_to, target), escape(help)) for label, target, help in choices],
        placeholder=placeholder,
    )


def pick_from_store(explorer: ExplorerScreen, placeholder: str, find: Callable[[str], Choices]) -> None:
    """A palette of every record if there are few (matched as the reader types, at once); else of those the
    store finds for what is typed (see StorePicker)."""
    choices, every = find("")
    if every:
        pick(explorer, placeholder, choices)
        return
    explorer.app.push_screen(
        Palette(
            # The palette takes a SimpleProvider instance as well as provider classes (textual/command.py's
            # provider loop); its annotation names only the classes.
            providers=[StorePicker(explorer, find, explorer.go_to)],  # type: ignore[list-item]
            placeholder=placeholder,
        )
    )


class StorePicker(SimpleProvider):
    """Records to go to, read from the store in a thread as the reader types. A small store gives every record
    and the palette's fuzzy matching picks; a big one gives those the store's index finds for the words.

    A SimpleProvider, because the palette takes providers as classes except for that one kind of instance."""

    def __init__(self, screen: Screen, find: Callable[[str], Choices], go_to: Callable[[Target], None]) -> None:
        super().__init__(screen, [])
        self.find, self.go_to = find, go_to

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        choices, every = await asyncio.to_thread(self.find, query)
        for label, target, help in choices:
            # Of every record, the fuzzy matches; of those the index found for the words, each one.
            score = matcher.match(label) or (0.0 if every else 0.01)
            if score > 0:
                # A Content, not markup (a record's name may hold "[/]"): Content.from_markup passes one through as
                # it is, and the matcher reads it as text. Its annotation says str.
                shown = matcher.highlight(Content(label))  # type: ignore[arg-type]
                yield Hit(score, shown, partial(self.go_to, target), help=help)

    async def discover(self) -> Hits:
        choices, _ = await asyncio.to_thread(self.find, "")
        for label, target, help in choices[:100]:
            yield DiscoveryHit(Content(label), partial(self.go_to, target), help=help)
