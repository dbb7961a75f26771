"""Every key, grouped by where it works, read from the bindings themselves so it cannot drift from them."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KeyGroup = tuple[str, Iterable[BindingType]]


def key_rows(app_key_display, bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    """(keys, what they do) for each action, keys that do the same thing joined with " / "."""
    rows: dict[tuple[str, str], list[str]] = {}
    for binding in Binding.make_bindings(bindings):
        if not binding.description:
            continue
        what = binding.tooltip or binding.description
        rows.setdefault((binding.action, what), []).append(app_key_display(binding))
    return [(" / ".join(dict.fromkeys(keys)), what) for (_, what), keys in rows.items()]


class HelpScreen(ModalScreen[None]):
    """The keys of every view, in groups; any of escape, q, ? or F1 closes it."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", tooltip="Close the help"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False),
        Binding("k,up", "scroll('up')", "Scroll up", show=False),
    ]

    def __init__(self, groups: list[KeyGroup], notes: dict[str, str] | None = None) -> None:
        super().__init__()
        self.groups = groups
        self.notes = notes or {}

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as frame:
            frame.border_title = "Keys"
            frame.border_subtitle = "escape closes"
            for title, bindings in self.groups:
                table = Table.grid(padding=(0, 2))
                table.add_column(no_wrap=True, style="bold", min_width=14)
                table.add_column()
                for keys, what in key_rows(self.app.get_key_display, bindings):
                    table.add_row(Text(keys), Text(what))
                yield Static(Text(title, style="bold underline"), classes="help-title")
                if title in self.notes:
                    yield Static(Text(self.notes[title], style="italic"), classes="help-note")
                yield Static(table, classes="help-keys")

    def action_scroll(self, direction: str) -> None:
        frame = self.query_one("#help", VerticalScroll)
        if direction == "down":
            frame.scroll_down()
        else:
            frame.scroll_up()
