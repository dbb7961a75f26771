"""The command palette, guarded as our own lists are: PageUp or PageDown typed with the key that opens it (both in
one read) reach its list of commands before that list has been laid out, where Textual's OptionList pages through a
map of lines it has not built yet (KeyError). And `ScreenCommands`, the base of a screen's own commands in it."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider


class ScreenCommands(Provider):
    """A screen's own commands in the palette (a screen names its providers in `COMMANDS`; the palette asks those
    of the screen it is opened over): every one, by title, before anything is typed; as words are typed, those
    they match, as the App's own commands are found."""

    def commands(self) -> Iterable[SystemCommand]:
        raise NotImplementedError

    async def discover(self) -> Hits:
        for title, help, callback, discover in sorted(self.commands(), key=lambda command: command.title):
            if discover:
                yield DiscoveryHit(title, callback, help=help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help, callback, _ in self.commands():
            if (score := matcher.match(title)) > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help)


class Palette(CommandPalette):
    """Textual's command palette, whose page keys wait for its list to be laid out."""

    BINDINGS = [
        Binding("pagedown", "page(1)", "Next page", show=False),
        Binding("pageup", "page(-1)", "Previous page", show=False),
    ]

    def action_page(self, direction: int, retried: bool = False) -> None:
        commands = self.query(CommandList).first(CommandList) if self.query(CommandList) else None
        if commands is None or commands.option_count == 0:
            return  # nothing listed yet: nothing to page through
        if commands.scrollable_content_region.height == 0:
            if not retried:  # not laid out yet: once it has been drawn
                self.call_after_refresh(self.action_page, direction, True)
            return
        try:
            commands.action_page_down() if direction > 0 else commands.action_page_up()
        except KeyError:
            # The options were replaced since the last repaint: OptionList maps its lines at the next one.
            if not retried:
                self.call_after_refresh(self.action_page, direction, True)
