"""The terminal sizes the app is laid out for: its breakpoints, the smallest size it shows the record at, and the
breakpoint classes a screen of a given size carries."""

from __future__ import annotations

from textual.app import App
from textual.geometry import Size

MIN_WIDTH, MIN_HEIGHT = 60, 16
"""Below this size the views cannot be laid out legibly; the app asks for a larger terminal instead."""

HORIZONTAL_BREAKPOINTS = [(0, "-too-narrow"), (MIN_WIDTH, "-narrow"), (110, "-wide"), (170, "-widest")]
VERTICAL_BREAKPOINTS = [(0, "-too-short"), (MIN_HEIGHT, "-tall")]

TOO_SMALL = (
    f"Make the terminal larger to read the record: parlertui needs at least {MIN_WIDTH} columns and {MIN_HEIGHT} rows."
)


def breakpoint_classes(app: App, size: Size) -> dict[str, bool]:
    """The app's breakpoint classes for a screen of `size`, on or off, as Textual sets them on a resize."""
    classes = {}
    for breakpoints, dimension in (
        (app.HORIZONTAL_BREAKPOINTS or [], size.width),
        (app.VERTICAL_BREAKPOINTS or [], size.height),
    ):
        reached = [name for at, name in sorted(breakpoints) if dimension >= at]
        classes.update({name: name == (reached[-1] if reached else None) for _, name in breakpoints})
    return classes
