"""The timeline: every event in true order, month by month, with the selected event in full beside it."""

from __future__ import annotations

from rich.text import Text
from textual.markup import escape

from parlertui.navigation import Target
from parlertui.store.filters import Filters
from parlertui.store.listing import Listing, event_listing
from parlertui.store.records import EventDetail, TimelineEvent
from parlertui.views.with_strip import WithStrip
from parlertui.widgets.links import DetailBlock, argument_entries, heading, quote_entries
from parlertui.widgets.pagedlist import PagedList
from parlertui.widgets.render import Line, event_row


class TimelineView(WithStrip[TimelineEvent, EventDetail]):
    """Events in order under month headings, narrowed by the filters; `enter` opens the highlighted one."""

    view_id = "timeline"
    empty_text = "Nothing on the record yet: this store holds no events."
    narrowed = True
    list_title = "Events"
    ITEMS = "event"

    def make_list(self) -> PagedList:
        events = super().make_list()
        events.border_subtitle = escape(self.sides.legend)  # a border's title is markup; a side's name is not
        return events

    def render_row(self, record: TimelineEvent) -> Line:
        return event_row(record, self.sides)

    def make_listing(self, filters: Filters) -> Listing[TimelineEvent]:
        return event_listing(self.store, filters)

    def fetch(self, item_id: str) -> EventDetail:
        return self.store.event(item_id, self.as_of)

    def entries(self, record: EventDetail) -> list[DetailBlock]:
        event = record.event
        entries = [
            DetailBlock(Text.assemble((event.title, "bold"), "\n", (f"{event.date_label} · {event.kind}", "dim"))),
            DetailBlock(Text(event.summary)),
        ]
        if record.parties:
            entries.append(heading("Parties", len(record.parties)))
            for role in record.parties:
                line = Text.assemble((role.name, "bold"), f" ({self.sides.name(role.side)}): {role.role}")
                entries.append(DetailBlock(line, Target("party", role.party_id)))
        if record.quotes:
            entries.append(heading("Quotes", len(record.quotes)))
            entries += quote_entries(record.quotes)
        if record.sources:
            entries.append(heading("Sources", len(record.sources)))
            for source in record.sources:
                line = Text(source.label)
                if source.via_label:
                    line.append(f"\nas quoted in {source.via_label}", style="dim")
                entries.append(DetailBlock(line, Target("source", source.id)))
        if record.arguments:
            entries.append(heading("Arguments citing these quotes", len(record.arguments)))
            entries += argument_entries(record.arguments)
        return entries
