"""What each screen looks like, at 80x24 and 120x40 (and the widest layout), on the bundled store.

After a deliberate change, regenerate with `pytest tests/test_snapshots.py --snapshot-update` and look at the
pictures in the report before committing them.
"""

from __future__ import annotations

import pytest

from apptools import BUNDLED, settle
from parlertui.app import ParlerApp
from parlertui.navigation import Target
from parlertui.store.queries import Store

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def app():
    with Store(BUNDLED) as store:
        yield ParlerApp(store)


def keys(*pressed: str, theme: str | None = None):
    """Settle after loading, set the theme, press each key and settle again."""

    async def run_before(pilot) -> None:
        await settle(pilot)
        if theme:
            pilot.app.theme = theme
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)
        await pilot.pause(0.1)

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
        await pilot.pause(0.1)

    assert snap_compare(app, terminal_size=(120, 40), run_before=open_quote)
