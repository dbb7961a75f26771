"""The timeline with its strip over it, at three sizes, dark and light (the strip's own look: lanes, breaks, the
cursor's period). Regenerate with `pytest tests/test_strip_snapshots.py --snapshot-update -n 0`."""

from __future__ import annotations

import pytest

from apptools import BUNDLED, settle
from parlertui.app import ParlertuiApp
from parlertui.store.queries import Store

SIZES = [(80, 24), (120, 40), (200, 50)]


@pytest.fixture
def app():
    with Store(BUNDLED) as store:
        yield ParlertuiApp(store)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_timeline_strip(snap_compare, app, size, theme):
    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.theme = theme
        for key in "jjjjjjj":  # into January 2021: the cursor's period is marked
            await pilot.press(key)
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
