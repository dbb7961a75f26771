"""How wide the names a list shows get in this store: what a list's name columns size to (widgets/columns.py).

Read once per view, in a worker: the longest party name (a quote's speaker) and the longest outlet. Both tables
are small beside the quotes, even in the synthetic store of a million quotes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from parlertui.store.queries import Store


class NameWidths(NamedTuple):
    """The longest of each kind of name, in characters."""

    speaker: int = 16
    outlet: int = 18


def name_widths(store: Store) -> NameWidths:
    """The longest speaker (party) name and outlet the store holds."""
    (speaker,) = store.reader.rows("SELECT coalesce(max(length(name)), 0) FROM parties")[0]
    (outlet,) = store.reader.rows("SELECT coalesce(max(length(outlet)), 1) FROM sources")[0]
    return NameWidths(speaker=int(speaker), outlet=int(outlet))
