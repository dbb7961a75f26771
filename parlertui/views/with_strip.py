"""A paged view with the period strip over it (the timeline, the quotes): the strip's counts read in a worker
whenever the filters or the date change, its mark following the list's cursor, and the keys that move by period,
zoom, and hide it."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message

from parlertui.store.counts import Counts, event_counts, quote_counts
from parlertui.store.filters import Filters
from parlertui.store.records import Catalogue
from parlertui.views.base import Detail, Item
from parlertui.views.dated import DatedView
from parlertui.store.periods import StripLayout
from parlertui.widgets.period_strip import PeriodStrip, lay_out_all

SHORT = 20
"""On a terminal fewer rows high than this the strip starts hidden (the list needs the room)."""

STRIP_BINDINGS: list[BindingType] = [
    Binding(
        "right_square_bracket",
        "period(1)",
        "Period",
        id="strip.next",
        tooltip="Move to the next period with anything in it (the strip above the list)",
    ),
    Binding(
        "left_square_bracket",
        "period(-1)",
        "Previous period",
        show=False,
        id="strip.previous",
        tooltip="Move to the previous period with anything in it",
    ),
    Binding("plus", "zoom(1)", "Zoom", id="strip.zoom-in", tooltip="Count by a shorter period (years, months, days)"),
    Binding("minus", "zoom(-1)", "Zoom out", show=False, id="strip.zoom-out", tooltip="Count by a longer period"),
    # p, for the picture: s sorts the quotes.
    Binding("p", "toggle_strip", "Strip", show=False, id="strip.toggle", tooltip="Show or hide the strip"),
]


class WithStrip(DatedView[Item, Detail]):
    """A view sorted by date (`t` goes to a day) with a PeriodStrip docked over the list and the detail."""

    counts_of: ClassVar[str] = "events"
    BINDINGS: ClassVar[list[BindingType]] = STRIP_BINDINGS

    class CountsLoaded(Message):
        def __init__(
            self, filters: Filters, counts: Counts, layouts: dict[tuple[int, str | None], StripLayout]
        ) -> None:
            super().__init__()
            self.filters, self.counts, self.layouts = filters, counts, layouts

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._counted: Filters | None = None  # the filters the strip's counts were read with (or are being)
        self._strip_chosen: bool | None = None  # shown or hidden by the reader; None: by the terminal's height

    def compose(self) -> ComposeResult:
        if self._composed_built:
            yield self.make_strip()
        yield from super().compose()

    def _build(self) -> None:
        super()._build()
        self.mount(self.make_strip(), before=0)

    def make_strip(self) -> PeriodStrip:
        strip = PeriodStrip(self.sides, classes="period-strip")
        strip.display = self._strip_wanted()
        return strip

    @property
    def strip(self) -> PeriodStrip | None:
        return next(iter(self.query(PeriodStrip).results(PeriodStrip)), None)

    def _strip_wanted(self) -> bool:
        if self._strip_chosen is not None:
            return self._strip_chosen
        return self.app.size.height >= SHORT

    def on_resize(self) -> None:
        strip = self.strip
        if strip is not None and self._strip_chosen is None and strip.display != self._strip_wanted():
            strip.display = self._strip_wanted()
            self._count()

    # Counting

    def populate(self, catalogue: Catalogue, then: str | None = None) -> None:
        super().populate(catalogue, then)
        self._count()

    def shown(self) -> None:
        super().shown()
        self._count()

    def _count(self) -> None:
        """Read the counts for the filters on show, if the strip is shown and does not have them."""
        strip = self.strip
        if self.catalogue is None or strip is None or not strip.display or not self.display:
            return
        filters = self.catalogue.filters
        if filters != self._counted:
            self._counted = filters
            # After the next repaint, not now: the strip has been laid out by then, so the worker lays the counts
            # out for the width the strip has (before its first layout it has none, and each unit was laid out
            # again on the UI thread as it was drawn), and the screen being drawn does not share the GIL with it.
            self.call_after_refresh(self._load_counts_if_wanted, filters)

    def _load_counts_if_wanted(self, filters: Filters) -> None:
        strip = self.strip
        if strip is not None and filters == self._counted:
            self.load_counts(filters, strip.room)

    @work(thread=True, exclusive=True, group="strip", exit_on_error=False)
    def load_counts(self, filters: Filters, room: int) -> None:
        counts = event_counts(self.store, filters) if self.counts_of == "events" else quote_counts(self.store, filters)
        self.post_message(self.CountsLoaded(filters, counts, lay_out_all(counts, room)))

    @on(CountsLoaded)
    def _counts_loaded(self, message: CountsLoaded) -> None:
        message.stop()
        strip = self.strip
        if strip is None or message.filters != self._counted:
            return
        strip.show_counts(message.counts, message.layouts)
        strip.mark(self._cursor_key())

    # The mark follows the cursor

    def follow_highlight(self) -> None:
        super().follow_highlight()
        strip = self.strip
        if strip is not None and strip.display:
            strip.mark(self._cursor_key())

    def _cursor_key(self) -> str | None:
        """The cursor's sort key, a date's; None where the list is in another order (its keys are no dates)."""
        if not self.by_date():
            return None
        pane = self.list_pane
        row = pane.row(pane.cursor) if pane.cursor is not None else None
        return str(row.key) if row is not None else None

    # Keys and clicks

    def action_period(self, step: int) -> None:
        if self.not_by_date("The strip's periods go"):
            return
        strip, key = self.strip, self._cursor_key()
        if strip is None or key is None:
            return
        if not strip.display:
            self.action_toggle_strip()
            return
        period = strip.neighbour(key, later=step > 0)
        if period is None:
            self.notify(f"No {'later' if step > 0 else 'earlier'} period holds any {self.counts_of}.", timeout=3)
            return
        self.list_pane.move_to_key(period)

    def action_zoom(self, step: int) -> None:
        strip = self.strip
        if strip is None:
            return
        if not strip.display:
            self.action_toggle_strip()
            return
        if strip.zoom(finer=step > 0) is None:
            self.notify(f"The strip counts by {'day' if step > 0 else 'year'} at most.", timeout=3)

    def action_toggle_strip(self) -> None:
        strip = self.strip
        if strip is None:
            return
        strip.display = self._strip_chosen = not strip.display
        if strip.display:
            self._count()
            strip.mark(self._cursor_key())

    @on(PeriodStrip.PeriodClicked)
    def _period_clicked(self, message: PeriodStrip.PeriodClicked) -> None:
        message.stop()
        if self.not_by_date("The strip's periods go"):
            return
        self.list_pane.move_to_key(message.period)
        self.focus_pane(0)
