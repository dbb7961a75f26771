"""The main screen: the three views, switched by number, with back and forward through where the reader has been."""

from __future__ import annotations

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer, Header, Static

from parlertui.messages import Navigate
from parlertui.navigation import VIEW_TITLES, VIEWS, History, Location, Target
from parlertui.screens.record import RecordScreen
from parlertui.store.queries import Store
from parlertui.store.records import Catalogue
from parlertui.views.arguments import ArgumentsView
from parlertui.views.base import View
from parlertui.views.parties import PartiesView
from parlertui.views.timeline import TimelineView
from parlertui.workers import ReportsStoreErrors

TOO_SMALL = "Make the terminal larger to read the record: parlertui needs at least 60 columns and 16 rows."

VIEW_OF_KIND = {"event": "timeline", "party": "parties", "topic": "arguments", "argument": "arguments"}


class ViewBar(Static):
    """One line naming the views and their keys, the current one marked; a click switches view."""

    def show(self, current: str) -> None:
        parts = []
        for number, view in enumerate(VIEWS, start=1):
            label = f" {number} {VIEW_TITLES[view]} "
            style = "reverse bold" if view == current else "dim"
            parts.append(f"[{style}][@click=screen.show_view('{view}')]{label}[/][/]")
        self.update(" ".join(parts))


class ExplorerScreen(ReportsStoreErrors, Screen[None]):
    """Timeline, parties and arguments. Following a link records where you were, so back returns there."""

    BINDING_GROUP_TITLE = "Everywhere"
    BINDINGS = [
        # The view bar names the number keys, so the footer need not.
        Binding("1", "show_view('timeline')", "Timeline", show=False, tooltip="Show the timeline"),
        Binding("2", "show_view('parties')", "Parties", show=False, tooltip="Show the parties"),
        Binding("3", "show_view('arguments')", "Arguments", show=False, tooltip="Show the arguments"),
        Binding("tab", "app.focus_next", "Pane", tooltip="Move to the next pane"),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, tooltip="Move to the previous pane"),
        Binding("escape", "escape", "Back", tooltip="Close the detail, clear a filter, or go back"),
        Binding("alt+left", "go_back", "Back", show=False, tooltip="Go back to where you were"),
        Binding("alt+right", "go_forward", "Forward", show=False, tooltip="Go forward again"),
    ]

    class CatalogueLoaded(Message):
        def __init__(self, catalogue: Catalogue) -> None:
            super().__init__()
            self.catalogue = catalogue

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.history = History()
        self.catalogue: Catalogue | None = None
        self._last_focused: Widget | None = None

    def compose(self) -> ComposeResult:
        yield Static(TOO_SMALL, id="too-small")
        yield Header()
        yield ViewBar(id="view-bar")
        with ContentSwitcher(initial="timeline", id="views"):
            yield TimelineView(self.store)
            yield PartiesView(self.store)
            yield ArgumentsView(self.store)
        yield Footer()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._last_focused = event.widget

    def on_resize(self) -> None:
        # Below the smallest size the views are hidden and lose the focus; give it back when they return.
        self.call_after_refresh(self._refocus)

    def _refocus(self) -> None:
        last = self._last_focused
        if self.focused is None and last is not None and last.is_attached and last.display:
            if self.query_one("#views").display:
                self.set_focus(last)

    def on_mount(self) -> None:
        self.query_one(ViewBar).show("timeline")
        for view in self.query(View):
            view.list_pane.loading = True
        self.load_catalogue()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load_catalogue(self) -> None:
        self.post_message(self.CatalogueLoaded(self.store.catalogue()))

    def on_explorer_screen_catalogue_loaded(self, message: CatalogueLoaded) -> None:
        self.catalogue = message.catalogue
        self.app.title = message.catalogue.dispute.short_title
        self.app.sub_title = self.store.path.name
        for view in self.query(View):
            view.list_pane.loading = False
            view.populate(message.catalogue)
        self.current_view.focus_pane(0)

    # Where we are

    @property
    def current_view(self) -> View:
        switcher = self.query_one(ContentSwitcher)
        return self.query_one(f"#{switcher.current}", View)

    def view(self, name: str) -> View:
        return self.query_one(f"#{name}", View)

    def location(self) -> Location:
        view = self.current_view
        return Location(view.view_id, view.state())

    def restore(self, location: Location) -> None:
        self._switch(location.view)
        self.view(location.view).restore(location.state)

    def _switch(self, name: str) -> None:
        self.query_one(ContentSwitcher).current = name
        self.query_one(ViewBar).show(name)
        self.view(name).follow_highlight()

    # Actions

    def action_show_view(self, name: str) -> None:
        if name == self.current_view.view_id:
            return
        self.history.visit(self.location())
        self._switch(name)
        view = self.view(name)
        view.focus_pane(0)

    def go_to(self, target: Target) -> None:
        """Show a record in its view, remembering where we were; quotes and sources open over the view."""
        if target.kind in ("quote", "source"):
            self.app.push_screen(RecordScreen(self.store, target), self._leave_record)
            return
        name = VIEW_OF_KIND[target.kind]
        here = self.location()
        if (here.view, here.state.selected, here.state.party) != (name, target.id, target.party):
            self.history.visit(here)  # going where you already are is not a step to go back over
        self._switch(name)
        view = self.view(name)
        if not view.select(target):
            self.notify(f"Not found in {VIEW_TITLES[name]}: {target.id}", severity="warning", markup=False)
        view.focus_pane(1 if target.kind == "argument" else 0)

    def _leave_record(self, target: Target | None) -> None:
        if target is not None:
            self.go_to(target)

    @on(Navigate)
    def follow(self, message: Navigate) -> None:
        message.stop()
        self.go_to(message.target)

    def action_escape(self) -> None:
        if not self.current_view.close_detail():
            self.action_go_back()

    def action_go_back(self) -> None:
        place = self.history.back(self.location())
        if place is not None:
            self.restore(place)

    def action_go_forward(self) -> None:
        place = self.history.forward(self.location())
        if place is not None:
            self.restore(place)
