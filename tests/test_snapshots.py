"""What each screen looks like, at 80x24 and 120x40 (and the widest layout), on the bundled store.

After a deliberate change, regenerate with `pytest tests/test_snapshots.py --snapshot-update` and look at the
pictures in the report before committing them.
"""

from __future__ import annotations

import pytest

from apptools import BUNDLED, search_for, settle
from parlertui.app import ParlertuiApp
from parlertui.navigation import Target
from parlertui.store.filters import Filters
from parlertui.store.queries import Store

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def app():
    with Store(BUNDLED) as store:
        yield ParlertuiApp(store)


def keys(*pressed: str, theme: str | None = None):
    """Settle after loading, set the theme, press each key and settle again."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        if theme:
            pilot.app.theme = theme
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_timeline(snap_compare, app, size):
    assert snap_compare(app, terminal_size=size, run_before=keys(*"jjjjjjjjj"))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_parties(snap_compare, app, size):
    assert snap_compare(app, terminal_size=size, run_before=keys("2", "j"))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_arguments(snap_compare, app, size):
    assert snap_compare(app, terminal_size=size, run_before=keys("3", "j", "j", "j", "j", "enter"))


def test_arguments_widest_light(snap_compare, app):
    assert snap_compare(app, terminal_size=(200, 60), run_before=keys("3", "enter", theme="textual-light"))


def test_help_light(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("question_mark", theme="textual-light"))


def test_quote(snap_compare, app):
    async def open_quote(pilot) -> None:
        await settle(pilot)
        pilot.app.explorer.go_to(Target("quote", "matze-memo-board-decision"))
        await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=open_quote)


def test_search_results(snap_compare, app):
    async def search_hang(pilot) -> None:
        await settle(pilot)
        await pilot.press("slash", *"hang")
        # The box's cursor blinks on a timer: held on, the picture does not depend on the moment it is taken.
        pilot.app.screen.query_one("#search-box").cursor_blink = False
        await search_for(pilot, "hang")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=search_hang)


def test_filter_chips_light(snap_compare, app):
    async def filtered(pilot) -> None:
        await settle(pilot)
        pilot.app.theme = "textual-light"
        pilot.app.explorer.change_filters(Filters(party="john-matze", kind="statement"))
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=filtered)


def test_filter_dialog(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("f"))


def test_sources(snap_compare, app):
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys("4", "j", "j"))


def test_quotes_narrow(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("5", "j"))


def test_arguments_as_of_13_january(snap_compare, app):
    async def as_of(pilot) -> None:
        await settle(pilot)
        pilot.app.explorer.change_filters(Filters(as_of="2021-01-13"))
        await settle(pilot)
        for key in ("3", "tab", "G"):
            await pilot.press(key)
            await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=as_of)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_export_dialog(snap_compare, app, size, monkeypatch):
    monkeypatch.chdir("/")  # the dialog names the current folder

    async def filtered(pilot) -> None:
        await settle(pilot)
        pilot.app.explorer.change_filters(Filters(side="aws", as_of="2021-01-13"))
        await settle(pilot)
        for key in ("5", "ctrl+e"):
            await pilot.press(key)
            await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=filtered)


# Reading every word (issue 13): the widest layout, wrap mode and a maximized pane.


@pytest.mark.parametrize("number", "145", ids=["timeline", "sources", "quotes"])
def test_200x50(snap_compare, app, number):
    assert snap_compare(app, terminal_size=(200, 50), run_before=keys(number, "j", "j"))


def test_timeline_wrapped(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("w", "j", "j", "j"))


def test_quotes_wrapped_light(snap_compare, app):
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys("5", "w", "j", "j", theme="textual-light"))


def test_sources_maximized(snap_compare, app):
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys("4", "f10"))


def test_arguments_maximized_light(snap_compare, app):
    assert snap_compare(app, terminal_size=(120, 40), run_before=keys("3", "f10", "enter", theme="textual-light"))
