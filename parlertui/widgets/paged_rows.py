"""The rows a PagedList (widgets/pagedlist.py) holds of its Listing: read a page at a time around the item asked
for, at most KEEP of them, those far from it forgotten. No Textual here: the list draws them."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from parlertui.store.listing import Key, Listing, Row

PAGE = 64
"""Rows read at a time."""

KEEP = 2000
"""Rows kept in memory; beyond this, rows far from the screen are forgotten."""


class PagedRows:
    """The listing shown, how many items it has, and the rows read of it by their places."""

    def __init__(self, forgotten: Callable[[], None]) -> None:
        """`forgotten` is called when rows have been forgotten, for the list to forget what it drew of them."""
        self._forgotten = forgotten
        self.listing: Listing | None = None
        self.count = 0
        self._rows: dict[int, Row] = {}

    def show(self, listing: Listing, count: int, rows: dict[int, Row]) -> None:
        """A new listing of `count` items, the rows at these places already read."""
        self.listing, self.count, self._rows = listing, count, dict(rows)

    def __len__(self) -> int:
        """How many rows are held."""
        return len(self._rows)

    def __contains__(self, index: int) -> bool:
        return index in self._rows

    def places(self) -> Iterable[int]:
        """The places of the rows held."""
        return self._rows.keys()

    def get(self, index: int) -> Row | None:
        """Item `index` if it is held; nothing is read."""
        return self._rows.get(index)

    def held_place(self, item_id: str) -> int | None:
        """The place of the item `item_id` if its row is held; nothing is read."""
        return next((index for index, row in self._rows.items() if row.id == item_id), None)

    def row(self, index: int) -> Row | None:
        """Item `index`, read with its page if it is not at hand (None past the end or with no listing)."""
        if not 0 <= index < self.count or self.listing is None:
            return None
        if index not in self._rows:
            self._read_around(index)
        return self._rows.get(index)

    def read_at_key(self, key: Key, place: int) -> None:
        """Read the rows around sort key `key`, whose first item is at `place`, by key rather than counted out from
        the start (the end is read from the other side, by `row`)."""
        if self.listing is None or place in self._rows or place >= self.count - PAGE:
            return
        before = self.listing.before(key, PAGE // 2)
        for offset, row in enumerate(before + self.listing.from_key(key, PAGE // 2), start=place - len(before)):
            self._rows[offset] = row
        if len(self._rows) > KEEP:
            self._forget_far_from(place)

    def _read_around(self, index: int) -> None:
        assert self.listing is not None
        rows = self._rows
        if index - 1 in rows:  # reading on down: from the item before
            start, page = index, self.listing.after(rows[index - 1].key, PAGE)
        elif index + 1 in rows:  # reading on up: from the item after
            page = self.listing.before(rows[index + 1].key, PAGE)
            start = index + 1 - len(page)
        elif index >= self.count - PAGE:  # the end is read from the other side
            page = self.listing.last(PAGE)
            start = self.count - len(page)
        elif index < PAGE:
            start, page = 0, self.listing.first(PAGE)
        else:  # a jump into the middle: the one read that counts rows
            start = max(0, index - PAGE // 2)
            page = self.listing.at(start, PAGE)
        for offset, row in enumerate(page):
            rows[start + offset] = row
        if len(rows) > KEEP:
            self._forget_far_from(index)

    def _forget_far_from(self, index: int) -> None:
        far = sorted(self._rows, key=lambda kept: abs(kept - index))[KEEP // 2 :]
        for kept in far:
            del self._rows[kept]
        self._forgotten()
