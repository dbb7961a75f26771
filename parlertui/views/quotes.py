"""The quotes: every quote in the order it was said, narrowed by the filters, the selected one in full."""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from parlertui.store.records import Catalogue, Quote, QuoteDetail
from parlertui.views.base import View
from parlertui.widgets.keylist import KeyList
from parlertui.widgets.links import Entry, quote_detail_entries
from parlertui.widgets.render import DATE_WIDTH, SIDE_MARKS, Line

SPEAKER_WIDTH = 16


def quote_row(quote: Quote, date_width: int = DATE_WIDTH) -> Line:
    """Date, side mark, speaker, then the words, cut to the line."""
    return Line(
        (Text(quote.when or "undated", style="" if quote.when else "dim"), date_width),
        (Text(SIDE_MARKS.get(quote.speaker_side, "?"), style="bold"), 2),
        (Text(quote.speaker_name, style="bold"), SPEAKER_WIDTH),
        (Text(f"“{quote.text}”", style="italic"), None),
    )


class QuotesView(View[QuoteDetail]):
    view_id = "quotes"
    empty_text = "No quotes to show."
    narrowed = True

    def make_list(self) -> KeyList:
        quotes = KeyList(classes="records")
        quotes.border_title = "Quotes"
        return quotes

    def list_options(self, catalogue: Catalogue) -> list[Option]:
        self.list_pane.border_title = self.count_title("Quotes", len(catalogue.quotes), catalogue.total_quotes)
        width = max((len(quote.when or "undated") for quote in catalogue.quotes), default=0) + 1
        return [Option(quote_row(quote, width), id=quote.id) for quote in catalogue.quotes]

    def fetch(self, item_id: str) -> QuoteDetail:
        return self.store.quote(item_id)

    def entries(self, record: QuoteDetail) -> list[Entry]:
        return quote_detail_entries(record)
