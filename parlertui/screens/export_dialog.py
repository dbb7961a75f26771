"""The export dialog (ctrl+e): a format, a file name, and a line saying what the file will hold."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from parlertui.exporting import FORMATS, SUFFIXES, ExportRequest, ExportScope
from parlertui.store.output_files import OutputError, destination


def free_name(folder: Path, stem: str, suffix: str) -> Path:
    """`folder`/`stem``suffix`, or with -2, -3, … added, the first that is not taken."""
    for number in range(1, 1000):
        path = folder / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
        if not path.exists() and not path.is_symlink():
            return path
    return folder / f"{stem}{suffix}"


def taken(path: Path, form: str) -> bool:
    """Whether writing `path` would replace something: a file there (or a folder with files, for CSV)."""
    if form == "csv":
        return path.is_dir() and any(path.iterdir())
    try:
        return destination(path).kind == "file"
    except OutputError:
        return False  # the write says why


class ExportScreen(ModalScreen[ExportRequest | None]):
    """Choose a format and a file for what the view shows; an existing file is replaced only once confirmed."""

    CSS_PATH = "export_dialog.tcss"
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", tooltip="Close without exporting"),
        Binding("ctrl+s", "export", "Export", tooltip="Write the file"),
    ]

    def __init__(self, scope: ExportScope, folder: Path | None = None, form: str = "md") -> None:
        super().__init__()
        self.scope = scope
        self.folder = folder or Path.cwd()
        self.form = form
        self.default = free_name(self.folder, scope.stem, SUFFIXES[form])
        self.confirmed: Path | None = None  # the existing file the reader has been asked about

    def compose(self) -> ComposeResult:
        with Vertical(id="export", classes="dialog") as dialog:
            dialog.border_title = "Export what is on screen"
            dialog.border_subtitle = "ctrl+s export · esc cancel"
            with Horizontal(classes="field"):
                yield Label("Format")
                yield Select(
                    [(label, form) for form, label in FORMATS.items()],
                    id="export-format",
                    value=self.form,
                    allow_blank=False,
                    compact=True,
                )
            with Horizontal(classes="field"):
                yield Label("File")
                yield Input(self.default.name, id="export-path", compact=True)
            where = (
                "Sent to your browser as a download."
                if self.app.is_web
                else f"In {self.folder}, unless the name says where."
            )
            yield Static(where, id="export-folder", markup=False)
            yield Static(f"Holds: {self.scope.description}.", id="export-scope", markup=False)
            yield Static("", id="export-problem", classes="problem", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Export", variant="primary", id="export-go", compact=True)
                yield Button("Cancel", id="export-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        form = str(event.value)
        box = self.query_one("#export-path", Input)
        if box.value == self.default.name:  # not changed by the reader: follow the format
            self.default = free_name(self.folder, self.scope.stem, SUFFIXES[form])
            box.value = self.default.name
        self.form = form
        self._ask_again()

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.confirmed is not None and self._path() != self.confirmed:
            self._ask_again()

    def on_input_submitted(self) -> None:
        self.action_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export-go":
            self.action_export()
        else:
            self.dismiss(None)

    def _path(self) -> Path:
        text = self.query_one("#export-path", Input).value.strip()
        path = Path(text).expanduser()
        return path if path.is_absolute() else self.folder / path

    def _ask_again(self) -> None:
        self.confirmed = None
        self.query_one("#export-problem", Static).update("")
        self.query_one("#export-go", Button).label = "Export"

    def action_export(self) -> None:
        if not self.query_one("#export-path", Input).value.strip():
            self.query_one("#export-problem", Static).update("Give the name of the file to write.")
            return
        path = self._path()
        # In a browser the file goes to the reader's downloads: nothing on the server is replaced.
        if not self.app.is_web and taken(path, self.form) and self.confirmed != path:
            self.confirmed = path
            what = "a folder with files in it (its tables are replaced)" if self.form == "csv" else "a file there"
            self.query_one("#export-problem", Static).update(
                f"{path.name} is {what}. Press Replace to write over it, or give another name."
            )
            self.query_one("#export-go", Button).label = "Replace"
            return
        self.dismiss(ExportRequest(self.scope, self.form, path, force=self.confirmed == path))
