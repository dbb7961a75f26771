"""How a list's row shares out its width: fixed cells (a date), names that size to their content up to a share of
the width (a speaker, an outlet, a kind), and one cell that takes the rest (the title or the words).

Every row of a list is given the same specs, so its columns line up; the naturals come from the store (the longest
name it holds), not from the row. In wrap mode a row runs over as many lines as it needs, each cell wrapped within
its own column, so that every character is kept and no line is wider than the list.

Pure functions over Rich Text: no widgets here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.text import Text


class Sized(NamedTuple):
    """A column as wide as its widest content (`natural`), but never more than `share` of the row."""

    natural: int
    share: float
    least: int = 4
    """Never narrower than this (when the row is wide enough for it at all)."""


Width = int | Sized | None
"""A cell's width: fixed cells, sized names, and None for the one cell that takes what is left."""


SHORT = 16
"""In wrap mode a name column no wider than this is never narrowed: a kind is not broken over two lines."""


def allocate(widths: Sequence[Width], max_width: int, *, wrap: bool = False) -> list[int]:
    """The width each cell gets in a row `max_width` cells wide. Every cell but the flexible one is followed by a
    space; the total (spaces included) is never more than `max_width` unless the fixed cells alone are."""
    sized = [
        (
            width.natural
            if wrap and width.natural <= SHORT
            else min(width.natural, max(min(width.least, width.natural), int(width.share * max_width)))
        )
        if isinstance(width, Sized)
        else width
        for width in widths
    ]
    taken = sum(width + 1 for width in sized if width is not None)
    for number in reversed(range(len(sized))):  # names narrowed, last first, until the row fits (if it can)
        room = sized[number]
        if taken > max_width and isinstance(widths[number], Sized) and room:
            cut = min(room, taken - max_width)
            sized[number], taken = room - cut, taken - cut
    rest = max(0, max_width - taken)
    return [rest if width is None else width for width in sized]


def natural_width(cells: Sequence[tuple[Text, Width]]) -> int:
    """How wide a row would be with every cell whole: what a list sized to its content measures."""
    total = 0
    for text, width in cells:
        if width is None:
            total += max((cell_len(line) for line in text.plain.split("\n")), default=0)
        else:
            total += (width.natural if isinstance(width, Sized) else width) + 1
    return total


_WRAP_CONSOLE = Console(width=1000, color_system=None, force_terminal=False, legacy_windows=False)


def wrap_cell(text: Text, width: int, console: Console | None = None) -> list[Text]:
    """A cell's text over as many lines as it needs in `width` cells: broken between words, a word longer than the
    column folded. Never an empty list (an empty cell is one blank line)."""
    if width <= 0:
        return [Text()]
    lines = text.wrap(console or _WRAP_CONSOLE, width, overflow="fold")
    return list(lines) or [Text()]


def wrapped_lines(cells: Sequence[tuple[Text, Width]], max_width: int, console: Console | None = None) -> list[Text]:
    """A row over as many lines as it needs, its cells side by side in their columns, each line at most
    `max_width` cells wide. Where the fixed cells alone do not fit, the cells run on one after another."""
    if max_width <= 0:
        return [Text()]
    widths = allocate([width for _, width in cells], max_width, wrap=True)
    flexible = [width is None for _, width in cells]
    too_narrow = any(room <= 0 and text.plain.strip() for (text, _), room in zip(cells, widths, strict=True))
    if too_narrow or sum(w + (0 if flex else 1) for w, flex in zip(widths, flexible, strict=True)) > max_width:
        joined = Text(" ").join(text for text, _ in cells if text.plain)
        return wrap_cell(joined, max_width, console)
    columns = [wrap_cell(text, width, console) for (text, _), width in zip(cells, widths, strict=True)]
    height = max(len(column) for column in columns)
    lines = []
    for number in range(height):
        line = Text(no_wrap=True, end="")
        for column, width, flex in zip(columns, widths, flexible, strict=True):
            part = column[number].copy() if number < len(column) else Text()
            part.rstrip()
            part.pad_right(width - part.cell_len)
            line.append_text(part)
            if not flex:
                line.append(" ")
        line.rstrip()
        lines.append(line)
    return lines


def cut(words: str, room: int) -> str:
    """`words` in exactly `room` cells: padded, or cut with an ellipsis."""
    if cell_len(words) > room:
        return set_cell_size(words, room - 1) + "…" if room else ""
    return set_cell_size(words, room)
