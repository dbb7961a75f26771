"""Search: a box, and the matches under it grouped by kind, as you type. `enter` goes to a match in its view."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from parlertui.navigation import Target
from parlertui.store.filters import Filters
from parlertui.store.queries import Store
from parlertui.store.search import KIND_TITLES, Hit, SearchInterrupted, SearchResults, has_plain_words, marked
from parlertui.widgets.result_list import ResultItem, ResultList
from parlertui.widgets.typing import TypeAhead
from parlertui.workers import ReportsStoreErrors

FIRST_PAGE = 8
"""Matches of each kind in the first answer: what a screen shows of them, read and drawn at once (each match drawn
is a few milliseconds); the counted answer after it brings up to 50."""


def hit_entry(hit: Hit) -> ResultItem:
    """A match: its text with the matched words marked (a quote in its frame or quotation marks), then what it is."""
    pieces = marked(hit.text.replace("\n", " "))  # a quote's text comes in its frame or its quotation marks
    return ResultItem(f"{hit.kind}:{hit.id}", pieces, hit.about, italic=hit.kind == "quote")


def hit_target(hit: Hit) -> Target:
    return Target(hit.kind, hit.id, topic=hit.topic)


def result_entries(results: SearchResults) -> list[ResultItem]:
    """A heading for each kind matched, saying how many there are and in what order, then its matches."""
    entries: list[ResultItem] = []
    for group in results.groups:
        if not group.counted:
            count = f"first {len(group.hits)}, counting…"
        elif group.more:
            count = f"first {len(group.hits)} of over {group.total - 1:,}"
        else:
            count = f"{len(group.hits)} of {group.total:,}" if len(group.hits) < group.total else f"{group.total:,}"
        order = "" if group.ranked else ", in record order"
        entries.append(ResultItem(None, [(f"── {KIND_TITLES[group.kind]} ({count}{order}) ", False)]))
        entries += [hit_entry(hit) for hit in group.hits]
    return entries


def search_note(results: SearchResults, as_of: str | None) -> str:
    """The line under the box: how many were found (or that counting goes on), and how the text was read."""
    if results.query and not results.groups:
        note = " · ".join(
            part
            for part in (
                "No matches",
                results.note,
                f"only what was on the record as of {as_of} was searched" if as_of else "",
            )
            if part
        )
    elif results.query:
        more = any(group.more for group in results.groups)
        count = sum(group.total - 1 if group.more else group.total for group in results.groups)
        if not results.counted:
            found = f"{count:,} so far, counting…"
        elif more:
            found = f"over {count:,} matches (too many to count them all)"
        else:
            found = f"{count:,} match{'es' if count != 1 else ''}"
        note = found + (f" · {results.note}" if results.note else "")
    else:
        note = results.note
    return note


class SearchBox(Input):
    """The search box. It asks for results as its text changes, before the change is drawn, not when its Changed
    message reaches the screen: the words and their first results then show in one frame, where a frame between
    them (the words alone) held the results back to the next one."""

    def watch_value(self, value: str) -> None:
        if self.is_mounted and isinstance(self.screen, SearchScreen):
            self.screen.typed(value)


class SearchScreen(TypeAhead, ReportsStoreErrors, Screen["Target | None"]):
    """Type to search; down or tab moves into the results, `enter` opens one, `escape` closes.

    A whole screen, not a dialog over the view: a modal screen redraws the view beneath it, tinted, every time its
    results change, which made results on a big store take 50 to 90 ms longer to appear."""

    TYPE_AHEAD_BOX = "#search-box"
    # Default CSS, not CSS_PATH: parsed when search first opens rather than at start, and without restyling the
    # whole app as a screen's CSS_PATH does (15-30 ms, which the first search waited on).
    DEFAULT_CSS = Path(__file__).with_name("search.tcss").read_text(encoding="utf-8")
    SCOPED_CSS = False
    BINDINGS = [
        Binding("escape", "close", "Close", tooltip="Close the search"),
        Binding("down", "results", "Results", show=False, tooltip="Move into the results"),
    ]

    class Found(Message):
        def __init__(self, request: int, results: SearchResults) -> None:
            super().__init__()
            self.request = request
            self.results = results

    def __init__(self, store: Store, filters: Filters, text: str = "") -> None:
        super().__init__()
        self.store = store
        self.filters = filters
        self.text = text  # the words of the last search started or waiting to start (at first, the last one made)
        self.results: SearchResults | None = None
        self._request = 0
        self._waiting: tuple[int, str, bool] | None = None  # a search to start once the one in flight has stopped
        self._in_flight = 0  # the request of the search running in the worker, 0 if none
        self._hits: dict[str, Hit] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="search", classes="dialog") as frame:
            frame.border_title = "Search" + (f" as of {self.filters.as_of}" if self.filters.as_of else "")
            frame.border_subtitle = "↓ results · ⏎ open · esc close"
            yield SearchBox(
                self.text,
                placeholder='words, or "a phrase"; moder finds moderation',
                id="search-box",
                select_on_focus=True,
            )
            yield Static("", id="search-note", markup=False)
            yield ResultList(id="search-results")

    def on_mount(self) -> None:
        self.query_one("#search-note", Static).update(
            "Type a word to search quotes, events, arguments, parties and sources."
        )
        if self.text:
            self._ask(self.text)
        else:
            self.prepare()

    @work(thread=True, group="search", exit_on_error=False)
    def prepare(self) -> None:
        self.store.prepare_search()

    def typed(self, text: str) -> None:
        """The box's text has changed (its first value is searched for by on_mount)."""
        if text != self.text:
            self._ask(text)

    def _ask(self, text: str) -> None:
        """Search for `text` now, or, with a search in flight (now stale), as soon as that one has stopped. Keys
        that come together (a fast typist) start a search with the first; each later one stops it, and the last
        one's starts when it has: there is never more than one search running, and no waiting on a timer."""
        self._request += 1
        self.text = text
        # The words matched whole, read here: the index answers within a frame, where a worker's answer would wait
        # on the UI thread for its turn to run, again after each of its queries.
        at_once = self.store.search_at_once(text, self.filters, FIRST_PAGE) if has_plain_words(text) else None
        answered = at_once is not None and bool(at_once.groups)
        if at_once is not None and answered:
            self._show(self._request, at_once)
        self._waiting = (self._request, text, answered)
        if self._in_flight:
            self.store.interrupt_search()  # its Done starts the one waiting
        elif answered:
            self.call_after_refresh(self._start_waiting)  # once the first answer is drawn, with the UI thread free
        else:
            self._start_waiting()

    @property
    def searching(self) -> bool:
        """A search is running or about to start: the results on screen may not be the last answer yet."""
        return self._waiting is not None or bool(self._in_flight)

    def _start_waiting(self) -> None:
        if self._waiting is not None and not self._in_flight:
            (self._in_flight, text, answered), self._waiting = self._waiting, None
            self.run_search(self._in_flight, text, answered)

    class Done(Message):
        def __init__(self, request: int) -> None:
            super().__init__()
            self.request = request

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, request: int, text: str, answered: bool = False) -> None:
        try:
            self._search(request, text, answered)
        finally:
            self.post_message(self.Done(request))

    def on_search_screen_done(self, message: Done) -> None:
        if self._in_flight == message.request:
            self._in_flight = 0
            self._start_waiting()

    def _search(self, request: int, text: str, answered: bool) -> None:
        """`answered`: the words matched whole are on screen already; the full answer is what is left to read."""

        def stale() -> bool:  # newer text was typed (an interrupt can miss a search between two queries)
            return request != self._request

        try:
            if stale():
                return
            if answered:
                self.post_message(self.Found(request, self.store.search(text, self.filters)))  # counted, ranked
                return
            # A screenful of each kind at once, uncounted; then the full page, counted and ranked.
            results = self.store.search(text, self.filters, limit=FIRST_PAGE, count=False)
            self.post_message(self.Found(request, results))
            if (not results.counted or any(len(g.hits) == FIRST_PAGE for g in results.groups)) and not stale():
                self.post_message(self.Found(request, self.store.search(text, self.filters)))  # counted, ranked
        except SearchInterrupted:
            return

    def on_search_screen_found(self, message: Found) -> None:
        self._show(message.request, message.results)

    def _show(self, request: int, results: SearchResults) -> None:
        if request != self._request:
            return
        self.results = results
        self._hits = {f"{hit.kind}:{hit.id}": hit for group in results.groups for hit in group.hits}
        self.query_one(ResultList).show(result_entries(results))
        self.query_one("#search-note", Static).update(search_note(results, self.filters.as_of))

    @on(Input.Submitted, "#search-box")
    def _open_first(self) -> None:
        self._open(self.query_one(ResultList).highlighted_id)

    @on(ResultList.Selected, "#search-results")
    def _selected(self, message: ResultList.Selected) -> None:
        message.stop()
        self._open(message.entry_id)

    def _open(self, option_id: str | None) -> None:
        hit = self._hits.get(option_id or "")
        if hit is not None:
            self.dismiss(hit_target(hit))

    def action_results(self) -> None:
        listing = self.query_one(ResultList)
        if listing.option_count:
            listing.focus()

    def action_close(self) -> None:
        self._waiting = None
        self.store.interrupt_search()
        self.dismiss(None)
