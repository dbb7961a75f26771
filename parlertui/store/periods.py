"""The shape of the record over time, as pure functions: events (or quotes) counted per period and side, and laid
out in a strip of columns with long empty stretches folded into a break that says how long they are.

No SQL and no Textual here. A period is named by the start of a sort key: "2021-01-06" (a day), "2021-01" (a month),
"1980" (a year). An item dated less precisely than the unit keeps its own period: at the day unit, an event known
only to December 2020 is counted in "2020-12", not on the 1st. Periods' names sort as the items in them do, and a
period's name is the lowest sort key its items can have, so the list can be moved to a period by its name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from bisect import bisect_left, bisect_right
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from parlertui.store.dates import MONTH_NAMES

UNITS = ("day", "month", "year")
"""From the finest to the coarsest."""

UNIT_NAMES = {"day": "day", "month": "month", "year": "year"}


class PeriodCount(NamedTuple):
    """How many items fall in one period, in all and for each side taking part (in the store's order of sides)."""

    period: str
    total: int
    sides: tuple[int, ...]


class Column(NamedTuple):
    """One place on the strip: a period (counted, perhaps empty) or a break. `x` and `width` in cells."""

    kind: str  # "period", "empty" (a period with nothing in it, drawn) or "break"
    x: int
    width: int
    period: str = ""  # for "period" and "empty": its name; for a break, the first period it folds
    counted: PeriodCount | None = None
    label: str = ""  # for a break: "⋯ 40 years ⋯"


class StripLayout(NamedTuple):
    """The strip laid out for one unit: its columns left to right, how wide it is, and the largest count."""

    unit: str
    cell: int  # cells per period
    columns: tuple[Column, ...]
    width: int
    peak: int  # the largest count of any side in any period (the scale's top)

    def column_of(self, period: str | None) -> int | None:
        """The index of the column showing `period` (or, for an item's sort key, its period), if any."""
        if period is None:
            return None
        for index, column in enumerate(self.columns):
            if column.kind == "period" and column.period == period:
                return index
        return None

    def column_at(self, x: int) -> Column | None:
        """The column drawn at cell `x`, if any."""
        for column in self.columns:
            if column.x <= x < column.x + column.width:
                return column
        return None


# Periods


def precision_of(key: str) -> str:
    """How precise a sort key's date is, as a unit: "year" for "1980 00001", "month" for "2020-12 00000", else
    "day"."""
    if key[4:5] in (" ", ""):
        return "year"
    if key[7:8] in (" ", ""):
        return "month"
    return "day"


def period_of(key: str, unit: str) -> str:
    """The period of `unit` a sort key falls in, never more precise than the key itself."""
    length = {"year": 4, "month": 7, "day": 10}
    return key[: min(length[unit], length[precision_of(key)])]


def period_unit(period: str) -> str:
    return {4: "year", 7: "month"}.get(len(period), "day")


def first_day(period: str) -> date:
    if len(period) == 4:
        return date(int(period), 1, 1)
    if len(period) == 7:
        return date(int(period[:4]), int(period[5:7]), 1)
    return date.fromisoformat(period)


def last_day(period: str) -> date:
    start = first_day(period)
    if len(period) == 4:
        return date(start.year, 12, 31)
    if len(period) == 7:
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return start


def steps(unit: str, after: date, before: date) -> int:
    """How many whole periods of `unit` lie strictly between the day `after` and the day `before` (0 if none)."""
    if unit == "day":
        return max(0, before.toordinal() - after.toordinal() - 1)
    if unit == "month":
        # The months after `after`'s month and before `before`'s (a month only partly empty is not counted).
        return max(0, (before.year * 12 + before.month) - (after.year * 12 + after.month) - 1)
    return max(0, before.year - after.year - 1)


def stretch(after: date, before: date) -> str:
    """The length of the empty time between two days, as a person says it: "40 years", "7 months", "12 days"."""
    days = before.toordinal() - after.toordinal() - 1
    if days >= 730:
        return _plural(round(days / 365.25), "year")
    if days >= 60:
        return _plural(round(days / 30.44), "month")
    return _plural(max(days, 0), "day")


def _plural(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def period_label(period: str, short: bool = True) -> str:
    """How the axis names a period: "6" (a day), "Jan" (a month), "2021"; long: "6 Jan 2021", "Jan 2021"."""
    unit = period_unit(period)
    if unit == "year":
        return period
    month = MONTH_NAMES[int(period[5:7]) - 1][:3]
    if unit == "month":
        return month if short else f"{month} {period[:4]}"
    day = str(int(period[8:10]))
    return day if short else f"{day} {month} {period[:4]}"


# Counting


def roll_up(counts: Iterable[PeriodCount], unit: str) -> list[PeriodCount]:
    """Counts per day (and per less precise period) added up per period of a coarser `unit`, in order."""
    totals: dict[str, list[int]] = {}
    for count in counts:
        period = period_of(count.period, unit)
        into = totals.setdefault(period, [0] * (1 + len(count.sides)))
        into[0] += count.total
        for index, number in enumerate(count.sides):
            into[index + 1] += number
    return [PeriodCount(period, into[0], tuple(into[1:])) for period, into in sorted(totals.items())]


# Laying out


BREAK_ROOM = 5
"""Cells a break takes beyond its label: room on its left for the name of the period before it, a space after."""


def lay_out(counts: Sequence[PeriodCount], unit: str, cell: int = 1) -> StripLayout:
    """Columns for `counts` (in order, at `unit`), `cell` cells a period: the empty periods between two counted
    ones drawn as empty columns, or folded into a break when the break is narrower than drawing them."""
    columns: list[Column] = []
    x = 0
    previous: str | None = None
    previous_end = 0
    for count in counts:
        start, end = _span(count.period)
        if previous is not None:
            empty = _steps(unit, previous_end, start)
            # (A break's label is at least "⋯ 1 day ⋯": no shorter stretch is folded, so none is said.)
            if empty and empty * cell > len("⋯ 1 day ⋯") + BREAK_ROOM:
                after, before = date.fromordinal(previous_end), date.fromordinal(start)
                label = f"⋯ {stretch(after, before)} ⋯"
                if empty * cell > len(label) + BREAK_ROOM:
                    width = len(label) + BREAK_ROOM
                    columns.append(Column("break", x, width, _next_period(previous, unit), label=label))
                    x += width
                    empty = 0
            if empty:
                for period in _periods_between(previous, count.period, unit, empty):
                    columns.append(Column("empty", x, cell, period))
                    x += cell
        columns.append(Column("period", x, cell, count.period, count))
        x += cell
        previous, previous_end = count.period, end
    peak = max((max(count.sides, default=0) for count in counts), default=0)
    return StripLayout(unit, cell, tuple(columns), x, peak)


@lru_cache(maxsize=65536)
def _span(period: str) -> tuple[int, int]:
    """The ordinals of a period's first and last days."""
    return first_day(period).toordinal(), last_day(period).toordinal()


def _steps(unit: str, after: int, before: int) -> int:
    """steps() on ordinals."""
    if unit == "day":
        return max(0, before - after - 1)
    return steps(unit, date.fromordinal(after), date.fromordinal(before))


def _next_period(period: str, unit: str) -> str:
    return _periods_between(period, "9999-12-31", unit, 1)[0]


def _periods_between(after: str, before: str, unit: str, count: int) -> list[str]:
    """The `count` periods of `unit` that follow the period `after` (it may be coarser than `unit`)."""
    day = last_day(after)
    periods: list[str] = []
    if unit == "day":
        start = day.toordinal() + 1
        return [date.fromordinal(start + step).isoformat() for step in range(count)]
    if unit == "month":
        month = day.year * 12 + day.month  # the month after `day`'s, counted from 0
        for step in range(count):
            year, index = divmod(month + step, 12)
            periods.append(f"{year:04d}-{index + 1:02d}")
        return periods
    return [f"{day.year + 1 + step:04d}" for step in range(count)]


MAX_CELL = 5
"""The widest a period's column is drawn, when few periods leave room."""


def fit(counts_by_unit: Mapping[str, Sequence[PeriodCount]], width: int, unit: str | None = None) -> StripLayout:
    """The strip for `width` cells: at `unit` if given, else at the finest unit whose columns fit (the coarsest if
    none does); each period as wide as the room allows, up to MAX_CELL cells."""
    layout: StripLayout | None = None
    if unit is None:
        unit = UNITS[-1]
        for candidate in UNITS:
            if len(counts_by_unit[candidate]) > width:
                continue  # a cell a period at least: it cannot fit, and laying it out would cost the most
            layout = lay_out(counts_by_unit[candidate], candidate)
            if layout.width <= width:
                unit = candidate
                break
            layout = None
    counts = counts_by_unit[unit]
    if layout is None or layout.unit != unit:
        layout = lay_out(counts, unit)
    if layout.width > width:
        return layout  # wider cells would be wider still
    for cell in range(min(MAX_CELL, width // max(1, layout.width)), 1, -1):
        wider = lay_out(counts, unit, cell)
        if wider.width <= width:
            return wider
    return layout


def window(layout: StripLayout, width: int, focus: int | None, start: int = 0) -> int:
    """The first cell of a `width`-cell view of a strip wider than that, moved from `start` only as far as it takes
    to keep the column `focus` in view (with a little room on either side)."""
    if layout.width <= width:
        return 0
    start = max(0, min(start, layout.width - width))
    if focus is None:
        return start
    column = layout.columns[focus]
    margin = min(4, max(0, (width - column.width) // 2))
    if column.x - margin < start:
        start = column.x - margin
    elif column.x + column.width + margin > start + width:
        start = column.x + column.width + margin - width
    return max(0, min(start, layout.width - width))


# Drawing as text

BLOCKS = " ▁▂▃▄▅▆▇█"


def bar_height(count: int, peak: int, rows: int) -> int:
    """How many eighths of `rows` rows a count fills: in proportion to the peak, and never none for one item."""
    if count <= 0 or peak <= 0:
        return 0
    return max(1, round(count / peak * rows * 8))


def bar_cell(eighths: int, row_from_top: int, rows: int) -> str:
    """The block character of row `row_from_top` (of `rows`) in a bar `eighths` eighths high."""
    filled = eighths - (rows - 1 - row_from_top) * 8
    return BLOCKS[max(0, min(8, filled))]


def clip(layout: StripLayout, start: int, width: int, margin: int = 16) -> tuple[StripLayout, int]:
    """The part of a strip a `width`-cell view from cell `start` shows (with `margin` cells either side, for the
    names that run on), as a strip of its own, and the cell of the whole strip it begins at. Drawing a strip of
    thousands of days costs what the screen shows."""
    if start <= 0 and layout.width <= width:
        return layout, 0
    first = max(0, bisect_right(layout.columns, start - margin, key=_x) - 1)
    last = bisect_left(layout.columns, start + width + margin, key=_x)
    columns = layout.columns[first:last]
    if not columns:
        return layout._replace(columns=(), width=0), start
    offset = columns[0].x
    moved = tuple(Column(c.kind, c.x - offset, c.width, c.period, c.counted, c.label) for c in columns)
    return layout._replace(columns=moved, width=columns[-1].x + columns[-1].width - offset), offset


def _x(column: Column) -> int:
    return column.x


def lane_text(layout: StripLayout, side: int, rows: int = 1) -> list[str]:
    """The rows of one side's lane as plain text, one character per cell; breaks drawn as dots."""
    lines = [[] for _ in range(rows)]  # type: list[list[str]]
    for column in layout.columns:
        for row in range(rows):
            if column.kind == "break":
                lines[row].append((" ⋯ " if row == rows - 1 else "   ").center(column.width))
            elif column.counted is None:
                lines[row].append(" " * column.width)
            else:
                eighths = bar_height(column.counted.sides[side], layout.peak, rows)
                lines[row].append(bar_cell(eighths, row, rows) * column.width)
    return ["".join(line) for line in lines]


def axis_text(layout: StripLayout) -> str:
    """The line under the lanes: each break's length, and period names wherever there is room for them.

    A break's length is written at its right end, so the name of the period before it can run on into its left."""
    line = [" "] * layout.width
    for column in layout.columns:
        if column.kind == "break":
            end = column.x + column.width - 1
            line[end - len(column.label) : end] = list(column.label)
    periods = [column for column in layout.columns if column.kind == "period"]
    named: str | None = None  # the month (at the day unit) or year (at the month unit) last named in full
    for number, column in enumerate(periods):
        within = column.period[:7] if layout.unit == "day" else column.period[:4]
        texts = [axis_label(column.period, layout.unit)]
        if within != named and period_unit(column.period) == layout.unit != "year":
            full = period_label(column.period, short=False)
            # At the day unit, "Jan 6": the month before the day, as the days after it are read on from it.
            day, month = full.split(" ")[:2]
            texts.insert(0, f"{month} {day}" if layout.unit == "day" else full)
            # In full only where it leaves the next period room for its own name.
            following = periods[number + 1].x if number + 1 < len(periods) else layout.width + 1
            if column.x + len(texts[0]) + 1 > following:
                texts.pop(0)
        for text in texts:
            room = line[max(0, column.x - 1) : column.x + len(text) + 1]  # a space either side, unless it ends
            if column.x + len(text) <= layout.width and all(cell == " " for cell in room):
                line[column.x : column.x + len(text)] = list(text)
                if text != period_label(column.period):  # it names the month (or the year) too
                    named = within
                break
    return "".join(line)


def axis_label(period: str, unit: str) -> str:
    """A period's name on the axis: short where its unit is the strip's, else long enough to stand alone."""
    if period_unit(period) != unit or unit == "year":
        return period_label(period, short=False)
    if unit == "month" and period.endswith("-01"):
        return period[:4]  # January is named by its year
    return period_label(period)


def text_picture(
    counts: Sequence[PeriodCount], side_names: Sequence[str], width: int = 80, what: str = "events"
) -> list[str]:
    """The strip as lines of plain text for the Markdown brief: a line of block characters per side that took
    part (`side_names`: the name of each side, in the order of the counts' sides), the axis, and the scale."""
    by_unit = {unit: roll_up(counts, unit) for unit in UNITS}
    label = max((len(name) for name in side_names), default=0) + 1
    layout = fit(by_unit, width - label)
    lines = []
    for index, name in enumerate(side_names):
        if any(count.sides[index] for count in by_unit[layout.unit]):
            lines.append(f"{name:<{label}}{lane_text(layout, index)[0]}".rstrip())
    lines.append(f"{'':<{label}}{axis_text(layout)}".rstrip())
    lines.append(scale_text(layout, what))
    return lines


def scale_text(layout: StripLayout, what: str = "events") -> str:
    """What the heights mean: "one column a month; █ = 12 events of a side (▁ at least one)"."""
    per = f"one column a {UNIT_NAMES[layout.unit]}" if layout.cell == 1 else f"{layout.cell} columns a {layout.unit}"
    top = _plural(layout.peak, what[:-1] if what.endswith("s") else what) if layout.peak else f"no {what}"
    return f"{per}; █ = {top} of a side (▁ at least one); ⋯ folds an empty stretch"
