"""The strip's counts: read from the table the build writes, they are what counting the rows gives, and they add
up to what the lists hold, for every filter and "as of" date."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from parlertui.store.counts import counts_on, event_counts, from_table, quote_counts, write_period_counts
from parlertui.store.filters import Filters
from parlertui.store.listing import event_listing, quote_listing
from parlertui.store.queries import Store
from parlertui.store.schema import EVENT_KINDS
from parlertui.store.synth import synth_store

SIDES = ("parler", "aws", "court", "other")  # the mini dataset's, in its order

BUNDLED = Path(__file__).resolve().parent.parent / "db" / "events.sqlite"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    return synth_store(tmp_path_factory.mktemp("counts") / "synth.sqlite", events=600, quotes=900, seed=3).path


def live(connection: sqlite3.Connection, what: str, filters: Filters):
    """Counted from the rows, as a store without the table is."""
    return counts_on(connection, what, filters, use_table=False)


days = st.sampled_from([None, "1980-06-01", "2020-12-31", "2021-01-09", "2021-01-13", "2021-03-31", "2022-01-01"])
synthetic_days = st.sampled_from([None, "2017-03-01", "2019-12-31", "2020-02-29", "2022-07-15", "2030-01-01"])


def filters_strategy(day_strategy):
    return st.builds(
        Filters,
        side=st.sampled_from([None, *SIDES]),
        kind=st.sampled_from([None, *EVENT_KINDS]),
        start=day_strategy,
        end=day_strategy,
        as_of=day_strategy,
    )


@pytest.mark.parametrize("store_name", ["bundled", "synthetic"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_table_gives_what_counting_the_rows_gives(store_name, synthetic, data):
    path = BUNDLED if store_name == "bundled" else synthetic
    filters = data.draw(filters_strategy(days if store_name == "bundled" else synthetic_days))
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        for what in ("events", "quotes"):
            if not from_table(what, filters):
                continue
            assert counts_on(connection, what, filters) == live(connection, what, filters), (what, filters)
    finally:
        connection.close()


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(as_of="2021-01-13"),
        Filters(side="aws"),
        Filters(kind="filing", start="2021-01-01", end="2021-03-31"),
        Filters(party="amazon"),
        Filters(topic="breach-of-contract"),
    ],
)
def test_the_counts_add_up_to_the_list(filters):
    with Store(BUNDLED) as store:
        events = event_counts(store, filters)
        assert events.total == event_listing(store, filters).count()
        assert sum(c.total for c in events.by_unit["year"]) == events.total
        quotes = quote_counts(store, filters)
        listing = quote_listing(store, filters)
        dated = [row for row in listing.first(10_000) if row.record.when]
        assert quotes.total == len(dated)


def test_as_of_a_day_nothing_after_it_is_counted():
    with Store(BUNDLED) as store:
        counts = event_counts(store, Filters(as_of="2021-01-13"))
        periods = [c.period for c in counts.by_unit["day"]]
        assert periods and max(periods) <= "2021-01-13"
        assert "2021-01-14" not in periods


def test_an_event_counts_once_in_each_lane_of_a_side_taking_part():
    with Store(BUNDLED) as store:
        counts = event_counts(store)
        day = next(c for c in counts.by_unit["day"] if c.period == "2021-01-11")
        # Parler sues AWS (P A C O) and the court orders service (P A C): Parler and AWS in both.
        assert day.total == 2 and day.sides[SIDES.index("parler")] == 2


def test_a_store_without_the_table_is_counted_from_its_rows(tmp_path):
    copy = tmp_path / "old.sqlite"
    copy.write_bytes(BUNDLED.read_bytes())
    with sqlite3.connect(copy) as connection:
        connection.execute("DROP TABLE period_counts")
    with Store(copy) as old, Store(BUNDLED) as new:
        assert event_counts(old) == event_counts(new)
        assert quote_counts(old, Filters(as_of="2021-02-01")) == quote_counts(new, Filters(as_of="2021-02-01"))


def test_writing_the_table_again_gives_the_same_rows(tmp_path):
    copy = tmp_path / "again.sqlite"
    copy.write_bytes(BUNDLED.read_bytes())
    with sqlite3.connect(copy) as connection:
        before = connection.execute("SELECT * FROM period_counts ORDER BY 1, 2, 3, 4").fetchall()
        write_period_counts(connection)
        assert connection.execute("SELECT * FROM period_counts ORDER BY 1, 2, 3, 4").fetchall() == before


def test_check_finds_a_table_of_counts_out_of_step(tmp_path):
    from parlertui.store.check import check_store

    copy = tmp_path / "tampered.sqlite"
    copy.write_bytes(BUNDLED.read_bytes())
    assert check_store(copy).problems == []
    with sqlite3.connect(copy) as connection:
        connection.execute("UPDATE period_counts SET count = count + 1 WHERE what = 'events' AND period = '1980'")
    assert check_store(copy).problems == [
        "period_counts is out of step with the events: rebuild the store with `parlertui build`"
    ]
