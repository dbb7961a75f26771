"""Search results: entries of wrapped text with the matched words marked and a dim line under each, under headings.

An OptionList measured and drew every result through Rich's layout: 8 to 14 ms of the first search's repaint on
the big store. This list wraps its entries itself when they arrive or the width changes, and draws the lines on
screen straight into segments.
"""

from __future__ import annotations

import re
from typing import ClassVar, NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from parlertui.widgets.component_styles import ComponentStyles
from parlertui.widgets.keylist import LIST_BINDINGS

Pieces = list[tuple[str, bool]]
"""Text as runs, each flagged True where it matched the words searched for."""


class ResultItem(NamedTuple):
    """A result (with an id) or a heading (without one: the cursor passes over it)."""

    id: str | None
    pieces: Pieces
    note: str = ""  # a dim line under the text: what the result is
    italic: bool = False


class Drawn(NamedTuple):
    """One line on screen: which entry, what kind of line, its runs of text."""

    entry: int
    kind: str  # "heading", "text" or "note"
    pieces: Pieces


def wrap(pieces: Pieces, width: int) -> list[Pieces]:
    """`pieces` in lines at most `width` cells wide, broken at spaces (a word longer than a line is cut). The spaces
    a line is broken at are dropped; nothing else is."""
    lines: list[Pieces] = [[]]
    used = 0
    for text, matched in pieces:
        for token in _tokens(text):
            size = cell_len(token)
            if token.isspace():
                if used + size > width:
                    lines.append([])
                    used = 0
                elif used:
                    lines[-1].append((token, matched))
                    used += size
                continue
            if used + size > width and used:
                lines.append([])
                used = 0
            while size > width > 0:  # a word longer than the line: as much as fits, then the rest on the next
                head = _fit(token, width)
                lines[-1].append((head, matched))
                lines.append([])
                token = token[len(head) :]
                size = cell_len(token)
            if token:
                lines[-1].append((token, matched))
                used += size
    for line in lines:  # a space a line ends with is drawn as the padding it is
        while line and line[-1][0].isspace():
            line.pop()
    return lines


def _tokens(text: str) -> list[str]:
    """Words and the runs of spaces between them, in order."""
    return re.findall(r" +|[^ ]+", text)


def _fit(word: str, width: int) -> str:
    """The longest start of `word` at most `width` cells wide (at least one character)."""
    end = len(word)
    while end > 1 and cell_len(word[:end]) > width:
        end -= 1
    return word[:end]


