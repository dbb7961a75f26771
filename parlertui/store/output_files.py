"""Writing export files whole or not at all, and never over an existing one unless asked to.

Everything is written to a temporary name beside its target and renamed into place when complete, so an
interrupted export leaves no half-written file.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


class OutputError(Exception):
    """An export cannot be written where asked: `str()` names the path and why."""


class OutputExists(OutputError):
    """The target exists (a file, or a folder with files in it) and overwriting was not asked for."""

    def __init__(self, path: Path, what: str) -> None:
        self.path = path
        super().__init__(f"{path}: {what}")


def write_new_file(path: Path, text: str, *, force: bool = False) -> Path:
    """Write `text` (UTF-8) to a new file at `path`, atomically; return `path`.

    Raises OutputExists if `path` exists and `force` is false, OutputError if it cannot be written."""
    with new_text_file(path, force=force) as handle:
        handle.write(text)
    return path


@contextmanager
def new_text_file(path: Path, *, force: bool = False) -> Iterator[TextIO]:
    """A UTF-8 text file to write, which appears at `path` only when the block ends without an error."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give the name of the file to write")
    if path.exists() and not force:
        raise OutputExists(path, "already exists")
    _make_parent(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.exporting")
    try:
        with temporary.open("w", encoding="utf-8", newline="") as handle:
            yield handle
        _move_into_place(temporary, path, force)
    except OSError as err:
        raise OutputError(f"{path}: cannot be written ({err.strerror or err})") from err
    finally:
        temporary.unlink(missing_ok=True)


@contextmanager
def new_folder_files(folder: Path, *, force: bool = False) -> Iterator[Path]:
    """A temporary folder to write files in; they move into `folder` only when the block ends without an error.

    `folder` may be new or empty; with `force` it may hold files, and those of the same names are replaced
    (others are left alone)."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: is a file; give the name of a folder to write the tables in")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise OutputExists(folder, "is a folder that is not empty")
    _make_parent(folder)
    temporary = folder.with_name(f".{folder.name}.{os.getpid()}.exporting")
    try:
        shutil.rmtree(temporary, ignore_errors=True)
        temporary.mkdir()
        yield temporary
        if not folder.exists():
            os.rename(temporary, folder)
        else:
            for written in sorted(temporary.iterdir()):
                os.replace(written, folder / written.name)
    except OSError as err:
        raise OutputError(f"{folder}: cannot be written ({err.strerror or err})") from err
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def _make_parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{path}: cannot make its folder {path.parent} ({err.strerror or err})") from err


def _move_into_place(temporary: Path, path: Path, force: bool) -> None:
    if force:
        os.replace(temporary, path)
        return
    # A hard link fails if the target has appeared meanwhile, where a rename would silently replace it.
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise OutputExists(path, "already exists") from None
    except OSError:  # a file system without hard links
        if path.exists():
            raise OutputExists(path, "already exists") from None
        os.replace(temporary, path)
