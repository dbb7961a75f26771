"""An OptionList that also answers vi keys, with one place to set and find the selected item by id."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import OptionDoesNotExist


class KeyList(OptionList):
    """A list moved by j/k, g/G and the usual keys; `enter` opens the highlighted item."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
        Binding("enter", "select", "Open", tooltip="Open the highlighted item"),
    ]

    @property
    def highlighted_id(self) -> str | None:
        """The id of the highlighted option, if any."""
        if self.highlighted is None:
            return None
        return self.get_option_at_index(self.highlighted).id

    def highlight_id(self, option_id: str | None) -> bool:
        """Highlight the option with this id and scroll it into view; False if the list has no such option."""
        if option_id is None:
            return False
        try:
            index = self.get_option_index(option_id)
        except OptionDoesNotExist:
            return False
        self.highlighted = index
        self.scroll_to_highlight()
        return True
