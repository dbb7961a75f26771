"""The store's read queries: plain records, in the order the views show them."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parlertui.store.debate import arrange, columns_of
from parlertui.store.filters import Filters
from parlertui.store.queries import NotFound, Store
from parlertui.store.records import Argument, Side


@pytest.fixture
def store(mini_store):
    with Store(mini_store) as store:
        yield store


def test_the_catalogue_lists_parties_topics_and_sources_and_counts_the_rest(store):
    catalogue = store.catalogue()
    assert catalogue.dispute.short_title == "Mini v. Host"
    assert (catalogue.total_events, catalogue.total_sources) == (4, 2)
    assert [s.id for s in catalogue.sources] == ["report", "order-via-report"]
    assert [e.id for e in store.timeline()] == ["ruling", "email", "suspension", "suit"]
    assert [(p.id, p.depth) for p in catalogue.parties] == [("mini", 0), ("ceo", 1), ("host", 0), ("court", 0)]
    assert catalogue.parties[1].aliases == ("Pat Exampel",)
    assert [(t.id, t.sides, t.ruled) for t in catalogue.topics] == [("contract", ("parler", "aws", "court"), True)]


def test_the_timeline_of_one_party_holds_only_its_events(store):
    assert [e.id for e in store.timeline(Filters(party="mini"))] == ["suspension", "suit"]
    assert [e.id for e in store.timeline(Filters(party="ceo"))] == ["email"]
    assert store.timeline(Filters(party="nobody")) == []


def test_an_event_comes_with_its_parties_quotes_sources_and_arguments(store):
    detail = store.event("suit")
    assert detail.event.title == "Mini sues Host"
    assert [(p.party_id, p.role) for p in detail.parties] == [("mini", "plaintiff"), ("host", "defendant")]
    assert [q.id for q in detail.quotes] == ["mini-claim"]
    assert detail.quotes[0].speaker_name == "Mini LLC"
    assert detail.quotes[0].source_label == "The Test Gazette: Mini sues Host"
    assert [s.id for s in detail.sources] == ["report"]
    assert [a.id for a in detail.arguments] == ["contract-mini"]
    assert detail.arguments[0].topic_title == "Breach of contract"


def test_a_party_comes_with_members_events_quotes_and_arguments(store):
    detail = store.party("mini")
    assert [m.id for m in detail.members] == ["ceo"]
    assert [e.id for e in detail.events] == ["suspension", "suit"]
    assert [q.id for q in detail.quotes] == ["mini-claim"]
    assert [a.id for a in detail.arguments] == ["contract-mini"]
    member = store.party("ceo")
    assert member.party.affiliation_name == "Mini LLC"
    assert member.quotes == () and member.arguments == ()


def test_a_topic_puts_each_claim_level_with_its_answers(store):
    detail = store.topic("contract")
    assert detail.topic.question == "Did Host break the contract?"
    assert (detail.columns, detail.deciding) == (("parler", "aws"), "court")
    [row] = detail.rows
    assert [a.id for a in row.of("parler")] == ["contract-mini"]
    assert [a.id for a in row.of("aws")] == ["contract-host"]
    assert [a.id for a in row.findings] == ["contract-court"]
    assert row.findings[0].rebuts == ("contract-mini",) and row.findings[0].supports == ("contract-host",)
    assert [q.id for q in row.of("aws")[0].quotes] == ["host-warning"]
    assert [a.id for a in detail.arguments] == ["contract-mini", "contract-host", "contract-court"]


def test_a_quote_comes_with_its_event_source_and_arguments(store):
    detail = store.quote("court-finding")
    assert detail.quote.said_on is None
    assert detail.event is not None and detail.event.id == "ruling"
    assert detail.source.via_id == "report"
    assert detail.source.via_label == "The Test Gazette: Mini sues Host"
    assert [a.id for a in detail.arguments] == ["contract-court"]
    warning = store.quote("host-warning")
    assert (
        warning.quote.said_on == "2021-01-09"
        and warning.quote.context == "Host's email to Mini, as quoted by The Test Gazette."
    )


def test_a_source_lists_what_is_drawn_from_it(store):
    detail = store.source("report")
    assert detail.source.published == "2021-01-11" and detail.source.url == "https://example.org/mini-sues-host"
    assert [e.id for e in detail.events] == ["email", "suspension", "suit"]
    assert [q.id for q in detail.quotes] == ["host-warning", "mini-claim"]


@pytest.mark.parametrize("method", ["event", "party", "topic", "quote", "source"])
def test_an_unknown_id_is_not_found(store, method):
    with pytest.raises(NotFound, match="nobody"):
        getattr(store, method)("nobody")


def test_members_whose_organisation_is_on_another_side_are_listed_under_their_own_side(mini_store):
    with sqlite3.connect(mini_store) as db:
        db.execute("UPDATE parties SET affiliation_id = 'host' WHERE id = 'ceo'")
    with Store(mini_store) as store:
        assert [(p.id, p.depth) for p in store.parties()] == [("mini", 0), ("ceo", 0), ("host", 0), ("court", 0)]


def test_an_affiliation_cycle_leaves_no_party_out(mini_store):
    with sqlite3.connect(mini_store) as db:
        db.execute("UPDATE parties SET affiliation_id = 'ceo' WHERE id = 'mini'")
    with Store(mini_store) as store:
        assert sorted(p.id for p in store.parties()) == ["ceo", "court", "host", "mini"]


def argument(id: str, side: str, rebuts=(), supports=()) -> Argument:
    return Argument(id, "t", side, side, side, id, rebuts=tuple(rebuts), supports=tuple(supports))


def side(id: str, deciding: bool = False) -> Side:
    return Side(id, id.title(), id[0].upper(), id.title(), (), deciding, None, None)


SIDES = (side("parler"), side("aws"), side("court", deciding=True), side("other"))


def test_answers_sit_level_with_the_claim_they_answer():
    rows = arrange(
        [
            argument("p1", "parler"),
            argument("p2", "parler"),
            argument("a2", "aws", rebuts=["p2"]),
            argument("a1", "aws", rebuts=["p1"]),
            argument("c2", "court", supports=["a2"]),
            argument("a3", "aws"),
            argument("c3", "court", rebuts=["a3"]),
            argument("c-alone", "court"),
        ],
        SIDES,
    )
    shape = [(tuple(a.id for a in r.of("parler")), tuple(a.id for a in r.of("aws")), ids(r.findings)) for r in rows]
    assert shape == [
        (("p1",), ("a1",), ()),
        (("p2",), ("a2",), ("c2",)),
        ((), ("a3",), ("c3",)),
        ((), (), ("c-alone",)),
    ]


def ids(arguments) -> tuple[str, ...]:
    return tuple(a.id for a in arguments)


def test_three_sides_each_have_a_column_and_a_side_that_did_not_argue_none():
    three = (side("union"), side("company"), side("city"), side("panel", deciding=True), side("press"))
    arguments = [
        argument("u1", "union"),
        argument("c1", "company", rebuts=["u1"]),
        argument("y1", "city", supports=["c1"]),
        argument("y2", "city"),
        argument("p1", "panel", rebuts=["u1"]),
    ]
    rows = arrange(arguments, three)
    assert [([(column, ids(args)) for column, args in row.cells], ids(row.findings)) for row in rows] == [
        ([("union", ("u1",)), ("company", ("c1",)), ("city", ("y1",))], ("p1",)),
        ([("union", ()), ("company", ()), ("city", ("y2",))], ()),
    ]
    assert columns_of(arguments, three) == (("union", "company", "city"), "panel")
    assert columns_of([argument("u1", "union")], three) == (("union", "company"), "panel")  # two at least
    assert columns_of([argument("z", "unknown")], three)[0] == ("union", "company", "unknown")


def test_a_reply_sits_level_with_the_claim_it_answers_whichever_side_spoke_first():
    three = (side("union"), side("company"), side("city"), side("panel", deciding=True))
    arguments = [
        argument("u-reply", "union", rebuts=["y-claim"]),  # an earlier side's answer to a later side's claim
        argument("c-backs", "company", supports=["u-reply"]),
        argument("y-claim", "city"),
        argument("u-backs", "union", supports=["c-backs"]),  # backing in its own column, in the same row
        argument("u-elsewhere", "union", rebuts=["not-on-this-topic"]),  # answers nothing here: a claim
    ]
    rows = arrange(arguments, three)
    assert [([(column, ids(args)) for column, args in row.cells], ids(row.findings)) for row in rows] == [
        ([("union", ("u-elsewhere",)), ("company", ()), ("city", ())], ()),
        ([("union", ("u-reply", "u-backs")), ("company", ("c-backs",)), ("city", ("y-claim",))], ()),
    ]


def test_a_finding_s_backing_and_a_reply_to_a_finding_sit_in_its_row():
    arguments = [
        argument("p", "parler"),
        argument("f1", "court", rebuts=["p"]),
        argument("f2", "court", supports=["f1"]),
        argument("r", "aws", rebuts=["f1"]),
    ]
    [row] = arrange(arguments, SIDES)
    assert ([(column, ids(args)) for column, args in row.cells], ids(row.findings)) == (
        [("parler", ("p",)), ("aws", ("r",))],
        ("f1", "f2"),
    )


sides = st.sampled_from(["parler", "aws", "court", "other", "undeclared"])


@given(st.lists(st.tuples(sides, st.lists(st.integers(0, 9)), st.lists(st.integers(0, 9))), max_size=10))
def test_every_argument_is_laid_out_exactly_once(specs):
    arguments = [
        argument(f"x{index}", side, [f"x{i}" for i in rebuts], [f"x{i}" for i in supports])
        for index, (side, rebuts, supports) in enumerate(specs)
    ]
    rows = arrange(arguments, SIDES)
    laid_out = [a.id for row in rows for a in row.arguments]
    assert sorted(laid_out) == sorted(a.id for a in arguments)
    for row in rows:
        for column, found in row.cells:
            assert all(a.side == column for a in found)
        if row.cells:
            assert all(a.side == "court" for a in row.findings)


def test_events_sit_under_the_month_of_their_home_zone_date(mini_store):
    with sqlite3.connect(mini_store) as db:
        db.execute("UPDATE events SET occurred_at = '2021-02-01T03:00Z', precision = 'time' WHERE id = 'suit'")
    with Store(mini_store) as store:
        suit = next(event for event in store.timeline() if event.id == "suit")
    assert (suit.date_label, suit.month) == ("2021-01-31 19:00 PST", "January 2021")


# Closing a store while other threads read from it: in a process of its own, since the failure it guards against
# (SQLite's connection closed in the middle of another thread's read) kills the process rather than failing a test.
CLOSE_WHILE_READING = """
import sys, threading
ROUNDS = 15
from parlertui.store.open import StoreError
from parlertui.store.queries import Store
from parlertui.store.search import SearchInterrupted

