"""The main screen: the views, switched by number, the filters over them, and back and forward through where the
reader has been."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static

from parlertui.messages import Navigate
from parlertui import navigation
from parlertui.navigation import VIEW_OF_KIND, VIEW_TITLES, History, Location, Target
from parlertui.store.filters import NO_FILTERS, Filters
from parlertui.store.first_screen import FirstScreenData
from parlertui.store.queries import Store
from parlertui.store.records import Catalogue
from parlertui.exporting import Exports
from parlertui.screens.explorer_commands import ExplorerCommands
from parlertui.screens.take_away import BINDINGS as TAKE_AWAY_KEYS
from parlertui.screens.take_away import TakesAway, target_in_view
from parlertui.screens.reading import READING_BINDINGS, ReadingModes
from parlertui.screens.sizes import TOO_SMALL, breakpoint_classes
from parlertui.views.base import View
from parlertui.views.timeline import TimelineView
from parlertui.views.make import make_view
from parlertui.widgets.bars import TitleBar, ViewBar
from parlertui.widgets.filter_bar import FilterBar
from parlertui.widgets.key_bar import KeyBar
from parlertui.workers import ReportsStoreErrors

if TYPE_CHECKING:
    from parlertui.exporting import ExportRequest
    from parlertui.screens.search import SearchScreen


class ExplorerScreen(ReportsStoreErrors, TakesAway, Exports, ReadingModes):
    """Timeline, parties, arguments, sources and quotes. Following a link records where you were, so back returns
    there; the filters and the "as of" date are part of where you were."""

    BINDING_GROUP_TITLE = "Everywhere"
    COMMANDS = {ExplorerCommands}
    BINDINGS = [
        # The view bar names the number keys, so the footer need not.
        Binding("1", "show_view('timeline')", "Timeline", show=False, tooltip="Show the timeline"),
        Binding("2", "show_view('parties')", "Parties", show=False, tooltip="Show the parties"),
        Binding("3", "show_view('arguments')", "Arguments", show=False, tooltip="Show the arguments"),
        Binding("4", "show_view('sources')", "Sources", show=False, tooltip="Show the sources"),
        Binding("5", "show_view('quotes')", "Quotes", show=False, tooltip="Show the quotes"),
        Binding("slash", "search", "Search", tooltip="Search quotes, events, arguments, parties and sources"),
        Binding("f", "filter", "Filter", tooltip="Narrow the timeline and the quotes"),
        *READING_BINDINGS,
        # The line of filter chips names x, so the footer need not.
        Binding("x", "clear_filters", "Clear filters", show=False, tooltip="Clear every filter"),
        Binding("d", "as_of", "As of", show=False, tooltip="Show the record as it stood on a date"),
        # The timeline and the quotes bind t themselves; elsewhere it says why it does nothing.
        Binding("t", "jump_to_date", "To date", show=False, tooltip="Go to a date (in the timeline and the quotes)"),
        Binding("ctrl+e", "export", "Export", show=False, tooltip="Export what the view shows: Markdown, CSV or JSON"),
        Binding("tab", "app.focus_next", "Pane", tooltip="Move to the next pane"),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, tooltip="Move to the previous pane"),
        Binding(
            "escape", "escape", "Back", tooltip="Close the detail, remove the last filter (one a press), or go back"
        ),
        Binding("alt+left", "go_back", "Back", show=False, tooltip="Go back to where you were"),
        Binding("alt+right", "go_forward", "Forward", show=False, tooltip="Go forward again"),
        *TAKE_AWAY_KEYS,
    ]

    class CatalogueLoaded(Message):
        """The lists for catalogue request `request`; then show `after` (a target, or a place to go back to)."""

        def __init__(self, request: int, catalogue: Catalogue, after: Target | Location | None) -> None:
            super().__init__()
            self.request = request
            self.catalogue = catalogue
            self.after = after

    def __init__(self, store: Store, first_screen: FirstScreenData | None = None) -> None:
        super().__init__()
        self.store = store
        self.first_screen = first_screen  # read before the app started, if it was
        self.history = History()
        self.catalogue: Catalogue | None = None  # the lists on screen
        self.filters = NO_FILTERS  # what the lists on screen were read with
        self._wanted_filters = NO_FILTERS  # what was asked for last, perhaps still being read
        self._catalogue_request = 0
        self._last_focused: Widget | None = None
        self._last_search = ""  # what was in the search box when it last closed
        self._resumed = False
        self._views_made = {"timeline"}

    def compose(self) -> ComposeResult:
        # Textual sets the breakpoint classes when the first Resize arrives, after the first screen is drawn: the
        # views were laid out one above the other, then side by side, styled and drawn twice.
        self.update_classes(breakpoint_classes(self.app, self.app.size), animate=False)
        yield Static(TOO_SMALL, id="too-small")
        yield TitleBar(id="title-bar")
        yield ViewBar(id="view-bar")
        yield FilterBar(id="filter-bar")
        with ContentSwitcher(initial="timeline", id="views"):
            yield TimelineView(self.store, built=True)  # the others join the first time they are asked for
        yield KeyBar(id="key-bar")

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

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles a screen each time it is shown; the first time, every widget was styled as it mounted a
        # moment before, and a second pass over them all was 6-8 ms of the start. A subclass's handler runs before
        # its base's, so Screen's own sees the event as left here (tests cover it).
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_mount(self) -> None:
        self.query_one(ViewBar).show("timeline")
        self.query_one(FilterBar).display = False
        first, self.first_screen = self.first_screen, None
        if first is None:
            self.apply_filters(NO_FILTERS)
            return
        timeline = self.view("timeline")
        assert isinstance(timeline, TimelineView)
        timeline.take_listing(first.listing, first.headings, first.rows)
        self._catalogue_request += 1
        self.on_explorer_screen_catalogue_loaded(self.CatalogueLoaded(self._catalogue_request, first.catalogue, None))

    # The filters and the "as of" date

    def apply_filters(self, filters: Filters, after: Target | Location | None = None) -> None:
        """Read the lists again with `filters`, then go to `after`."""
        self._wanted_filters = filters
        self._catalogue_request += 1
        self.load_catalogue(self._catalogue_request, filters, after)

    @work(thread=True, exclusive=True, group="catalogue", exit_on_error=False)
    def load_catalogue(self, request: int, filters: Filters, after: Target | Location | None) -> None:
        self.post_message(self.CatalogueLoaded(request, self.store.catalogue(filters), after))

    def on_explorer_screen_catalogue_loaded(self, message: CatalogueLoaded) -> None:
        if message.request != self._catalogue_request:
            return  # newer filters have been asked for since
        first = self.catalogue is None
        catalogue = self.catalogue = message.catalogue
        self.filters = catalogue.filters
        self.app.title = catalogue.dispute.short_title
        as_of = f"as of {self.filters.as_of} · " if self.filters.as_of else ""
        self.app.sub_title = f"{as_of}{self.store.path.name}"
        self._show_filter_bar()
        after = message.after
        for view in self.query(View):
            view.populate(catalogue, then=navigation.then_select(after, view.view_id))
        self.refresh_bindings()
        if isinstance(after, Location):
            self.view(after.view).restore(after.state)
        elif isinstance(after, Target):
            self._select(after)
        elif first:
            self.current_view.focus_pane(0)
        if first:
            # Once the first screen is up, ready the search: its first query on a big store would otherwise read
            # the full-text indexes' structure while the reader waits.
            self.set_timer(0.5, self.prepare_search)
            if start_collector := getattr(self.app, "start_collector", None):
                self.call_after_refresh(start_collector)

    @work(thread=True, group="prepare-search", exit_on_error=False)
    def prepare_search(self) -> None:
        self.store.prepare_search()

    def _show_filter_bar(self) -> None:
        if self.catalogue is not None:
            self.query_one(FilterBar).show(self.filters, self.catalogue, self.current_view.narrowed)

    def change_filters(self, filters: Filters) -> None:
        """Apply new filters as a step back can undo."""
        if filters != self._wanted_filters:
            self.history.visit(self.location())
            self.apply_filters(filters)

    def action_filter(self) -> None:
        if self.catalogue is not None:
            from parlertui.screens.filters import FilterScreen  # the screens over the views load when first opened

            self.app.push_screen(FilterScreen(self.catalogue, self._wanted_filters), self._filters_chosen)

    def _filters_chosen(self, filters: Filters | None) -> None:
        if filters is not None:
            self.change_filters(filters)

    def action_clear_filters(self) -> None:
        self.change_filters(self._wanted_filters.cleared())

    def action_remove_filter(self, name: str) -> None:
        self.change_filters(self._wanted_filters.set(**{name: None}))

    def action_as_of(self) -> None:
        from parlertui.screens.filters import AsOfScreen

        self.app.push_screen(AsOfScreen(self._wanted_filters.as_of), self._as_of_chosen)

    def _as_of_chosen(self, day: str | None) -> None:
        if day is not None:
            self.change_filters(self._wanted_filters.set(as_of=day or None))

    def action_jump_to_date(self) -> None:
        """`t` where the list is not in order of date: say where it works."""
        view = self.current_view
        jump = getattr(view, "action_jump", None)
        if jump is not None:
            jump()
            return
        self.notify(
            f"t goes to a date in the timeline and the quotes: {VIEW_TITLES[view.view_id]} are not listed by date.",
            severity="warning",
            markup=False,
        )

    def action_search(self) -> None:
        from parlertui.screens.search import SearchScreen

        screen = SearchScreen(self.store, self._wanted_filters, self._last_search)
        self.app.push_screen(screen, lambda target: self._searched(screen, target))

    def _searched(self, screen: SearchScreen, target: Target | None) -> None:
        self._last_search = screen.text
        self._leave_record(target)

    def action_export(self) -> None:
        """Open the export dialog for what the view shows (see parlertui/exporting.py)."""
        from parlertui.exporting import export_scope, too_long_to_write
        from parlertui.screens.export_dialog import ExportScreen

        view = self.current_view
        scope = export_scope(view.view_id, view.highlighted_id, view.narrowed, self.filters, self.catalogue)
        if (why := too_long_to_write(scope, self.catalogue)) is not None:
            self.notify(why, severity="warning", markup=False, timeout=8)
        else:
            self.app.push_screen(ExportScreen(scope), self._export_chosen)

    def _export_chosen(self, request: ExportRequest | None) -> None:
        if request is not None:
            self.write_export(request)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filters":
            return self._wanted_filters.narrowing
        return True

    def target_under_cursor(self) -> Target | None:
        return target_in_view(self.current_view)

    # Where we are

    @property
    def current_view(self) -> View:
        switcher = self.query_one(ContentSwitcher)
        return self.query_one(f"#{switcher.current}", View)

    def view(self, name: str) -> View:
        """The view `name`; a view other than the timeline is made (its module imported, an empty shell mounted,
        populated with the lists on screen) the first time it is asked for, not at start."""
        found = self.query_one(ContentSwitcher).get_child_by_id(name, View) if name in self._views_made else None
        if found is not None:
            return found
        view = make_view(name, self.store)
        view.wrap = self.wrap
        view.display = False  # until the switcher shows it
        self.query_one(ContentSwitcher).mount(view)  # not waited for: it is in the DOM at once, and built when shown
        self._views_made.add(name)
        if self.catalogue is not None:
            view.populate(self.catalogue)
        return view

    def location(self) -> Location:
        view = self.current_view
        return Location(view.view_id, view.state(), self._wanted_filters)

    def restore(self, location: Location) -> None:
        self._switch(location.view)
        if location.filters != self._wanted_filters:
            self.apply_filters(location.filters, after=location)
            self.view(location.view).focus_pane(location.state.pane)
        else:
            self.view(location.view).restore(location.state)

    def _switch(self, name: str) -> None:
        view = self.view(name)
        self.query_one(ContentSwitcher).current = name
        self.query_one(ViewBar).show(name)
        self._show_filter_bar()
        view.shown()

    # Actions

    def action_show_view(self, name: str) -> None:
        if name == self.current_view.view_id:
            return
        self.history.visit(self.location())
        self._switch(name)
        view = self.view(name)
        view.focus_pane(0)

    def go_to(self, target: Target) -> None:
        """Show a record in its view, remembering where we were (navigation.step_to says where, with what filters);
        a quote opens over the view."""
        if navigation.opens_over(target):
            from parlertui.screens.record import RecordScreen

            self.app.push_screen(RecordScreen(self.store, target), self._leave_record)
            return
        here = self.location()
        step = navigation.step_to(target, here, self._listed)
        if step.remember:
            self.history.visit(here)
        self._switch(step.view)
        if step.filters != here.filters:
            self.apply_filters(step.filters, after=target)
        else:
            self._select(target)

    def _listed(self, event_id: str) -> bool:
        """Whether the timeline lists the event now, with the filters last asked for (asked by step_to)."""
        timeline = self.view("timeline")
        assert isinstance(timeline, TimelineView)
        listing = timeline.list_pane.listing
        if listing is None or self.filters != self._wanted_filters:
            return False
        return listing.key_of(event_id) is not None

    def _select(self, target: Target) -> None:
        view = self.view(VIEW_OF_KIND[target.kind])
        if not view.select(target):
            self._say_not_listed(view)
        view.focus_pane(1 if target.kind == "argument" else 0)

    @on(View.NotListed)
    def _not_listed(self, message: View.NotListed) -> None:
        message.stop()
        self._say_not_listed(message.view)

    def _say_not_listed(self, view: View) -> None:
        why = navigation.not_shown_reason(view.view_id, view.narrowed, self.filters)
        self.notify(why, severity="warning", markup=False)

    def _leave_record(self, target: Target | None) -> None:
        if target is not None:
            self.go_to(target)

    @on(Navigate)
    def follow(self, message: Navigate) -> None:
        message.stop()
        self.go_to(message.target)

    def action_escape(self) -> None:
        if self.current_view.close_detail():
            return
        step = navigation.escape_from(self.location(), self.history.peek_back(), self.current_view.narrowed)
        if step.remove_filter is not None:
            self.action_remove_filter(step.remove_filter)
        elif step.go_back:
            self.action_go_back()

    def action_go_back(self) -> None:
        place = self.history.back(self.location())
        if place is not None:
            self.restore(place)

    def action_go_forward(self) -> None:
        place = self.history.forward(self.location())
        if place is not None:
            self.restore(place)
