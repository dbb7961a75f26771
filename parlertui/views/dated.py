"""Paged views in the order things happened (the timeline, the quotes): `t` goes to the first item on or after a
day typed in a line at the foot of the view."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding
from textual.widgets import Input

from parlertui.store.filters import FilterError, parse_day
from parlertui.views.base import Detail, Item
from parlertui.views.paged import PagedView

UNDATED_KEY = "~"
"""Sort keys of what has no date start with this, after every date."""


class DatedView(PagedView[Item, Detail]):
    """A paged view sorted by date; `t` moves its cursor to a day."""

    ITEMS: ClassVar[str] = "item"
    """What the list holds, for the notices ("event", "quote")."""
    BINDINGS = [Binding("t", "jump", "To date", show=False, tooltip="Move to the first item on or after a day")]

    @property
    def jump_box(self) -> Input | None:
        """The line the date is typed in, once `t` has been pressed."""
        boxes = self.query("#jump-box").results(Input)
        return next(boxes, None)

    def by_date(self) -> bool:
        """Whether the list is in its usual order, oldest first (see views/sorting.py)."""
        listing = self.list_pane.listing if self.built else None
        return listing is None or (listing.table.width == 1 and not listing.table.descending)

    def not_by_date(self, what: str = "t goes") -> bool:
        """True, with a notice saying so, if the list is in another order than oldest first."""
        if self.by_date():
            return False
        order = getattr(self, "sort_name", "in another order")
        self.notify(f"{what} by date, oldest first: the {self.ITEMS}s are listed {order} (s changes it).", markup=False)
        return True

    def action_jump(self) -> None:
        if self.not_by_date():
            return
        box = self.jump_box
        if box is None:
            # A line in the view, not a dialog over it: closing a dialog repaints the whole screen. Mounted the first
            # time it is asked for (the first screen is quicker without it), not waited for: it takes keys at once.
            box = Input(
                placeholder="Go to a date: YYYY-MM-DD (a month or a year: its first day) · ⏎ go · esc close",
                id="jump-box",
                max_length=10,
                compact=True,
            )
            self.mount(box)
        box.value = ""
        box.display = True
        self.screen.set_focus(box)

    @on(Input.Submitted, "#jump-box")
    def _jump_typed(self, message: Input.Submitted) -> None:
        message.stop()
        try:
            day = parse_day(message.value)
        except FilterError as err:
            self.notify(str(err), severity="warning", markup=False)
            return
        self.jump_to(day)
        # The box closes and the list takes the focus once the list has repainted: a change of focus repaints the
        # whole screen, and hiding the box lays it out again, so the cursor in its new place shows first.
        self.call_after_refresh(self.close_jump_box)

    def jump_to(self, day: str) -> None:
        """The cursor to the first item on or after `day`; past the last dated one, there, with a notice."""
        pane = self.list_pane
        listing = pane.listing
        if self.not_by_date():
            return
        if listing is None or pane.count == 0:
            self.notify(f"No {self.ITEMS} is listed here to go to.", severity="warning", markup=False)
            return
        first = listing.from_key(day, 1)
        if first and not str(first[0].key).startswith(UNDATED_KEY):
            pane.move_to_key(day)
            return
        last = listing.before(UNDATED_KEY, 1)
        if not last:
            self.notify(f"No {self.ITEMS} listed here has a date.", severity="warning", markup=False)
            return
        pane.move_to_key(last[0].key)
        self.notify(
            f"Nothing listed here is dated on or after {day}: this is the last {self.ITEMS} with a date.",
            severity="warning",
            markup=False,
        )

    def close_jump_box(self) -> bool:
        box = self.jump_box
        if box is None or not box.display:
            return False
        box.display = False
        self.focus_pane(0)
        return True

    def close_detail(self) -> bool:
        return self.close_jump_box() or super().close_detail()
