"""A quote or a source opened in full over the current view, with links on to its event, speaker and the rest."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.markup import escape
from textual.message import Message
from textual.screen import ModalScreen

from parlertui.messages import Navigate
from parlertui.navigation import Target
from parlertui.store.queries import NotFound, Store
from parlertui.store.records import QuoteDetail, SourceDetail
from parlertui.widgets.render import side_labels
from parlertui.widgets.links import LinkList, quote_detail_entries, source_detail_entries
from parlertui.screens.take_away import BINDINGS as TAKE_AWAY_KEYS
from parlertui.screens.take_away import TakeAwayCommands, TakesAway
from parlertui.workers import ReportsStoreErrors


class RecordScreen(ReportsStoreErrors, TakesAway, ModalScreen["Target | None"]):
    """A quote or source in full. Links to other quotes and sources open here; `escape` steps back, then closes.

    Following a link to anything else closes the screen with that target as its result.
    """

    CSS_PATH = "dialogs.tcss"
    COMMANDS = {TakeAwayCommands}
    BINDINGS = [Binding("escape", "back", "Back", tooltip="Back to the previous record, or close"), *TAKE_AWAY_KEYS]

    class Loaded(Message):
        def __init__(self, target: Target, record: QuoteDetail | SourceDetail) -> None:
            super().__init__()
            self.target = target
            self.record = record

    def __init__(self, store: Store, target: Target) -> None:
        super().__init__()
        self.store = store
        self.trail: list[tuple[Target, int | None]] = [(target, None)]  # each record opened, with its cursor

    def compose(self) -> ComposeResult:
        with Vertical(id="record"):
            yield LinkList(id="record-detail")

    def on_mount(self) -> None:
        self.set_focus(self.query_one(LinkList))
        self.load(self.trail[-1][0])

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self, target: Target) -> None:
        try:
            record = self.store.quote(target.id) if target.kind == "quote" else self.store.source(target.id)
        except NotFound:
            message = f"No {target.kind} {target.id!r} in this store."
            self.app.call_from_thread(self.notify, message, severity="error", markup=False)
            return
        self.post_message(self.Loaded(target, record))

    def on_record_screen_loaded(self, message: Loaded) -> None:
        target, cursor = self.trail[-1]
        if message.target != target:
            return
        record = message.record
        frame = self.query_one("#record", Vertical)
        if isinstance(record, QuoteDetail):
            frame.border_title = f"Quote by {escape(record.quote.speaker_name)}"
            entries = quote_detail_entries(record, side_labels(self.store.dispute().sides))
        else:
            frame.border_title = "Source"
            entries = source_detail_entries(record)
        frame.border_subtitle = "escape back" if len(self.trail) > 1 else "escape closes"
        self.query_one(LinkList).show(entries, cursor)

    @on(Navigate)
    def follow(self, message: Navigate) -> None:
        message.stop()
        if message.target == self.trail[-1][0]:
            return  # the record on show (its own words, linked where it is shown in a view's detail)
        if message.target.kind in ("quote", "source"):
            self.trail[-1] = (self.trail[-1][0], self.query_one(LinkList).cursor)
            self.trail.append((message.target, None))
            self.load(message.target)
        else:
            self.dismiss(message.target)

    def target_under_cursor(self) -> Target | None:
        """The link under the cursor, else the quote or source open here."""
        return self.query_one(LinkList).target_under_cursor or self.trail[-1][0]

    def action_back(self) -> None:
        if len(self.trail) > 1:
            self.trail.pop()
            self.load(self.trail[-1][0])
        else:
            self.dismiss(None)
