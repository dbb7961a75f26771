"""Keys typed into a text box before it has the focus.

A key opens a box ("/" the search, "d" the date, "t" the timeline's date line), but Textual sends each key on to
the focused widget as it arrives and looks up bindings only when the key comes back up unhandled. So in "/hang"
or "t2021-03" sent in one read, the keys after the first went to the list before the box was there to take them,
and come back as commands ("2" switches view) or nothing at all. They are text for the box.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.screen import Screen
from textual.widgets import Input


class TypeAhead:
    """For a screen opened over the view with a text box that keys typed with the opening key belong to.

    The box takes the focus only once the screen is mounted and the keys typed ahead are in it: focused any sooner
    (Textual's auto focus), keys sent to it directly could come before those still held, and an enter held back
    would submit a box not yet filled."""

    TYPE_AHEAD_BOX: ClassVar[str]
    """The selector of the box."""
    AUTO_FOCUS: ClassVar[str | None] = None
    _box_ready = False  # True once the screen is mounted
    _typed_ahead: tuple[events.Key, ...] = ()  # the keys held until then

    def take_early_key(self, event: events.Key) -> None:
        """Put `event` into the box (focusing it), or keep it until the screen is mounted."""
        assert isinstance(self, Screen)
        if not self._box_ready:
            self._typed_ahead = (*self._typed_ahead, event)
            return
        box = self.query_one(self.TYPE_AHEAD_BOX, Input)
        self.set_focus(box)
        if event.character and event.is_printable:
            type_into(box, event.character)
        elif event.key == "enter":
            self.call_later(box.action_submit)  # a coroutine: called bare, it never ran

    def on_mount(self) -> None:
        # Not super().on_mount(): Textual calls the handler of each class along a screen's MRO, this mixin's after
        # the screen's own (Message.prevent_default documents it: "handlers in any base classes").
        assert isinstance(self, Screen)
        self._box_ready = True
        self.set_focus(self.query_one(self.TYPE_AHEAD_BOX, Input))
        typed, self._typed_ahead = self._typed_ahead, ()
        for event in typed:
            self.take_early_key(event)

    def on_key(self, event: events.Key) -> None:
        # A key sent to this screen while nothing in it has the focus yet.
        assert isinstance(self, Screen)
        if type_ahead(self, event):
            event.stop()
            event.prevent_default()


def type_into(box: Input, character: str) -> None:
    """As the box takes a key typed into it: over the selection, if there is one."""
    if box.selection.is_empty:
        box.insert_text_at_cursor(character)
    else:
        box.replace(character, *box.selection)


def type_ahead(screen: Screen, event: events.Key) -> bool:
    """For a key that has come back to the app unhandled: True if it was text typed ahead for a box (and is now in
    it), False if it is a command. Printable keys sent to a focused box never come back (the box takes them)."""
    printable = event.is_printable and bool(event.character)
    focused = screen.focused
    if focused is None and isinstance(screen, TypeAhead) and (printable or event.key == "enter"):
        screen.take_early_key(event)
        return True
    if isinstance(focused, Input) and printable and event.character:
        type_into(focused, event.character)
        return True
    return False  # a command; enter and the like in a focused box are its own bindings
