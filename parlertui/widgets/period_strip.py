"""The strip over a long list: how many events (or quotes) each period holds, a lane per side, long silences
folded into a break that gives their length, the list's cursor marked. It draws what it is given; the counts are
read by its view (store.counts) and laid out by store.periods.

Without colour it still reads: the lanes are lettered as the list's marks are (P A C O), the bars' heights carry
the counts, and the cursor's period is reversed on the axis (in the lanes it is only shaded, since a reversed bar
would read as its opposite).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from parlertui.store.counts import Counts
from parlertui.store.periods import (
    Column,
    UNITS,
    StripLayout,
    axis_text,
    clip,
    fit,
    lane_text,
    period_label,
    period_of,
    window,
)
from parlertui.widgets.component_styles import ComponentStyles
from parlertui.widgets.render import PALETTE, SideLabels

LABEL = 2
"""Cells before the lanes: the side's letter and a space."""

TWO_ROW_LANES = 4
"""At most this many lanes are drawn two rows high."""

TALL = 36
"""Terminals this many rows high or more draw each lane two rows high."""


def lay_out_all(counts: Counts, room: int) -> dict[tuple[int, str | None], StripLayout]:
    """The strip's layouts of `counts` at every unit for `room` cells, made where the counts are read (a worker):
    at the day unit, a store of years has thousands of columns to lay out, too many for a key press."""
    layouts: dict[tuple[int, str | None], StripLayout] = {
        (room, unit): fit(counts.by_unit, room, unit) for unit in UNITS
    }
    layouts[(room, None)] = layouts[(room, fit(counts.by_unit, room).unit)]
    return layouts


