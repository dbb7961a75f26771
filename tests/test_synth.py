"""`parlertui synth`: a valid store of the asked size, the same for a seed, readable by the app's Store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from apptools import BUNDLED
from hypothesis import given
from hypothesis import strategies as st

from parlertui.cli import main
from parlertui.store.check import check_store
from parlertui.store.filters import Filters
from parlertui.store.listing import MONTH_BOUND_SQL, Heading, event_listing, month_bound, month_label
from parlertui.store.queries import Store
from parlertui.store.synth import COMMON_WORD, MISSING_WORD, RARE_QUOTES, RARE_WORD, UNCOMMON_WORD, synth_store
from store_dump import dump

EVENTS, QUOTES = 300, 2000


@pytest.fixture(scope="module")
def synth(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synth_store(tmp_path_factory.mktemp("synth") / "synth.sqlite", EVENTS, QUOTES, seed=7).path


def rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as db:
        return db.execute(sql).fetchall()


def test_a_synthetic_store_passes_check_with_the_counts_asked_for(synth):
    report = check_store(synth)
    assert report.problems == []
    assert (report.counts["events"], report.counts["quotes"]) == (EVENTS, QUOTES)
    assert all(report.counts[table] > 0 for table in report.counts)


def test_it_has_the_full_text_tables_build_makes(synth, mini_store):
    def full_text(path: Path) -> list[tuple]:
        return rows(
            path,
            "SELECT type, name, sql FROM sqlite_master WHERE name LIKE '%\\_fts%' ESCAPE '\\' "
            "OR type = 'trigger' ORDER BY name",
        )

    assert full_text(synth) == full_text(mini_store)
    assert rows(synth, "PRAGMA user_version") == rows(mini_store, "PRAGMA user_version")


def test_it_holds_what_the_app_shows(synth):
    precisions = dict(rows(synth, "SELECT precision, count(*) FROM events GROUP BY precision"))
    assert precisions["day"] > precisions["time"] > precisions["month"] > 0
    sides = rows(synth, "SELECT id, mark, deciding FROM sides ORDER BY position")
    assert sides == [("side-1", "1", 0), ("side-2", "2", 0), ("court", "C", 1)]  # two sides and a court, by default
    assert {side for (side,) in rows(synth, "SELECT DISTINCT side FROM parties")} == {side for side, _, _ in sides}
    assert rows(synth, "SELECT count(*) FROM parties WHERE kind = 'person' AND affiliation_id IS NULL") == [(0,)]
    assert rows(synth, "SELECT count(*) FROM sources WHERE via_source_id IS NOT NULL")[0][0] > 0
    assert {relation for (relation,) in rows(synth, "SELECT DISTINCT relation FROM argument_links")} == {
        "rebuts",
        "supports",
    }
    years = rows(synth, "SELECT count(DISTINCT substr(occurred_at, 1, 4)) FROM events")[0][0]
    assert years >= 5


def test_the_planted_search_words_are_where_the_docstring_says(synth):
    def matches(word: str) -> int:
        return rows(synth, f"SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH '{word}'")[0][0]

    assert 0.9 * QUOTES < matches(COMMON_WORD) < QUOTES
    assert 0 < matches(UNCOMMON_WORD) < 0.05 * QUOTES
    assert matches(RARE_WORD) == RARE_QUOTES
    assert matches(MISSING_WORD) == 0


def test_the_same_seed_writes_the_same_rows_and_another_seed_others(synth, tmp_path):
    again = synth_store(tmp_path / "again.sqlite", EVENTS, QUOTES, seed=7).path
    other = synth_store(tmp_path / "other.sqlite", EVENTS, QUOTES, seed=8).path
    assert dump(again) == dump(synth)
    assert dump(other)["rows"]["quotes"] != dump(synth)["rows"]["quotes"]


def test_the_app_reads_it(synth):
    with Store(synth) as store:
        catalogue = store.catalogue()
        assert catalogue.total_events == EVENTS
        assert [event.id for event in store.timeline()][:2] == ["event-00000", "event-00001"]
        topic = store.topics()[0]
        assert store.topic(topic.id).topic.id == topic.id
        assert store.event(event_listing(store).first(1)[0].id).sources


def test_it_will_not_overwrite_a_file_without_force(tmp_path, capsys):
    target = tmp_path / "kept.sqlite"
    target.write_text("keep me")
    assert main(["synth", "--events", "5", "--quotes", "9", "-o", str(target)]) == 2
    assert capsys.readouterr().err == f"parlertui: {target}: already exists; add --force to replace it\n"
    assert target.read_text() == "keep me"
    assert main(["synth", "--events", "5", "--quotes", "9", "-o", str(target), "--force"]) == 0
    assert check_store(target).counts["quotes"] == 9


@pytest.mark.parametrize("option", ["--events", "--quotes"])
def test_a_negative_count_is_refused_in_one_line(tmp_path, capsys, option):
    assert main(["synth", option, "-3", "-o", str(tmp_path / "no.sqlite")]) == 2
    assert capsys.readouterr().err == f"parlertui: {option} must be 0 or more, not -3\n"
    assert not (tmp_path / "no.sqlite").exists()


@pytest.mark.parametrize("filters", [Filters(), Filters(side="side-2"), Filters(start="2021-01-01")])
def test_the_place_of_a_date_found_from_its_month_heading_is_the_place_counted_from_the_start(synth, filters):
    with Store(synth) as store:
        counted = event_listing(store, filters)
        listing = event_listing(store, filters)
        headings = listing.headings()
        assert len(headings) > 10
        keys = [row[0] for row in rows(synth, "SELECT sort_key FROM events ORDER BY sort_key")]
        days = sorted({key[:10] for key in keys[::7]} | {"1900-01-01", "2999-12-31", keys[0], keys[-1]})
        for day in days:
            assert listing.place_of_key(day) == counted.place_of_key(day), day


def test_a_jump_to_a_date_reads_the_rows_around_it_by_key(synth):
    with Store(synth) as store:
        listing = event_listing(store)
        listing.headings()
        keys = [row[0] for row in rows(synth, "SELECT sort_key FROM events ORDER BY sort_key")]
        for place in (0, 1, len(keys) // 2, len(keys) - 1):
            before, after = listing.before(keys[place], 32), listing.from_key(keys[place], 32)
            assert [row.key for row in before + after] == keys[max(0, place - 32) : place + 32]
            assert listing.place_of_key(keys[place]) == place


@pytest.mark.parametrize("store_of", ["synth", "bundled"])
def test_the_headings_read_in_one_query_are_those_a_pass_over_every_event_finds(synth, store_of):
    path = synth if store_of == "synth" else BUNDLED
    with Store(path) as store:
        headings = event_listing(store).headings()
    expected, bound = [], None
    for place, (key,) in enumerate(rows(path, "SELECT sort_key FROM events ORDER BY sort_key")):
        if bound is None or key >= bound:
            bound = month_bound(key)
            expected.append(Heading(month_label(key), place, key))
    assert headings == expected and len(expected) > 3


@given(st.text(alphabet="0123456789- :T~Z", max_size=24))
def test_month_bound_in_sql_is_month_bound(key):
    with sqlite3.connect(":memory:") as db:
        sql = "SELECT " + MONTH_BOUND_SQL.format(key=":key")
        assert db.execute(sql, {"key": key}).fetchone()[0] == month_bound(key)


def test_sides_asks_for_a_many_sided_store_the_app_reads(tmp_path, capsys):
    path = tmp_path / "six.sqlite"
    assert main(["synth", "--events", "60", "--quotes", "300", "--sides", "6", "-o", str(path)]) == 0
    assert check_store(path).problems == []
    with Store(path) as store:
        sides = store.dispute().sides
        assert [side.mark for side in sides] == ["1", "2", "3", "4", "5", "6", "C"]
        assert {argument.side for topic in store.topics() for argument in store.topic(topic.id).arguments} <= {
            side.id for side in sides
        }
    for wrong in ("1", "16"):
        assert main(["synth", "--sides", wrong, "-o", str(tmp_path / "no.sqlite")]) == 2
        assert "--sides must be from 2 to 15" in capsys.readouterr().err
    assert not (tmp_path / "no.sqlite").exists()
