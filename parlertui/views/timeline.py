"""The timeline: every event in true order, month by month, with the selected event in full beside it."""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from parlertui.navigation import Target
from parlertui.store.records import Catalogue, EventDetail, TimelineEvent
from parlertui.views.base import View
from parlertui.widgets.keylist import KeyList, grouped_options
from parlertui.widgets.links import Entry, argument_entries, heading, quote_entries
from parlertui.widgets.render import SIDE_LEGEND, SIDE_NAMES, event_row


def timeline_options(events: tuple[TimelineEvent, ...] | list[TimelineEvent]) -> list[Option]:
    """Event lines under a heading for each month (or year, for events known only to the year)."""
    return grouped_options(events, lambda event: event.month, event_row, lambda event: event.id)


class TimelineView(View[EventDetail]):
    """Events in order, narrowed by the filters; `enter` opens the highlighted one."""

    view_id = "timeline"
    empty_text = "This store holds no events: there is nothing to show on the timeline."
    narrowed = True

    def make_list(self) -> KeyList:
        events = KeyList(classes="records")
        events.border_title = "Events"
        events.border_subtitle = SIDE_LEGEND
        return events

    def list_options(self, catalogue: Catalogue) -> list[Option]:
        self.list_pane.border_title = self.count_title("Events", len(catalogue.events), catalogue.total_events)
        return timeline_options(catalogue.events)

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
