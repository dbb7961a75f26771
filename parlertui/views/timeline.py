"""The timeline: every event in true order, month by month, with the selected event in full beside it."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.markup import escape
from textual.message import Message
from textual.widgets.option_list import Option

from parlertui.navigation import Target, ViewState
from parlertui.store.queries import Store
from parlertui.store.records import Catalogue, EventDetail, TimelineEvent
from parlertui.views.base import View
from parlertui.widgets.keylist import KeyList, grouped_options
from parlertui.widgets.links import Entry, argument_entries, heading, quote_entries
from parlertui.widgets.render import SIDE_LEGEND, SIDE_NAMES, event_row


def timeline_options(events: tuple[TimelineEvent, ...] | list[TimelineEvent]) -> list[Option]:
    """Event lines under a heading for each month (or year, for events known only to the year)."""
    return grouped_options(events, lambda event: event.month, event_row, lambda event: event.id)


class TimelineView(View[EventDetail]):
    """Events in order; `enter` opens the highlighted one; a party filter narrows it until `escape`."""

    view_id = "timeline"
    empty_text = "This store holds no events: there is nothing to show on the timeline."

    class Filtered(Message):
        """The events of one party (all events when `party` is None) have been read for filter request `request`."""

        def __init__(self, request: int, party: str | None, events: list[TimelineEvent], then: str | None) -> None:
            super().__init__()
            self.request = request
            self.party = party
            self.events = events
            self.then = then

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.party: str | None = None  # the filter on screen
        self._wanted_party: str | None = None  # the filter last asked for, perhaps still being read
        self._filter_request = 0

    def make_list(self) -> KeyList:
        events = KeyList(classes="records")
        events.border_title = "Events"
        events.border_subtitle = SIDE_LEGEND
        return events

    def list_options(self, catalogue: Catalogue) -> list[Option]:
        return timeline_options(catalogue.events)

    def fetch(self, item_id: str) -> EventDetail:
        return self.store.event(item_id)

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

    # The party filter

    def select(self, target: Target) -> bool:
        if target.party != self._wanted_party:
            self.apply_filter(target.party, then=target.id)
            return True
        return super().select(target)

    def apply_filter(self, party: str | None, then: str | None = None) -> None:
        """Show only `party`'s events (all events when None), then highlight the event `then`."""
        self._wanted_party = party
        self._filter_request += 1
        self.load_filtered(self._filter_request, party, then)

    @work(thread=True, exclusive=True, group="filter", exit_on_error=False)
    def load_filtered(self, request: int, party: str | None, then: str | None) -> None:
        self.post_message(self.Filtered(request, party, self.store.timeline(party), then))

    def on_timeline_view_filtered(self, message: Filtered) -> None:
        message.stop()
        if self.catalogue is None or message.request != self._filter_request:
            return  # a newer filter has been asked for since
        self.party = message.party
        self.fill(timeline_options(message.events), message.then or self.list_pane.highlighted_id)
        self._apply_pending_cursor()
        if message.party is None:
            self.list_pane.border_title = "Events"
        else:
            name = next((p.name for p in self.catalogue.parties if p.id == message.party), message.party)
            shown, total = len(message.events), len(self.catalogue.events)
            self.list_pane.border_title = f"Events with {escape(name)}: {shown} of {total} (escape: all)"

    def close_detail(self) -> bool:
        if super().close_detail():
            return True
        if self._wanted_party is not None:
            self.apply_filter(None)
            return True
        return False

    def state(self) -> ViewState:
        state = super().state()
        return ViewState(state.selected, state.pane, state.detail, self._wanted_party)

    def restore(self, state: ViewState) -> None:
        if state.party != self._wanted_party:
            if state.selected is not None and state.detail is not None:
                self._pending_cursor = (state.selected, state.detail)
            self.apply_filter(state.party, then=state.selected)
            self.focus_pane(state.pane)
            return
        super().restore(state)
