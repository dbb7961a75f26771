"""Back and forward behave like a browser's; where following a record, escape and a reload lead."""

from parlertui.navigation import (
    Escape,
    History,
    Location,
    Step,
    Target,
    ViewState,
    escape_from,
    not_shown_reason,
    opens_over,
    step_to,
    then_select,
)
from parlertui.store.filters import Filters


def at(view: str, selected: str | None = None) -> Location:
    return Location(view, ViewState(selected=selected))


def test_back_and_forward_retrace_the_visits():
    history = History()
    history.visit(at("timeline", "a"))
    history.visit(at("parties", "p"))
    here = at("arguments", "t")
    assert history.back(here) == at("parties", "p")
    assert history.back(at("parties", "p")) == at("timeline", "a")
    assert history.back(at("timeline", "a")) is None
    assert history.forward(at("timeline", "a")) == at("parties", "p")
    assert history.forward(at("parties", "p")) == here
    assert history.forward(here) is None


def test_a_new_visit_forgets_the_places_ahead():
    history = History()
    history.visit(at("timeline", "a"))
    assert history.back(at("parties", "p")) == at("timeline", "a")
    assert history.can_go_forward
    history.visit(at("timeline", "a"))
    assert not history.can_go_forward
    assert history.back(at("arguments")) == at("timeline", "a")


def test_the_same_place_twice_in_a_row_is_remembered_once():
    history = History()
    history.visit(at("timeline", "a"))
    history.visit(at("timeline", "a"))
    assert history.back(at("parties")) == at("timeline", "a")
    assert not history.can_go_back


def test_history_keeps_only_the_newest_places():
    history = History(limit=3)
    for index in range(10):
        history.visit(at("timeline", str(index)))
    places = []
    here = at("parties")
    while (place := history.back(here)) is not None:
        places.append(place.state.selected)
        here = place
    assert places == ["9", "8", "7"]


def listed(*ids: str):
    return lambda event_id: event_id in ids


def test_a_record_is_shown_in_its_view_with_the_filters_on_unless_they_hide_it():
    kind = Filters(kind="platform", as_of="2021-01-10")
    here = Location("timeline", ViewState("a"), kind)
    assert step_to(Target("event", "b"), here, listed("b")) == Step("timeline", kind, True)
    # An event the filters hide: shown with them off, the date kept.
    assert step_to(Target("event", "c"), here, listed("b")) == Step("timeline", Filters(as_of="2021-01-10"), True)
    # An event of one party's: the timeline narrowed to that party, whatever was on.
    step = step_to(Target("event", "b", party="ceo"), here, listed("b"))
    assert step == Step("timeline", Filters(party="ceo", as_of="2021-01-10"), True)
    assert step_to(Target("topic", "t"), here, listed()) == Step("arguments", kind, True)
    assert step_to(Target("argument", "claim", topic="t"), here, listed()).view == "arguments"


def test_going_where_you_already_are_is_no_step_to_go_back_over():
    here = Location("parties", ViewState("ceo", pane=1), Filters())
    assert step_to(Target("party", "ceo"), here, listed()) == Step("parties", Filters(), False)
    assert step_to(Target("party", "host"), here, listed()).remember


def test_only_a_quote_opens_over_the_view():
    assert opens_over(Target("quote", "q"))
    assert not any(opens_over(Target(kind, "x")) for kind in ("event", "party", "topic", "argument", "source"))


def test_once_the_lists_are_read_only_the_view_a_target_goes_to_selects_it():
    assert then_select(Target("source", "s"), "sources") == "s"
    assert then_select(Target("source", "s"), "timeline") is None
    assert then_select(at("sources", "s"), "sources") is None  # a place gone back to restores its own state
    assert then_select(None, "timeline") is None


def test_escape_removes_the_last_filter_then_goes_back_unless_back_only_puts_filters_on():
    narrowed = Location("timeline", ViewState("a"), Filters(party="ceo", kind="platform", as_of="2021-01-10"))
    assert escape_from(narrowed, None, narrowed=True) == Escape(remove_filter="kind")
    # The filters do not narrow this view (the parties): escape goes back.
    assert escape_from(narrowed, at("parties", "p"), narrowed=False) == Escape(go_back=True)
    here = at("timeline", "a")
    assert escape_from(here, at("parties", "p"), narrowed=True) == Escape(go_back=True)
    assert escape_from(here, Location("timeline", ViewState("a"), Filters(side="aws")), narrowed=True) == Escape()
    assert escape_from(here, None, narrowed=True) == Escape(go_back=True)  # (back, with nowhere to go, does nothing)


def test_a_record_not_shown_says_why():
    assert "hidden by the filters (x clears them)" in not_shown_reason("timeline", True, Filters(kind="platform"))
    assert "as of 2021-01-10 (d changes" in not_shown_reason("parties", False, Filters(as_of="2021-01-10"))
    assert not_shown_reason("sources", False, Filters()) == "Not shown in Sources: this store does not hold it."
