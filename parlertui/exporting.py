"""The app's export (ctrl+e): what the view on screen holds, written in a worker, answered with messages.

`export_scope` says what the view shows (the filters and date it was read with, the topic or party selected),
`ExportRequest` is what the dialog asks for, and `Exports.write_export` writes it off the UI thread and posts
`ExportFinished` or `ExportFailed`. The final write is one method, `deliver`: to the file asked for, or, when the
app runs in a browser (`parlertui serve`), to the browser as a download.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from textual import work
from textual.message import Message
from textual.screen import Screen

from parlertui.store.filters import NO_FILTERS, Filters
from parlertui.store.records import Catalogue
from parlertui.widgets.filter_bar import filter_chips

if TYPE_CHECKING:
    from parlertui.store.queries import Store

    _Screen = Screen[Any]
else:
    _Screen = object

FORMATS = {"md": "Markdown brief", "csv": "CSV tables", "json": "JSON record"}
SUFFIXES = {"md": ".md", "csv": "-csv", "json": ".json"}

WHOLE_BRIEF_LIMIT = 5000
"""Events beyond which ctrl+e does not write the whole record (hundreds of megabytes); the command line does."""


class ExportScope(NamedTuple):
    """What an export of the view on screen holds."""

    view: str
    topic: str | None = None
    party: str | None = None
    filters: Filters = NO_FILTERS
    description: str = "The whole record"

    @property
    def stem(self) -> str:
        return "-".join(part for part in ("parlertui", self.view, self.topic or self.party) if part)

    @property
    def narrowed(self) -> bool:
        return self.topic is not None or self.party is not None or self.filters != NO_FILTERS


class ExportRequest(NamedTuple):
    """What the dialog asks for: the scope, a format ("md", "csv", "json"), where, and whether to replace it."""

    scope: ExportScope
    form: str
    path: Path
    force: bool = False


def export_scope(
    view: str, selected: str | None, narrowed: bool, filters: Filters, catalogue: Catalogue | None
) -> ExportScope:
    """What the view `view` shows: the timeline and the quotes, the record through every filter and the date; the
    arguments, the selected topic; the parties, the selected party; the sources, the record; each as of the date."""
    names = {topic.id: topic.title for topic in catalogue.topics} if catalogue else {}
    parties = {party.id: party.name for party in catalogue.parties} if catalogue else {}
    as_of = Filters(as_of=filters.as_of)
    if narrowed:
        kept = filters
        what = "The record"
    elif view == "arguments" and selected is not None:
        return _scope(view, selected, None, as_of, f"The topic “{names.get(selected, selected)}”", catalogue)
    elif view == "parties" and selected is not None:
        return _scope(view, None, selected, as_of, f"What involves {parties.get(selected, selected)}", catalogue)
    else:
        kept = as_of
        what = "The whole record"
    return _scope(view, None, None, kept, what, catalogue)


def too_long_to_write(scope: ExportScope, catalogue: Catalogue | None) -> str | None:
    """Why ctrl+e will not write `scope` (the whole of a record too long to write from the app), or None."""
    whole = scope.topic is None and scope.party is None and not scope.filters.narrowing
    if not (whole and catalogue and catalogue.total_events > WHOLE_BRIEF_LIMIT):
        return None
    return (
        f"This record is too long to write whole from here ({catalogue.total_events:,} events): "
        "select a topic or a party, filter by one, or use `parlertui export`."
    )


def _scope(
    view: str,
    topic: str | None,
    party: str | None,
    filters: Filters,
    what: str,
    catalogue: Catalogue | None,
) -> ExportScope:
    chips = [label for _, label in filter_chips(filters, catalogue)] if catalogue else []
    if chips:
        what = f"{what}, narrowed by {' · '.join(chips)}" if filters.narrowing else f"{what}, as of {filters.as_of}"
    elif what == "The record":
        what = "The whole record"
    return ExportScope(view, topic, party, filters, what)


class ExportFinished(Message):
    """An export was written to `where` (a path, or "your browser's downloads")."""

    def __init__(self, request: ExportRequest, where: str, lines: int | None) -> None:
        super().__init__()
        self.request, self.where, self.lines = request, where, lines


class ExportFailed(Message):
    def __init__(self, request: ExportRequest, reason: str) -> None:
        super().__init__()
        self.request, self.reason = request, reason


class Exports(_Screen):
    """For the explorer: write an ExportRequest in a worker and say how it went."""

    store: Store

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def write_export(self, request: ExportRequest) -> None:
        from parlertui.store.export import OutputError, StoreError, UnknownId

        try:
            where, lines = self.deliver(request)
        except (OutputError, StoreError, UnknownId, ValueError) as err:
            self.post_message(ExportFailed(request, str(err)))
            return
        self.post_message(ExportFinished(request, where, lines))

    def deliver(self, request: ExportRequest) -> tuple[str, int | None]:
        """The final write (in a worker thread): to `request.path` through the one writer; in a browser, to a
        temporary file handed to the browser as a download. Returns where it went and its lines (None for CSV)."""
        from parlertui.store.export import export

        scope = request.scope
        if self.app.is_web:
            if request.form == "csv":
                raise ValueError("CSV tables are a folder, which a browser cannot download: choose Markdown or JSON")
            with tempfile.TemporaryDirectory() as folder:
                written = Path(folder) / request.path.name
                export(
                    self.store.path,
                    request.form,
                    output=written,
                    topic=scope.topic,
                    party=scope.party,
                    filters=scope.filters,
                )
                text = written.read_text(encoding="utf-8")
            mime = "text/markdown" if request.form == "md" else "application/json"
            self.app.call_from_thread(
                self.app.deliver_text, io.StringIO(text), save_filename=request.path.name, mime_type=mime
            )
            return "your browser's downloads", text.count("\n")
        export(
            self.store.path,
            request.form,
            output=request.path,
            force=request.force,
            topic=scope.topic,
            party=scope.party,
            filters=scope.filters,
        )
        if request.form == "csv" or not request.path.is_file():
            return str(request.path), None  # (a folder of tables; or a device or FIFO, written through)
        with request.path.open(encoding="utf-8", errors="replace") as written_file:
            return str(request.path), sum(1 for _ in written_file)

    # (Handlers by name: a mixin's @on handlers are not collected, as it is no MessagePump class.)
    def on_export_finished(self, message: ExportFinished) -> None:
        message.stop()
        request = message.request
        what = FORMATS[request.form]
        size = f"{message.lines:,} lines of " if message.lines is not None else ""
        self.notify(
            f"Wrote {size}{what} to {message.where}. It holds: {request.scope.description}.",
            title="Exported",
            markup=False,
            timeout=8,
        )

    def on_export_failed(self, message: ExportFailed) -> None:
        message.stop()
        self.notify(f"Could not export: {message.reason}", severity="error", markup=False, timeout=8)
