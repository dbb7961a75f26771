"""The command palette, guarded as our own lists are: PageUp or PageDown typed with the key that opens it (both in
one read) reach its list of commands before that list has been laid out, where Textual's OptionList pages through a
map of lines it has not built yet (KeyError). And the providers of its commands: `ScreenCommands`, the base of a
screen's own, and `AppCommands`, the App's."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen
from textual.system_commands import SystemCommandsProvider


class ScreenCommands(Provider):
    """A screen's own commands in the palette (a screen names one such provider in its `COMMANDS`; the palette asks
    those of the screen it is opened over). As words are typed, those they match, as the App's are found. Before
    anything is typed, every command, the App's among them, in one list by title: the palette would otherwise show
    one provider's list after the other's, in an order of its own choosing (see AppCommands)."""

    def commands(self) -> Iterable[SystemCommand]:
        raise NotImplementedError

    async def discover(self) -> Hits:
        every = [*self.commands(), *self.app.get_system_commands(self.screen)]
        for title, help, callback, discover in sorted(every, key=lambda command: command.title):
            if discover:
                yield DiscoveryHit(title, callback, help=help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help, callback, _ in self.commands():
            if (score := matcher.match(title)) > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help)


def lists_app_commands(screen: Screen[object]) -> bool:
    """Whether the screen's own commands list the App's with theirs before anything is typed."""
    return any(isinstance(provider, type) and issubclass(provider, ScreenCommands) for provider in screen.COMMANDS)


class AppCommands(SystemCommandsProvider):
    """The App's commands (App.get_system_commands, as Textual's own provider finds them), left out of the list
    shown before anything is typed over a screen whose own commands list them (ScreenCommands)."""

    async def discover(self) -> Hits:
        if not lists_app_commands(self.screen):
            async for hit in super().discover():
                yield hit


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
