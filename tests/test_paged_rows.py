"""The paged list's rows: read a page at a time around the item asked for, the far ones forgotten past KEEP."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from parlertui.store.listing import Row
from parlertui.widgets.paged_rows import KEEP, PAGE, PagedRows


class NumberListing:
    """A listing of `count` items whose sort keys are their places, counting the reads that count rows."""

    def __init__(self, count: int) -> None:
        self.rows = [Row(place, f"item-{place}", place) for place in range(count)]
        self.counted_reads = 0

    def first(self, limit: int) -> list[Row]:
        return self.rows[:limit]

    def last(self, limit: int) -> list[Row]:
        return self.rows[-limit:]

    def after(self, key: int, limit: int) -> list[Row]:
        start = bisect_right([row.key for row in self.rows], key)
        return self.rows[start : start + limit]

    def from_key(self, key: int, limit: int) -> list[Row]:
        start = bisect_left([row.key for row in self.rows], key)
        return self.rows[start : start + limit]

    def before(self, key: int, limit: int) -> list[Row]:
        end = bisect_left([row.key for row in self.rows], key)
        return self.rows[max(0, end - limit) : end]

    def at(self, index: int, limit: int) -> list[Row]:
        self.counted_reads += 1
        return self.rows[index : index + limit]


def rows_of(count: int) -> tuple[PagedRows, NumberListing, list[int]]:
    forgotten: list[int] = []
    rows = PagedRows(lambda: forgotten.append(len(rows)))
    listing = NumberListing(count)
    rows.show(listing, count, {})  # a stand-in with the reads a Listing has
    return rows, listing, forgotten


def test_a_row_is_read_with_its_page_and_the_next_from_the_one_before():
    rows, listing, _ = rows_of(10 * PAGE)
    assert rows.row(3) == Row(3, "item-3", 3) and len(rows) == PAGE
    assert rows.row(PAGE) is not None and len(rows) == 2 * PAGE and listing.counted_reads == 0
    assert rows.row(10 * PAGE) is None and rows.row(-1) is None


def test_a_jump_to_the_middle_counts_once_and_the_end_is_read_from_the_other_side():
    rows, listing, _ = rows_of(10 * PAGE)
    assert rows.row(5 * PAGE) is not None and listing.counted_reads == 1
    assert rows.row(10 * PAGE - 1) is not None and listing.counted_reads == 1
    assert set(rows.places()) >= set(range(9 * PAGE, 10 * PAGE))


def test_reading_at_a_key_reads_around_it_without_counting():
    rows, listing, _ = rows_of(10 * PAGE)
    rows.read_at_key(4 * PAGE, 4 * PAGE)
    assert set(rows.places()) == set(range(4 * PAGE - PAGE // 2, 4 * PAGE + PAGE // 2))
    assert listing.counted_reads == 0 and rows.held_place(f"item-{4 * PAGE}") == 4 * PAGE
    assert rows.held_place("item-0") is None and rows.get(0) is None


def test_past_keep_the_rows_far_from_the_one_read_are_forgotten_and_the_list_told():
    rows, _, forgotten = rows_of(2 * KEEP)
    for place in range(0, KEEP + PAGE, PAGE):
        rows.row(place)
    assert forgotten == [KEEP // 2]
    assert rows.get(KEEP) is not None and rows.get(0) is None
