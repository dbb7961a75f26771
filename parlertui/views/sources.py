"""The sources: every report, filing and statement the record draws on, and what it draws from each."""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from parlertui.store.records import Catalogue, Source, SourceDetail
from parlertui.views.base import View
from parlertui.widgets.keylist import KeyList, grouped_options
from parlertui.widgets.links import Entry, source_detail_entries
from parlertui.widgets.render import Line

HELD = {True: "Held first-hand", False: "Held only as quoted in another source"}


def source_row(source: Source) -> Line:
    """Outlet, then title; a source we hold only second-hand is marked with ↪."""
    mark = Text("↪" if source.via_id else " ", style="dim")
    return Line((mark, 2), (Text(source.outlet or "—", style="bold"), 18), (Text(source.title), None))


class SourcesView(View[SourceDetail]):
    view_id = "sources"
    empty_text = "This store holds no sources."

    def make_list(self) -> KeyList:
        sources = KeyList(classes="records")
        sources.border_title = "Sources"
        sources.border_subtitle = "↪ only as quoted in another"
        return sources

    def list_options(self, catalogue: Catalogue) -> list[Option]:
        ordered = sorted(catalogue.sources, key=lambda source: source.via_id is not None)
        return grouped_options(ordered, lambda source: HELD[source.via_id is None], source_row, lambda s: s.id)

    def fetch(self, item_id: str) -> SourceDetail:
        return self.store.source(item_id, self.as_of)

    def entries(self, record: SourceDetail) -> list[Entry]:
        return source_detail_entries(record)
