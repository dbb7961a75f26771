"""The sources: every report, filing and statement the record draws on, and what it draws from each."""

from __future__ import annotations

from rich.text import Text

from parlertui.store.filters import Filters
from parlertui.store.listing import Listing, source_listing
from parlertui.store.records import Source, SourceDetail
from parlertui.views.paged import PagedView
from parlertui.widgets.links import Entry, source_detail_entries
from parlertui.widgets.pagedlist import PagedList
from parlertui.widgets.render import Line

OUTLET_WIDTH = 18


def source_row(source: Source) -> Line:
    """Outlet, then title; a source we hold only as quoted in another is marked with ↪."""
    mark = Text("↪" if source.via_id else " ", style="dim")
    return Line((mark, 1), (Text(source.outlet or "—", style="bold"), OUTLET_WIDTH), (Text(source.title), None))


class SourcesView(PagedView[Source, SourceDetail]):
    view_id = "sources"
    empty_text = "This store holds no sources."
    list_title = "Sources"

    def make_list(self) -> PagedList:
        sources = super().make_list()
        sources.border_subtitle = "↪ held only as quoted in another"
        return sources

    def render_row(self, record: Source) -> Line:
        return source_row(record)

    def make_listing(self, filters: Filters) -> Listing[Source]:
        return source_listing(self.store)

    def fetch(self, item_id: str) -> SourceDetail:
        return self.store.source(item_id, self.as_of)

    def entries(self, record: SourceDetail) -> list[Entry]:
        return source_detail_entries(record)
