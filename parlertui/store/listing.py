"""Long lists read a page at a time: the timeline, the quotes and the sources, in order, narrowed by filters.

A list of a million quotes is never read whole. A page is found by its sort key (`WHERE key > ? ORDER BY key
LIMIT n`), which costs the same at any depth, and only on the table's own index: the joins a row needs to be shown
are made for that page's rows alone. The end of a list is read from the other side; an item's place is counted on
the index. Only a jump to an arbitrary place (a scrollbar dragged to the middle) reads with OFFSET.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

from parlertui.store.dates import MONTH_NAMES
from parlertui.store.filters import NO_FILTERS, Filters, event_conditions, quote_conditions, quotes_need_event
from parlertui.store.rows import EVENTS, QUOTES, SOURCES, events_from, quotes_from, sources_from

if TYPE_CHECKING:
    import sqlite3
    from zoneinfo import ZoneInfo

    from parlertui.store.queries import Store
    from parlertui.store.records import Quote as QuoteRecord, Source, TimelineEvent

Record = TypeVar("Record")
Key = str | int | tuple[object, ...]


class Row(NamedTuple, Generic[Record]):
    """One item of a list: its sort key, its id, and the record shown."""

    key: Key
    id: str
    record: Record


class Heading(NamedTuple):
    """A group heading ("January 2021"), the place of the first item under it and that item's sort key."""

    label: str
    first: int
    key: Key = ""


class Table(NamedTuple):
    """How to list one table: the FROM clause (with any joins the filters need), the sort key and the rowid in
    it, and how to read the records of some rowids.

    A key of several columns ("q.speaker_id, q.sort_key", `width` 2) is compared as a row value, which SQLite reads
    on an index of those columns; its values are tuples. `descending`: the list runs from the highest key down."""

    source: str
    key: str
    rowid: str
    read: Callable[[Store, list[int]], dict[int, tuple[str, object]]]  # rowid -> (id, record)
    width: int = 1
    descending: bool = False


class Sort(NamedTuple):
    """One order a list can be read in: what it is called in the list's title, and its key."""

    name: str  # "by date", "by speaker, Z-A"
    key: str
    width: int = 1
    descending: bool = False


#: The orders the quotes can be read in, the first the usual one. By speaker is by the speaker's id (a slug of the
#: name), so the index of quotes by speaker serves it.
QUOTE_SORTS = {
    "date": Sort("by date", "q.sort_key"),
    "date-desc": Sort("by date, latest first", "q.sort_key", descending=True),
    "speaker": Sort("by speaker", "q.speaker_id, q.sort_key", 2),
    "speaker-desc": Sort("by speaker, Z-A", "q.speaker_id, q.sort_key", 2, descending=True),
}
#: The orders of the sources (a few thousand at most: their keys need no index of their own).
SOURCE_SORTS = {
    "dataset": Sort("in the dataset's order", "s.position"),
    "date": Sort("by date", "coalesce(s.published, '~'), s.position", 2),
    "date-desc": Sort("by date, latest first", "coalesce(s.published, ''), s.position", 2, descending=True),
    "outlet": Sort("by outlet", "lower(coalesce(s.outlet, '~')), s.position", 2),
    "outlet-desc": Sort("by outlet, Z-A", "lower(coalesce(s.outlet, '')), s.position", 2, descending=True),
}


class Grouping(NamedTuple):
    """How a list falls under headings: for a sort key, the bound its group ends before (in Python, and as SQL on
    `{key}`) and the heading's label."""

    bound: Callable[[Key], str]
    label: Callable[[Key], str]
    bound_sql: str


