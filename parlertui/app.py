"""The Textual app. For now one view: the timeline of events, with the selected event's summary."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker, WorkerState

from parlertui.store.open import StoreError
from parlertui.store.queries import Dispute, Store, TimelineEvent

SIDE_MARKS = {"parler": "P", "aws": "A", "court": "C", "other": "·"}


class ParlerApp(App[None]):
    """Explore a dispute's record, read from a store opened read-only."""

    CSS_PATH = "app.tcss"
    TITLE = "parlertui"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    class Loaded(Message):
        """The store has been read."""

        def __init__(self, dispute: Dispute, events: list[TimelineEvent]) -> None:
            super().__init__()
            self.dispute = dispute
            self.events = events

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.events: dict[str, TimelineEvent] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="timeline", cursor_type="row", zebra_stripes=True)
        yield Static(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = str(self.store.path)
        table = self.query_one("#timeline", DataTable)
        table.add_columns("Date", "Kind", "Sides", "Event")
        table.loading = True
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        self.post_message(self.Loaded(self.store.dispute(), self.store.timeline()))

    def on_parler_app_loaded(self, message: Loaded) -> None:
        self.title = message.dispute.short_title
        table = self.query_one("#timeline", DataTable)
        self.events = {event.id: event for event in message.events}
        for event in message.events:
            sides = "".join(SIDE_MARKS[side] for side in event.sides)
            cells = (event.date_label, event.kind, sides, event.title)
            table.add_row(*(Text(cell) for cell in cells), key=event.id)
        table.loading = False
        if not message.events:
            self.query_one("#detail", Static).update("This store holds no events.")

    @on(DataTable.RowHighlighted, "#timeline")
    def show_detail(self, message: DataTable.RowHighlighted) -> None:
        event = self.events.get(message.row_key.value or "")
        if event:
            self.query_one("#detail", Static).update(Text.assemble((event.title, "bold"), "\n", event.summary))

    def action_cursor_down(self) -> None:
        self.query_one("#timeline", DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#timeline", DataTable).action_cursor_up()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A store that fails while it is read ends the app with the reason, as the command line would."""
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            if not isinstance(error, StoreError):
                raise error
            self.exit(return_code=2, message=Text(f"parlertui: {error}"))