class ResultList(ComponentStyles, ScrollView, can_focus=True):
    """Results under headings, moved through by j/k/g/G, pages and the mouse; `enter` or a click opens one."""

    BINDINGS: ClassVar[list[BindingType]] = LIST_BINDINGS
    COMPONENT_PREFIX = "result-list"
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "result-list--heading",
        "result-list--match",
        "result-list--note",
        "result-list--cursor",
        "result-list--cursor-blurred",
    }

    class Selected(Message):
        """`enter` or a click on the result `entry_id`."""

        def __init__(self, result_list: ResultList, entry_id: str) -> None:
            super().__init__()
            self.result_list = result_list
            self.entry_id = entry_id

        @property
        def control(self) -> ResultList:
            return self.result_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[ResultItem] = []
        self.cursor: int | None = None  # the entry the cursor is on (never a heading)
        self._lines: list[Drawn] = []
        self._first_line: list[int] = []  # the line each entry starts on
        self._width = 0  # the width the lines were wrapped to

    # What the list holds

    def show(self, entries: list[ResultItem]) -> None:
        """Show these entries, the cursor on the first result, scrolled to the top."""
        self.entries = entries
        self._width = 0
        self._lay_out()
        self.cursor = self._next_result(0, 1)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    @property
    def option_count(self) -> int:
        """How many results there are (headings aside), by the name the option lists use."""
        return sum(entry.id is not None for entry in self.entries)

    @property
    def highlighted_id(self) -> str | None:
        return None if self.cursor is None else self.entries[self.cursor].id

    def highlight_id(self, entry_id: str | None) -> bool:
        """Put the cursor on the result `entry_id` and bring it into view; False if the list does not hold it."""
        index = next((i for i, entry in enumerate(self.entries) if entry.id is not None and entry.id == entry_id), None)
        if index is None:
            return False
        self.move_to(index)
        return True

    def lines_text(self) -> list[str]:
        """Every line as plain text, in order, as wrapped for the current width (for tests)."""
        self._lay_out()
        return ["".join(text for text, _ in line.pieces) for line in self._lines]

    def _lay_out(self) -> None:
        width = max(1, self.scrollable_content_region.width or self.size.width or 80)
        if width == self._width:
            return
        self._width = width
        self._lines, self._first_line = [], []
        for number, entry in enumerate(self.entries):
            self._first_line.append(len(self._lines))
            if entry.id is None:
                self._lines.extend(Drawn(number, "heading", line) for line in wrap(entry.pieces, width))
                continue
            self._lines.extend(Drawn(number, "text", line) for line in wrap(entry.pieces, width))
            if entry.note:  # indented under the text, wrapped too: a long source's date is at its end
                self._lines.extend(
                    Drawn(number, "note", [("  ", False), *line])
                    for line in wrap([(entry.note, False)], max(1, width - 2))
                )
        self.virtual_size = Size(0, len(self._lines))

    def on_resize(self) -> None:
        self._lay_out()
        self.call_after_refresh(self._scroll_to_cursor)

    # The cursor

    def _next_result(self, start: int, step: int) -> int | None:
        """The first result at or after `start` going by `step`, if any."""
        index = start
        while 0 <= index < len(self.entries):
            if self.entries[index].id is not None:
                return index
            index += step
        return None

    def move_to(self, index: int | None) -> None:
        if index is None:
            return
        if index != self.cursor:
            for entry in (self.cursor, index):
                if entry is not None:
                    self._refresh_entry(entry)
            self.cursor = index
        self._scroll_to_cursor()

    def _entry_lines(self, entry: int) -> tuple[int, int]:
        """The first line of an entry and the line after its last."""
        self._lay_out()
        start = self._first_line[entry]
        end = self._first_line[entry + 1] if entry + 1 < len(self._first_line) else len(self._lines)
        return start, end

    def _refresh_entry(self, entry: int) -> None:
        start, end = self._entry_lines(entry)
        width = self.scrollable_content_region.width
        self.refresh(Region(0, start - self.scroll_offset.y, width, end - start))

    def _scroll_to_cursor(self) -> None:
        if self.cursor is None or self.scrollable_content_region.height <= 0:
            return
        start, end = self._entry_lines(self.cursor)
        if self.cursor > 0 and self.entries[self.cursor - 1].id is None:
            start -= 1  # the heading over the first result of a kind comes into view with it
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        if start < top:
            self.scroll_to(y=start, animate=False, immediate=True)
        elif end > top + height:
            self.scroll_to(y=min(start, end - height), animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self.move_to(self._next_result(0 if self.cursor is None else self.cursor + 1, 1))

    def action_cursor_up(self) -> None:
        before = self._next_result(0 if self.cursor is None else self.cursor - 1, -1)
        if before is None:
            self.scroll_to(y=0, animate=False, immediate=True)  # show the heading above the first result
        self.move_to(before)

    def action_first(self) -> None:
        self.move_to(self._next_result(0, 1))
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_last(self) -> None:
        self.move_to(self._next_result(len(self.entries) - 1, -1))

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        """Move the cursor by a screenful of lines: to the result at that line, or the last (first) one. A result
        taller than the list is read through first, a screenful at a time."""
        if self.cursor is None:
            return
        self._lay_out()
        start, end = self._entry_lines(self.cursor)
        page = max(1, self.scrollable_content_region.height - 1)
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        if direction > 0 and end > top + height:
            self.scroll_to(y=min(top + page, end - height), animate=False, immediate=True)
            return
        if direction < 0 and start < top:
            self.scroll_to(y=max(start, top - page), animate=False, immediate=True)
            return
        line = max(0, min(len(self._lines) - 1, start + direction * page))
        target = self._next_result(self._lines[line].entry, direction) if self._lines else None
        if target == self.cursor:  # still within this result: on to the next one
            target = self._next_result(self.cursor + direction, direction)
        if target is None:
            target = self._next_result(len(self.entries) - 1 if direction > 0 else 0, -direction)
        if target == self.cursor:  # the last (first) result, read through: stay at the list's end (start)
            self.scroll_to(y=self.max_scroll_y if direction > 0 else 0, animate=False, immediate=True)
            return
        self.move_to(target)
        if direction < 0 and target == self._next_result(0, 1):
            self.scroll_to(y=0, animate=False, immediate=True)

    def action_select(self) -> None:
        if self.cursor is not None:
            self.post_message(self.Selected(self, self.entries[self.cursor].id or ""))

    def on_click(self, event: events.Click) -> None:
        line = event.y + self.scroll_offset.y
        if 0 <= line < len(self._lines) and self.entries[self._lines[line].entry].id is not None:
            self.move_to(self._lines[line].entry)
            self.action_select()

    # Drawing

    def render_line(self, y: int) -> Strip:
        self._lay_out()
        width = self.scrollable_content_region.width
        line_number = self.scroll_offset.y + y
        base = self.component_style("base")
        if line_number >= len(self._lines) or width <= 0:
            return Strip.blank(width, base)
        line = self._lines[line_number]
        style = base
        if line.kind == "heading":
            style += self.component_style("heading")
        elif line.kind == "note":
            style += self.component_style("note")
        elif self.entries[line.entry].italic:
            style += Style(italic=True)
        if line.entry == self.cursor:  # over the note's own colours: the whole entry is under the cursor
            style += self.component_style("cursor" if self.has_focus else "cursor-blurred")
        segments, used = [], 0
        for text, matched in line.pieces:
            room = width - used
            if room <= 0:
                break
            if cell_len(text) > room:
                text = set_cell_size(text, room - 1) + "…"
            segments.append(Segment(text, style + self.component_style("match") if matched else style))
            used += cell_len(text)
        segments.append(Segment(" " * (width - used), style))
        return Strip(segments, width)
