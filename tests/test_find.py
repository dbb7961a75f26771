"""Search, filters and the "as of" cut, on the data layer: plain functions over a store built for the test."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parlertui.store.filters import Filters, FilterError, outcome_known, parse_day
from parlertui.store.queries import Store
from parlertui.store.search import MARK_START, SearchInterrupted, has_plain_words, marked, plain_query


@pytest.fixture
def store(mini_store):
    with Store(mini_store) as opened:
        yield opened


def ids(records) -> list[str]:
    return [record.id for record in records]


def hits(results, kind: str) -> list[str]:
    return [hit.id for group in results.groups if group.kind == kind for hit in group.hits]


# Search


def test_plain_words_match_as_prefixes_and_all_are_required(store):
    assert hits(store.search("susp"), "event") == ["suspension", "email"] or set(
        hits(store.search("susp"), "event")
    ) == {"suspension", "email"}
    assert hits(store.search("contract allow"), "quote") == ["court-finding"]
    assert hits(store.search("contract nowhere"), "quote") == []


def test_every_kind_is_searched_and_grouped(store):
    results = store.search("host")
    kinds = [group.kind for group in results.groups]
    # Kinds whose best match is by name come first (parties before topics, sources, events), then the rest in order.
    named = [group.kind for group in results.groups if group.hits[0].named]
    assert kinds[: len(named)] == sorted(named, key=["party", "topic", "source", "event"].index)
    rest = kinds[len(named) :]
    assert rest == sorted(rest, key=["quote", "event", "argument", "topic", "party", "source"].index)
    assert {"quote", "event", "party"} <= set(kinds)
    assert results.count == sum(len(group.hits) for group in results.groups)


def test_matched_words_are_marked(store):
    [hit] = [h for g in store.search("suspend").groups if g.kind == "quote" for h in g.hits]
    assert hit.id == "host-warning"
    assert ("suspend", True) in marked(hit.text)
    assert "".join(piece for piece, _ in marked(hit.text)) == "“We will suspend your account.”"


def test_ranking_puts_the_closer_match_first(store):
    # "Host" is in both the title and the summary of one event, in the title of the others.
    events = hits(store.search("host suspend"), "event")
    assert events[0] in ("email", "suspension")
    assert set(events) == {"email", "suspension"}


@pytest.mark.parametrize(
    "text",
    [
        '"unbalanced',
        "AND",
        "OR",
        "NOT",
        "*",
        "NEAR(",
        "NEAR(a b",
        "-",
        "- -",
        "!!",
        "a:b",
        "^",
        "(",
        ")",
        '"',
        "title:x",
        "'",
        "\x00",
        "host AND",
        "OR host",
    ],
)
def test_any_text_is_a_search_never_an_error(store, text):
    results = store.search(text)
    assert isinstance(results.note, str)
    if not plain_query(text):
        assert results.query == "" and not results.groups and results.note


def test_syntax_sqlite_rejects_is_searched_as_plain_words_and_said_so(store):
    results = store.search('"host')
    assert results.query == plain_query('"host')
    assert "plain" in results.note
    assert hits(results, "quote") == ["mini-claim"]
    assert "host" in {hit.id for group in results.groups for hit in group.hits}


def test_valid_syntax_is_used_as_written(store):
    results = store.search("suspend OR broke")
    assert set(hits(results, "quote")) == {"host-warning", "mini-claim"}
    assert hits(store.search('"your account"'), "quote") == ["host-warning"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_hypothesis_any_typed_text_searches_without_error(store, text):
    results = store.search(text)  # one store for every example: a search changes nothing
    for group in results.groups:
        assert group.total >= len(group.hits)
        for hit in group.hits:
            assert MARK_START not in "".join(piece for piece, _ in marked(hit.text))


def test_a_long_paste_is_searched(store):
    assert store.search("host " * 2000).groups


def test_a_search_is_interrupted_from_another_thread(store):
    import threading

    store.search("host")  # open the search connection
    started, interrupted = threading.Event(), threading.Event()

    def progress() -> int:
        # The search holds here, mid-read, until the other thread has interrupted it: it cannot finish first.
        if not started.is_set():
            started.set()
            assert interrupted.wait(60)
        return 0

    def interrupt() -> None:
        assert started.wait(60)
        store.interrupt_search()
        interrupted.set()

    connection = store.searches.worker.connection
    connection.set_progress_handler(progress, 1)
    other = threading.Thread(target=interrupt)
    other.start()
    try:
        with pytest.raises(SearchInterrupted):
            store.search("host")
    finally:
        interrupted.set()
        other.join()
        connection.set_progress_handler(None, 1)
    assert interrupted.is_set() and store.search("host").groups  # the connection is still good


def test_plain_query_quotes_every_word():
    assert plain_query("moder") == '"moder"*'
    assert plain_query("Parler's  AWS") == '"Parler s"* "AWS"*'
    assert plain_query("Parler's  AWS", prefix=False) == '"Parler s" "AWS"'
    assert plain_query("-*()") == ""


def test_whole_words_first_find_only_whole_words_and_count_nothing(store):
    assert hits(store.search("susp", whole_words=True), "event") == []  # a prefix, not a word
    whole = store.search("suspends", whole_words=True)
    assert set(hits(whole, "event")) <= set(hits(store.search("suspends"), "event")) and hits(whole, "event")
    assert whole.groups and not whole.counted
    assert has_plain_words("contract allow") and not has_plain_words('"a phrase"')
    assert not has_plain_words("a OR b") and not has_plain_words("moder*") and not has_plain_words("  ")


# Filters


def test_each_filter_narrows_the_timeline(store):
    assert ids(store.timeline()) == ["ruling", "email", "suspension", "suit"]
    assert ids(store.timeline(Filters(party="ceo"))) == ["email"]
    assert ids(store.timeline(Filters(side="aws"))) == ["email", "suspension", "suit"]
    assert ids(store.timeline(Filters(side="court"))) == ["ruling"]
    assert ids(store.timeline(Filters(topic="contract"))) == ["ruling", "email", "suit"]
    assert ids(store.timeline(Filters(kind="filing"))) == ["suit"]
    assert ids(store.timeline(Filters(source="report"))) == ["email", "suspension", "suit"]
    assert ids(store.timeline(Filters(start="2021-01-10"))) == ["ruling", "suspension", "suit"]
    assert ids(store.timeline(Filters(end="2021-01-09"))) == ["ruling", "email"]
    assert ids(store.timeline(Filters(start="2021-01-10", end="2021-01-10"))) == ["ruling", "suspension"]
    assert ids(store.timeline(Filters(start="2021-02-01"))) == []


def test_filters_combine(store):
    assert ids(store.timeline(Filters(side="aws", kind="filing"))) == ["suit"]
    assert ids(store.timeline(Filters(party="mini", start="2021-01-11"))) == ["suit"]
    assert ids(store.timeline(Filters(party="ceo", kind="filing"))) == []


def test_each_filter_narrows_the_quotes(store):
    assert ids(store.quotes()) == ["host-warning", "mini-claim", "court-finding"] or set(ids(store.quotes())) == {
        "host-warning",
        "mini-claim",
        "court-finding",
    }
    assert ids(store.quotes(Filters(party="host"))) == ["host-warning"]
    assert ids(store.quotes(Filters(side="parler"))) == ["mini-claim"]
    assert set(ids(store.quotes(Filters(topic="contract")))) == {"host-warning", "mini-claim", "court-finding"}
    assert ids(store.quotes(Filters(kind="ruling"))) == ["court-finding"]
    assert ids(store.quotes(Filters(source="order-via-report"))) == ["court-finding"]
    # A quote known only to the month overlaps any day of it.
    assert ids(store.quotes(Filters(start="2021-01-11", end="2021-01-11"))) == ["court-finding", "mini-claim"]
    assert ids(store.quotes(Filters(start="2021-01-10", end="2021-01-11", kind="filing"))) == ["mini-claim"]


def test_a_quote_is_dated_by_its_event_when_the_source_gives_no_date(store):
    [claim] = [quote for quote in store.quotes() if quote.id == "mini-claim"]
    assert claim.said_on is None and claim.when == "2021-01-11"


# As of a date


def test_as_of_a_day_keeps_only_what_was_on_the_record(store):
    assert ids(store.timeline(Filters(as_of="2021-01-09"))) == ["email"]
    assert ids(store.timeline(Filters(as_of="2021-01-10"))) == ["email", "suspension"]
    # Known only to the month, the ruling is on the record once January is over.
    assert ids(store.timeline(Filters(as_of="2021-01-30"))) == ["email", "suspension", "suit"]
    assert ids(store.timeline(Filters(as_of="2021-01-31"))) == ["ruling", "email", "suspension", "suit"]
    assert ids(store.quotes(Filters(as_of="2021-01-10"))) == ["host-warning"]


def test_as_of_a_day_the_debate_has_only_arguments_whose_quotes_existed(store):
    before = store.topic("contract", as_of="2021-01-11")
    assert {a.side for a in before.arguments} == {"parler", "aws"}
    assert not before.topic.ruled
    after = store.topic("contract", as_of="2021-01-31")
    assert "court" in {a.side for a in after.arguments} and after.topic.ruled
    [topic] = store.topics(as_of="2021-01-11")
    assert topic.sides == ("parler", "aws")


def test_as_of_a_day_details_leave_out_what_came_later(store):
    assert ids(store.party("host", as_of="2021-01-09").events) == ["email"]
    assert store.source("order-via-report", as_of="2021-01-20").quotes == ()
    assert store.event("suit", as_of="2021-01-11").arguments
    assert all(ref.side != "court" for ref in store.event("suit", as_of="2021-01-11").arguments)


def test_an_outcome_is_shown_once_every_date_it_tells_of_has_passed():
    outcome = "Denied (2021-01-21). Parler dismissed the suit on 2021-03-02."
    assert outcome_known(outcome, None)
    assert not outcome_known(outcome, "2021-01-21")
    assert outcome_known(outcome, "2021-03-02")
    assert not outcome_known("No date given.", "2030-01-01")


@pytest.mark.parametrize(
    ("text", "day"), [("2021-01-13", "2021-01-13"), (" 2021-01 ", "2021-01-01"), ("2021", "2021-01-01")]
)
def test_a_typed_day_is_read(text, day):
    assert parse_day(text) == day


@given(st.text(max_size=40))
def test_hypothesis_any_typed_date_is_a_day_or_a_clear_error(text):
    try:
        day = parse_day(text)
    except FilterError as err:
        assert str(err)
    else:
        assert len(day) == 10 and day[4] == day[7] == "-"


def test_the_bundled_store_as_of_13_january_has_no_court_finding():
    from apptools import BUNDLED

    with Store(BUNDLED) as store:
        for topic in store.topics("2021-01-13"):
            detail = store.topic(topic.id, "2021-01-13")
            assert all(argument.side != "court" for argument in detail.arguments), topic.id
            assert detail.topic.outcome is None
        assert any(
            argument.side == "court"
            for topic in store.topics("2021-01-21")
            for argument in store.topic(topic.id, "2021-01-21").arguments
        )
        assert not any(event.id == "order-denying-pi" for event in store.timeline(Filters(as_of="2021-01-13")))


def test_the_bundled_store_finds_who_said_hang_mike_pence():
    from apptools import BUNDLED

    with Store(BUNDLED) as store:
        results = store.search("hang")
    [quotes] = [group for group in results.groups if group.kind == "quote"]
    assert "complaint-hang-mike-pence" in [hit.id for hit in quotes.hits]
    hit = next(hit for hit in quotes.hits if hit.id == "complaint-hang-mike-pence")
    assert hit.about.startswith("Parler LLC")


def test_many_matches_come_first_in_record_order_then_counted(tmp_path, monkeypatch):
    """Past one page, the first answer is unranked and uncounted (quick on a huge store); counting ranks up to
    RANK_LIMIT matches and says 'more' beyond."""
    from parlertui.store import search as search_module
    from parlertui.store.synth import synth_store

    path = tmp_path / "many.sqlite"
    synth_store(path, events=40, quotes=400, seed=1)
    with Store(path) as store:
        quick = store.search("platform", limit=10, count=False)
        [quotes] = [group for group in quick.groups if group.kind == "quote"]
        assert (len(quotes.hits), quotes.counted, quotes.ranked, quotes.more) == (10, False, False, True)
        counted = store.search("platform", limit=10)
        [quotes] = [group for group in counted.groups if group.kind == "quote"]
        assert quotes.counted and quotes.ranked and quotes.total > 300 and not quotes.more
        monkeypatch.setattr(search_module, "RANK_LIMIT", 50)
        [quotes] = [g for g in store.search("platform", limit=10).groups if g.kind == "quote"]
        assert quotes.more and not quotes.ranked and quotes.total == 51


def test_a_search_at_once_gives_the_whole_words_or_leaves_it_to_the_worker(store):
    at_once = store.search_at_once("suspends")
    assert at_once is not None and hits(at_once, "event") == hits(store.search("suspends", whole_words=True), "event")
    with store.searches.first.lock:  # its connection is busy (being readied in a worker): no waiting on the UI thread
        assert store.search_at_once("suspends") is None
