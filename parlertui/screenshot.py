"""Saving a picture of the screen (SVG), saying where it went or why it could not be written.

Textual's own command saves to the Downloads folder and, where there is none, fails with no reason given."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from parlertui.store.output_files import OutputError, OutputExists, write_new_file


def screenshot_folder() -> Path:
    """The Downloads folder if the user has one, else the current folder."""
    downloads = Path.home() / "Downloads"
    return downloads if downloads.is_dir() else Path.cwd()


def save_screenshot(svg: str, folder: Path, stem: str, now: datetime | None = None) -> Path:
    """Write `svg` to a new file in `folder` named after `stem` and the time; OutputError says why it could not."""
    moment = (now or datetime.now()).strftime("%Y-%m-%d_%H-%M-%S")
    for number in range(1, 100):
        path = folder / (f"{stem}_{moment}.svg" if number == 1 else f"{stem}_{moment}-{number}.svg")
        try:
            return write_new_file(path, svg)
        except OutputExists:
            continue
    raise OutputError(f"{folder}: too many screenshots named {stem}_{moment}-N.svg")