class PeriodStrip(ComponentStyles, Widget):
    """Counts per period and side, as bars; `mark` a sort key to show where the list's cursor is."""

    COMPONENT_PREFIX = "period-strip"
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"period-strip--side-{place}" for place in range(1, PALETTE + 1)),
        "period-strip--cursor",
        "period-strip--cursor-axis",
        "period-strip--axis",
        "period-strip--break",
    }
    DEFAULT_CSS = Path(__file__).with_name("period_strip.tcss").read_text(encoding="utf-8")

    class PeriodClicked(Message):
        """A click on the strip, on the period `period` (for a break, the first period after it)."""

        def __init__(self, strip: PeriodStrip, period: str) -> None:
            super().__init__()
            self.strip, self.period = strip, period

        @property
        def control(self) -> PeriodStrip:
            return self.strip

    def __init__(self, side_labels: SideLabels, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.side_labels = side_labels
        self.counts: Counts | None = None
        self.unit: str | None = None  # None: the finest unit that fits; else the reader's choice
        self.strip_layout: StripLayout | None = None
        self.sides: list[int] = []  # the lanes drawn: the places (in the store's sides) of those with anything counted
        self.marked: str | None = None  # the sort key of the list's cursor
        self._start = 0  # the first cell drawn, when the strip is wider than the widget
        self._laid_for: tuple[int, str | None, int] | None = None
        self._layouts: dict[tuple[int, str | None], StripLayout] = {}
        self._places: dict[str, int] = {}  # the column of each period counted
        self._breaks: list[Column] = []
        self._lines: dict[tuple[int, int], str] = {}  # lane and row (-1: the axis) -> its text, for this layout
        self._lines_from: tuple[int, int] | None = None  # the cells of the strip those texts show
        self._part: tuple[StripLayout, int] | None = None  # those cells as a strip of their own, and where they start

    # What it shows

    @property
    def room(self) -> int:
        """The cells the lanes have across."""
        return max(1, self.content_region.width - LABEL)

    def show_counts(
        self,
        counts: Counts,
        layouts: dict[tuple[int, str | None], StripLayout] | None = None,
        *,
        keep_unit: bool = False,
    ) -> None:
        """Show new counts (new filters or date), with any layouts of them made already (by `room` and unit, None
        for the unit that fits; see lay_out_all); the unit is chosen again to fit unless `keep_unit`."""
        self.counts = counts
        self._layouts = dict(layouts or {})
        if not keep_unit:
            self.unit = None
        places = range(len(self.side_labels.sides))
        self.sides = [place for place in places if any(c.sides[place] for c in counts.by_unit["year"])]
        self._laid_for = None
        self.refresh(layout=True)

    def mark(self, key: str | None) -> None:
        """Mark the period of the item with sort key `key` (the list's cursor)."""
        if key != self.marked:
            before = self._marked_column()
            self.marked = key
            if self._marked_column() != before or self.strip_layout is None:
                self._title()
                self.refresh()

    def zoom(self, finer: bool) -> str | None:
        """One unit finer or coarser; the unit now, or None if there is none further that way."""
        layout = self._laid_out()
        if layout is None:
            return None
        index = UNITS.index(layout.unit) + (-1 if finer else 1)
        if not 0 <= index < len(UNITS):
            return None
        self.unit = UNITS[index]
        self._laid_for = None
        self.refresh()
        self._laid_out()
        return self.unit

    def neighbour(self, key: str, later: bool) -> str | None:
        """The name of the nearest period with anything in it after (or before) the period of sort key `key`."""
        layout = self._laid_out()
        if layout is None:
            return None
        here = period_of(key, layout.unit)
        periods = [column.period for column in layout.columns if column.kind == "period"]
        if later:
            return next((period for period in periods if period > here), None)
        earlier = [period for period in periods if period < here]
        return earlier[-1] if earlier else None

    # Laying out

    @property
    def lane_rows(self) -> int:
        """Two rows a lane on a tall terminal, for a few sides; one for many, so the strip leaves the list room."""
        return 2 if self.app.size.height >= TALL and len(self.sides) <= TWO_ROW_LANES else 1

    def get_content_height(self, container, viewport, width: int) -> int:
        return max(1, len(self.sides)) * self.lane_rows + 1

    def _laid_out(self) -> StripLayout | None:
        if self.counts is None:
            return None
        width = self.room
        wanted = (width, self.unit, id(self.counts))
        if self._laid_for != wanted:
            self._laid_for = wanted
            layout = self._layouts.get((width, self.unit))
            if layout is None:
                layout = self._layouts[(width, self.unit)] = fit(self.counts.by_unit, width, self.unit)
            self.strip_layout = layout
            self._places = {
                column.period: index
                for index, column in enumerate(self.strip_layout.columns)
                if column.kind == "period"
            }
            self._lines.clear()
            self._lines_from = None
            self._breaks = [column for column in self.strip_layout.columns if column.kind == "break"]
            self._title()
        return self.strip_layout

    def _marked_column(self) -> int | None:
        layout = self.strip_layout
        if layout is None or self.marked is None:
            return None
        return self._places.get(period_of(self.marked, layout.unit))

    def _title(self) -> None:
        layout, counts = self.strip_layout, self.counts
        if layout is None or counts is None:
            return
        what = counts.what.capitalize()
        by = "by side taking part" if counts.what == "events" else "by speaker's side"
        dated = " dated" if counts.what == "quotes" else ""  # an undated quote has no place on the strip
        title = f"{what} a {layout.unit}, {by} ({counts.total:,}{dated}) · █ {layout.peak:,}"
        column = self._marked_column()
        if column is not None:
            count = layout.columns[column].counted
            if count is not None:
                title += f" · {period_label(count.period, short=False)}: {count.total:,}"
        self.border_title = title
        self.border_subtitle = None

    def on_resize(self) -> None:
        self._laid_for = None  # (and the lanes' height may have changed with the terminal's)
        self.refresh(layout=True)

    # Drawing

    def _side_style(self, place: int) -> Style:
        """The colour of the side at `place`: its own for this theme's darkness, if the dataset gives one."""
        own = self.side_labels.sides[place].colour(self.app.current_theme.dark)
        return Style(color=own) if own else self.component_style(f"side-{place % PALETTE + 1}")

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        layout = self._laid_out()
        base = self.component_style("base")
        if layout is None or width <= LABEL:
            return Strip.blank(width, base)
        rows = self.lane_rows
        marked = self._marked_column()
        self._start = start = window(layout, width - LABEL, marked, self._start)
        cursor = layout.columns[marked] if marked is not None else None
        lane, row = divmod(y, rows)
        view = width - LABEL
        if lane < len(self.sides):
            side = self.sides[lane]
            style = base + self._side_style(side)
            cells = self._line(layout, side, row, start, view)
            label = self.side_labels.sides[side].mark if row == rows - 1 else " "
            segments = [Segment(f"{label} ", style + Style(bold=True))]
        elif lane == len(self.sides) and row == 0:
            style = base + self.component_style("axis")
            cells = self._line(layout, -1, 0, start, view)
            segments = [Segment(" " * LABEL, style)]
        else:
            return Strip.blank(width, base)
        # Styles over the line: the breaks muted, then the cursor's period (shaded in the lanes: a reversed bar
        # would read as its opposite; reversed on the axis, so it shows without colour too).
        spans = [(c.x, c.x + c.width, base + self.component_style("break")) for c in self._breaks]
        if cursor is not None:
            if lane == len(self.sides):
                marked_style = style + self.component_style("cursor-axis")
            else:
                marked_style = style + Style(bgcolor=self.component_style("cursor").bgcolor)
            spans.append((cursor.x, cursor.x + cursor.width, marked_style))
        at = 0
        for left, right, over in sorted(spans, key=lambda span: span[0]):
            left, right = max(left - start, at), min(right - start, view)
            if left >= right:
                continue
            segments += [Segment(cells[at:left], style), Segment(cells[left:right], over)]
            at = right
        segments.append(Segment(cells[at:view], style))
        return Strip(segments).adjust_cell_length(width, base)

    def _line(self, layout: StripLayout, side: int, row: int, start: int, width: int) -> str:
        """What a lane's row (side -1: the axis) shows from cell `start`, `width` cells of it."""
        if self._lines_from != (start, width):
            self._lines_from = (start, width)
            self._lines.clear()
            self._part = clip(layout, start, width)
        text = self._lines.get((side, row))
        if text is None:
            assert self._part is not None
            part, offset = self._part
            if side < 0:
                text = axis_text(part)[start - offset : start - offset + width]
                self._lines[(side, row)] = text
            else:
                for number, line in enumerate(lane_text(part, side, self.lane_rows)):
                    self._lines[(side, number)] = line[start - offset : start - offset + width]
                text = self._lines[(side, row)]
        return text.ljust(width)

    def on_click(self, event: events.Click) -> None:
        layout = self.strip_layout
        if layout is None:
            return
        column = layout.column_at(event.x - LABEL + self._start)
        if column is not None:
            event.stop()
            self.post_message(self.PeriodClicked(self, column.period))
