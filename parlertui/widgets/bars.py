"""The explorer's top two lines: the title bar and the view bar."""

from __future__ import annotations

from textual.widgets import Static

from parlertui.navigation import VIEW_TITLES, VIEWS


class TitleBar(Static):
    """The app's title and subtitle, as Textual's Header shows them, in one widget (the Header's four, with their
    styles, were a tenth of the time to the first screen)."""

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._show_title)
        self.watch(self.app, "sub_title", self._show_title)

    def _show_title(self) -> None:
        self.update(self.app.format_title(self.app.title, self.app.sub_title))


class ViewBar(Static):
    """One line naming the views and their keys, the current one marked; a click switches view."""

    def show(self, current: str) -> None:
        parts = []
        for number, view in enumerate(VIEWS, start=1):
            label = f" {number} {VIEW_TITLES[view]} "
            style = "reverse bold" if view == current else "dim"
            parts.append(f"[{style}][@click=screen.show_view('{view}')]{label}[/][/]")
        self.update(" ".join(parts))
