"""The strip's counts: events (or quotes) per period and side, narrowed by the filters as the lists are, in one
grouped query on the sort key's index.

The query groups at the finest unit (a day, or the month or year of an item dated no closer); coarser units are
added up from that in Python (periods.roll_up), so zooming reads nothing. Quotes count by their speaker's side;
events by each side taking part (an event of two sides counts once in each lane). The sides are the store's own
(its sides table, in their order): side i is the i-th of each count's sides, and bit i of period_counts.sides.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from parlertui.store.open import StoreError, open_read_only
from parlertui.store.filters import NO_FILTERS, Filters, event_conditions, quote_conditions, quotes_need_event
from parlertui.store.periods import UNITS, PeriodCount, roll_up

if TYPE_CHECKING:
    from parlertui.store.queries import Store

Read = Callable[[str, tuple[object, ...]], Sequence[Sequence[object]]]


class Counts(NamedTuple):
    """What the strip counts (`what`: "events" or "quotes"), per period at each unit, and how many in all."""

    what: str
    by_unit: dict[str, list[PeriodCount]]
    total: int
    undated: int = 0  # items counted nowhere: quotes with no date of their own or of their event


def period_sql(key: str) -> str:
    """periods.period_of(key, "day") in SQL: a sort key's day, or its month or year if it is dated no closer."""
    return (
        f"CASE WHEN substr({key}, 5, 1) = ' ' THEN substr({key}, 1, 4) "
        f"WHEN substr({key}, 8, 1) = ' ' THEN substr({key}, 1, 7) ELSE substr({key}, 1, 10) END"
    )


def side_ids(connection: sqlite3.Connection) -> list[str]:
    """The store's sides, in their order: the order of the sides in every count."""
    return [row[0] for row in connection.execute("SELECT id FROM sides ORDER BY position")]


def _literal(text: str) -> str:
    """`text` as an SQL string literal (a side's id, read from the store, never from the reader)."""
    return "'" + text.replace("'", "''") + "'"


def _side_sums(column: str, sides: Sequence[str]) -> str:
    """A column per side, each after a comma: how many of the group are that side's."""
    return "".join(f", sum({column} = {_literal(side)})" for side in sides)


def _event_sql(conditions: str, sides: Sequence[str]) -> str:
    # Each event's sides, once each however many of its parties are on a side, are read on the link table's
    # primary key; the events are read in sort-key order on their index.
    took_part = "".join(
        ", EXISTS (SELECT 1 FROM event_parties AS ep JOIN parties AS p ON p.id = ep.party_id "
        f"WHERE ep.event_id = e.id AND p.side = {_literal(side)}) AS s{index}"
        for index, side in enumerate(sides)
    )
    sums = "".join(f", sum(s{index})" for index in range(len(sides)))
    return (
        f"SELECT period, count(*){sums} FROM (SELECT {period_sql('e.sort_key')} AS period{took_part} "
        f"FROM events AS e WHERE {conditions}) GROUP BY period ORDER BY period"
    )


def _quote_sql(conditions: str, join_event: bool, sides: Sequence[str]) -> str:
    event = " LEFT JOIN events AS qe ON qe.id = q.event_id" if join_event else ""
    # Dated quotes only: an undated quote's key sorts after every date.
    return (
        f"SELECT {period_sql('q.sort_key')} AS period, count(*){_side_sums('p.side', sides)} "
        f"FROM quotes AS q{event} JOIN parties AS p ON p.id = q.speaker_id "
        f"WHERE ({conditions}) AND q.sort_key >= '0' AND q.sort_key < ':' GROUP BY period ORDER BY period"
    )


def _joined(where: list[str]) -> str:
    return " AND ".join(f"({c})" for c in where) or "1"


# The table of counts the build writes

TABLE = "period_counts"

_PERIOD_START = "CASE length(period) WHEN 4 THEN period || '-01-01' WHEN 7 THEN period || '-01' ELSE period END"
_PERIOD_END = (
    "CASE length(period) WHEN 4 THEN period || '-12-31' "
    "WHEN 7 THEN date(period || '-01', '+1 month', '-1 day') ELSE period END"
)


def _mask_sql(column: str, sides: Sequence[str]) -> str:
    cases = (
        f"(CASE WHEN {column} = {_literal(side)} THEN {1 << index} ELSE 0 END)" for index, side in enumerate(sides)
    )
    return " + ".join(cases) or "0"


def write_period_counts(connection: sqlite3.Connection) -> None:
    """Write the table of counts from the store's events and quotes (by the build and by synth, once every row
    and index is in): per period, kind of event and set of sides, how many."""
    connection.execute(f"DELETE FROM {TABLE}")
    sides = side_ids(connection)
    mask = (
        " + ".join(
            f"(EXISTS (SELECT 1 FROM event_parties AS ep JOIN parties AS p ON p.id = ep.party_id "
            f"WHERE ep.event_id = e.id AND p.side = {_literal(side)}) * {1 << index})"
            for index, side in enumerate(sides)
        )
        or "0"
    )
    connection.execute(
        f"INSERT INTO {TABLE} (what, period, kind, sides, count) "
        f"SELECT 'events', period, kind, sides, count(*) FROM (SELECT {period_sql('e.sort_key')} AS period, "
        f"e.kind AS kind, {mask} AS sides FROM events AS e) GROUP BY period, kind, sides"
    )
    connection.execute(
        f"INSERT INTO {TABLE} (what, period, kind, sides, count) "
        f"SELECT 'quotes', {period_sql('q.sort_key')} AS period, '', {_mask_sql('p.side', sides)} AS sides, count(*) "
        "FROM quotes AS q JOIN parties AS p ON p.id = q.speaker_id WHERE q.sort_key >= '0' AND q.sort_key < ':' "
        "GROUP BY period, sides"
    )


