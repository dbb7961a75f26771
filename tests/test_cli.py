"""The command line: exit codes and messages, run as a user runs it (a separate process)."""

from __future__ import annotations

import contextlib
import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from parlertui import __version__
from parlertui.cli import main
from parlertui.store.schema import SCHEMA_VERSION
from damage import with_table_overwritten


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "parlertui", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def run_in_process(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """What `run` gives, from the command line's `main` called in this process: no interpreter to start and no
    modules to import again (0.2 s of CPU a run). For tests of what a command does, not of the process around it
    (those use `run`). Its output is read back as `run` reads it: text, with universal newlines."""
    stdout, stderr = io.BytesIO(), io.BytesIO()
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    out, err = io.TextIOWrapper(stdout, encoding="utf-8"), io.TextIOWrapper(stderr, encoding="utf-8")
    try:
        os.environ.update(env or {})
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exit_:  # argparse, on a bad argument or --help
                code = exit_.code if isinstance(exit_.code, int) else 2
        out.flush()
        err.flush()
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)

    def text(written: io.BytesIO) -> str:
        return io.TextIOWrapper(io.BytesIO(written.getvalue()), encoding="utf-8", newline=None).read()

    return subprocess.CompletedProcess(["parlertui", *args], code, text(stdout), text(stderr))


def altered(mini_store: Path, tmp_path: Path, name: str, *statements: str) -> Path:
    """A copy of the mini store with SQL statements applied (foreign keys off, as SQLite's default)."""
    copy = tmp_path / name
    copy.write_bytes(mini_store.read_bytes())
    with sqlite3.connect(copy) as db:
        for statement in statements:
            db.execute(statement)
    return copy


