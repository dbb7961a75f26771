"""The Rich styles of a widget's component classes, for widgets that draw their own lines."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.style import Style


if TYPE_CHECKING:
    from textual.widget import Widget

    _Base = Widget  # the mixin is only ever mixed into widgets: it reads their styles
else:
    _Base = object


class ComponentStyles(_Base):
    """Mixed into a widget (before it) that draws its own lines: `component_style(name)` is the Rich style of the
    component class `{COMPONENT_PREFIX}--{name}` ("base": the widget's own), looked up once per change of theme or
    focus rather than once per line drawn."""

    COMPONENT_PREFIX: ClassVar[str]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._rich_component_styles: dict[str, Style] = {}

    def component_style(self, name: str) -> Style:
        style = self._rich_component_styles.get(name)
        if style is None:
            style = self._rich_component_styles[name] = (
                self.rich_style if name == "base" else self.get_component_rich_style(f"{self.COMPONENT_PREFIX}--{name}")
            )
        return style

    def styles_changed(self) -> None:
        """Forget the styles looked up (the theme or the focus changed) and draw again."""
        self._rich_component_styles.clear()
        self.refresh()

    def on_focus(self) -> None:
        self.styles_changed()

    def on_blur(self) -> None:
        self.styles_changed()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.styles_changed()
