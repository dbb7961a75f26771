"""A list that draws only the lines on screen and reads only the pages around them, however long the list.

OptionList and ListView measure every item up front, which freezes the screen for seconds on a hundred thousand
events. This list knows how many items there are and where its group headings fall, and asks its Listing for a
page of rows when a line it must draw is not at hand. The cursor stands on items; headings are passed over.

Pages come from the store on the UI thread: a page read by its sort key takes well under a millisecond, and a
repaint must not wait for a worker's round trip.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import Any, ClassVar

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from parlertui.store.listing import Heading, Key, Listing, Row
from parlertui.widgets.component_styles import ComponentStyles
from parlertui.widgets.keylist import LIST_BINDINGS, WRAP_BINDING
from parlertui.widgets.paged_rows import PagedRows
from parlertui.widgets.panes import ItemList
from parlertui.widgets.render import Line
from parlertui.widgets.wrap_layout import WrapLayout
from parlertui.widgets.wrapped_rows import WrappedRows


class PagedList(ComponentStyles, WrappedRows, ScrollView, ItemList, can_focus=True):
    """Items read from a Listing a page at a time, under group headings, with a cursor moved by j/k/g/G."""

    BINDINGS: ClassVar[list[BindingType]] = [*LIST_BINDINGS, WRAP_BINDING]
    COMPONENT_PREFIX = "paged-list"
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "paged-list--heading",
        "paged-list--cursor",
        "paged-list--cursor-blurred",
        "paged-list--waiting",
    }
    DEFAULT_CSS = """
    PagedList {
        background: $surface;
        overflow-x: hidden;
        & > .paged-list--heading { text-style: bold; color: $text-primary; }
        & > .paged-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground;
                                  text-style: $block-cursor-text-style; }
        & > .paged-list--cursor-blurred { background: $block-cursor-blurred-background;
                                          text-style: $block-cursor-blurred-text-style; }
        & > .paged-list--waiting { color: $text-muted; }
    }
    """

    class Highlighted(Message):
        """The cursor moved onto the item `item_id`."""

        def __init__(self, paged_list: PagedList, item_id: str) -> None:
            super().__init__()
            self.paged_list = paged_list
            self.item_id = item_id

        @property
        def control(self) -> PagedList:
            return self.paged_list

    class Selected(Highlighted):
        """`enter` (or a click) on the item `item_id`."""

    def __init__(
        self, row: Callable[[Any], RenderableType], *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._render_row = row
        self.rows = PagedRows(self._forget_drawn_rows)
        """The rows read of the listing shown."""
        self.headings: list[Heading] = []
        self._firsts: list[int] = []  # the first item of each heading
        self._heading_lines: list[int] = []  # the line each heading is drawn on
        self._strips: dict[tuple[int, int, str], Strip] = {}
        self.cursor: int | None = None
        self.wrap = False
        """Every row whole, over as many lines as it needs (see widgets/wrap_layout.py); else one line each."""
        self._layout = WrapLayout(self._wrapped_height)
        self._wrapped: dict[tuple[int, int, str], list[Strip]] = {}
        self._sub = (0, 0)  # in wrap mode: the top line, and how many of its lines are scrolled past

    # What the list holds

    def show(
        self, listing: Listing, count: int, headings: list[Heading], rows: dict[int, Row], cursor: int | None
    ) -> None:
        """Show a new listing of `count` items, some rows of which are already read, the cursor on item `cursor`
        (or on the first). The owner reads the detail: no Highlighted message is sent."""
        self.rows.show(listing, count, rows)
        self.headings = headings
        self._firsts = [heading.first for heading in headings]
        self._heading_lines = [heading.first + number for number, heading in enumerate(headings)]
        self._forget_drawn()
        self._update_virtual_size()
        self.cursor = None if count == 0 else max(0, min(cursor or 0, count - 1))
        if self.cursor == 0:
            self.scroll_to(y=0, animate=False, immediate=True)
        self._scroll_to_cursor()
        self.refresh()

    @property
    def listing(self) -> Listing | None:
        return self.rows.listing

    @property
    def count(self) -> int:
        """How many items the listing shown has."""
        return self.rows.count

    @property
    def line_count(self) -> int:
        return self.count + len(self.headings)

    @property
    def option_count(self) -> int:
        """How many items there are, by the name the option lists use."""
        return self.count

    def line_of(self, index: int) -> int:
        """The line item `index` is drawn on: its place, plus the headings drawn above it."""
        return index + bisect_right(self._firsts, index)

    def at_line(self, line: int) -> tuple[str, int]:
        """What line `line` shows: ("heading", number) or ("item", index)."""
        above = bisect_right(self._heading_lines, line)
        if above and self._heading_lines[above - 1] == line:
            return "heading", above - 1
        return "item", line - above

    def row(self, index: int) -> Row | None:
        """Item `index`, read with its page if it is not at hand (None past the end or with no listing)."""
        return self.rows.row(index)

    def _forget_drawn_rows(self) -> None:
        """Forget what was drawn of rows no longer held."""
        held = set(self.rows.places())
        self._strips = {key: strip for key, strip in self._strips.items() if key[0] in held}
        kept_lines = {self.line_of(index) for index in held}
        self._wrapped = {key: strips for key, strips in self._wrapped.items() if key[0] in kept_lines}
        self._layout.forget(lambda line: line in kept_lines or self.at_line(line)[0] == "heading")

    # The cursor

    @property
    def highlighted_id(self) -> str | None:
        row = self.row(self.cursor) if self.cursor is not None else None
        return row.id if row else None

    def highlight_id(self, item_id: str | None) -> bool:
        """Put the cursor on item `item_id` and bring it into view; False if this list does not hold it."""
        if item_id is None or self.listing is None:
            return False
        at_cursor = self.rows.get(self.cursor) if self.cursor is not None else None
        if at_cursor is not None and at_cursor.id == item_id:
            self._scroll_to_cursor()
            return True
        known = self.rows.held_place(item_id)
        if known is None:
            key = self.listing.key_of(item_id)
            if key is None:
                return False
            known = self.listing.place_of_key(key)
        self.move_to(known)
        return True

    def move_to_key(self, key: Key) -> None:
        """Put the cursor on the first item at or after sort key `key` (on the last if none is). The rows around
        it are read by key, not counted out from the start."""
        if self.listing is None or not self.count:
            return
        place = min(self.listing.place_of_key(key), self.count - 1)
        self.rows.read_at_key(key, place)
        self.move_to(place)

    def move_to(self, index: int | None) -> None:
        """Put the cursor on item `index` (clamped to the list) and say so if it moved."""
        if self.count == 0 or index is None:
            changed = self.cursor is not None
            self.cursor = None
        else:
            index = max(0, min(index, self.count - 1))
            changed = index != self.cursor
            old, self.cursor = self.cursor, index
            if self.wrap:
                self.refresh()  # the rows' lines on screen are found when drawn
            else:
                for line in {self.line_of(index), *((self.line_of(old),) if old is not None else ())}:
                    self._refresh_line(line)
        self._scroll_to_cursor()
        if changed and self.cursor is not None:
            row = self.row(self.cursor)
            if row is not None:
                self.post_message(self.Highlighted(self, row.id))

    def _refresh_line(self, line: int) -> None:
        self.refresh_line(line - self.scroll_offset.y)

    def _scroll_to_cursor(self) -> None:
        if self.cursor is None:
            return
        line = self.line_of(self.cursor)
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        if height <= 0:
            return  # not laid out yet, or hidden: on_resize scrolls when it is
        heading_above = self.at_line(line - 1) == ("heading", bisect_right(self._firsts, self.cursor) - 1)
        if self.wrap:
            width = self.scrollable_content_region.width
            if line - heading_above < top or (line == top and self._top_sub()):
                self._scroll_top(line - heading_above)
            elif not self._layout.fits_below(top, line, width, height):
                self._scroll_top(max(top + 1, self._layout.top_showing(line, width, height)) if line > top else line)
        elif line - heading_above < top:
            self.scroll_to(y=line - heading_above, animate=False, immediate=True)
        elif line >= top + height:
            self.scroll_to(y=line - height + 1, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        if self._read_on(1):
            return
        self.move_to(0 if self.cursor is None else self.cursor + 1)

    def action_cursor_up(self) -> None:
        if self._read_on(-1):
            return
        if self.cursor == 0:
            self.scroll_to(y=0, animate=False, immediate=True)  # show the heading above the first item
        self.move_to(0 if self.cursor is None else self.cursor - 1)

    def action_first(self) -> None:
        self.move_to(0)
        self._sub = (0, 0)
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_last(self) -> None:
        self.move_to(self.count - 1)

    def _page_items(self) -> int:
        height = self.scrollable_content_region.height
        if self.wrap:  # the rows on screen, less the last
            shown = self._screen_lines()
            return max(1, len({line for line, _ in shown if self.at_line(line)[0] == "item"}) - 1)
        return max(1, height - 1)

    def action_page_down(self) -> None:
        self.move_to(0 if self.cursor is None else self.cursor + self._page_items())

    def action_page_up(self) -> None:
        self.move_to(0 if self.cursor is None else self.cursor - self._page_items())
        if self.cursor == 0:
            self.scroll_to(y=0, animate=False, immediate=True)

    def action_select(self) -> None:
        row = self.row(self.cursor) if self.cursor is not None else None
        if row is not None:
            self.post_message(self.Selected(self, row.id))

    def on_click(self, event: events.Click) -> None:
        if self.wrap:
            shown = self._screen_lines()
            if not 0 <= event.y < len(shown):
                return
            kind, index = self.at_line(shown[event.y][0])
        else:
            kind, index = self.at_line(event.y + self.scroll_offset.y)
        if kind == "item" and index < self.count:
            self.move_to(index)
            if event.chain > 1:
                self.action_select()

    def styles_changed(self) -> None:
        self._strips.clear()  # drawn in the styles forgotten
        self._wrapped.clear()
        super().styles_changed()

    def on_resize(self) -> None:
        self._forget_drawn()
        self._update_virtual_size()
        self.call_after_refresh(self._scroll_to_cursor)

    def set_wrap(self, wrap: bool) -> None:
        """Show every row whole (True) or one line each, keeping the cursor in view."""
        if wrap == self.wrap:
            return
        self.wrap = wrap
        self._sub = (0, 0)
        self._forget_drawn()
        self._update_virtual_size()
        self._scroll_to_cursor()
        self.refresh()

    def _forget_drawn(self) -> None:
        self._strips.clear()
        self._wrapped.clear()
        self._layout.clear()

    def _update_virtual_size(self) -> None:
        """One line a row; in wrap mode, as far as the end of the list needs to show its last rows whole."""
        width, height = self.scrollable_content_region.width, self.scrollable_content_region.height
        lines = self.line_count
        if self.wrap and width > 0 and height > 0 and lines:
            lines = self._layout.end_top(width, height, lines) + height
        self.virtual_size = Size(0, lines)

    # Drawing

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if self.wrap:
            return self._render_wrapped_line(y, width)
        line = self.scroll_offset.y + y
        if line >= self.line_count or width <= 0:
            return Strip.blank(width, self.component_style("base"))
        kind, number = self.at_line(line)
        if kind == "heading":
            return self._strip(Text(f"── {self.headings[number].label} "), width, self.component_style("heading"))
        row = self.row(number)
        if row is None:
            return self._strip(Text("…"), width, self.component_style("waiting"))
        state = "cursor" if number == self.cursor else ""
        if state and not self.has_focus:
            state = "cursor-blurred"
        cached = self._strips.get((number, width, state))
        if cached is None:
            style = self.component_style("base") + (self.component_style(state) if state else Style())
            cached = self._strips[(number, width, state)] = self._strip(self._render_row(row.record), width, style)
        return cached

    def _strip(self, renderable: RenderableType, width: int, style: Style) -> Strip:
        console = self.app.console
        if isinstance(renderable, Line):  # one line already cut to width: no layout to do
            segments = renderable.segments(width)
            if segments is not None:
                return Strip(segments, width).apply_style(style)
            text = renderable.text(width)
            segments = list(text.render(console, end=""))
            return Strip(segments).adjust_cell_length(width, style).apply_style(style)
        lines = console.render_lines(renderable, console.options.update_width(width), style=style, pad=True)
        segments = lines[0] if lines else [Segment(" " * width, style)]
        return Strip(segments, width).apply_style(style)

    def items_on_screen(self) -> list[int]:
        """The items with a line on screen, top to bottom (in wrap mode a row may have only some of its lines)."""
        region = self.scrollable_content_region
        if self.wrap:
            lines = dict.fromkeys(line for line, _ in self._screen_lines())
        else:
            lines = dict.fromkeys(
                range(self.scroll_offset.y, min(self.line_count, self.scroll_offset.y + region.height))
            )
        return [number for kind, number in map(self.at_line, lines) if kind == "item"]

    def line_text(self, line: int) -> str:
        """What line `line` says, as plain text (for tests and exports of what is on screen)."""
        kind, number = self.at_line(line)
        if kind == "heading":
            return f"── {self.headings[number].label}"
        row = self.row(number)
        return (
            ""
            if row is None
            else "".join(s.text for s in self._strip(self._render_row(row.record), 300, Style())).rstrip()
        )
