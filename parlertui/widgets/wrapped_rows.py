"""The paged list's wrap mode (widgets/pagedlist.py): each row drawn over as many lines as it needs, the screen laid
out from its top row (widgets/wrap_layout.py), a row taller than the list read through with j and k."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.console import RenderableType
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from parlertui.widgets.columns import wrap_cell
from parlertui.widgets.render import Line
from parlertui.widgets.wrap_layout import WrapLayout

if TYPE_CHECKING:
    from textual.app import App
    from textual.geometry import Offset, Region

    from parlertui.store.listing import Heading, Row


class WrappedRows:
    """For PagedList, which holds what this reads: its rows, headings, cursor, layout and drawn lines."""

    if TYPE_CHECKING:
        wrap: bool
        cursor: int | None
        headings: list[Heading]
        has_focus: bool
        app: App[Any]
        scroll_offset: Offset
        scrollable_content_region: Region
        _layout: WrapLayout
        _wrapped: dict[tuple[int, int, str], list[Strip]]
        _sub: tuple[int, int]
        _render_row: Callable[[Any], RenderableType]

        @property
        def line_count(self) -> int: ...
        def row(self, index: int) -> Row | None: ...
        def line_of(self, index: int) -> int: ...
        def at_line(self, line: int) -> tuple[str, int]: ...
        def component_style(self, name: str) -> Style: ...
        def scroll_to(self, *args: Any, **kwargs: Any) -> None: ...
        def refresh(self, *args: Any, **kwargs: Any) -> Any: ...

    def _scroll_top(self, line: int, sub: int = 0) -> None:
        self._sub = (line, sub)
        self.scroll_to(y=line, animate=False, immediate=True)
        self.refresh()

    def _top_sub(self) -> int:
        """In wrap mode, how many lines of the top row are scrolled past (a row taller than the list)."""
        top, sub = self._sub
        return sub if top == self.scroll_offset.y else 0

    def _read_on(self, direction: int) -> bool:
        """In wrap mode, scroll through the row under the cursor if it is taller than the list and runs on past
        the screen that way; False if it does not."""
        if not self.wrap or self.cursor is None:
            return False
        line, top, sub = self.line_of(self.cursor), self.scroll_offset.y, self._top_sub()
        height, width = self.scrollable_content_region.height, self.scrollable_content_region.width
        if line != top or height <= 0:
            return False
        tall = self._layout.height(line, width)
        step = max(1, height - 1)
        if direction > 0 and tall - sub > height:
            self._scroll_top(line, min(sub + step, tall - height))
            return True
        if direction < 0 and sub > 0:
            self._scroll_top(line, max(0, sub - step))
            return True
        return False

    def _screen_lines(self) -> list[tuple[int, int]]:
        region = self.scrollable_content_region
        return self._layout.screen(self.scroll_offset.y, self._top_sub(), region.width, region.height, self.line_count)

    def _wrapped_height(self, line: int, width: int) -> int:
        return len(self._wrapped_strips(line, width, ""))

    def _wrapped_strips(self, line: int, width: int, state: str) -> list[Strip]:
        key = (line, width, state)
        found = self._wrapped.get(key)
        if found is not None:
            return found
        kind, number = self.at_line(line)
        console = self.app.console
        if kind == "heading":
            style = self.component_style("heading")
            texts = wrap_cell(Text(f"── {self.headings[number].label} "), width, console)
        else:
            row = self.row(number)
            if row is None:
                style, texts = self.component_style("waiting"), [Text("…")]
            else:
                style = self.component_style("base") + (self.component_style(state) if state else Style())
                renderable = self._render_row(row.record)
                if isinstance(renderable, Line):
                    texts = renderable.lines(width, console)
                else:
                    texts = [Text("\n").join(wrap_cell(Text.from_markup(str(renderable)), width, console))]
        found = [
            Strip(list(text.render(console, end=""))).adjust_cell_length(width, style).apply_style(style)
            for text in texts
        ]
        self._wrapped[key] = found
        return found

    def _render_wrapped_line(self, y: int, width: int) -> Strip:
        shown = self._screen_lines() if width > 0 else []
        if y >= len(shown):
            return Strip.blank(width, self.component_style("base"))
        line, within = shown[y]
        kind, number = self.at_line(line)
        state = "cursor" if kind == "item" and number == self.cursor else ""
        if state and not self.has_focus:
            state = "cursor-blurred"
        strips = self._wrapped_strips(line, width, state)
        return strips[within] if within < len(strips) else Strip.blank(width, self.component_style("base"))
