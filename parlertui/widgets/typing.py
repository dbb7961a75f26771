"""Keys typed into a text box before it has the focus."""

from __future__ import annotations

from textual import events
from textual.screen import Screen
from textual.widgets import Input


def catch_early_typing(screen: Screen, box: Input, event: events.Key) -> None:
    """Put a key typed before `box` had the focus into it. "/hang" in one read opens search and types "hang"
    before the new screen has focused its box; without this the letters would be lost, or taken as commands."""
    if screen.focused is None and box.is_attached:
        screen.set_focus(box)
        if event.is_printable and event.character:
            box.insert_text_at_cursor(event.character)
            event.stop()
        elif event.key == "enter":
            box.action_submit()
            event.stop()
