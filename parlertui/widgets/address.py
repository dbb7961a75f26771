"""An address (URL) in a detail: never broken inside a word. On one line, cut with "…" where the pane is narrower;
in wrap mode whole, over as many lines as it needs, broken only after a "/", ".", "-" or the like."""

from __future__ import annotations

import re

from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

PIECES = re.compile(r"[^/?&=#.\-_~:+,;]*[/?&=#.\-_~:+,;]*")
"""A run of letters and digits and the punctuation after it: the places an address may be broken."""


def address_pieces(url: str) -> list[str]:
    """`url` cut after each run of punctuation; joined, the pieces are `url` again."""
    return [piece for piece in PIECES.findall(url) if piece]


def fold_address(url: str, width: int, first: int | None = None) -> list[str]:
    """`url` over lines at most `width` cells wide (`first` for the first line), broken only between pieces; a
    piece wider than a whole line is folded, the one case where nothing else keeps every character."""
    width = max(1, width)
    lines: list[str] = []
    line, room = "", width if first is None else max(0, first)
    for piece in address_pieces(url):
        if cell_len(line + piece) > room and (line or cell_len(piece) <= width):
            lines.append(line)
            line, room = "", width
        if cell_len(piece) > room:  # a word wider than the pane
            start = chop_cells(piece, room)[0] if room else ""
            *whole, piece = [start, *chop_cells(piece[len(start) :], width)] if start else chop_cells(piece, width)
            lines += whole
        line += piece
    lines.append(line)
    return lines


class Address:
    """`label: url` as a detail shows it; `wrap` shows it whole over several lines where it does not fit."""

    def __init__(self, label: str, url: str, *, wrap: bool = False) -> None:
        self.label, self.url, self.wrap = label, url, wrap

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        head = Text(f"{self.label}: ", style="bold")
        line = head + Text(self.url)
        if line.cell_len <= width or not self.wrap:
            line.no_wrap = True
            line.overflow = "ellipsis"
            line.truncate(width, overflow="ellipsis")
            yield line
            return
        room = width - head.cell_len
        if room < 12:  # too little beside the label: the address starts on a line of its own
            yield head
            pieces = fold_address(self.url, width)
        else:
            first, *rest = fold_address(self.url, width, first=room)
            yield head + Text(first)
            pieces = rest
        for piece in pieces:
            yield Text(piece, no_wrap=True)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, min(options.max_width, cell_len(self.label) + 2 + cell_len(self.url)))