def from_table(what: str, filters: Filters) -> bool:
    """Whether the table of counts can answer for `filters` (else the rows are counted as the list reads them)."""
    return (filters.party, filters.topic, filters.source) == (None, None, None) and (
        what == "events" or filters.kind is None
    )


def _table_sql(what: str, filters: Filters, sides: Sequence[str]) -> tuple[str, tuple[object, ...]]:
    where: list[str] = ["what = ?"]
    parameters: list[object] = [what]
    if filters.as_of is not None:
        where.append(f"{_PERIOD_END} <= ?")
        parameters.append(filters.as_of)
    if filters.start is not None:
        where.append(f"{_PERIOD_END} >= ?")
        parameters.append(filters.start)
    if filters.end is not None:
        where.append(f"{_PERIOD_START} <= ?")
        parameters.append(filters.end)
    if filters.kind is not None:
        where.append("kind = ?")
        parameters.append(filters.kind)
    if filters.side is not None:
        where.append("sides & ? != 0")
        parameters.append(1 << sides.index(filters.side) if filters.side in sides else 0)
    sums = "".join(f", sum(CASE WHEN sides & {1 << index} THEN count ELSE 0 END)" for index in range(len(sides)))
    sql = f"SELECT period, sum(count){sums} FROM {TABLE} WHERE {_joined(where)} GROUP BY period ORDER BY period"
    return sql, tuple(parameters)


def has_table(connection: sqlite3.Connection) -> bool:
    return bool(connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (TABLE,)).fetchall())


# Reading


def _counts(read: Read, what: str, sql: str, parameters: tuple[object, ...]) -> Counts:
    # SQLite gives the sums as integers (or NULL, for a period without that kind); its rows are typed as objects
    days = [
        PeriodCount(str(row[0]), int(row[1]), tuple(int(number or 0) for number in row[2:]))  # type: ignore[call-overload]
        for row in read(sql, parameters)
    ]
    total = sum(count.total for count in days)
    by_unit = {unit: days if unit == UNITS[0] else roll_up(days, unit) for unit in UNITS}
    return Counts(what, by_unit, total)


def counts_on(
    connection: sqlite3.Connection, what: str, filters: Filters = NO_FILTERS, *, use_table: bool = True
) -> Counts:
    """Events (`what` "events") or dated quotes ("quotes") per period and side that `filters` (and their "as of"
    date) let through, read on `connection`: from the table of counts where it can answer (unless not
    `use_table`), else from the rows."""

    def read(sql: str, parameters: tuple[object, ...]) -> list[sqlite3.Row]:
        return connection.execute(sql, parameters).fetchall()

    sides = side_ids(connection)
    if use_table and from_table(what, filters) and has_table(connection):
        return _counts(read, what, *_table_sql(what, filters, sides))
    if what == "events":
        where, parameters = event_conditions(filters)
        return _counts(read, what, _event_sql(_joined(where), sides), tuple(parameters))
    where, parameters = quote_conditions(filters)
    return _counts(read, what, _quote_sql(_joined(where), quotes_need_event(filters), sides), tuple(parameters))


def read_counts(path: Path, what: str, filters: Filters = NO_FILTERS) -> Counts:
    """counts_on a read-only connection of its own to the store at `path`, so a slow count holds up none of the
    app's other reads; StoreError if it cannot be read."""
    try:
        connection = open_read_only(path)
    except sqlite3.Error as err:
        raise StoreError(path, f"cannot be read ({err})", "check it with `parlertui check`") from err
    try:
        return counts_on(connection, what, filters)
    except sqlite3.Error as err:
        raise StoreError(path, f"cannot be read ({err})", "check it with `parlertui check`") from err
    finally:
        connection.close()


def event_counts(store: Store, filters: Filters = NO_FILTERS) -> Counts:
    """Events per period and side that `filters` (and their "as of" date) let through."""
    return read_counts(store.path, "events", filters)


def quote_counts(store: Store, filters: Filters = NO_FILTERS) -> Counts:
    """Dated quotes per period and speaker's side that `filters` let through."""
    return read_counts(store.path, "quotes", filters)


def event_counts_where(connection: sqlite3.Connection, where: str = "1") -> Counts:
    """Events per period and side on the brief's own connection, of the events `where` (a condition on `e`)
    keeps, counted from the rows."""

    def read(sql: str, parameters: tuple[object, ...]) -> list[sqlite3.Row]:
        return connection.execute(sql, parameters).fetchall()

    sides = side_ids(connection)
    if where in ("1", "") and has_table(connection):
        return _counts(read, "events", *_table_sql("events", NO_FILTERS, sides))
    return _counts(read, "events", _event_sql(where, sides), ())
