"""The filters that are on, as a line of chips over the views they narrow."""

from __future__ import annotations

from textual.markup import escape
from textual.widgets import Static

from parlertui.store.filters import Filters
from parlertui.store.records import Catalogue

FILTER_LABELS = {
    "party": "Party",
    "side": "Side",
    "topic": "Topic",
    "kind": "Kind",
    "source": "Source",
    "start": "From",
    "end": "To",
    "as_of": "As of",
}


def filter_chips(filters: Filters, catalogue: Catalogue) -> list[tuple[str, str]]:
    """(field, "Label: value") for each filter that is on, values named as the reader knows them."""
    names = {
        "party": {party.id: party.name for party in catalogue.parties},
        "side": {side.id: side.name for side in catalogue.dispute.sides},
        "topic": {topic.id: topic.title for topic in catalogue.topics},
        "source": {source.id: source.outlet or source.title for source in catalogue.sources},
    }
    return [
        (name, f"{FILTER_LABELS[name]}: {names.get(name, {}).get(value, value)}") for name, value in filters.active()
    ]


class FilterBar(Static):
    """The filters that are on, as chips (a click removes one), shown over the views they narrow."""

    def show(self, filters: Filters, catalogue: Catalogue, visible: bool) -> None:
        self.display = visible and filters.narrowing
        if self.display:
            chips = " ".join(
                f"[reverse][@click=screen.remove_filter('{name}')] {escape(label)} ✕ [/][/]"
                for name, label in filter_chips(filters, catalogue)
                if name != "as_of"
            )
            self.update(f"{chips}  [dim]x clears · f changes[/]")
