"""What a new user hit (issue 13): a test for each."""

from __future__ import annotations

import pytest
from textual import events

from apptools import BUNDLED, running, settle

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
