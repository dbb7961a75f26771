"""Search as a new reader uses it (issue 13): dates, a name finding its owner first, notes in plain words."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, strategies as st

from apptools import BUNDLED, running, search_for, settle, plain

from parlertui.store.date_search import find_period
from parlertui.store.search import search, syntax_note


@pytest.fixture(scope="module")
def db():
    connection = sqlite3.connect(f"file:{BUNDLED}?mode=ro", uri=True)
    yield connection
    connection.close()


@pytest.mark.parametrize(
    ("text", "start", "label"),
    [
        ("2021-01-21", "2021-01-21", "21 January 2021"),
        ("21 January 2021", "2021-01-21", "21 January 2021"),
        ("January 21, 2021", "2021-01-21", "21 January 2021"),
        ("21st Jan 2021", "2021-01-21", "21 January 2021"),
        ("January 2021", "2021-01", "January 2021"),
        ("jan 2021", "2021-01", "January 2021"),
        ("2021-01", "2021-01", "January 2021"),
    ],
)
def test_dates_a_reader_writes_are_read_as_a_day_or_a_month(text, start, label):
    period = find_period(text)
    assert period is not None and (period.start, period.label, period.rest) == (start, label, "")


@pytest.mark.parametrize("text", ["rothstein", "2021", "31 February 2021", "2021-13-01", "the 21st"])
def test_what_is_no_date_is_searched_as_words(text):
    assert find_period(text) is None


@given(st.text(max_size=40))
def test_any_text_either_names_a_period_or_not(text):
    period = find_period(text)
    assert period is None or (period.start < period.end and period.start[:4].isdigit())


def by_kind(results) -> dict[str, list[str]]:
    return {group.kind: [hit.id for hit in group.hits] for group in results.groups}


@pytest.mark.parametrize("text", ["2021-01-21", "21 January 2021"])
def test_a_day_finds_that_days_events_and_quotes(db, text):
    results = search(db, text)
    expected_events = [row[0] for row in db.execute("SELECT id FROM events WHERE sort_key LIKE '2021-01-21%'")]
    expected_quotes = {row[0] for row in db.execute("SELECT id FROM quotes WHERE sort_key LIKE '2021-01-21%'")}
    found = by_kind(results)
    assert found["event"] == expected_events and set(found["quote"]) == expected_quotes
    assert "order-denying-pi" in found["event"]
    assert results.note == "Events and quotes of 21 January 2021"


def test_a_month_finds_that_months_events_and_quotes_in_order(db):
    results = search(db, "January 2021")
    events = next(group for group in results.groups if group.kind == "event")
    january = db.execute("SELECT count(*) FROM events WHERE sort_key >= '2021-01' AND sort_key < '2021-01~'")
    assert events.total == january.fetchone()[0] > 10
    keys = [db.execute("SELECT sort_key FROM events WHERE id = ?", (hit.id,)).fetchone()[0] for hit in events.hits]
    assert keys == sorted(keys) and all(key.startswith("2021-01") for key in keys)


def test_words_with_a_date_are_narrowed_to_it(db):
    results = search(db, "suspends January 2021")
    for hit in next(group for group in results.groups if group.kind == "event").hits:
        assert db.execute("SELECT sort_key FROM events WHERE id = ?", (hit.id,)).fetchone()[0].startswith("2021-01")
    assert "January 2021" in results.note


def test_a_name_finds_its_owner_first(db):
    results = search(db, "rothstein")
    assert results.groups[0].kind == "party" and results.groups[0].hits[0].id == "barbara-rothstein"
    # Within a kind, those named by the words before those that only mention them.
    for group in results.groups:
        flags = [hit.named for hit in group.hits]
        assert flags == sorted(flags, reverse=True)


def test_within_a_kind_a_title_match_comes_before_a_mention(db):
    results = search(db, "amazon")
    events = next(group for group in results.groups if group.kind == "event")
    flags = [hit.named for hit in events.hits]
    assert flags == sorted(flags, reverse=True) and flags[0]
    titles = [db.execute("SELECT title FROM events WHERE id = ?", (hit.id,)).fetchone()[0] for hit in events.hits]
    assert all("amazon" in title.lower() for title, named in zip(titles, flags, strict=True) if named)


def test_search_syntax_is_described_in_words():
    assert syntax_note('"your account"') == "Searched as a phrase."
    assert syntax_note("suspend OR broke") == "OR read as an operator."
    assert "Read as search syntax" not in syntax_note("a NOT b")


async def test_the_search_notes_say_what_happened():
    async with running(BUNDLED, (120, 40)) as (app, pilot):
        await pilot.press("slash")
        await settle(pilot)
        await search_for(pilot, '"thirty days"')
        note = plain(app.screen.query_one("#search-note").render())
        assert "searched as a phrase" in note.lower() and "search syntax" not in note
        await search_for(pilot, "21 January 2021")
        note = plain(app.screen.query_one("#search-note").render())
        assert "Events and quotes of 21 January 2021" in note


def test_counts_say_what_happened():
    from parlertui.screens.search import search_note
    from parlertui.store.search import Hit, HitGroup, SearchResults

    hits = tuple(Hit("quote", str(n), "text", "about") for n in range(8))
    counting = SearchResults("w", "w", "", (HitGroup("quote", hits, 4104, more=True, ranked=False, counted=False),))
    assert search_note(counting, None) == "4,103 so far, counting…"
    capped = SearchResults("w", "w", "", (HitGroup("quote", hits, 2001, more=True, ranked=False),))
    assert search_note(capped, None) == "over 2,000 matches (too many to count them all)"
    one = SearchResults("w", "w", "Searched as a phrase.", (HitGroup("quote", hits[:1], 1),))
    assert search_note(one, None) == "1 match · Searched as a phrase."


@pytest.mark.parametrize("sort", ["date", "date-desc", "speaker", "speaker-desc"])
def test_quotes_page_by_key_in_every_order(sort):
    from parlertui.store.listing import QUOTE_SORTS, quote_listing
    from parlertui.store.queries import Store

    with Store(BUNDLED) as store:
        listing = quote_listing(store, sort=sort)
        whole = [row.id for row in listing.first(10_000)]
        paged, page = [], listing.first(7)
        while page:
            paged += [row.id for row in page]
            page = listing.after(page[-1].key, 7)
        assert paged == whole and len(whole) == listing.count()
        back = [row.id for row in listing.before(listing.last(1)[0].key, 10_000)] + [listing.last(1)[0].id]
        assert back == whole
        for place in (0, 5, len(whole) - 1):
            key = listing.key_of(whole[place])
            assert listing.place_of_key(key) == place and listing.from_key(key, 1)[0].id == whole[place]
        reverse = quote_listing(store, sort=sort.removesuffix("-desc") if sort.endswith("-desc") else f"{sort}-desc")
        assert [row.id for row in reverse.first(10_000)] == whole[::-1]
        assert QUOTE_SORTS[sort].name.startswith("by ")