def test_version():
    result = run("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"parlertui {__version__}")


def test_build_writes_a_store_and_reports_its_counts(dataset, tmp_path):
    target = tmp_path / "out.sqlite"
    result = run("build", str(dataset.folder), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (f"built {target}: 4 events, 4 parties, 3 quotes, 2 sources, 1 topics, 3 arguments")
    with sqlite3.connect(target) as db:
        assert db.execute("SELECT count(*) FROM events").fetchone() == (4,)


def test_build_writes_beside_the_dataset_by_default_from_any_directory(dataset, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run("build", str(dataset.folder), cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert (dataset.folder.parent / "events.sqlite").is_file()
    assert list(elsewhere.iterdir()) == []


def test_an_installed_parlertui_does_not_rebuild_its_bundled_store_in_place(monkeypatch, capsys):
    monkeypatch.setattr("parlertui.commands.is_installed", lambda: True)
    assert main(["build"]) == 2
    assert "give the store to write with -o" in capsys.readouterr().err


def test_a_store_that_cannot_be_written_gets_one_line(dataset, tmp_path):
    (tmp_path / "afile").write_text("")
    result = run("build", str(dataset.folder), "-o", str(tmp_path / "afile" / "store.sqlite"))
    assert result.returncode == 2
    assert result.stderr.startswith("parlertui: ") and "cannot make its folder" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_build_reports_every_error_and_writes_nothing(dataset, tmp_path):
    dataset.edit("events.toml", lambda doc: doc["event"][0].update(occurred_at="2021-02-30"))
    dataset.edit("quotes.toml", lambda doc: doc["quote"][0].update(speaker_id="ghost"))
    target = tmp_path / "out.sqlite"
    result = run("build", str(dataset.folder), "-o", str(target))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "error: events.toml: event 'suspension': occurred_at: '2021-02-30' is not a real date "
        "(day is out of range for month)",
        "error: quotes.toml: quote 'host-warning': speaker_id: unknown party 'ghost'",
        f"parlertui: 2 error(s) in {dataset.folder}; nothing was written",
    ]
    assert not target.exists()
    assert list(tmp_path.glob(".*")) == []


def test_build_of_a_missing_folder(tmp_path):
    result = run("build", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out.sqlite"))
    assert result.returncode == 2
    assert "not a folder" in result.stderr and "Traceback" not in result.stderr


def test_check_on_a_clean_store(mini_store):
    result = run("check", str(mini_store))
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith(f"{mini_store}: clean (")


def test_check_reports_each_problem(mini_store, tmp_path):
    broken = altered(
        mini_store,
        tmp_path,
        "broken.sqlite",
        "DELETE FROM event_sources WHERE event_id = 'email'",
        "INSERT INTO quotes (id, text, speaker_id, source_id, sort_key) "
        "VALUES ('orphan', 'Words.', 'nobody', 'report', 'z')",
        "UPDATE events SET precision = 'day' WHERE id = 'ruling'",
        "PRAGMA user_version = 7",
    )
    result = run("check", str(broken))
    assert result.returncode == 1
    assert f"problem: schema version is 7; this parlertui reads version {SCHEMA_VERSION}" in result.stdout
    assert "problem: event 'email' names no source" in result.stdout
    assert "problem: quotes row" in result.stdout and "refers to a missing parties row" in result.stdout
    assert "problem: event 'ruling': precision is 'day' but '2021-01' is a month" in result.stdout
    assert "problem: full-text index quotes_fts is out of step" in result.stdout
    assert "problem: quote 'orphan': read in a report, its context does not say \"as quoted\"" in result.stdout
    assert result.stdout.splitlines()[-1] == f"{broken}: 6 problem(s)"


def test_check_finds_a_store_whose_tables_are_missing(mini_store, tmp_path):
    broken = altered(mini_store, tmp_path, "broken.sqlite", "DROP TABLE argument_links")
    result = run("check", str(broken))
    assert (result.returncode, result.stdout.splitlines()[0]) == (1, "problem: table argument_links is missing")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: p.write_bytes(b""), "is an empty file"),
        (lambda p: p.write_text("events, quotes\n"), "is not an SQLite database"),
    ],
)
@pytest.mark.parametrize("command", [["check"], ["--db"]])
def test_bad_store_paths_get_one_clear_line_and_exit_2(tmp_path, make, message, command):
    path = tmp_path / "store.sqlite"
    make(path)
    args = [*command, str(path)] if command == ["check"] else ["--db", str(path)]
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr == f"parlertui: {path}: {message}" + result.stderr.split(message, 1)[1]
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_another_programs_database_is_named_as_such(tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
    result = run("--db", str(other))
    assert result.returncode == 2
    assert "not a parlertui store" in result.stderr


def test_the_environment_variable_names_the_store(tmp_path):
    result = run("check", env={"PARLERTUI_DB": str(tmp_path / "elsewhere.sqlite")})
    assert result.returncode == 2 and "elsewhere.sqlite: no such file" in result.stderr


def test_check_finds_the_bundled_store_from_any_directory(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "PARLERTUI_DB"}
    result = subprocess.run(
        [sys.executable, "-m", "parlertui", "check"], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "events.sqlite: clean" in result.stdout


def test_debug_shows_the_traceback_after_the_message(tmp_path):
    result = run("--debug", "check", str(tmp_path / "missing.sqlite"))
    assert result.returncode == 2
    assert result.stderr.startswith("parlertui: ") and "Traceback" in result.stderr


def test_check_on_another_programs_database_is_one_line(tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
    result = run("check", str(other))
    assert result.returncode == 2 and "not a parlertui store" in result.stderr and result.stdout == ""


def test_check_on_a_store_damaged_inside_reports_it(mini_store, tmp_path):
    damaged = with_table_overwritten(mini_store, tmp_path / "damaged.sqlite", "events")
    result = run("check", str(damaged))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "damaged" in result.stdout or "SQLite integrity" in result.stdout


def test_check_finds_a_timeline_out_of_order_and_a_bad_zone(mini_store, tmp_path):
    out_of_order = "UPDATE events SET sort_key = '2099 00000' WHERE id = 'ruling'"
    broken = altered(
        mini_store, tmp_path, "broken.sqlite", out_of_order, "UPDATE meta SET value = 'America' WHERE key = 'timezone'"
    )
    result = run("check", str(broken))
    assert result.returncode == 1
    assert "problem: meta timezone 'America' is not a time zone name" in result.stdout
    result = run("check", str(altered(mini_store, tmp_path, "zone-ok.sqlite", out_of_order)))
    assert "problem: event 'ruling': sort_key '2099 00000' does not match occurred_at '2021-01'" in result.stdout


def test_check_finds_an_unsourced_quote_in_a_store_without_constraints(mini_store, tmp_path):
    loose = altered(
        mini_store,
        tmp_path,
        "loose.sqlite",
        "CREATE TABLE quotes_loose AS SELECT * FROM quotes",
        "DROP TABLE quotes",
        "ALTER TABLE quotes_loose RENAME TO quotes",
        "UPDATE quotes SET source_id = NULL WHERE id = 'mini-claim'",
    )
    result = run("check", str(loose))
    assert result.returncode == 1
    assert "problem: quote 'mini-claim' is empty or names no source" in result.stdout


def test_the_app_outside_a_terminal_says_it_needs_one(mini_store):
    result = run("--db", str(mini_store))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().endswith(
        "the app needs a terminal to run in (its input and output are not one); "
        "in a script, use `parlertui check` or `parlertui build`"
    )


# Runs the app's start up to the first screen's data, which is asked for once the app's modules are imported.
FRAME_RATE_PROBE = """
import sys
from unittest import mock
from parlertui import cli

def first_screen(reader):
    import gc
    import textual.constants
    print(textual.constants.MAX_FPS, gc.isenabled())
    raise SystemExit(0)

with mock.patch("sys.stdin.isatty", return_value=True), mock.patch("sys.stdout.isatty", return_value=True), \\
        mock.patch("parlertui.store.first_screen.FirstScreenReader.result", first_screen):
    cli.main(["--db", sys.argv[1]])
"""


@pytest.mark.parametrize(("asked", "drawn"), [(None, "120"), ("30", "30")])
def test_the_app_draws_up_to_120_frames_a_second_unless_textual_fps_says_otherwise(mini_store, asked, drawn):
    # and starts with the garbage collector off: the app turns it on once its first screen is up
    env = {key: value for key, value in os.environ.items() if key != "TEXTUAL_FPS"}
    if asked:
        env["TEXTUAL_FPS"] = asked
    result = subprocess.run(
        [sys.executable, "-c", FRAME_RATE_PROBE, str(mini_store)], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [drawn, "False"]
