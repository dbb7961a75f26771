"""The sources: every report, filing and statement the record draws on, and what it draws from each."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from parlertui.store.filters import Filters
from parlertui.store.listing import SOURCE_SORTS, Listing, source_listing
from parlertui.store.records import Source, SourceDetail
from parlertui.store.widths import NameWidths
from parlertui.views.paged import PagedView
from parlertui.views.sorting import Sorted
from parlertui.widgets.links import DetailBlock, source_detail_entries
from parlertui.widgets.pagedlist import PagedList
from parlertui.widgets.columns import Sized
from parlertui.widgets.render import Line

OUTLET_WIDTH = 18
OUTLET_SHARE = 0.2
"""The most of a row an outlet's name takes: the title has the rest."""


def source_row(source: Source, widths: NameWidths | None = None) -> Line:
    """Outlet (as wide as the store's longest, up to a share of the row), then title; a source we hold only as
    quoted in another is marked with ↪."""
    mark = Text("↪" if source.via_id else " ", style="dim")
    outlet = Sized((widths or NameWidths()).outlet, OUTLET_SHARE, least=8)
    return Line((mark, 1), (Text(source.outlet or "—", style="bold"), outlet), (Text(source.title), None))


class SourcesView(Sorted, PagedView[Source, SourceDetail]):
    view_id = "sources"
    empty_text = "Nothing on the record yet: this store holds no sources."
    SORTS = SOURCE_SORTS
    LIST_NAME = "Sources"
    list_title = "Sources in the dataset's order"
    BINDINGS = [
        Binding("s", "sort", "Sort", show=False, tooltip="Sort by date, by outlet, and back (each way in turn)")
    ]

    def make_list(self) -> PagedList:
        sources = super().make_list()
        sources.border_subtitle = "↪ held only as quoted in another"
        return sources

    def render_row(self, record: Source) -> Line:
        return source_row(record, self.name_widths)

    def make_listing(self, filters: Filters) -> Listing[Source]:
        return source_listing(self.store, self.sort_key)

    def fetch(self, item_id: str) -> SourceDetail:
        return self.store.source(item_id, self.as_of)

    def entries(self, record: SourceDetail) -> list[DetailBlock]:
        return source_detail_entries(record, wrap=self.wrap)
