"""The one writer every command goes through: a regular file is replaced atomically (only when asked), a symbolic
link is followed, a device or a FIFO is written through and never renamed over, and a store given as a FIFO, a
device or a socket is refused at once by every command."""

from __future__ import annotations

import os
import socket
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from parlertui.store.build import build_store
from parlertui.store.output_files import (
    OutputError,
    OutputExists,
    destination,
    replace_text_file,
    write_new_file,
)
from test_cli import run_in_process as run  # what a command does; test_cli runs the process

MINI = Path(__file__).resolve().parent / "data" / "mini"


def read_fifo_in_thread(fifo: Path) -> tuple[threading.Thread, list[bytes]]:
    got: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as handle:
            got.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader, got


def test_a_regular_file_is_written_whole_and_replaced_only_when_forced(tmp_path):
    target = tmp_path / "notes.md"
    write_new_file(target, "one")
    inode = target.stat().st_ino
    with pytest.raises(OutputExists):
        write_new_file(target, "two")
    assert target.read_text() == "one"
    replace_text_file(target, "two")
    assert target.read_text() == "two" and target.stat().st_ino != inode  # renamed into place, not rewritten
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.md"]


def test_a_symbolic_link_is_followed_and_stays_a_link(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("mine")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    with pytest.raises(OutputExists):
        write_new_file(link, "new")
    write_new_file(link, "new", force=True)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "new"
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "sub" / "made.md")
    write_new_file(dangling, "made")
    assert dangling.is_symlink() and (tmp_path / "sub" / "made.md").read_text() == "made"


def test_dev_null_is_written_through_and_stays_a_device():
    before = os.stat("/dev/null")
    assert destination(Path("/dev/null")).kind == "special"
    write_new_file(Path("/dev/null"), "anything")  # no force needed: nothing is replaced
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_full_device_is_one_error_and_stays_a_device(tmp_path):
    with pytest.raises(OutputError, match="No space left on device"):
        write_new_file(Path("/dev/full"), "x" * 100_000, force=True)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_fifo_is_written_through(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader, got = read_fifo_in_thread(fifo)
    write_new_file(fifo, "through the pipe “quoted”\n")
    reader.join(10)
    assert got == ["through the pipe “quoted”\n".encode()]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["pipe"]


def test_a_folder_and_a_socket_are_refused(tmp_path):
    with pytest.raises(OutputError, match="is a folder"):
        write_new_file(tmp_path, "x", force=True)
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(OutputError, match="is a socket"):
            write_new_file(path, "x", force=True)
    finally:
        server.close()


# Through the commands


def test_export_to_dev_null_and_dev_full_leaves_the_devices_alone(mini_store):
    result = run("--db", str(mini_store), "export", "--format", "json", "-o", "/dev/null")
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    if os.path.exists("/dev/full"):
        result = run("--db", str(mini_store), "export", "--format", "json", "-o", "/dev/full", "--force")
        assert result.returncode == 2 and result.stderr.count("\n") == 1
        assert "/dev/full: cannot be written (No space left on device)" in result.stderr
        assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_export_to_a_symlink_replaces_the_file_it_points_to(mini_store, tmp_path):
    real = tmp_path / "brief.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    result = run("--db", str(mini_store), "export", "-o", str(link))
    assert result.returncode == 2 and "already exists" in result.stderr and real.read_text() == "old"
    assert run("--db", str(mini_store), "export", "-o", str(link), "--force").returncode == 0
    assert link.is_symlink() and real.read_text().startswith("# Mini LLC v. Host, Inc.")


def test_export_to_a_fifo_is_written_through(mini_store, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader, got = read_fifo_in_thread(fifo)
    result = run("--db", str(mini_store), "export", "-o", str(fifo))
    reader.join(30)
    assert result.returncode == 0, result.stderr
    assert got and got[0].decode().startswith("# Mini LLC v. Host, Inc.")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_build_and_synth_to_dev_null_leave_it_a_device(tmp_path):
    assert run("build", str(MINI), "-o", "/dev/null").returncode == 0
    assert run("synth", "--events", "5", "--quotes", "5", "-o", "/dev/null").returncode == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not list(tmp_path.iterdir())


def test_build_through_a_symlink_replaces_the_store_it_points_to(mini_store, tmp_path):
    link = tmp_path / "current.sqlite"
    link.symlink_to(mini_store)
    result = run("build", str(MINI), "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and sqlite3.connect(mini_store).execute("SELECT count(*) FROM events").fetchone()[0] == 4


def test_build_rebuilds_a_store_but_not_another_file_unless_forced(mini_store, tmp_path):
    assert run("build", str(MINI), "-o", str(mini_store)).returncode == 0  # a store is rebuilt as before
    for name, content in (("notes.txt", b"my notes\n"), ("empty.sqlite", b""), ("other.db", None)):
        target = tmp_path / name
        if content is None:
            sqlite3.connect(target).execute("CREATE TABLE mine (x)").connection.commit()
        else:
            target.write_bytes(content)
        before = target.read_bytes()
        result = run("build", str(MINI), "-o", str(target))
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr.count("\n") == 1 and "is not a parlertui store" in result.stderr
        assert "add --force to replace it" in result.stderr and target.read_bytes() == before
        assert run("build", str(MINI), "-o", str(target), "--force").returncode == 0
        assert sqlite3.connect(target).execute("SELECT count(*) FROM events").fetchone()[0] == 4


def special_stores(tmp_path: Path) -> list[Path]:
    fifo = tmp_path / "store.fifo"
    os.mkfifo(fifo)
    return [fifo, Path("/dev/null")]


@pytest.mark.parametrize(
    "command",
    [
        ["check", "{store}"],
        ["verify", "--sources", "{texts}", "{store}"],
        ["--db", "{store}", "export"],
        ["--db", "{store}", "export", "--format", "json"],
        ["--db", "{store}"],
    ],
)
def test_a_store_that_is_a_fifo_device_or_socket_is_refused_at_once(tmp_path, command):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text("words")
    sock_path = tmp_path / "store.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    try:
        for store in [*special_stores(tmp_path), sock_path]:
            args = [part.format(store=store, texts=texts) for part in command]
            result = run(*args)  # run() has a timeout: a FIFO opened to read would wait for ever
            assert (result.returncode, result.stdout) == (2, ""), (store, result.stderr)
            assert result.stderr.count("\n") == 1 and "not a store file" in result.stderr, result.stderr
            (tmp_path / "store.fifo").unlink(missing_ok=True)
    finally:
        server.close()


def test_the_store_checks_say_what_the_file_is(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result = run("check", str(fifo))
    assert (
        result.stderr
        == f"parlertui: {fifo}: is a FIFO (named pipe), not a store file (give the path of the .sqlite file)\n"
    )
    assert "is a device, not a store file" in run("check", "/dev/null").stderr
    assert build_store(MINI, tmp_path / "ok.sqlite").path.is_file()
