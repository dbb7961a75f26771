"""The one writer every command goes through (`build`, `synth`, `export`, the app's export, the settings file):
files are written whole or not at all, never over an existing one unless asked to, and never renamed over what
is not the user's file to replace.

The rules, for the path a command is given:

- A regular file (or none yet): written to a temporary name beside it and renamed into place when complete, so
  an interrupted write leaves no half-written file and the old one as it was. An existing one is replaced only
  with `force`.
- A symbolic link: followed. The file it points to is replaced as above (the link stays a link).
- A device (`/dev/null`, `/dev/stdout`, a terminal) or a FIFO: written through, as a user piping output expects:
  the whole file is made in a temporary file first, then copied into it. Never renamed over or removed.
- A folder, a socket: refused in one line.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple, TextIO, TypeVar

T = TypeVar("T")


class OutputError(Exception):
    """An output cannot be written where asked: `str()` names the path and why."""


class OutputExists(OutputError):
    """The target exists (a file, or a folder with files in it) and overwriting was not asked for."""

    def __init__(self, path: Path, what: str) -> None:
        self.path = path
        super().__init__(f"{path}: {what}")


class Destination(NamedTuple):
    """Where a write to a path given by the user lands."""

    path: Path
    """The file written: the path given, or the file its symbolic links lead to."""
    kind: str
    """"new" (nothing there yet), "file" (a regular file), "special" (a device or a FIFO: written through)."""


def destination(path: Path) -> Destination:
    """Where writing to `path` lands, following symbolic links. Raises OutputError for a folder or a socket."""
    path = Path(path)
    final = Path(os.path.realpath(path)) if path.is_symlink() else path
    if final.parts[:2] == ("/", "proc") and os.path.exists(path):
        # /dev/stdout and its kind lead to a process's open file (a pipe, a terminal, the file a shell redirected
        # to): written through, never renamed over.
        return Destination(path, "special")
    try:
        mode = os.stat(final).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return Destination(final, "new")  # (making its folder says why, if it cannot be made)
    except OSError as err:
        raise OutputError(f"{path}: cannot be written ({err.strerror or err})") from err
    if stat.S_ISDIR(mode):
        raise OutputError(f"{path}: is a folder; give the name of the file to write")
    if stat.S_ISREG(mode):
        return Destination(final, "file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode):
        return Destination(final, "special")
    raise OutputError(f"{path}: is a socket, not a file; give the name of a file to write")


@contextmanager
def staged_file(path: Path, *, force: bool = False, purpose: str = "writing") -> Iterator[Path]:
    """A temporary path to write a whole file at; when the block ends without an error it becomes `path`
    (see the module's rules). Raises OutputExists if `path` is an existing file and `force` is false,
    OutputError if it cannot be written; on any error nothing is left behind and `path` is as it was."""
    path = Path(path)
    where = destination(path)
    if where.kind == "file" and not force:
        raise OutputExists(path, "already exists")
    if where.kind == "special":
        handle, name = tempfile.mkstemp(prefix=".parlertui-", suffix=f".{purpose}")
        os.close(handle)
        temporary = Path(name)
    else:
        _make_parent(where.path)
        temporary = where.path.with_name(f".{where.path.name}.{os.getpid()}.{purpose}")
    try:
        temporary.unlink(missing_ok=True)
        yield temporary
        if where.kind == "special":
            _copy_through(temporary, where.path)
        else:
            _move_into_place(temporary, where.path, path, force)
    except OSError as err:
        raise OutputError(f"{path}: cannot be written ({err.strerror or err})") from err
    finally:
        temporary.unlink(missing_ok=True)


def write_file(path: Path, write: Callable[[Path], T], *, force: bool = False, purpose: str = "writing") -> T:
    """Call `write` on a temporary path, then put what it wrote at `path` as `staged_file` does; return what
    `write` returned."""
    with staged_file(path, force=force, purpose=purpose) as temporary:
        return write(temporary)


@contextmanager
def new_text_file(path: Path, *, force: bool = False) -> Iterator[TextIO]:
    """A UTF-8 text file to write, which appears at `path` only when the block ends without an error."""
    with staged_file(path, force=force, purpose="exporting") as temporary:
        with temporary.open("w", encoding="utf-8", newline="") as handle:
            yield handle


def write_new_file(path: Path, text: str, *, force: bool = False) -> Path:
    """Write `text` (UTF-8) to a new file at `path`, atomically; return `path`.

    Raises OutputExists if `path` exists and `force` is false, OutputError if it cannot be written."""
    with new_text_file(path, force=force) as handle:
        handle.write(text)
    return path


def replace_text_file(path: Path, text: str) -> Path:
    """Write a small text file (a settings file) at `path`, atomically, replacing the one there: a reader sees the
    old file or the new one, never half of one. Raises OutputError if it cannot be written."""
    return write_new_file(path, text, force=True)


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


def not_a_store(path: Path) -> str:
    """What the regular file at `path` (or that its links lead to) is, if it is there and not a parlertui store
    ("is an empty file", "is not an SQLite database", ...); "" if it is one, or nothing is there, or it is not a
    regular file (a device or a FIFO is written through, not replaced)."""
    from parlertui.store.open import StoreError, ensure_parlertui_store, open_read_only

    try:
        if destination(path).kind != "file":
            return ""
    except OutputError:
        return ""  # the write says why
    try:
        connection = open_read_only(path)
    except StoreError as err:
        return err.problem
    try:
        ensure_parlertui_store(path, connection)
    except StoreError as err:
        return err.problem
    finally:
        connection.close()
    return ""


def _make_parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{path}: cannot make its folder {path.parent} ({err.strerror or err})") from err


def _copy_through(temporary: Path, special: Path) -> None:
    """Copy a finished file into a device or FIFO as it is, without truncating or replacing it."""
    with temporary.open("rb") as source, open(special, "wb", buffering=0) as target:
        shutil.copyfileobj(source, target)


def _move_into_place(temporary: Path, final: Path, given: Path, force: bool) -> None:
    if force:
        os.replace(temporary, final)
        return
    # A hard link fails if the target has appeared meanwhile, where a rename would silently replace it.
    try:
        os.link(temporary, final)
    except FileExistsError:
        raise OutputExists(given, "already exists") from None
    except OSError:  # a file system without hard links
        if final.exists():
            raise OutputExists(given, "already exists") from None
        os.replace(temporary, final)
