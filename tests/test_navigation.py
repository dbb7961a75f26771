"""Back and forward behave like a browser's."""

from parlertui.navigation import History, Location, ViewState


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
