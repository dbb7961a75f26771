"""Taking a record out of the app: `y` copies the quote, event or source under the cursor as a citation (through
the terminal's clipboard, OSC 52), `o` opens the address it can be read at in the browser."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from parlertui.navigation import Target
from parlertui.screens.palette import ScreenCommands
from parlertui.store.queries import NotFound, Store

if TYPE_CHECKING:
    from parlertui.store.citation import Citation
    from parlertui.views.base import View

    _Screen = Screen[Any]
else:
    _Screen = object

CITED_KINDS = ("quote", "event", "source")

#: What each view's list holds.
LISTED_KIND = {"timeline": "event", "parties": "party", "arguments": "topic", "sources": "source", "quotes": "quote"}

NAMES = {"party": "a party", "topic": "a topic", "argument": "a claim"}

BINDINGS = [
    Binding("y", "copy_citation", "Copy", show=False, tooltip="Copy the quote, event or source as a citation"),
    Binding("o", "open_source", "Open", show=False, tooltip="Open the source's address in the browser"),
]


def target_in_view(view: View) -> Target | None:
    """The record under the cursor in a view: in the detail, the link the cursor is on (else the record the
    detail shows); in the list, the highlighted record."""
    if not view.built:
        return None
    item_id = view.highlighted_id
    listed = Target(LISTED_KIND[view.view_id], item_id) if item_id is not None else None
    if view.focused_pane() == 0:
        return listed
    under = target_in_detail(view.detail_pane)
    return under or listed


def target_in_detail(pane: object) -> Target | None:
    """The link (or, in the debate, the quote) under a detail's cursor, if any."""
    from parlertui.widgets.debate import DebatePane
    from parlertui.widgets.links import LinkList

    if isinstance(pane, LinkList):
        return pane.target_under_cursor
    if isinstance(pane, DebatePane):
        card = pane.current
        if card is not None:
            return card.target or Target("argument", card.argument_id)
    return None


def take_away_commands(screen: TakesAway) -> Iterable[SystemCommand]:
    """y and o in the palette, for a screen that shows records."""
    yield SystemCommand(
        "Copy as a citation",
        "Copy the quote, event or source under the cursor, cited with its source and address (y)",
        screen.action_copy_citation,
    )
    yield SystemCommand(
        "Open the source in the browser",
        "Open the address of the source under the cursor, or of the quote's or event's first source (o)",
        screen.action_open_source,
    )


class TakeAwayCommands(ScreenCommands):
    """The palette's commands of a screen that shows records (a TakesAway screen names it in its COMMANDS)."""

    def commands(self) -> Iterable[SystemCommand]:
        screen = self.screen
        return take_away_commands(screen) if isinstance(screen, TakesAway) else ()


class TakesAway(_Screen):
    """For screens that show records: `y` and `o` on the one under the cursor (`target_under_cursor`)."""

    store: Store

    def target_under_cursor(self) -> Target | None:
        raise NotImplementedError

    def action_copy_citation(self) -> None:
        target = self.target_under_cursor()
        if self._can_cite(target, "copy as a citation"):
            self.read_citation(target, "copy")

    def action_open_source(self) -> None:
        target = self.target_under_cursor()
        if self._can_cite(target, "open"):
            self.read_citation(target, "open")

    def _can_cite(self, target: Target | None, doing: str) -> bool:
        if target is None:
            self.notify(f"Nothing here to {doing}.", severity="warning", markup=False)
            return False
        if target.kind not in CITED_KINDS:
            self.notify(
                f"This is {NAMES.get(target.kind, target.kind)}: move to a quote, an event or a source to {doing}.",
                severity="warning",
                markup=False,
            )
            return False
        return True

    @work(thread=True, exclusive=True, group="citation", exit_on_error=False)
    def read_citation(self, target: Target, then: str) -> None:
        try:
            citation = self.store.citation(target.kind, target.id)
        except NotFound:
            self.app.call_from_thread(
                self.notify, f"This store no longer holds {target.id!r}.", severity="error", markup=False
            )
            return
        self.app.call_from_thread(self._copy if then == "copy" else self._open, citation)

    def _copy(self, citation: Citation) -> None:
        self.app.copy_to_clipboard(citation.text)
        lines = citation.text.count("\n")
        self.notify(
            f"Copied {citation.label} as a citation ({lines} line{'s' if lines != 1 else ''}): paste it anywhere.",
            title="Copied",
            markup=False,
        )

    def _open(self, citation: Citation) -> None:
        if citation.url is None:
            self.notify(
                f"No address to open: {citation.label} has "
                + ("none in the record." if citation.kind == "source" else "no source with an address."),
                severity="warning",
                markup=False,
            )
            return
        self.app.open_url(citation.url)
        self.notify(f"Opening {citation.url}", title="Open", markup=False)
