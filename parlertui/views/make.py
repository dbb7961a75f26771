"""The views other than the timeline, made the first time the explorer asks for one: their modules imported then,
not at start."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parlertui.store.queries import Store
    from parlertui.views.base import View


def make_view(name: str, store: Store) -> View:
    """A view not yet built, its module imported now (only the timeline's is imported at start)."""
    if name == "parties":
        from parlertui.views.parties import PartiesView

        return PartiesView(store)
    if name == "arguments":
        from parlertui.views.arguments import ArgumentsView

        return ArgumentsView(store)
    if name == "sources":
        from parlertui.views.sources import SourcesView

        return SourcesView(store)
    if name == "quotes":
        from parlertui.views.quotes import QuotesView

        return QuotesView(store)
    raise ValueError(f"no view named {name!r}")