class Listing(Generic[Record]):
    """The items of one table that some conditions let through, in order, read a page at a time."""

    def __init__(
        self, store: Store, table: Table, conditions: tuple[list[str], list[object]], group: Grouping | None = None
    ) -> None:
        """`group`: for a list under headings, how its items fall under them."""
        self.store = store
        self.table = table
        where, parameters = conditions
        self._where = " AND ".join(f"({c})" for c in where) or "1"
        self._parameters = tuple(parameters)
        self._group = group
        self._count: int | None = None
        self._headings: list[Heading] | None = None
        self.filtered = bool(where)

    def _keys(
        self, extra: str, parameters: tuple[object, ...], order: str, limit: int, offset: int = 0
    ) -> list[tuple[Key, int]]:
        table = self.table
        width = table.width
        if table.descending:  # the list's order is the key's reversed: its first rows are the highest keys
            order = "DESC" if order == "ASC" else "ASC"
        columns = ", ".join(f"{column} {order}" for column in self._key_columns())
        rows = self.store.reader.rows(
            f"SELECT {table.key}, {table.rowid} {table.source} WHERE {self._where}{extra} "
            f"ORDER BY {columns} LIMIT ? OFFSET ?",
            (*self._parameters, *parameters, limit, offset),
        )
        keys = [(row[0] if width == 1 else tuple(row[:width]), row[width]) for row in rows]
        ascending = order == "ASC"
        return keys if ascending != table.descending else keys[::-1]

    def _key_columns(self) -> list[str]:
        """The key's columns, split at the commas between them (not those inside a call)."""
        columns, depth, current = [], 0, ""
        for character in self.table.key:
            depth += {"(": 1, ")": -1}.get(character, 0)
            if character == "," and depth == 0:
                columns.append(current.strip())
                current = ""
            else:
                current += character
        return [*columns, current.strip()]

    def _compare(self, operator: str, key: Key) -> tuple[str, tuple[object, ...]]:
        """A condition on the key (`operator` as the list runs: ">" is after), and its parameters."""
        table = self.table
        if table.descending:
            operator = {">": "<", ">=": "<=", "<": ">", "<=": ">="}[operator]
        # a key of more than one column is a tuple of them, which the Key union (a value or a tuple) cannot say
        values = tuple(key) if table.width > 1 else (key,)  # type: ignore[arg-type]
        marks = ", ".join("?" * len(values))
        return f" AND ({table.key}) {operator} ({marks})", values

    def _page(self, keys: list[tuple[Key, int]]) -> list[Row[Record]]:
        records = self.table.read(self.store, [rowid for _, rowid in keys]) if keys else {}
        # the table's reader gives (id, record) pairs of this listing's Record, which Table does not say in its type
        return [Row(key, *records[rowid]) for key, rowid in keys if rowid in records]  # type: ignore[arg-type]

    def count(self) -> int:
        if self._count is None:
            self._count = self._scalar(f"SELECT count(*) {self.table.source} WHERE {self._where}")
        return self._count

    def first(self, limit: int) -> list[Row[Record]]:
        return self._page(self._keys("", (), "ASC", limit))

    def last(self, limit: int) -> list[Row[Record]]:
        return self._page(self._keys("", (), "DESC", limit))

    def after(self, key: Key, limit: int) -> list[Row[Record]]:
        """The items after the one with sort key `key`."""
        return self._page(self._keys(*self._compare(">", key), "ASC", limit))

    def from_key(self, key: Key, limit: int) -> list[Row[Record]]:
        """The item with sort key `key` and those after it."""
        return self._page(self._keys(*self._compare(">=", key), "ASC", limit))

    def before(self, key: Key, limit: int) -> list[Row[Record]]:
        """The items before the one with sort key `key`, in order."""
        return self._page(self._keys(*self._compare("<", key), "DESC", limit))

    def at(self, index: int, limit: int) -> list[Row[Record]]:
        """The items from place `index` on (a jump to an arbitrary place: OFFSET steps over every row before)."""
        return self._page(self._keys("", (), "ASC", limit, max(0, index)))

    def place_of_key(self, key: Key) -> int:
        """How many items sort before `key`: the place of the item with that key, or of the first after it.

        Once the headings are known, only the items of `key`'s own group are counted, not every item before it."""
        if self.table.width > 1 or self.table.descending:
            condition, values = self._compare("<", key)
            return self._scalar(f"SELECT count(*) {self.table.source} WHERE {self._where}{condition}", values)
        sql = f"SELECT count(*) {self.table.source} WHERE {self._where} AND {self.table.key} < ?"
        group = None
        if self._headings:
            index = bisect_right([heading.key for heading in self._headings], key) - 1
            group = self._headings[index] if index >= 0 else None
            if group is None:
                return 0
        if group is None:
            return self._scalar(sql, (key,))
        return group.first + self._scalar(f"{sql} AND {self.table.key} >= ?", (key, group.key))

    def key_of(self, item_id: str) -> Key | None:
        """The sort key of the item `item_id`, if this list holds it."""
        alias = self.table.rowid.split(".")[0]
        rows = self.store.reader.rows(
            f"SELECT {self.table.key} {self.table.source} WHERE {self._where} AND {alias}.id = ?",
            (*self._parameters, item_id),
        )
        if not rows:
            return None
        return rows[0][0] if self.table.width == 1 else tuple(rows[0][: self.table.width])

    def headings(self) -> list[Heading]:
        """A heading wherever the group changes, with the place of its first item (none if not grouped); also
        counts the list.

        Unfiltered, groups are found by seeking from one to the next on the index, so the cost grows with the
        number of groups (months), not of items; the seeks run in one query, a recursive one, since each query's
        answer waits for its turn at the interpreter (while the app imports, a hundred months of queries took
        220 ms instead of 17). Filtered, one pass over the matching items is cheaper."""
        if self._group is None:
            return []
        table = self.table
        headings: list[Heading] = []
        if self.filtered:
            keys = self.store.reader.rows(
                f"SELECT {table.key} {table.source} WHERE {self._where} ORDER BY {table.key}", self._parameters
            )
            bound: Key | None = None
            for place, (key,) in enumerate(keys):
                if bound is None or key >= bound:
                    bound = self._group.bound(key)
                    headings.append(Heading(self._group.label(key), place, key))
            self._count = len(keys)
            self._headings = headings
            return headings
        bound_sql = self._group.bound_sql.format(key="firsts.k")
        rows = self.store.reader.rows(
            f"""WITH RECURSIVE firsts(k) AS (
                    SELECT min({table.key}) {table.source}
                    UNION ALL
                    SELECT (SELECT min({table.key}) {table.source} WHERE {table.key} >= {bound_sql})
                    FROM firsts WHERE firsts.k IS NOT NULL)
                SELECT k, (SELECT count(*) {table.source} WHERE {table.key} >= firsts.k AND {table.key} < {bound_sql})
                FROM firsts WHERE k IS NOT NULL"""
        )
        place = 0
        for key, count in rows:
            headings.append(Heading(self._group.label(key), place, key))
            place += count
        self._count = place
        self._headings = headings
        return headings

    def _scalar(self, sql: str, parameters: tuple[object, ...] = ()) -> int:
        value: int = self.store.reader.rows(sql, (*self._parameters, *parameters))[0][0]
        return value


