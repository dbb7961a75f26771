"""The Rich styles of a widget's component classes, for widgets that draw their own lines."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.style import Style


class ComponentStyles:
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
                self.rich_style
                if name == "base"  # type: ignore[attr-defined]
                else self.get_component_rich_style(f"{self.COMPONENT_PREFIX}--{name}")  # type: ignore[attr-defined]
            )
        return style

    def styles_changed(self) -> None:
        """Forget the styles looked up (the theme or the focus changed) and draw again."""
        self._rich_component_styles.clear()
        self.refresh()  # type: ignore[attr-defined]

    def on_focus(self) -> None:
        self.styles_changed()

    def on_blur(self) -> None:
        self.styles_changed()

    def notify_style_update(self) -> None:
        super().notify_style_update()  # type: ignore[misc]
        self.styles_changed()
