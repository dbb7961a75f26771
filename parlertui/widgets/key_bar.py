"""The footer: the keys that work where the focus is, in one line; a click presses the key.

Textual's Footer is a widget per key, composed again on every change of focus: on the big store that was 60-80 ms of
mounting and layout after each focus change, which a key typed next waited behind. This is one widget that repaints
its one line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from textual import events
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.binding import ActiveBinding, Binding
    from textual.screen import Screen


class Key(NamedTuple):
    """A key shown in the bar: what it is called, what to press, what it does."""

    display: str  # as the user reads it: ⏎, tab, ^p
    key: str  # as Textual names it, to press on a click
    description: str
    tooltip: str
    enabled: bool


class Placed(NamedTuple):
    """A key as drawn: its cells on the line."""

    key: Key
    start: int
    end: int


class Layout(NamedTuple):
    """How the keys are drawn in a given width."""

    spaced: bool  # " key description " blocks; else "key description" a space apart
    palette_named: bool  # "^p palette"; else only "^p"


# From the roomiest to the tightest; keys that still do not fit are left off the end (the palette key stays).
LAYOUTS = (Layout(True, True), Layout(False, True), Layout(False, False))


def shown_keys(
    active: Mapping[str, ActiveBinding], palette_key: str | None, key_display: Callable[[Binding], str]
) -> tuple[list[Key], Key | None]:
    """The keys to show from a screen's active bindings (one per action, in binding order) and the palette's."""
    keys: list[Key] = []
    actions: set[str] = set()
    palette = None
    for key, (_namespace, binding, enabled, tooltip) in active.items():
        if key == palette_key:
            palette = Key(key_display(binding), key, binding.description, tooltip or binding.description, enabled)
        elif binding.show and binding.action not in actions:
            actions.add(binding.action)
            keys.append(Key(key_display(binding), key, binding.description, tooltip or binding.description, enabled))
    return keys, palette


KEPT_TO_THE_END = 2
"""The last keys of every screen's bar, the app's own (? Keys, q Quit): where not every key fits, those before
them are left off, from the nearest one back, so that help and quitting are always in sight."""


def place(keys: list[Key], palette: Key | None, width: int) -> tuple[Layout, list[Placed], Placed | None]:
    """Where each key goes in `width` cells, in the roomiest layout that fits them all, else the tightest with as
    many as fit (the last KEPT_TO_THE_END kept)."""
    for layout in LAYOUTS:
        placed, palette_placed = _place(keys, palette, width, layout)
        if len(placed) == len(keys):
            return layout, placed, palette_placed
    kept = list(keys)
    while len(kept) > KEPT_TO_THE_END and len(placed) < len(kept):
        del kept[-KEPT_TO_THE_END - 1]
        placed, palette_placed = _place(kept, palette, width, layout)
    return layout, placed, palette_placed


def _place(keys: list[Key], palette: Key | None, width: int, layout: Layout) -> tuple[list[Placed], Placed | None]:
    palette_placed = None
    if palette is not None:
        palette_width = 1 + _width(palette, layout.spaced, layout.palette_named)  # 1: the bar before it
        if palette_width <= width:
            palette_placed = Placed(palette, width - palette_width + 1, width)
            width -= palette_width
    placed = []
    x = 0 if layout.spaced else 1
    for key in keys:
        end = x + _width(key, layout.spaced, True)
        if end > width:
            break
        placed.append(Placed(key, x, end))
        x = end if layout.spaced else end + 1
    return placed, palette_placed


def _width(key: Key, spaced: bool, named: bool) -> int:
    return sum(map(cell_len, _parts(key, spaced, named)))


def _parts(key: Key, spaced: bool, named: bool) -> tuple[str, str]:
    """The key's two runs of text: the key, then what it does."""
    if not named or not key.description:
        return (f" {key.display} ", "") if spaced else (key.display, "")
    if spaced:
        return f" {key.display} ", f"{key.description} "
    return key.display, f" {key.description}"


class KeyBar(Widget, can_focus=False):
    """The keys that work where the focus is, updated when it moves; a click presses one, hovering one shows what it
    does."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-bar--key",
        "key-bar--description",
        "key-bar--hover",
        "key-bar--disabled",
        "key-bar--rule",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.keys: list[Key] = []
        self.palette: Key | None = None
        self._hovered: str | None = None  # the Textual name of the key under the pointer

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if not screen.app.app_focus:
            return  # the terminal lost focus, and Textual unfocused the widget: its keys come back with it
        palette_key = self.app.COMMAND_PALETTE_BINDING if self.app.ENABLE_COMMAND_PALETTE else None
        keys, palette = shown_keys(screen.active_bindings, palette_key, self.app.get_key_display)
        if (keys, palette) != (self.keys, self.palette):
            self.keys, self.palette = keys, palette
            self.refresh()

    @property
    def placed(self) -> list[Placed]:
        """The keys shown, where they are drawn, in order (the palette's last)."""
        _layout, placed, palette = place(self.keys, self.palette, self.size.width)
        return [*placed, *([palette] if palette else [])]

    @property
    def described(self) -> list[str]:
        """What each key shown does, in order (the palette's last)."""
        return [item.key.description for item in self.placed]

    def render(self) -> Text:
        layout, placed, palette = place(self.keys, self.palette, self.size.width)
        styles = {
            name: self.get_component_rich_style(f"key-bar--{name}")
            for name in ("key", "description", "hover", "disabled", "rule")
        }
        line = Text(no_wrap=True, end="")
        for item in placed:
            self._draw(line, item, layout.spaced, True, styles)
        if palette is not None:
            line.append(" " * (palette.start - 1 - line.cell_len))
            line.append("▏", styles["rule"])
            self._draw(line, palette, layout.spaced, layout.palette_named, styles)
        return line

    def _draw(self, line: Text, item: Placed, spaced: bool, named: bool, styles: dict[str, Style]) -> None:
        line.append(" " * (item.start - line.cell_len))
        key_text, description = _parts(item.key, spaced, named)
        extra = Style()
        if item.key.key == self._hovered:
            extra += styles["hover"]
        if not item.key.enabled:
            extra += styles["disabled"]
        line.append(key_text, styles["key"] + extra)
        line.append(description, styles["description"] + extra)

    def key_at(self, x: int) -> Key | None:
        """The key drawn at cell `x`, if any."""
        return next((item.key for item in self.placed if item.start <= x < item.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self.key_at(event.x)
        hovered = key.key if key else None
        if hovered != self._hovered:
            self._hovered = hovered
            self.tooltip = key.tooltip if key else None
            self.refresh()

    def on_leave(self) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.tooltip = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        event.stop()
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
