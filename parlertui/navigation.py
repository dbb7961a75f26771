"""Where a reader can go and where they have been: targets, locations and a back/forward history, and the
explorer's decisions about where to go (a record followed, escape pressed, a place gone back to), which the screen
only applies."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from parlertui.store.filters import NO_FILTERS, Filters

VIEWS = ("timeline", "parties", "arguments", "sources", "quotes")
"""The views, in the order their number keys name them."""

VIEW_TITLES = {
    "timeline": "Timeline",
    "parties": "Parties",
    "arguments": "Arguments",
    "sources": "Sources",
    "quotes": "Quotes",
}

VIEW_OF_KIND = {
    "event": "timeline",
    "party": "parties",
    "topic": "arguments",
    "argument": "arguments",
    "source": "sources",
}
"""The view each kind of record is shown in (a quote opens over the view instead)."""


class Target(NamedTuple):
    """A record to go to: an event (optionally in the timeline of one `party`), a party, a topic, an argument (in
    its `topic`), a quote or a source."""

    kind: str
    id: str
    party: str | None = None
    topic: str | None = None


class ViewState(NamedTuple):
    """What one view shows: its selected item, the focused pane, the cursor in the detail."""

    selected: str | None = None
    pane: int = 0
    detail: int | None = None


class Location(NamedTuple):
    """A place in the app that back and forward return to exactly, with the filters that were on."""

    view: str
    state: ViewState = ViewState()
    filters: Filters = NO_FILTERS


class History:
    """Browser-style history: visiting a new place forgets the places ahead of this one."""

    def __init__(self, limit: int = 200) -> None:
        self._behind: list[Location] = []
        self._ahead: list[Location] = []
        self._limit = limit

    @property
    def can_go_back(self) -> bool:
        return bool(self._behind)

    @property
    def can_go_forward(self) -> bool:
        return bool(self._ahead)

    def visit(self, here: Location) -> None:
        """Remember `here` before leaving it for somewhere new."""
        if not self._behind or self._behind[-1] != here:
            self._behind.append(here)
            del self._behind[: -self._limit]
        self._ahead.clear()

    def peek_back(self) -> Location | None:
        """The place `back` would return to, without going."""
        return self._behind[-1] if self._behind else None

    def back(self, here: Location) -> Location | None:
        """The place before `here`, or None at the start; `here` becomes the place ahead."""
        if not self._behind:
            return None
        self._ahead.append(here)
        return self._behind.pop()

    def forward(self, here: Location) -> Location | None:
        """The place after `here`, or None at the newest; `here` becomes the place behind."""
        if not self._ahead:
            return None
        self._behind.append(here)
        return self._ahead.pop()


class Step(NamedTuple):
    """Where following a target leads: the view that shows it, the filters it is shown with, and whether the place
    left is one to come back to."""

    view: str
    filters: Filters
    remember: bool


def step_to(target: Target, here: Location, listed: Callable[[str], bool]) -> Step:
    """Where `target` (not a quote) is shown, from `here`. An event of one party's (`target.party`) is shown in the
    timeline narrowed to that party; an event the filters hide (`listed(id)` false) with them off. Going where you
    already are is not a step to go back over."""
    view = VIEW_OF_KIND[target.kind]
    if target.party:
        filters = here.filters.cleared().set(party=target.party)
    elif target.kind == "event" and not listed(target.id):
        filters = here.filters.cleared()
    else:
        filters = here.filters
    return Step(view, filters, (here.view, here.state.selected, here.filters) != (view, target.id, filters))


def opens_over(target: Target) -> bool:
    """Whether the record opens in full over the view (a quote) rather than in a view of its own."""
    return target.kind == "quote"


def then_select(after: Target | Location | None, view: str) -> str | None:
    """The record view `view` selects once its lists are read, if that is where `after` goes."""
    return after.id if isinstance(after, Target) and VIEW_OF_KIND.get(after.kind) == view else None


class Escape(NamedTuple):
    """What escape does once the view has no detail left to close: remove one filter, go back, or nothing."""

    remove_filter: str | None = None
    go_back: bool = False


def escape_from(here: Location, behind: Location | None, narrowed: bool) -> Escape:
    """In a view the filters narrow (`narrowed`), one filter a press, the last chip first (x clears them all);
    then back, unless back would only put filters or a date back on (alt+left does that, escape does not)."""
    if narrowed and here.filters.narrowing:
        return Escape(remove_filter=[name for name, _ in here.filters.active() if name != "as_of"][-1])
    if behind is not None and (behind.view, behind.state.selected) == (here.view, here.state.selected):
        return Escape()
    return Escape(go_back=True)


def not_shown_reason(view: str, narrowed: bool, filters: Filters) -> str:
    """Why view `view`, read with `filters`, does not show a record it was asked for."""
    if narrowed and filters.narrowing:
        why = "it is hidden by the filters (x clears them)"
    elif filters.as_of:
        why = f"it was not on the record as of {filters.as_of} (d changes the date)"
    else:
        why = "this store does not hold it"
    return f"Not shown in {VIEW_TITLES[view]}: {why}."
