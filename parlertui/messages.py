"""Messages any part of the app may post to the App."""

from __future__ import annotations

from textual.message import Message

from parlertui.navigation import Target


class Navigate(Message):
    """Go to a record in its own view (or open it, for quotes and sources)."""

    def __init__(self, target: Target) -> None:
        super().__init__()
        self.target = target
