"""Where the lines of a paged list fall when its rows wrap: which row, and which of its lines, each screen line shows.

A list of a million rows is never wrapped whole. In wrap mode the list scrolls by rows (its scroll offset is the
line, heading or item, at the top of the screen) and only the rows on screen, and the few at the end that fix how
far it can scroll, are wrapped: their heights are kept per width, and forgotten with their rows.
"""

from __future__ import annotations

from collections.abc import Callable


class WrapLayout:
    """Heights of the list's lines (headings and items) when wrapped, read through `height(line, width)`, and the
    screen laid out from a top line."""

    def __init__(self, height: Callable[[int, int], int]) -> None:
        self._measure = height
        self._heights: dict[tuple[int, int], int] = {}
        self._screen: tuple[tuple[int, int, int, int, int], list[tuple[int, int]]] | None = None

    def clear(self) -> None:
        self._heights.clear()
        self._screen = None

    def forget(self, keep: Callable[[int], bool]) -> None:
        """Forget the heights of the lines `keep` says no to (their rows are forgotten too)."""
        self._heights = {key: height for key, height in self._heights.items() if keep(key[0])}
        self._screen = None

    def height(self, line: int, width: int) -> int:
        key = (line, width)
        found = self._heights.get(key)
        if found is None:
            found = self._heights[key] = max(1, self._measure(line, width))
        return found

    def screen(self, top: int, sub: int, width: int, rows: int, lines: int) -> list[tuple[int, int]]:
        """(line, line within it) for each of the `rows` screen lines from line `top`, `sub` lines into it, in a list
        of `lines` lines."""
        key = (top, sub, width, rows, lines)
        if self._screen is not None and self._screen[0] == key:
            return self._screen[1]
        shown: list[tuple[int, int]] = []
        line, within = top, sub
        while len(shown) < rows and line < lines:
            height = self.height(line, width)
            shown.extend((line, number) for number in range(within, height)[: rows - len(shown)])
            line, within = line + 1, 0
        self._screen = (key, shown)
        return shown

    def end_top(self, width: int, rows: int, lines: int) -> int:
        """The top line from which the end of the list just fills the screen: the furthest it scrolls."""
        total, line = 0, lines
        while line > 0:
            total += self.height(line - 1, width)
            if total > rows:
                return min(line, lines - 1)
            line -= 1
        return 0

    def top_showing(self, line: int, width: int, rows: int) -> int:
        """The top line that shows line `line` whole at the bottom of the screen (or at its top, if it is taller)."""
        total, top = self.height(line, width), line
        while top > 0 and total + self.height(top - 1, width) <= rows:
            top -= 1
            total += self.height(top, width)
        return top

    def fits_below(self, top: int, line: int, width: int, rows: int) -> bool:
        """Whether line `line`, at or below `top`, is shown whole on a screen of `rows` lines from `top`."""
        if line - top >= rows:
            return False  # more lines between them than the screen holds, each at least one high
        return sum(self.height(at, width) for at in range(top, line + 1)) <= rows
