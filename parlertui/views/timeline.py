"""The timeline: every event in true order, month by month, with the selected event in full beside it."""

from __future__ import annotations

from rich.text import Text

from textual import on
from textual.binding import Binding
from textual.widgets import Input

from parlertui.navigation import Target
from parlertui.store.filters import FilterError, parse_day
from parlertui.store.filters import Filters
from parlertui.store.listing import Listing, event_listing
from parlertui.store.records import EventDetail, TimelineEvent
from parlertui.views.paged import PagedView
from parlertui.widgets.links import Entry, argument_entries, heading, quote_entries
from parlertui.widgets.pagedlist import PagedList
from parlertui.widgets.render import SIDE_LEGEND, SIDE_NAMES, Line, event_row


class TimelineView(PagedView[TimelineEvent, EventDetail]):
    """Events in order under month headings, narrowed by the filters; `enter` opens the highlighted one."""

    view_id = "timeline"
    empty_text = "This store holds no events: there is nothing to show on the timeline."
    narrowed = True
    list_title = "Events"
    BINDINGS = [Binding("t", "jump", "To date", show=False, tooltip="Move to the first event on or after a day")]

    @property
    def jump_box(self) -> Input | None:
        """The line the date is typed in, once `t` has been pressed."""
        boxes = self.query("#jump-box").results(Input)
        return next(boxes, None)

    def action_jump(self) -> None:
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
        self.list_pane.move_to_key(day)  # the first event on or after the day, or the last if none is
        # The box closes and the list takes the focus once the list has repainted: a change of focus repaints the
        # whole screen, and hiding the box lays it out again, so the cursor in its new place shows first.
        self.call_after_refresh(self.close_jump_box)

    def close_jump_box(self) -> bool:
        box = self.jump_box
        if box is None or not box.display:
            return False
        box.display = False
        self.focus_pane(0)
        return True

    def close_detail(self) -> bool:
        return self.close_jump_box() or super().close_detail()

    def make_list(self) -> PagedList:
        events = super().make_list()
        events.border_subtitle = SIDE_LEGEND
        return events

    def render_row(self, record: TimelineEvent) -> Line:
        return event_row(record)

    def make_listing(self, filters: Filters) -> Listing[TimelineEvent]:
        return event_listing(self.store, filters)

    def fetch(self, item_id: str) -> EventDetail:
        return self.store.event(item_id, self.as_of)

    def entries(self, record: EventDetail) -> list[Entry]:
        event = record.event
        entries = [
            Entry(Text.assemble((event.title, "bold"), "\n", (f"{event.date_label} · {event.kind}", "dim"))),
            Entry(Text(event.summary)),
        ]
        if record.parties:
            entries.append(heading("Parties", len(record.parties)))
            for role in record.parties:
                line = Text.assemble((role.name, "bold"), f" ({SIDE_NAMES[role.side]}): {role.role}")
                entries.append(Entry(line, Target("party", role.party_id)))
        if record.quotes:
            entries.append(heading("Quotes", len(record.quotes)))
            entries += quote_entries(record.quotes)
        if record.sources:
            entries.append(heading("Sources", len(record.sources)))
            for source in record.sources:
                line = Text(source.label)
                if source.via_label:
                    line.append(f"\nas quoted in {source.via_label}", style="dim")
                entries.append(Entry(line, Target("source", source.id)))
        if record.arguments:
            entries.append(heading("Arguments citing these quotes", len(record.arguments)))
            entries += argument_entries(record.arguments)
        return entries
