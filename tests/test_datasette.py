"""`parlertui datasette-metadata`: Datasette's metadata from schema.sql's own comments, checked by Datasette 0.65
itself serving the bundled store offline on loopback."""

from __future__ import annotations

import contextlib
import html
import json
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from field_tools import ROOT, free_port, missing
from parlertui.store.datasette import datasette_metadata, schema_notes
from parlertui.store.schema import schema_sql
from test_cli import run_in_process as run  # what a command does; test_cli runs the process

BUNDLED = ROOT / "db" / "events.sqlite"


def test_every_table_and_column_of_the_schema_is_described():
    notes = schema_notes()
    schema = sqlite3.connect(":memory:")
    schema.executescript(schema_sql())
    tables = [row[0] for row in schema.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert set(notes) == set(tables)
    for table in tables:
        columns = {row[1] for row in schema.execute(f"PRAGMA table_info({table})")}
        assert notes[table].description, table
        assert set(notes[table].columns) == columns, table
        assert all(notes[table].columns.values()), table
    schema.close()


def test_comments_are_read_from_above_a_table_and_from_a_column_line():
    notes = schema_notes(
        "-- unrelated\n\n-- What t holds,\n-- over two lines.\n--   a: the first\n--     and more\n"
        "CREATE TABLE t (\n    a TEXT,\n    b TEXT NOT NULL -- the second\n);\n"
    )
    assert notes["t"].description == "What t holds, over two lines."
    assert notes["t"].columns == {"a": "the first and more", "b": "the second"}


def test_the_metadata_of_the_bundled_store():
    document = datasette_metadata(BUNDLED)
    assert document["title"] == "Parler LLC v. Amazon Web Services, Inc."
    assert document["license"] and document["source"]
    tables = document["databases"]["events"]["tables"]
    assert tables["quotes"]["fts_table"] == "quotes_fts"
    assert tables["quotes_fts"] == {"hidden": True}
    assert {tables[t]["label_column"] for t in ("parties", "sources", "events")} == {"name", "title"}
    assert tables["events"]["sort"] == "sort_key"


def test_the_command_writes_json_and_refuses_bad_input(tmp_path):
    result = run("datasette-metadata", "--db", str(BUNDLED))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["databases"]["events"]["tables"]["events"]["label_column"] == "title"
    target = tmp_path / "metadata.json"
    assert run("datasette-metadata", "--db", str(BUNDLED), "-o", str(target)).returncode == 0
    again = run("datasette-metadata", "--db", str(BUNDLED), "-o", str(target))
    assert again.returncode == 2
    assert again.stderr.count("\n") == 1 and "already exists" in again.stderr
    absent = run("datasette-metadata", "--db", str(tmp_path / "nothing.sqlite"))
    assert absent.returncode == 2 and absent.stderr.count("\n") == 1 and "Traceback" not in absent.stderr


def datasette_command() -> list[str]:
    try:
        import datasette  # noqa: F401
    except ImportError:
        missing("datasette", "pip install '.[test]'")
    found = shutil.which("datasette", path=str(Path(sys.executable).parent)) or shutil.which("datasette")
    return [found] if found else [sys.executable, "-m", "datasette"]


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


@contextlib.contextmanager
def datasette_serving(store: Path, metadata: Path) -> Iterator[str]:
    port = free_port()
    command = [*datasette_command(), "serve", "-i", str(store), "--metadata", str(metadata)]
    process = subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    origin = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:  # until it answers (or dies, or takes unreasonably long)
            if process.poll() is not None:
                pytest.fail(f"datasette exited {process.returncode}: {process.stdout.read() if process.stdout else ''}")
            try:
                get(origin + "/-/versions.json")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    pytest.fail("datasette did not answer within 120 s")
                time.sleep(0.1)
        yield origin
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()


def test_datasette_serves_the_store_with_its_metadata(tmp_path):
    metadata = tmp_path / "metadata.json"
    assert run("datasette-metadata", "--db", str(BUNDLED), "-o", str(metadata)).returncode == 0
    document = json.loads(metadata.read_text(encoding="utf-8"))
    tables = document["databases"]["events"]["tables"]
    connection = sqlite3.connect(f"{BUNDLED.as_uri()}?mode=ro", uri=True)
    first_quote = connection.execute(
        "SELECT q.id, p.id, p.name FROM quotes q JOIN parties p ON p.id = q.speaker_id ORDER BY q.sort_key LIMIT 1"
    ).fetchone()
    sherman = {
        row[0]
        for row in connection.execute(
            "SELECT q.id FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid WHERE quotes_fts MATCH 'Sherman'"
        )
    }
    event_order = [row[0] for row in connection.execute("SELECT id FROM events ORDER BY sort_key")]
    connection.close()
    assert sherman

    with datasette_serving(BUNDLED, metadata) as origin:
        index = html.unescape(get(origin + "/"))
        events_page = html.unescape(get(origin + "/events/events"))
        quotes_page = html.unescape(get(origin + "/events/quotes"))
        database = json.loads(get(origin + "/events.json"))
        searched = json.loads(get(origin + "/events/quotes.json?_shape=array&_size=max&_search=Sherman"))
        events = json.loads(get(origin + "/events/events.json?_shape=array&_size=max"))
        query = urllib.parse.urlencode({"id": first_quote[0], "_labels": "on", "_shape": "array"})
        labelled = json.loads(get(origin + f"/events/quotes.json?{query}"))

    assert document["title"] in index
    assert document["license"] in index
    # The table's description and every column's, on its page.
    assert tables["events"]["description"] in events_page
    for column, description in tables["events"]["columns"].items():
        assert f"<dt>{column}</dt><dd>{description}</dd>" in events_page
    # A foreign key links to its row under the row's label.
    speaker_link = f'<a href="/events/parties/{first_quote[1]}">{first_quote[2]}</a>'
    assert speaker_link in quotes_page
    assert labelled[0]["speaker_id"] == {"value": first_quote[1], "label": first_quote[2]}
    # Full-text search finds what the store's own index finds; rows come in the record's order.
    assert {row["id"] for row in searched} == sherman
    assert [row["id"] for row in events] == event_order
    # The index tables are out of sight.
    hidden = {table["name"] for table in database["tables"] if table["hidden"]}
    assert {"quotes_fts", "events_fts"} <= hidden
    assert "quotes" not in hidden
