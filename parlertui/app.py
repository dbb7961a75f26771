"""The Textual app: the explorer screen over a store opened read-only, the help, and the command palette."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from pathlib import Path

from textual import events, work
from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.reactive import Initialize, Reactive, reactive
from textual.command import CommandListItem, CommandPalette, SimpleProvider
from textual.constants import DEFAULT_THEME
from textual.theme import BUILTIN_THEMES, ThemeProvider
from textual.screen import Screen
from textual.widget import AwaitMount

from parlertui.collector import CHECK_EVERY, COLLECTOR_LATEST, IdleCollector
from parlertui.screens.palette import AppCommands, Palette
from parlertui.screens.explorer import ExplorerScreen
from parlertui.screens.sizes import HORIZONTAL_BREAKPOINTS, VERTICAL_BREAKPOINTS
from parlertui.store.first_screen import FirstScreenData
from parlertui.store.queries import Store
from parlertui.views.timeline import TimelineView
from parlertui.views.with_strip import STRIP_BINDINGS
from parlertui.widgets.keylist import KeyList
from parlertui.widgets.pagedlist import PagedList
from parlertui.widgets.typing import type_ahead

if TYPE_CHECKING:
    from parlertui.screens.help import KeyGroup

HELP_NOTES = {
    "Everywhere": "tab moves between the list and the detail. escape closes the detail, then removes the filters "
    "one a press (the last chip first), then goes back. A line cut short (…) is shown in full in the detail. "
    "/ searches everything as you type "
    '(plain words match as prefixes; "a phrase", OR, NOT and * work too). f narrows the timeline and the quotes '
    "by party or side, topic, kind, source and dates; the filters show as chips above the list (a click removes "
    "one), x clears them all. d shows the record as it stood at the end of a day; the header shows the date. "
    "ctrl+e exports what the view shows (Markdown, CSV or JSON, with its filters and date). y copies the quote, "
    "event or source under the cursor as a citation; o opens its source's address in the browser. w shows every "
    "row of every list whole, over as many lines as it needs (w again: a line each); F10 gives the pane with the "
    "focus the whole screen (F10 or escape gives it back; tab moves to the other pane, still maximized).",
    "1 Timeline": "Every event in order under month headings; marks show the sides taking part (the legend under "
    "the list names them). enter opens the event's detail; there the cursor walks every paragraph, and enter on a "
    "party, quote, source or argument goes to it.",
    "2 Parties": "By side, people under their organisation. In the detail, enter on an event opens the timeline "
    "narrowed to this party; escape there shows every event again.",
    "3 Arguments": "The topic list moves like any list; enter opens the topic: a column for each side that "
    "argued, each claim level with the answers to it and the quotes beneath (one above the other on a narrow "
    "terminal, for three sides or more); the deciding body's findings below (a column of their own on a wide "
    "terminal); the outcome last. In the topic:",
    "4 Sources": "Every source in the dataset's order; ↪ marks one we hold only as quoted in another. The "
    "detail gives outlet, title, author, date, address and kind, then the events and quotes drawn from it.",
    "5 Quotes": "Every quote in the order it was said (undated ones last), narrowed by the filters; t goes to "
    "the first quote on or after a day. A dim date is the date of the quote's event, where the source does not "
    "say when the words were said.",
    "A quote opened in full": "It moves like a detail; enter on the speaker, the event or the source "
    "goes on from there.",
    "Search": "Type; ↓ or tab moves into the results, enter opens one in its view, escape closes.",
}


def read_saved_theme() -> tuple[str, str | None]:
    """The theme the reader saved (Textual's default if none, or one this Textual lacks), and why the settings were
    ignored if they cannot be read."""
    from parlertui.settings import SettingsError, load_settings

    try:
        theme = load_settings().get("theme")
    except SettingsError as err:
        return DEFAULT_THEME, str(err)
    return (theme if isinstance(theme, str) and theme in BUILTIN_THEMES else DEFAULT_THEME), None


def saved_theme_of(app: ParlertuiApp) -> str:
    return app.saved_theme


class ParlertuiApp(App[None]):
    """Explore a dispute's record, read from a store opened read-only."""

    CSS_PATH = "app.tcss"
    COMMANDS = {AppCommands}
    TITLE = "parlertui"
    HORIZONTAL_BREAKPOINTS = HORIZONTAL_BREAKPOINTS  # (screens/sizes.py)
    VERTICAL_BREAKPOINTS = VERTICAL_BREAKPOINTS
    BINDINGS = [
        Binding("question_mark,f1", "help", "Keys", tooltip="Show every key, grouped by view"),
        Binding("q", "quit", "Quit", tooltip="Quit parlertui"),
        # Textual makes ctrl+c a hint to press ctrl+q; a reader expects it to quit, as it does everywhere else.
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True, tooltip="Quit parlertui"),
    ]

    wrap: reactive[bool] = reactive(False, init=False)
    """Wrap mode: every row of every list whole (w); the explorer's views follow it."""

    # The theme the reader saved is the app's theme from the start, so the stylesheet is parsed once, in its colours.
    # Set once the app had mounted, it parsed and restyled everything a second time: ~35 ms more to the first screen.
    theme: Reactive[str] = Reactive(Initialize(saved_theme_of))

    def __init__(self, store: Store, first_screen: FirstScreenData | None = None, *, owns_gc: bool = False) -> None:
        """`owns_gc`: the app is the only one its process runs, and tunes the garbage collector for it (see
        parlertui/collector.py); not for tests, which run many apps in one process."""
        self.saved_theme, self.settings_problem = read_saved_theme()  # before App reads the theme, in its __init__
        super().__init__()
        self.store = store
        self.first_screen = first_screen
        self.collector = IdleCollector() if owns_gc else None

    def on_mount(self) -> None:
        # SIGTERM ends the app as q does, so the terminal is given back as it was.
        with contextlib.suppress(NotImplementedError, RuntimeError):  # no signal handlers on this platform/loop
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, self.exit)
        if self.collector is not None:
            # The explorer starts it once its first screen is up; if that screen never comes (a store that cannot
            # be read), the collector is not left off.
            self.set_timer(COLLECTOR_LATEST, self.start_collector)
        self.apply_settings()

    def apply_settings(self) -> None:
        """Say why the settings were ignored, if they were; from now on, each theme chosen is saved."""
        if self.settings_problem:
            self.notify(f"Settings ignored: {self.settings_problem}.", severity="warning", markup=False, timeout=8)
        self.watch(self, "theme", self.save_theme, init=False)

    def save_theme(self, theme: str) -> None:
        self.write_settings({"theme": theme})

    @work(thread=True, exclusive=True, group="settings", exit_on_error=False)
    def write_settings(self, changes: dict[str, object]) -> None:
        from parlertui.settings import SettingsError, save_settings

        try:
            save_settings(changes)
        except SettingsError as err:
            self.call_from_thread(
                self.notify, f"The theme was not saved: {err}.", severity="warning", markup=False, timeout=8
            )

    def on_unmount(self) -> None:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            asyncio.get_running_loop().remove_signal_handler(signal.SIGTERM)
        if self.collector is not None:
            self.collector.stop()

    def start_collector(self) -> None:
        """Once the first screen is up: freeze what the start built, and collect garbage when input pauses."""
        if self.collector is not None and not self.collector.started:
            self.collector.start()
            self.set_interval(CHECK_EVERY, self.collector.check_idle)

    async def on_event(self, event: events.Event) -> None:
        if self.collector is not None and isinstance(event, (events.InputEvent, events.Paste)):
            self.collector.input_seen()
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        # Before Textual looks the key up as a binding: a key typed with the one that opened a box is text for it.
        if type_ahead(self.screen, event):
            event.prevent_default()

    def get_default_screen(self) -> Screen:
        return ExplorerScreen(self.store, self.first_screen)

    @property
    def explorer(self) -> ExplorerScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, ExplorerScreen)
        return screen

    def action_help(self) -> None:
        from parlertui.screens.help import HelpScreen  # the screens over the views load when first opened

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.key_groups(), HELP_NOTES))

    def key_groups(self) -> list[KeyGroup]:
        from parlertui.screens.record import RecordScreen
        from parlertui.screens.search import SearchScreen
        from parlertui.views.quotes import QuotesView
        from parlertui.views.sources import SourcesView
        from parlertui.widgets.debate import DebatePane

        palette = Binding("ctrl+p", "command_palette", "Commands", tooltip="Go to an event, party or topic; themes")
        return [
            ("Everywhere", [*ExplorerScreen.BINDINGS, *self.BINDINGS, palette]),
            ("1 Timeline", [*PagedList.BINDINGS, *TimelineView.BINDINGS, *STRIP_BINDINGS]),
            ("2 Parties", KeyList.BINDINGS),
            ("3 Arguments", DebatePane.BINDINGS),
            ("4 Sources", [*PagedList.BINDINGS, *SourcesView.BINDINGS]),
            ("5 Quotes", [*PagedList.BINDINGS, *TimelineView.BINDINGS, *QuotesView.BINDINGS, *STRIP_BINDINGS]),
            ("A quote opened in full", RecordScreen.BINDINGS),
            ("Search", SearchScreen.BINDINGS),
        ]

    def action_toggle_wrap(self) -> None:
        """Wrap mode, from any list (the quote opened in full, over the explorer, included)."""
        self.wrap = not self.wrap

    def action_command_palette(self) -> None:
        if self.use_command_palette and not any(isinstance(screen, CommandPalette) for screen in self.screen_stack):
            self.push_screen(Palette(id="--command-palette"))

    def search_commands(
        self, commands: Sequence[CommandListItem], placeholder: str = "Search for commands…"
    ) -> AwaitMount:
        # The palette takes a SimpleProvider instance as well as provider classes (textual/command.py's provider
        # loop); its annotation names only the classes.
        provider = SimpleProvider(self.screen, list(commands))
        return self.push_screen(Palette(providers=[provider], placeholder=placeholder))  # type: ignore[list-item]

    def search_themes(self) -> None:
        self.push_screen(Palette(providers=[ThemeProvider], placeholder="Search for themes…"))

    def action_toggle_dark(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    # The command palette: the App's own commands; the explorer's are its screen's (screens/explorer_commands.py)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand("Help: keys", "Show every key, grouped by view (? or F1)", self.action_help)
        yield SystemCommand("Toggle light and dark", "Switch between the light and dark theme", self.action_toggle_dark)
        yield SystemCommand(
            "Screenshot", "Save an SVG picture of the screen (to Downloads, else this folder)", self.action_screenshot
        )
        # Textual's "Keys" panel repeats what the help screen says, less fully; one way to see the keys is enough.
        # Its "Screenshot" gives no reason when it fails (where ~/Downloads does not exist); ours above does.
        yield from (
            command for command in super().get_system_commands(screen) if command.title not in ("Keys", "Screenshot")
        )

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Save the screen as SVG (after the palette has closed), saying where or why not."""
        self.set_timer(0.1, lambda: self.write_screenshot(self.export_screenshot(), Path(path) if path else None))

    @work(thread=True, group="screenshot", exit_on_error=False)
    def write_screenshot(self, svg: str, folder: Path | None) -> None:
        from parlertui.screenshot import save_screenshot, screenshot_folder
        from parlertui.store.output_files import OutputError

        try:
            written = save_screenshot(svg, folder or screenshot_folder(), "parlertui")
        except OutputError as err:
            self.call_from_thread(
                self.notify, f"Could not save the screenshot: {err}", title="Screenshot", severity="error", markup=False
            )
            return
        self.call_from_thread(self.notify, f"Saved a screenshot to {written}", title="Screenshot", markup=False)

    def pop_screen(self) -> AwaitComplete:
        # Two enter presses that reach the command palette together make it dismiss itself twice; the second
        # has nothing left to close and must not end the app.
        if len(self.screen_stack) <= 1:
            return AwaitComplete(asyncio.sleep(0))
        return super().pop_screen()
