"""`parlertui export --side/--kind/--source/--from/--to/--as-of`: the filters narrow an export as they narrow the
app's views, the file says which produced it, and a narrowed JSON record still builds into a whole store."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from parlertui.store.check import check_store
from parlertui.store.export import markdown_brief
from parlertui.store.filters import Filters
from parlertui.store.queries import Store
from test_cli import run_in_process as run  # what a command does; test_cli runs the process
import test_export
from test_export import rows

two_topic_store = test_export.two_topic_store  # the fixture, shared


def ids(store: Path, table: str) -> set[str]:
    connection = sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True)
    try:
        return {row[0] for row in connection.execute(f"SELECT id FROM {table}")}
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("options", "filters"),
    [
        (["--side", "aws"], Filters(side="aws")),
        (["--kind", "filing"], Filters(kind="filing")),
        (["--source", "blog"], Filters(source="blog")),
        (["--from", "2021-01-11"], Filters(start="2021-01-11")),
        (["--to", "2021-01-10"], Filters(end="2021-01-10")),
        (["--as-of", "2021-01-11"], Filters(as_of="2021-01-11")),
        (["--side", "parler", "--from", "2021-01-10", "--as-of", "2021-01-31"], None),
        (["--party", "host", "--as-of", "2021-01-10"], None),
        (["--topic", "contract", "--side", "aws"], None),
    ],
)
def test_a_filtered_json_record_holds_what_the_app_shows_and_builds_back(two_topic_store, tmp_path, options, filters):
    record, rebuilt = tmp_path / "part.json", tmp_path / "part.sqlite"
    result = run("--db", str(two_topic_store), "export", "--format", "json", *options, "-o", str(record))
    assert result.returncode == 0, result.stderr
    selection = json.loads(record.read_text(encoding="utf-8"))["selection"]
    assert selection["filters"] and set(selection) == {"topic", "party", "filters"}
    result = run("build", str(record), "-o", str(rebuilt))
    assert result.returncode == 0, result.stderr
    assert check_store(rebuilt).clean
    whole, part = rows(two_topic_store), rows(rebuilt)
    for table in whole:
        assert set(part[table]) <= set(whole[table]), table
    if filters is not None:
        with Store(two_topic_store) as store:
            shown_events = {event.id for event in store.timeline(filters)}
            shown_quotes = {quote.id for quote in store.quotes(filters)}
        assert shown_events <= ids(rebuilt, "events")  # every event the timeline shows (and those its quotes need)
        assert ids(rebuilt, "quotes") == shown_quotes  # exactly the quotes the Quotes view shows
        brief = markdown_brief(two_topic_store, filters=filters)
        timeline = brief.split("## Timeline")[1].split("\n## ")[0] if "## Timeline" in brief else ""
        with Store(two_topic_store) as store:
            for event in store.timeline():
                assert (f": {event.title}\n" in timeline) == (event.id in shown_events), event.id


def test_the_brief_says_which_filters_produced_it_and_keeps_later_outcomes_back(two_topic_store):
    result = run("--db", str(two_topic_store), "export", "--side", "aws", "--as-of", "2021-01-10")
    assert result.returncode == 0, result.stderr
    brief = result.stdout
    assert "Narrowed by the filters: side AWS; as of 2021-01-10." in brief.split("## ")[0]
    assert "Host suspends Mini" in brief  # 2021-01-10 23:59 PST: still the 10th
    assert ": Mini sues Host\n" not in brief  # the event of the 11th (the report of that day is its source)
    assert "We will suspend your account." in brief and "Host broke the contract." not in brief
    assert "The court denied the motion." not in brief
    whole = markdown_brief(two_topic_store)
    assert "Narrowed by the filters" not in whole and "The court denied the motion." in whole


def test_csv_tables_of_a_selection_say_what_they_hold(two_topic_store, tmp_path):
    folder = tmp_path / "tables"
    result = run("--db", str(two_topic_store), "export", "--format", "csv", "--kind", "filing", "-o", str(folder))
    assert result.returncode == 0, result.stderr
    note = (folder / "selection.txt").read_text(encoding="utf-8")
    assert note == "These tables hold part of the record. Narrowed by the filters: kind of event filing.\n"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--kind", "filling"], "no event of kind 'filling' in the store; did you mean 'filing' or 'ruling'?"),
        (["--source", "blogg"], "no source 'blogg' in the store; did you mean 'blog'?"),
        (["--from", "2021-02-30"], "--from 2021-02-30: 2021-02-30 is not a day of the calendar"),
        (["--as-of", "soon"], "--as-of soon: write the date as YYYY-MM-DD"),
        (["--from", "2021-02-01", "--to", "2021-01-01"], "--from 2021-02-01 is after --to 2021-01-01"),
        (["--side", "nobody"], "no side 'nobody' in the store; its sides: parler, aws, court, other"),
    ],
)
def test_bad_filters_get_one_line_and_exit_2(two_topic_store, tmp_path, options, message):
    result = run("--db", str(two_topic_store), "export", *options, "-o", str(tmp_path / "out.md"))
    assert (result.returncode, result.stdout) == (2, "")
    assert message in result.stderr and not (tmp_path / "out.md").exists()
    assert "Traceback" not in result.stderr
