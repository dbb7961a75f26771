"""What a new user hit (issue 13): a test for each."""

from __future__ import annotations

import pytest
from textual import events

from apptools import BUNDLED, filter_bar_text, press, running, settle

from parlertui.screens.palette import Palette


@pytest.mark.parametrize("page_key", ["pageup", "pagedown"])
async def test_the_palette_takes_a_page_key_sent_with_ctrl_p_in_one_read(page_key):
    async with running(BUNDLED, (120, 40)) as (app, pilot):
        # Both keys queued before the app handles either, as the terminal delivers them in one read.
        app.post_message(events.Key("ctrl+p", None))
        app.post_message(events.Key(page_key, None))
        await settle(pilot)
        assert isinstance(app.screen, Palette)
        await pilot.press(page_key, page_key)  # and twice without waiting, once it is up
        await settle(pilot)
        assert isinstance(app.screen, Palette) and app.return_code is None
        await pilot.press("escape")
        await settle(pilot)
        # The pickers open the same guarded palette.
        await pilot.press("ctrl+p", *"Go to party", "enter")
        app.post_message(events.Key("pagedown", None))
        await settle(pilot)
        assert isinstance(app.screen, Palette) and app.return_code is None


async def test_escape_removes_one_filter_a_press_as_the_help_says(mini_store):
    from parlertui.app import HELP_NOTES
    from parlertui.store.filters import Filters

    assert "removes the filters one a press" in HELP_NOTES["Everywhere"]
    async with running(mini_store) as (app, pilot):
        app.explorer.change_filters(Filters(party="host", kind="platform"))
        await settle(pilot)
        assert filter_bar_text(app).count("✕") == 2
        await press(pilot, "escape")
        assert app.explorer.filters == Filters(party="host")  # the last chip went, the other stays
        await press(pilot, "escape")
        assert app.explorer.filters == Filters() and filter_bar_text(app) == ""
        await press(pilot, "x")  # nothing left to clear: the key is off, the view stays
        assert app.explorer.current_view.view_id == "timeline"
