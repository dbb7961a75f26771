"""The quotes: every quote in the order it was said, narrowed by the filters, the selected one in full."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from parlertui.messages import Navigate
from parlertui.navigation import Target
from parlertui.store.filters import Filters
from parlertui.store.listing import QUOTE_SORTS, Listing, quote_listing
from parlertui.store.records import Quote, QuoteDetail
from parlertui.store.widths import NameWidths
from parlertui.views.sorting import Sorted
from parlertui.views.with_strip import WithStrip
from parlertui.widgets.links import DetailBlock, quote_detail_entries
from parlertui.widgets.columns import Sized
from parlertui.widgets.render import DATE_WIDTH, Line, SideLabels

SPEAKER_WIDTH = 16
SPEAKER_SHARE = 0.22
"""The most of a row a speaker's name takes: the words have the rest."""


def quote_row(quote: Quote, sides: SideLabels, widths: NameWidths | None = None) -> Line:
    """Date, side mark, speaker (as wide as the store's longest, up to a share of the row), then the words, cut to
    the line."""
    speaker = (widths or NameWidths()).speaker
    return Line(
        # A dim date is its event's: the source does not say when the words themselves were said.
        (Text(quote.when or "undated", style="" if quote.said_on else "dim"), DATE_WIDTH),
        (Text(sides.mark(quote.speaker_side), style="bold"), 1),
        (Text(quote.speaker_name, style="bold"), Sized(speaker, SPEAKER_SHARE, least=SPEAKER_WIDTH)),
        (Text(quote.shown, style="italic"), None),
    )


class QuotesView(Sorted, WithStrip[Quote, QuoteDetail]):
    counts_of = "quotes"
    ITEMS = "quote"
    SORTS = QUOTE_SORTS
    LIST_NAME = "Quotes"
    list_title = "Quotes by date"
    BINDINGS = [
        Binding("s", "sort", "Sort", show=False, tooltip="Sort by date, by speaker, and back (each way in turn)")
    ]
    view_id = "quotes"
    empty_text = "Nothing on the record yet: this store holds no quotes."
    narrowed = True

    def open_highlighted(self) -> None:
        # As a quote opens from anywhere else: over the view, with everything the store knows about it.
        if self.highlighted_id is not None:
            self.post_message(Navigate(Target("quote", self.highlighted_id)))

    def render_row(self, record: Quote) -> Line:
        return quote_row(record, self.sides, self.name_widths)

    def make_listing(self, filters: Filters) -> Listing[Quote]:
        return quote_listing(self.store, filters, self.sort_key)

    def fetch(self, item_id: str) -> QuoteDetail:
        return self.store.quote(item_id)

    def entries(self, record: QuoteDetail) -> list[DetailBlock]:
        return quote_detail_entries(record, self.sides, wrap=self.wrap)
