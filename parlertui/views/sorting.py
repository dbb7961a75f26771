"""Lists that can be read in more than one order (the quotes, the sources): `s` goes on to the next order, and
the list's title names the one it is in."""

from __future__ import annotations

from typing import ClassVar

from parlertui.store.listing import Sort
from parlertui.views.paged import PagedView


class Sorted:
    """For a PagedView: the orders it offers (the first the usual one), the one it is in, and `s` to change it."""

    SORTS: ClassVar[dict[str, Sort]]
    LIST_NAME: ClassVar[str]
    sort: str = ""

    @property
    def sort_name(self) -> str:
        """The order, as the title names it ("by speaker")."""
        return self.SORTS[self.sort_key].name

    @property
    def sort_key(self) -> str:
        return self.sort or next(iter(self.SORTS))

    def action_sort(self) -> None:
        """The next order, the cursor kept on the item it was on."""
        assert isinstance(self, PagedView)
        names = list(self.SORTS)
        self.sort = names[(names.index(self.sort_key) + 1) % len(names)]
        self.list_title = f"{self.LIST_NAME} {self.SORTS[self.sort].name}"
        if self.catalogue is not None:
            self.populate(self.catalogue)
