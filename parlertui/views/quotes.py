"""The quotes: every quote in the order it was said, narrowed by the filters, the selected one in full."""

from __future__ import annotations

from rich.text import Text

from parlertui.store.filters import Filters
from parlertui.store.listing import Listing, quote_listing
from parlertui.store.records import Quote, QuoteDetail
from parlertui.views.paged import PagedView
from parlertui.widgets.links import Entry, quote_detail_entries
from parlertui.widgets.render import DATE_WIDTH, SIDE_MARKS, Line

SPEAKER_WIDTH = 16


def quote_row(quote: Quote) -> Line:
    """Date, side mark, speaker, then the words, cut to the line."""
    return Line(
        (Text(quote.when or "undated", style="" if quote.when else "dim"), DATE_WIDTH),
        (Text(SIDE_MARKS.get(quote.speaker_side, "?"), style="bold"), 1),
        (Text(quote.speaker_name, style="bold"), SPEAKER_WIDTH),
        (Text(f"“{quote.text}”", style="italic"), None),
    )


class QuotesView(PagedView[Quote, QuoteDetail]):
    view_id = "quotes"
    empty_text = "This store holds no quotes."
    narrowed = True
    list_title = "Quotes"

    def render_row(self, record: Quote) -> Line:
        return quote_row(record)

    def make_listing(self, filters: Filters) -> Listing[Quote]:
        return quote_listing(self.store, filters)

    def fetch(self, item_id: str) -> QuoteDetail:
        return self.store.quote(item_id)

    def entries(self, record: QuoteDetail) -> list[Entry]:
        return quote_detail_entries(record)
