"""Messages a widget posts for the screen it is on to act on: they bubble up to the explorer, or to a screen over
it (a quote in full), which handles them."""

from __future__ import annotations

from textual.message import Message

from parlertui.navigation import Target


class Navigate(Message):
    """Go to a record in its own view (or open it, for quotes and sources)."""

    def __init__(self, target: Target) -> None:
        super().__init__()
        self.target = target
