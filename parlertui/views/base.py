"""What every view shares: a list of records, the selected record's detail beside it, read in a worker."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Generic, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Container
from textual.message import Message
from textual.widget import Widget
from textual.widgets.option_list import Option

from parlertui.navigation import Target, ViewState
from parlertui.store.queries import NotFound, Store
from parlertui.store.records import Catalogue
from parlertui.widgets.render import SideLabels, side_labels
from parlertui.widgets.keylist import KeyList
from parlertui.widgets.pagedlist import PagedList
from parlertui.widgets.links import DetailBlock, LinkList
from parlertui.widgets.panes import DetailPane, ItemList
from parlertui.widgets.render import Line
from parlertui.workers import ReportsStoreErrors

Item = TypeVar("Item")
"""What one line of a view's list shows (a Party, a TimelineEvent, a Quote...)."""
Detail = TypeVar("Detail")
"""What a view's detail shows of the highlighted item (a PartyDetail, an EventDetail...), read by `fetch`."""


class DetailLoaded(Message, Generic[Detail]):
    """A record's detail has been read for the item `item_id` (or the store no longer holds it)."""

    def __init__(self, item_id: str, record: Detail | NotFound) -> None:
        super().__init__()
        self.item_id = item_id
        self.record = record


class View(ReportsStoreErrors, Container, Generic[Item, Detail]):
    """A list pane and a detail pane. The detail follows the list's highlight and is read off the UI thread.

    Subclasses say how to list the catalogue, how to read one record and how to show it.

    A view not on screen when the app starts is built (its panes mounted) when it is first shown, so the first
    screen costs only what it shows. Until then, what it is asked to do is done once it is built.
    """

    view_id: ClassVar[str]
    wrap: bool = False
    """Every row of the list whole, over as many lines as it needs (the explorer's `w`)."""
    empty_text: ClassVar[str] = "Nothing to show."
    narrowed: ClassVar[bool] = False
    """True for views the filters narrow (the others follow only the "as of" date)."""

    class NotListed(Message):
        """An item asked for is not in the list (the filters or the "as of" date hide it, or the store lacks it)."""

        def __init__(self, view: View, item_id: str) -> None:
            super().__init__()
            self.view, self.item_id = view, item_id

    def __init__(self, store: Store, *, built: bool = False) -> None:
        """`built`: mount the panes with the view, for the view on screen at start."""
        super().__init__(id=self.view_id, classes="view")
        self.store = store
        self.built = built
        self._composed_built = built  # (a view built before its own mount has run must not compose its panes again)
        self._until_built: list[Callable[[], object]] = []
        self.catalogue: Catalogue | None = None
        self._shown: str | None = None  # the item whose detail was asked for last
        self._loaded: str | None = None  # the item whose detail is on screen
        self._pending_cursor: tuple[str, int] | None = None  # a detail cursor to restore once that item is loaded

    @property
    def sides(self) -> SideLabels:
        """The store's sides as the lists show them (read with the dispute, before the first screen)."""
        return side_labels(self.store.dispute().sides)

    def compose(self) -> ComposeResult:
        if self._composed_built:
            yield self.make_list()
            yield self.make_detail()

    def _build(self) -> None:
        # Not awaited: the panes are in the DOM at once, so what follows (and keys typed with the view switch,
        # "2jj" in one read, whose bindings are looked up after it) reaches them; they finish mounting after.
        self.mount(self.make_list(), self.make_detail())
        self.built = True
        if self.catalogue is None and isinstance(self.list_pane, KeyList):
            self.list_pane.loading = True  # until the catalogue, being read, is given to populate
        waiting, self._until_built = self._until_built, []
        for call in waiting:
            call()

    def _deferred_until_built(self, call: Callable[[], object]) -> bool:
        """False if the view is built (the caller goes on); else `call` is kept for when it is, and True."""
        if self.built:
            return False
        self._until_built.append(call)
        return True

    # What each view supplies

    def make_list(self) -> ItemList:
        """The list pane, with the class "records"."""
        raise NotImplementedError

    def make_detail(self) -> DetailPane:
        """The detail pane, with the class "detail"."""
        return LinkList(classes="detail")

    def render_row(self, record: Item) -> Line:
        """One line of the list."""
        raise NotImplementedError

    def list_options(self, catalogue: Catalogue) -> list[Option]:
        raise NotImplementedError

    def fetch(self, item_id: str) -> Detail:
        """Read one record's detail from the store (runs in a worker thread)."""
        raise NotImplementedError

    def entries(self, record: Detail) -> list[DetailBlock]:
        """The blocks of a record's detail, for views whose detail is a LinkList."""
        raise NotImplementedError

    async def show_detail(self, record: Detail) -> None:
        self.query_one(".detail", LinkList).show(self.entries(record))

    def select(self, target: Target) -> bool:
        """Show the record `target` names; False if this view does not list it (a view not yet built says so
        with NotListed once it is)."""
        if self._selection_deferred(target):
            return True
        return self.list_pane.highlight_id(target.id)

    def _selection_deferred(self, target: Target) -> bool:
        """For a view not yet built: select `target` once it is, and say so if it is not listed; True. False for a
        built view."""
        return self._deferred_until_built(
            lambda: self.select(target) or self.post_message(self.NotListed(self, target.id))
        )

    # Panes

    @property
    def list_pane(self) -> ItemList:
        return self.query_one(".records", ItemList)

    @property
    def detail_pane(self) -> DetailPane:
        return self.query_one(".detail", DetailPane)

    @property
    def panes(self) -> list[Widget]:
        return [self.list_pane, self.detail_pane]

    def focus_pane(self, index: int) -> None:
        # At once, not after the queued messages as Widget.focus() would: keys typed right after a view switch
        # ("3jjj" in one read) must reach the new view's list, not the old one's.
        if self._deferred_until_built(lambda: self.focus_pane(index)):
            return
        panes = self.panes
        self.screen.set_focus(panes[max(0, min(index, len(panes) - 1))])

    def focused_pane(self) -> int:
        if not self.built:
            return 0
        focused = self.screen.focused
        for index, pane in enumerate(self.panes):
            if focused is pane or (focused is not None and pane in focused.ancestors):
                return index
        return 0

    def close_detail(self) -> bool:
        """`escape` in the detail returns to the list; False if there was nothing to close."""
        if self.built and self.focused_pane() > 0:
            self.focus_pane(0)
            return True
        return False

    # Filling the list

    @property
    def as_of(self) -> str | None:
        """The date the record is read as of, or None for all of it."""
        return self.catalogue.filters.as_of if self.catalogue else None

    def populate(self, catalogue: Catalogue, then: str | None = None) -> None:
        """Fill the list from the catalogue, highlighting `then`, else keeping the selection if it is still there.
        Details are read again if the "as of" date has changed."""
        if self._deferred_until_built(lambda: self.populate(catalogue, then)):
            self.catalogue = catalogue  # (so the list is not shown as loading when it is built)
            return
        self.whole_list.loading = False
        if self.catalogue is not None and self.catalogue.filters.as_of != catalogue.filters.as_of:
            self._shown = self._loaded = None
        self.catalogue = catalogue
        self.fill(self.list_options(catalogue), then or self.list_pane.highlighted_id)
        self.follow_highlight()

    def count_title(self, what: str, shown: int, total: int) -> str:
        """A list's border title, saying how much the filters or the "as of" date hide."""
        if shown == total:
            return f"{what} ({total:,})"
        filters = self.catalogue.filters if self.catalogue else None
        if filters is not None and filters.as_of and not (self.narrowed and filters.narrowing):
            why = f"not yet on the record as of {filters.as_of}"
        elif filters is not None and filters.as_of:
            why = "hidden by filters and the date"
        else:
            why = "hidden by filters"
        return f"{what}: {shown:,} of {total:,} ({total - shown:,} {why})"

    @property
    def whole_list(self) -> KeyList:
        """The list of a view that holds it whole (a PagedView's is a PagedList, filled from a Listing)."""
        return self.query_one(".records", KeyList)

    def fill(self, options: list[Option], keep: str | None) -> None:
        """Replace the list, highlighting `keep` if it is there, else the first item; say so if it is empty."""
        pane = self.whole_list
        pane.set_options(options)
        if not pane.highlight_id(keep):
            pane.action_first()
        if pane.option_count == 0:
            self._shown = self._loaded = None
            self.detail_pane.show_message(self.empty_message())

    def empty_message(self) -> str:
        filters = self.catalogue.filters if self.catalogue else None
        if filters is not None and self.narrowed and filters.narrowing:
            return "Nothing here matches the filters: x clears them."
        if filters is not None and filters.as_of:
            return f"Nothing here was on the record as of {filters.as_of}: d changes the date."
        return self.empty_text

    def set_wrap(self, wrap: bool) -> None:
        """Show every row of the list whole (True) or one line each; the detail is drawn again for its addresses."""
        if wrap == self.wrap:
            return
        self.wrap = wrap
        if not self.built:
            return  # the panes are made with it
        self.wrap_list()
        if self._loaded is not None and self._loaded == self._shown:
            if self.detail_pane.cursor is not None:
                self._pending_cursor = (self._loaded, self.detail_pane.cursor)
            self._shown = None
            self.follow_highlight()

    def wrap_list(self) -> None:
        """Draw the list again in the wrap mode now set."""
        if self.catalogue is not None:
            self.fill(self.list_options(self.catalogue), self.list_pane.highlighted_id)

    # Where the view is, for back and forward

    @property
    def highlighted_id(self) -> str | None:
        return self.list_pane.highlighted_id if self.built else None

    def state(self) -> ViewState:
        if not self.built:
            return ViewState()
        return ViewState(
            selected=self.list_pane.highlighted_id, pane=self.focused_pane(), detail=self.detail_pane.cursor
        )

    def restore(self, state: ViewState) -> None:
        if self._deferred_until_built(lambda: self.restore(state)):
            return
        if state.selected is not None:
            if state.detail is not None:
                self._pending_cursor = (state.selected, state.detail)
            self.list_pane.highlight_id(state.selected)
            self._apply_pending_cursor()
        self.focus_pane(state.pane)

    def _apply_pending_cursor(self) -> None:
        """Put back a remembered detail cursor, once the item it belongs to is on screen."""
        if self._pending_cursor is not None and self._pending_cursor[0] == self._loaded == self._shown:
            self.detail_pane.cursor = self._pending_cursor[1]
            self._pending_cursor = None

    # The detail follows the highlight

    @on(KeyList.OptionHighlighted, ".records")
    @on(PagedList.Highlighted, ".records")
    def _follow_highlight(self, message: Message) -> None:
        message.stop()
        self.follow_highlight()

    def shown(self) -> None:
        """The view has come on screen: build it the first time."""
        if not self.built:
            self._build()
        self.follow_highlight()

    def follow_highlight(self) -> None:
        """Read the highlighted item's detail, unless it is shown already or this view is hidden (it will be read
        when the view is shown: the app starts faster for not laying out views no one has looked at)."""
        item_id = self.highlighted_id
        if item_id is not None and item_id != self._shown and self.display:
            self._shown = item_id
            # After the list has repainted: the moved cursor shows before the detail's read competes for time.
            self.call_after_refresh(self._load_if_still_wanted, item_id)

    def _load_if_still_wanted(self, item_id: str) -> None:
        if item_id == self._shown:
            self.load_detail(item_id)

    @on(KeyList.OptionSelected, ".records")
    @on(PagedList.Selected, ".records")
    def _open(self, message: Message) -> None:
        message.stop()
        self.open_highlighted()

    def open_highlighted(self) -> None:
        """`enter` on the list: into the detail (the quotes open the quote over the view instead)."""
        self.focus_pane(1)

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def load_detail(self, item_id: str) -> None:
        record: Detail | NotFound
        try:
            record = self.fetch(item_id)
        except NotFound as missing:
            record = missing
        self.post_message(DetailLoaded(item_id, record))

    @on(DetailLoaded)
    async def _show_detail(self, message: DetailLoaded[Detail]) -> None:
        message.stop()
        if message.item_id != self._shown:
            return  # the reader has moved on
        if isinstance(message.record, NotFound):
            self.detail_pane.show_message(f"This store no longer holds {message.item_id!r}.")
        else:
            await self.show_detail(message.record)
        self._loaded = message.item_id
        self._apply_pending_cursor()
