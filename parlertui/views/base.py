"""What every view shares: a list of records, the selected record's detail beside it, read in a worker."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Container
from textual.message import Message
from textual.widget import Widget

from parlertui.navigation import Target, ViewState
from parlertui.store.queries import NotFound, Store
from parlertui.store.records import Catalogue
from parlertui.widgets.keylist import KeyList
from parlertui.widgets.links import Entry, LinkList
from parlertui.workers import ReportsStoreErrors

Record = TypeVar("Record")


class View(ReportsStoreErrors, Container, Generic[Record]):
    """A list pane and a detail pane. The detail follows the list's highlight and is read off the UI thread."""

    name: ClassVar[str]
    title: ClassVar[str]
    empty_text: ClassVar[str] = "Nothing to show."

    class DetailLoaded(Message):
        """A record's detail has been read for the item `item_id` of `view`."""

        def __init__(self, view: View, item_id: str, record: object, cursor: int | None) -> None:
            super().__init__()
            self.view = view
            self.item_id = item_id
            self.record = record
            self.cursor = cursor

    def __init__(self, store: Store, *, id: str | None = None) -> None:
        super().__init__(id=id or self.name, classes="view")
        self.store = store
        self.catalogue: Catalogue | None = None
        self._shown: str | None = None

    def compose(self) -> ComposeResult:
        yield self.make_list()
        yield LinkList(classes="detail")

    # What each view supplies

    def make_list(self) -> KeyList:
        raise NotImplementedError

    def list_options(self, catalogue: Catalogue) -> list:
        raise NotImplementedError

    def fetch(self, item_id: str) -> Record:
        """Read one record's detail from the store (runs in a worker thread)."""
        raise NotImplementedError

    def entries(self, record: Record) -> list[Entry]:
        raise NotImplementedError

    def select(self, target: Target) -> bool:
        """Show the record `target` names; False if this view does not list it."""
        return self.list_pane.highlight_id(target.id)

    # Shared behaviour

    @property
    def list_pane(self) -> KeyList:
        return self.query_one(".records", KeyList)

    @property
    def detail_pane(self) -> Widget:
        return self.query_one(".detail")

    @property
    def panes(self) -> list[Widget]:
        return [self.list_pane, self.detail_pane]

    def populate(self, catalogue: Catalogue) -> None:
        """Fill the list from the catalogue, keeping the selection if it is still there."""
        self.catalogue = catalogue
        keep = self.list_pane.highlighted_id
        self.list_pane.set_options(self.list_options(catalogue))
        if not self.list_pane.highlight_id(keep):
            self.list_pane.action_first()
        if self.list_pane.option_count == 0:
            self.show_empty(self.empty_text)

    def show_empty(self, text: str) -> None:
        """Say why there is nothing to show, where the detail would be."""
        detail = self.detail_pane
        if isinstance(detail, LinkList):
            detail.show([Entry(Text(text, style="italic"))])

    def focus_pane(self, index: int) -> None:
        panes = self.panes
        panes[max(0, min(index, len(panes) - 1))].focus()

    def focused_pane(self) -> int:
        focused = self.screen.focused
        for index, pane in enumerate(self.panes):
            if focused is pane or (focused is not None and pane in focused.ancestors):
                return index
        return 0

    def state(self) -> ViewState:
        return ViewState(selected=self.list_pane.highlighted_id, pane=self.focused_pane(), detail=self.detail_cursor())

    def restore(self, state: ViewState) -> None:
        self._pending_cursor = state.detail
        if state.selected is not None and state.selected != self.list_pane.highlighted_id:
            self.list_pane.highlight_id(state.selected)
        elif state.detail is not None:
            self.set_detail_cursor(state.detail)
        self.focus_pane(state.pane)

    def detail_cursor(self) -> int | None:
        detail = self.detail_pane
        return detail.highlighted if isinstance(detail, LinkList) else None

    def set_detail_cursor(self, cursor: int) -> None:
        detail = self.detail_pane
        if isinstance(detail, LinkList) and 0 <= cursor < detail.option_count:
            detail.highlighted = cursor
            detail.scroll_to_highlight()

    def close_detail(self) -> bool:
        """`escape` in the detail returns to the list; False if there was nothing to close."""
        if self.focused_pane() > 0:
            self.list_pane.focus()
            return True
        return False

    @on(KeyList.OptionHighlighted, ".records")
    def _follow_highlight(self, message: KeyList.OptionHighlighted) -> None:
        message.stop()
        item_id = message.option.id
        if item_id is not None and item_id != self._shown:
            self._shown = item_id
            self.load_detail(item_id, getattr(self, "_pending_cursor", None))
            self._pending_cursor = None

    @on(KeyList.OptionSelected, ".records")
    def _open(self, message: KeyList.OptionSelected) -> None:
        message.stop()
        self.detail_pane.focus()

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def load_detail(self, item_id: str, cursor: int | None) -> None:
        try:
            record = self.fetch(item_id)
        except NotFound:
            return
        self.post_message(self.DetailLoaded(self, item_id, record, cursor))

    @on(DetailLoaded)
    async def _show_detail(self, message: DetailLoaded) -> None:
        message.stop()
        if message.view is self and message.item_id == self._shown:
            await self.show_detail(message.record, message.cursor)  # type: ignore[arg-type]

    async def show_detail(self, record: Record, cursor: int | None) -> None:
        detail = self.detail_pane
        if isinstance(detail, LinkList):
            detail.show(self.entries(record), cursor)