def _reader(
    select: str,
    rowid: str,
    to_records: Callable[[list[sqlite3.Row], ZoneInfo | None], Sequence[object]],
) -> Callable[[Store, list[int]], dict[int, tuple[str, object]]]:
    """How a table's records of some rowids are read: `select` (store/rows.py) for those rowids, each row turned
    into its record by `to_records`."""

    def read(store: Store, rowids: list[int]) -> dict[int, tuple[str, object]]:
        marks = ", ".join("?" * len(rowids))
        rows = store.reader.rows(
            select.replace("SELECT ", f"SELECT {rowid} AS list_rowid, ", 1) + f" WHERE {rowid} IN ({marks})",
            tuple(rowids),
        )
        records = to_records(rows, store.zone())
        return {row["list_rowid"]: (row["id"], record) for row, record in zip(rows, records, strict=True)}

    return read


def event_listing(store: Store, filters: Filters = NO_FILTERS) -> Listing[TimelineEvent]:
    """The timeline: events in true order under a heading for each month (or year) in the home zone."""
    table = Table("FROM events AS e", "e.sort_key", "e.rowid", _reader(EVENTS, "e.rowid", events_from))
    return Listing(store, table, event_conditions(filters), Grouping(month_bound, month_label, MONTH_BOUND_SQL))


def quote_listing(store: Store, filters: Filters = NO_FILTERS, sort: str = "date") -> Listing[QuoteRecord]:
    """Quotes in the order they were said (undated ones last), or in another of QUOTE_SORTS."""
    # The event is joined only when a condition reads it: a join on every row makes counting a million quotes
    # take a second instead of a few milliseconds.
    event = " LEFT JOIN events AS qe ON qe.id = q.event_id" if quotes_need_event(filters) else ""
    source = f"FROM quotes AS q{event}"
    order = QUOTE_SORTS[sort]
    table = Table(source, order.key, "q.rowid", _reader(QUOTES, "q.rowid", quotes_from), order.width, order.descending)
    return Listing(store, table, quote_conditions(filters))


def source_listing(store: Store, sort: str = "dataset") -> Listing[Source]:
    """Sources in the dataset's order, or in another of SOURCE_SORTS."""
    order = SOURCE_SORTS[sort]
    table = Table(
        "FROM sources AS s",
        order.key,
        "s.rowid",
        _reader(SOURCES, "s.rowid", sources_from),
        order.width,
        order.descending,
    )
    return Listing(store, table, ([], []))


def month_bound(key: Key) -> str:
    """What a month's sort keys sort below ("~" sorts after every character a key goes on with); a year's, for
    an event known only to the year ("1980 00001")."""
    key = str(key)
    return (key[:5] if key[4:5] == " " else key[:7]) + "~"


MONTH_BOUND_SQL = "(CASE WHEN substr({key}, 5, 1) = ' ' THEN substr({key}, 1, 5) ELSE substr({key}, 1, 7) END || '~')"
"""month_bound in SQL, on the sort key `{key}`."""


def month_label(key: Key) -> str:
    """The heading of a sort key's month in the home zone ("January 2021"), or its year."""
    key = str(key)
    if key[4:5] == " " or len(key) < 7:
        return key[:4]
    try:
        return f"{MONTH_NAMES[int(key[5:7]) - 1]} {key[:4]}"
    except (ValueError, IndexError):
        return key[:7]
