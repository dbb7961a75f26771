"""Views whose list can be as long as the store: read a page at a time, off the UI thread when it is counted."""

from __future__ import annotations


from textual import on, work
from textual.message import Message

from parlertui.navigation import Target, ViewState
from parlertui.store.filters import NO_FILTERS, Filters
from parlertui.store.listing import Heading, Listing, Row
from parlertui.store.queries import Store
from parlertui.store.records import Catalogue
from parlertui.store.widths import NameWidths, name_widths
from parlertui.views.base import Detail, Item, View
from parlertui.widgets.paged_rows import PAGE
from parlertui.widgets.pagedlist import PagedList


class PagedView(View[Item, Detail]):
    """A view whose list is a PagedList over a Listing of the store.

    A new listing (new filters, a new "as of" date) is counted and its headings found in a worker; the page the
    cursor will stand on is read there too, so the list appears whole. The cursor may be asked for an item before
    the listing has arrived (back, or a link): it is remembered and placed when it does.
    """

    list_title: str = "Items"
    """The list's title; a view read in more than one order names the one it is in (views/sorting.py)."""

    class ListingLoaded(Message):
        def __init__(
            self,
            request: int,
            listing: Listing,
            total: int,
            headings: list[Heading],
            rows: dict[int, Row],
            cursor: int | None,
            missing: str | None,
        ) -> None:
            super().__init__()
            self.request, self.listing, self.total, self.headings = request, listing, total, headings
            self.rows, self.cursor, self.missing = rows, cursor, missing

    def __init__(self, store: Store, *, built: bool = False) -> None:
        super().__init__(store, built=built)
        self._request = 0
        self._wanted: tuple[Filters, str | None] | None = None  # a listing to read when the view is shown
        self._loading = False
        self._keep_in_flight: str | None = None  # the item the listing being read puts the cursor on
        self._asked_for: str | None = None  # an item asked for by select/restore: say so if it is not listed
        self._taken: tuple[Listing, list[Heading], dict[int, Row]] | None = None  # see take_listing
        self.name_widths: NameWidths | None = None  # the store's longest names, read with the first listing

    def make_list(self) -> PagedList:
        pane = PagedList(self.render_row, classes="records")
        pane.border_title = self.list_title
        pane.set_wrap(self.wrap)
        return pane

    @property
    def list_pane(self) -> PagedList:
        return self.query_one(".records", PagedList)

    def make_listing(self, filters: Filters) -> Listing[Item]:
        raise NotImplementedError

    def wrap_list(self) -> None:
        self.list_pane.set_wrap(self.wrap)

    # Filling the list

    def populate(self, catalogue: Catalogue, then: str | None = None) -> None:
        if self.catalogue is not None and self.catalogue.filters.as_of != catalogue.filters.as_of:
            self._shown = self._loaded = None
        self.catalogue = catalogue
        self._wanted = (catalogue.filters, then or self.highlighted_id)
        self._request += 1
        if self.display and self.built:
            self._read_wanted()

    def shown(self) -> None:
        if not self.built:
            self._build()
        if self._wanted is not None:
            self._read_wanted()
        super().shown()

    def take_listing(self, listing: Listing, headings: list[Heading], rows: dict[int, Row]) -> None:
        """A listing of the whole record, already read, for the first populate to show at once."""
        self._taken = (listing, headings, rows)

    def _read_wanted(self) -> None:
        assert self._wanted is not None
        filters, keep = self._wanted
        self._wanted = None
        taken, self._taken = self._taken, None
        if taken is not None and filters == NO_FILTERS and keep is None:
            listing, headings, rows = taken
            self._loading = True
            self._show_listing(self.ListingLoaded(self._request, listing, listing.count(), headings, rows, None, None))
            return
        self._keep_in_flight = keep
        self._loading = True
        # Not the loading indicator: it takes the focus from the list, and keys typed meanwhile would be lost.
        self.list_pane.border_title = f"{self.list_title}: reading…"
        self.load_listing(self._request, filters, keep)

    @work(thread=True, exclusive=True, group="listing", exit_on_error=False)
    def load_listing(self, request: int, filters: Filters, keep: str | None) -> None:
        if self.name_widths is None:
            self.name_widths = name_widths(self.store)
        listing = self.make_listing(filters)
        headings = listing.headings()
        total = self.make_listing(NO_FILTERS).count() if listing.filtered else listing.count()
        rows: dict[int, Row] = {}
        cursor = None
        key = listing.key_of(keep) if keep is not None else None
        if key is not None:
            cursor = listing.place_of_key(key)
            around = listing.before(key, PAGE // 2) + listing.from_key(key, PAGE // 2)
            rows = self._placed(around, key, cursor)
        else:
            rows = dict(enumerate(listing.first(PAGE)))
        missing = keep if keep is not None and key is None else None
        self.post_message(self.ListingLoaded(request, listing, total, headings, rows, cursor, missing))

    @staticmethod
    def _placed(around: list[Row], key, cursor: int) -> dict[int, Row]:
        """Rows read around the item with `key`, which is at place `cursor`, by their places."""
        at = next(index for index, row in enumerate(around) if row.key == key)
        return {cursor - at + offset: row for offset, row in enumerate(around)}

    @on(ListingLoaded)
    def _show_listing(self, message: ListingLoaded) -> None:
        message.stop()
        if message.request != self._request:
            return  # newer filters have been asked for since
        self._loading = False
        self._keep_in_flight = None
        pane = self.list_pane
        count = message.listing.count()
        pane.show(message.listing, count, message.headings, message.rows, message.cursor)
        pane.border_title = self.count_title(self.list_title, count, message.total)
        if count == 0:
            self._shown = self._loaded = None
            self.detail_pane.show_message(self.empty_message())
        if message.missing is not None and self._asked_for == message.missing:
            self.post_message(self.NotListed(self, message.missing))
        self._asked_for = None
        self.follow_highlight()
        self._apply_pending_cursor()

    # Going to an item

    def select(self, target: Target) -> bool:
        if self._selection_deferred(target):
            return True
        if self._loading or self._wanted is not None:
            self._ask_for(target.id)
            return True
        return self.list_pane.highlight_id(target.id)

    def _ask_for(self, item_id: str) -> None:
        """Put the cursor on `item_id` once the listing being read has arrived."""
        assert self.catalogue is not None
        self._asked_for = item_id
        if self._wanted is None and self._keep_in_flight == item_id:
            return  # the listing being read already puts the cursor there
        self._wanted = (self.catalogue.filters, item_id)
        self._request += 1
        if self.display and self.built:
            self._read_wanted()

    def restore(self, state: ViewState) -> None:
        if self._deferred_until_built(lambda: self.restore(state)):
            return
        if state.selected is not None and (self._loading or self._wanted is not None):
            if state.detail is not None:
                self._pending_cursor = (state.selected, state.detail)
            self._ask_for(state.selected)
            self.focus_pane(state.pane)
            return
        super().restore(state)
