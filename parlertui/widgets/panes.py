"""What a view asks of its two panes, whichever widgets they are (views/base.py): of its list, a KeyList held whole
or a PagedList read a page at a time; of its detail, a LinkList or the debate.

Classes mixed into those widgets (after their Textual base) rather than Protocols: a view finds its panes with
`query_one(selector, ItemList)`, which needs a class, and the check is by class, not by reading each member (a
PagedList's `highlighted_id` may read a page of the store).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.widget import Widget

    _Widget = Widget  # mixed into widgets only: the checker reads the panes as widgets
else:
    _Widget = object


class ItemList(_Widget):
    """A list with a cursor on items known by their ids. Each kind posts its own Highlighted and Selected messages
    (KeyList: OptionList's)."""

    @property
    def highlighted_id(self) -> str | None:
        """The id of the item under the cursor, if any."""
        raise NotImplementedError

    def highlight_id(self, item_id: str | None) -> bool:
        """Put the cursor on the item with this id and bring it into view; False if the list has no such item."""
        raise NotImplementedError


class DetailPane(_Widget):
    """The selected item's detail, with a cursor that back and forward put back."""

    cursor: int | None

    def show_message(self, text: str) -> None:
        """Show a line of text in place of a detail (nothing to show, or it could not be read)."""
        raise NotImplementedError
