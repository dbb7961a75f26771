"""Two ways to read more of what is on screen, for the explorer: wrap mode (every row of every list whole, over as
many lines as it needs) and a maximized pane (the list or the detail over the whole screen, its rows the whole
width), with Textual's own maximize (Screen.maximize, `allow_maximize`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

if TYPE_CHECKING:
    from parlertui.app import ParlertuiApp
    from parlertui.views.base import View

WRAP_TOOLTIP = "Show every row of the lists whole (w again: a line each)"

READING_BINDINGS = [
    # Named in the key bar by the lists and details (keylist.WRAP_BINDING), where it is of use: the debate's is full.
    Binding("w", "app.toggle_wrap", "Wrap", id="wrap", show=False, tooltip=WRAP_TOOLTIP),
    Binding("f10", "toggle_maximize", "Max", id="maximize", tooltip="This pane over the whole screen (again: back)"),
]


def pane_of(widget: Widget | None) -> Widget | None:
    """The list or detail pane `widget` is, or is in."""
    for node in (widget, *(widget.ancestors if widget is not None else ())):
        if isinstance(node, Widget) and (node.has_class("records") or node.has_class("detail")):
            return node
    return None


class ReadingModes(Screen[None]):
    """Wrap mode and maximize for a screen of views; the screen says which view is current."""

    ALLOW_IN_MAXIMIZED_VIEW = "#key-bar"

    @property
    def wrap(self) -> bool:
        """Every row of every list whole (w): the app's wrap mode, which this screen follows."""
        return cast("ParlertuiApp", self.app).wrap

    @property
    def current_view(self) -> View:
        raise NotImplementedError

    def on_mount(self) -> None:
        # The app holds wrap mode (w works over the quote opened in full too); the views follow it.
        self.watch(self.app, "wrap", self.wrap_rows, init=False)

    def wrap_rows(self, wrap: bool) -> None:
        from parlertui.views.base import View

        for view in self.query(View):
            view.set_wrap(wrap)

    def action_toggle_maximize(self) -> None:
        if self.maximized is not None:
            self.minimize()
            return
        pane = pane_of(self.focused)
        if pane is None:
            view = self.current_view
            if not view.built:
                return
            pane = view.panes[0]
            self.set_focus(pane)
        self.maximize(pane, container=False)

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False) -> None:
        # The focus moved on (enter opening the detail, a view switched, a link followed) while a pane is maximized:
        # the pane it lands on is maximized in its stead; anything else (a line to type in) shows the panes again.
        maximized = self.maximized
        if maximized is not None and widget is not None and not (widget is maximized or maximized in widget.ancestors):
            pane = pane_of(widget)
            if pane is not None and pane.allow_maximize:
                self.maximize(pane, container=False)
            else:
                self.minimize()
        super().set_focus(widget, scroll_visible, from_app_focus)

    def focus_next(self, selector: str | type = "*") -> Widget | None:
        return self._step_maximized(1) or super().focus_next(selector)

    def focus_previous(self, selector: str | type = "*") -> Widget | None:
        return self._step_maximized(-1) or super().focus_previous(selector)

    def _step_maximized(self, step: int) -> Widget | None:
        """tab with a pane maximized: the view's next pane, maximized in its stead."""
        if self.maximized is None:
            return None
        view = self.current_view
        panes = view.panes if view.built else []
        if self.maximized not in panes:
            return None
        pane = panes[(panes.index(self.maximized) + step) % len(panes)]
        self.set_focus(pane)
        return pane