def keep_reading(store, read, stop):
    for _ in range(30):  # (a bound: a thread that reads on without pause could keep close() from its lock)
        if stop.is_set():
            return
        try:
            read(store)
        except (StoreError, SearchInterrupted):
            pass

reads = [lambda s: s.prepare_search(), lambda s: s.search("host"), lambda s: s.search_at_once("host"),
         lambda s: s.catalogue()]
for _ in range(ROUNDS):
    store, stop = Store(sys.argv[1]), threading.Event()
    threads = [threading.Thread(target=keep_reading, args=(store, read, stop)) for read in reads]
    for thread in threads:
        thread.start()
    store.close()
    stop.set()
    for thread in threads:
        thread.join()
print(f"closed {ROUNDS} times")
"""


def test_closing_the_store_while_threads_read_from_it_is_safe(mini_store):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", CLOSE_WHILE_READING, str(mini_store)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0 and "closed 15 times" in result.stdout, result.stderr[-2000:]


def test_a_closed_store_says_so_on_search(mini_store):
    from parlertui.store.open import StoreError

    store = Store(mini_store)
    store.close()
    with pytest.raises(StoreError, match="is closed"):
        store.search("host")
    store.prepare_search()  # readying search on a closed store does nothing, and says nothing
    store.interrupt_search()
    store.close()  # closing twice, as a `with` block around a closed store does, is harmless


# Citations, as `y` copies them: the same form as the brief


def test_a_quote_is_cited_as_the_brief_cites_it(mini_store):
    from parlertui.store.export import markdown_brief

    with Store(mini_store) as store:
        cited = store.citation("quote", "host-warning")
    assert cited.kind == "quote" and cited.label == "the quote by Host, Inc."
    assert cited.text == (
        "> We will suspend your account.\n>\n> — Host, Inc., 2021-01-09. Source: The Test Gazette: Mini sues Host "
        "(2021-01-11), <https://example.org/mini-sues-host>. Context: Host's email to Mini, as quoted by The Test "
        "Gazette.\n"
    )
    assert cited.url == "https://example.org/mini-sues-host"
    assert cited.text + "\n" in markdown_brief(mini_store)


def test_a_quote_read_in_another_source_names_it_and_its_address(mini_store):
    with Store(mini_store) as store:
        quote = next(q for q in store.quotes() if q.source_id == "order-via-report")
        cited = store.citation("quote", quote.id)
    # its pin cite stands with the source it points into, before the one it was read in
    assert (
        "Source: Order (as quoted in the report), Order at 1:2, as quoted in The Test Gazette: Mini sues Host, "
        in cited.text
    )
    assert cited.url == "https://example.org/mini-sues-host"


def test_an_event_and_a_source_are_cited_with_their_addresses(mini_store):
    from parlertui.store.export import markdown_brief

    brief = markdown_brief(mini_store)
    with Store(mini_store) as store:
        event = store.citation("event", "suit")
        source = store.citation("source", "report")
        unaddressed = store.citation("source", "order-via-report")
        with pytest.raises(NotFound):
            store.citation("event", "nothing")
    heading, summary, sources = event.text.rstrip("\n").split("\n\n")
    assert f"### {heading}\n\n{summary}\n\n" in brief and sources in brief
    assert sources == "Sources: The Test Gazette: Mini sues Host (2021-01-11), <https://example.org/mini-sues-host>."
    assert event.url == "https://example.org/mini-sues-host"
    assert source.text == (
        "**The Test Gazette: Mini sues Host**: News report, published 2021-01-11. <https://example.org/mini-sues-host>\n"
    )
    assert f"- {source.text}" in brief and source.url == "https://example.org/mini-sues-host"
    assert unaddressed.url == "https://example.org/mini-sues-host"  # read in the report: the report's address
