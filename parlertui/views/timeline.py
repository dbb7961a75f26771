"""The timeline: every event in true order, month by month, with the selected event in full beside it."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import work
from textual.message import Message
from textual.widgets.option_list import Option

from parlertui.navigation import Target, ViewState
from parlertui.store.records import Catalogue, EventDetail, TimelineEvent
from parlertui.views.base import View
from parlertui.widgets.keylist import KeyList
from parlertui.widgets.links import Entry, argument_entries, heading, quote_entries
from parlertui.widgets.render import (
    SIDE_LEGEND,
    SIDE_NAMES,
    side_marks,
)

DATE_WIDTH = len("2021-01-10 23:59 PST")
KIND_WIDTH = len("communication")


def event_row(event: TimelineEvent) -> Table:
    """One line: date, kind, side marks, then the title, cut with an ellipsis if the line is too short."""
    row = Table.grid(padding=(0, 1), expand=True)
    row.add_column(width=DATE_WIDTH, no_wrap=True)
    row.add_column(width=KIND_WIDTH, no_wrap=True, style="dim")
    row.add_column(width=4, no_wrap=True, style="bold")
    row.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    row.add_row(Text(event.date_label), Text(event.kind), Text(side_marks(event.sides)), Text(event.title))
    return row


def timeline_options(events: tuple[TimelineEvent, ...] | list[TimelineEvent]) -> list[Option]:
    """Event lines under a heading for each month (or year, for events known only to the year)."""
    options: list[Option] = []
    month = None
    for event in events:
        if event.month_label != month:
            month = event.month_label
            options.append(Option(Text(f"── {month} ", style="bold"), id=f"month:{month}", disabled=True))
        options.append(Option(event_row(event), id=event.id))
    return options


class EventList(KeyList):
    """The timeline's list of events."""

    BINDING_GROUP_TITLE = "Timeline"


class TimelineView(View[EventDetail]):
    """Events in order; `enter` opens the highlighted one; a party filter narrows it until `escape`."""

    name = "timeline"
    title = "Timeline"
    empty_text = "This store holds no events: there is nothing to show on the timeline."

    class Filtered(Message):
        """The timeline has been narrowed to one party's events (or widened again when `party` is None)."""

        def __init__(self, party: str | None, events: list[TimelineEvent], then: Target | None) -> None:
            super().__init__()
            self.party = party
            self.events = events
            self.then = then

    def __init__(self, store, *, id: str | None = None) -> None:
        super().__init__(store, id=id)
        self.party: str | None = None

    def make_list(self) -> KeyList:
        events = EventList(classes="records")
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
        if target.party != self.party:
            self.apply_filter(target.party, target)
            return True
        return super().select(target)

    def apply_filter(self, party: str | None, then: Target | None = None) -> None:
        """Show only `party`'s events (all events when None), then select `then`."""
        self.load_filtered(party, then)

    @work(thread=True, exclusive=True, group="filter", exit_on_error=False)
    def load_filtered(self, party: str | None, then: Target | None) -> None:
        self.post_message(self.Filtered(party, self.store.timeline(party), then))

    def on_timeline_view_filtered(self, message: Filtered) -> None:
        message.stop()
        if self.catalogue is None:
            return
        self.party = message.party
        keep = message.then.id if message.then else self.list_pane.highlighted_id
        self.list_pane.set_options(timeline_options(message.events))
        if not self.list_pane.highlight_id(keep):
            self.list_pane.action_first()
        if message.party is None:
            self.list_pane.border_title = "Events"
        else:
            name = next((p.name for p in self.catalogue.parties if p.id == message.party), message.party)
            shown, total = len(message.events), len(self.catalogue.events)
            self.list_pane.border_title = f"Events with {name}: {shown} of {total} (escape: all)"

    def close_detail(self) -> bool:
        if super().close_detail():
            return True
        if self.party is not None:
            self.apply_filter(None)
            return True
        return False

    def state(self) -> ViewState:
        state = super().state()
        return ViewState(state.selected, state.pane, state.detail, self.party)

    def restore(self, state: ViewState) -> None:
        if state.party != self.party:
            self._pending_cursor = state.detail
            self.apply_filter(state.party, Target("event", state.selected or "", state.party))
            self.focus_pane(state.pane)
            return
        super().restore(state)
