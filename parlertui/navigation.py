"""Where a reader can go and where they have been: targets, locations and a back/forward history."""

from __future__ import annotations

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
