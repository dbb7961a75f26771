"""An OptionList that also answers vi keys, with one place to set and find the selected item by id."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar, TypeVar

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.binding import BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from parlertui.widgets.panes import ItemList

Item = TypeVar("Item")


def grouped_options(
    items: Iterable[Item],
    group: Callable[[Item], str],
    row: Callable[[Item], RenderableType],
    key: Callable[[Item], str],
) -> list[Option]:
    """Options for `items` in their order, under a heading line ("── January 2021") wherever the group changes.
    The headings are disabled, so the cursor passes over them."""
    options: list[Option] = []
    current = None
    for item in items:
        if group(item) != current:
            current = group(item)
            options.append(Option(Text(f"── {current} ", style="bold"), disabled=True))
        options.append(Option(row(item), id=key(item)))
    return options


LIST_BINDINGS: list[BindingType] = [
    Binding("j,down", "cursor_down", "Down", show=False, tooltip="Next item"),
    Binding("k,up", "cursor_up", "Up", show=False, tooltip="Previous item"),
    Binding("g,home", "first", "First", show=False, tooltip="First item"),
    Binding("G,end", "last", "Last", show=False, tooltip="Last item"),
    Binding("pagedown", "page_down", "Page down", show=False, tooltip="A page down"),
    Binding("pageup", "page_up", "Page up", show=False, tooltip="A page up"),
    Binding("enter", "select", "Open", tooltip="Open the item: a list item in the detail, a link in its own view"),
]
"""The keys of every list: this one, the paged list and search's results."""

WRAP_BINDING = Binding(
    "w", "app.toggle_wrap", "Wrap", tooltip="Show every row of the lists whole (w again: a line each)"
)
"""The app's wrap mode (ParlertuiApp.wrap, which the explorer's views follow), named by the lists so that the key bar
shows it where they are."""


class KeyList(OptionList, ItemList):
    """A list moved by j/k, g/G and the usual keys; `enter` opens the highlighted item."""

    BINDINGS: ClassVar[list[BindingType]] = [*LIST_BINDINGS, WRAP_BINDING]

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        """Move to the next enabled option, stopping at the ends rather than wrapping round."""
        if self.highlighted is None:
            self.action_first()
            return
        index = self.highlighted + direction
        while 0 <= index < self.option_count:
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return
            index += direction
        if direction < 0:
            self.scroll_home(animate=False)  # show the heading above the first item

    def action_page_down(self) -> None:
        if not self._page(1):
            self.action_last()

    def action_page_up(self) -> None:
        if not self._page(-1):
            self.action_first()
        if self.highlighted == self._first_enabled():
            self.scroll_home(animate=False)

    def _page(self, direction: int) -> bool:
        """Page with OptionList's own paging; False if that left nothing highlighted."""
        if self.scrollable_content_region.height == 0:
            return False  # not laid out yet (a key pressed as the app starts): OptionList cannot page
        try:
            super().action_page_down() if direction > 0 else super().action_page_up()
        except KeyError:
            return False  # options replaced since the last repaint: OptionList's line map is not ready
        return self.highlighted is not None

    def on_resize(self) -> None:
        self.call_after_refresh(self.scroll_to_highlight)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        # A list as wide as its items (width: auto) keeps room for its scrollbar, which Textual takes from them.
        width = super().get_content_width(container, viewport)
        if width and self.styles.scrollbar_gutter == "stable":
            width += self.styles.scrollbar_size_vertical
        return width

    def _first_enabled(self) -> int | None:
        return next((i for i in range(self.option_count) if not self.get_option_at_index(i).disabled), None)

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
