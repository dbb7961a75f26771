"""The command palette, guarded as our own lists are: PageUp or PageDown typed with the key that opens it (both in
one read) reach its list of commands before that list has been laid out, where Textual's OptionList pages through a
map of lines it has not built yet (KeyError)."""

from __future__ import annotations

from textual.binding import Binding
from textual.command import CommandList, CommandPalette


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
