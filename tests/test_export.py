"""`parlertui export`: a brief a person can read, a JSON record that builds back into the same store, CSV tables,
and files that are written whole and never over another unasked."""

from __future__ import annotations

import csv
import functools
import io
import json
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from parlertui.store import export as export_module
from parlertui.store.build import BuildError, build_store, build_store_from_record
from parlertui.store.check import check_store
from parlertui.store.export import OutputExists, UnknownId, markdown_brief, write_new_file
from parlertui.store.open import StoreError
from parlertui.store.schema import SCHEMA_VERSION, TABLE_ORDER
from store_dump import dump
from test_cli import run_in_process as run  # what a command does; test_cli runs the process

MINI = Path(__file__).resolve().parent / "data" / "mini"


@pytest.fixture
def two_topic_store(dataset, tmp_path) -> Path:
    """The mini dataset with a second topic, argued by Mini's chief executive from a blog post."""
    dataset.edit(
        "sources.toml",
        lambda doc: doc["source"].append(
            {"id": "blog", "kind": "statement", "outlet": "Pat's Blog", "title": "Notes", "published": "2021-01-12"}
        ),
    )
    dataset.edit(
        "events.toml",
        lambda doc: doc["event"].append(
            {
                "id": "reply",
                "occurred_at": "2021-01-12",
                "title": "Pat replies",
                "summary": "Pat writes a post.",
                "kind": "statement",
                "sources": ["blog"],
                "parties": {"ceo": "author"},
            }
        ),
    )
    dataset.edit(
        "quotes.toml",
        lambda doc: doc["quote"].append(
            {
                "id": "ceo-reply",
                "text": "We were given no notice — none.",
                "speaker_id": "ceo",
                "source_id": "blog",
                "event_id": "reply",
                "said_on": "2021-01-12",
            }
        ),
    )
    dataset.edit(
        "arguments.toml",
        lambda doc: doc["topic"].append(
            {
                "id": "notice",
                "title": "Notice",
                "question": "Was notice given?",
                "argument": [
                    {"id": "notice-ceo", "party_id": "ceo", "summary": "No notice was given.", "quotes": ["ceo-reply"]}
                ],
            }
        ),
    )
    return build_store(dataset.folder, tmp_path / "two.sqlite").path


def rows(store: Path) -> dict[str, list[tuple]]:
    """Every row of every table of the record, without rowids, in a stable order."""
    connection = sqlite3.connect(f"{store.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {
            table: sorted(connection.execute(f"SELECT * FROM {table}").fetchall(), key=repr) for table in TABLE_ORDER
        }
    finally:
        connection.close()


def quote_texts(store: Path) -> list[str]:
    return [row[1] for row in rows(store)["quotes"]]


# The Markdown brief


def test_the_brief_has_the_dispute_the_timeline_both_sides_the_court_and_the_outcome(mini_store):
    brief = markdown_brief(mini_store)
    assert brief.startswith("# Mini LLC v. Host, Inc.\n\nA small dispute made up for the tests.\n\n")
    headings = [line for line in brief.splitlines() if line.startswith("#")]
    assert headings == [
        "# Mini LLC v. Host, Inc.",
        "## Timeline",
        "### Jan 2021: The court rules",
        "### 2021-01-09: Host emails Mini",
        "### 2021-01-10 23:59 PST: Host suspends Mini",
        "### 2021-01-11: Mini sues Host",
        "## Topics",
        "### Breach of contract",
        "#### Parler: arguments",
        "#### AWS: arguments",
        "#### Court: findings",
        "#### Outcome",
        "## Sources",
    ]
    assert "Question: Did Host break the contract?" in brief
    assert "**Mini LLC:** Host ended the contract without the notice it requires." in brief
    assert "**Host, Inc.:** Host warned Mini and acted within the contract." in brief
    assert "**The Court:** The contract allowed Host to act at once." in brief
    assert "#### Outcome\n\nThe court denied the motion.\n" in brief
    assert "Parties: Host, Inc. (sender); Pat Example (recipient)." in brief
    assert "Sources: The Test Gazette: Mini sues Host (2021-01-11), <https://example.org/mini-sues-host>." in brief


def test_every_quote_is_given_exactly_with_its_speaker_source_and_date(mini_store):
    brief = markdown_brief(mini_store)
    for text in quote_texts(mini_store):
        assert f"> {text}\n" in brief or f"> Mini answered in court: {text}\n" in brief
    assert (
        "> We will suspend your account.\n>\n> — Host, Inc., 2021-01-09. Source: The Test Gazette: Mini sues Host "
        "(2021-01-11), <https://example.org/mini-sues-host>. Context: Host's email to Mini, as quoted by The Test "
        "Gazette.\n"
    ) in brief
    assert "> — Mini LLC, 2021-01-11 (the date of its event). Source: The Test Gazette: Mini sues Host" in brief
    assert (
        "> — The Court, Jan 2021 (the date of its event). Source: Order (as quoted in the report), Order at 1:2, "
        "as quoted in The Test Gazette: Mini sues Host, <https://example.org/mini-sues-host>.\n"
    ) in brief
    assert (
        "- **Order (as quoted in the report)**: Court order, as quoted in The Test Gazette: Mini sues Host. "
        "Read at <https://example.org/mini-sues-host>\n"
    ) in brief


def test_quotes_no_argument_cites_are_in_the_brief_too(mini_store, tmp_path):
    loose = tmp_path / "loose.sqlite"
    loose.write_bytes(mini_store.read_bytes())
    with sqlite3.connect(loose) as db:
        db.execute("DELETE FROM argument_quotes WHERE quote_id = 'mini-claim'")
    brief = markdown_brief(loose)
    assert "## Other quotes" in brief
    assert brief.index("> Mini answered in court: Host broke the contract.") > brief.index("## Other quotes")


def test_a_topic_brief_holds_that_topic_and_the_events_its_quotes_come_from(two_topic_store):
    brief = markdown_brief(two_topic_store, topic="notice")
    assert "### Notice" in brief and "> We were given no notice — none." in brief
    assert "### 2021-01-12: Pat replies" in brief
    assert "Breach of contract" not in brief and "Host broke the contract." not in brief
    assert "Host suspends Mini" not in brief and "The Test Gazette" not in brief
    assert "This brief covers one topic, “Notice”, and the events its quotes come from." in brief

    contract = markdown_brief(two_topic_store, topic="contract")
    assert "### Breach of contract" in contract and "Notice" not in contract and "Pat replies" not in contract
    for text in (
        "We will suspend your account.",
        "Mini answered in court: Host broke the contract.",
        "The contract allowed it.",
    ):
        assert f"> {text}\n" in contract


def test_a_party_brief_holds_what_involves_that_party(two_topic_store):
    brief = markdown_brief(two_topic_store, party="host")
    assert "**Host, Inc.**: The defendant." in brief
    for title in ("Host emails Mini", "Host suspends Mini", "Mini sues Host"):
        assert title in brief
    assert "Pat replies" not in brief and "### Notice" not in brief
    assert "> We will suspend your account.\n" in brief
    assert "#### AWS: arguments" in brief and "#### Court: findings" not in brief
    assert "Host ended the contract" not in brief  # Mini's argument neither is Host's nor cites Host

    ceo = markdown_brief(two_topic_store, party="ceo")
    assert "### Notice" in ceo and "Pat replies" in ceo and "Host emails Mini" in ceo  # the email's recipient
    assert "Breach of contract" not in ceo and "Host suspends Mini" not in ceo


def test_an_unknown_topic_or_party_suggests_the_ids_meant(two_topic_store):
    with pytest.raises(
        UnknownId,
        match=r"no topic 'notise' in the store; did you mean 'notice'\? the topic ids: "
        r"contract, notice",
    ):
        markdown_brief(two_topic_store, topic="notise")
    with pytest.raises(UnknownId, match=r"did you mean 'host'\?"):
        markdown_brief(two_topic_store, party="Host, Inc.")


def test_the_brief_of_a_missing_store_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="no such file"):
        markdown_brief(tmp_path / "missing.sqlite")


def test_markdown_goes_to_standard_output_and_leaves_the_store_as_it_was(mini_store):
    before = mini_store.read_bytes()
    result = run("--db", str(mini_store), "export", "--format", "md")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == markdown_brief(mini_store)
    assert mini_store.read_bytes() == before


# The JSON record and building it back


def test_json_holds_every_table_every_column_the_format_and_the_schema_version(mini_store):
    result = run("export", "--db", str(mini_store), "--format", "json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert (record["format"], record["schema_version"], record["selection"]) == (
        "parlertui-record",
        SCHEMA_VERSION,
        None,
    )
    assert list(record["tables"]) == list(TABLE_ORDER)
    assert list(record["tables"]["quotes"][0]) == [
        "id",
        "text",
        "speaker_id",
        "source_id",
        "event_id",
        "said_on",
        "said_on_precision",
        "context",
        "sort_key",
        "frame",
        "pin",
    ]
    assert {table: len(table_rows) for table, table_rows in record["tables"].items()} == {
        table: len(table_rows) for table, table_rows in rows(mini_store).items()
    }


def test_json_builds_back_into_the_same_store(two_topic_store, tmp_path):
    record, rebuilt = tmp_path / "record.json", tmp_path / "rebuilt.sqlite"
    assert run("--db", str(two_topic_store), "export", "--format", "json", "-o", str(record)).returncode == 0
    result = run("build", str(record), "-o", str(rebuilt))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"built {rebuilt}: 5 events, 4 parties, 4 quotes, 3 sources, 2 topics")
    assert dump(rebuilt) == dump(two_topic_store)  # every row of every table, its rowid, the schema, the version
    assert check_store(rebuilt).clean


@pytest.mark.parametrize(
    ("option", "wanted"),
    [("--topic", "notice"), ("--topic", "contract"), ("--party", "host"), ("--party", "ceo"), ("--party", "court")],
)
def test_a_narrowed_json_record_builds_into_a_whole_store_of_those_rows(two_topic_store, tmp_path, option, wanted):
    record, rebuilt = tmp_path / "part.json", tmp_path / "part.sqlite"
    assert (
        run("--db", str(two_topic_store), "export", "--format", "json", option, wanted, "-o", str(record)).returncode
        == 0
    )
    selection = {"topic": None, "party": None, option.removeprefix("--"): wanted}
    assert json.loads(record.read_text(encoding="utf-8"))["selection"] == selection
    result = run("build", str(record), "-o", str(rebuilt))
    assert result.returncode == 0, result.stderr
    assert check_store(rebuilt).clean
    whole, part = rows(two_topic_store), rows(rebuilt)
    for table in TABLE_ORDER:
        assert set(part[table]) <= set(whole[table]), table
        in_record = json.loads(record.read_text(encoding="utf-8"))["tables"][table]
        assert sorted((tuple(row.values()) for row in in_record), key=repr) == part[table], table
    assert part["meta"] == whole["meta"]
    assert set(part["events"]) < set(whole["events"]) and part["topics"]


def test_the_narrowed_record_holds_what_its_rows_refer_to(two_topic_store):
    connection = sqlite3.connect(f"{two_topic_store.as_uri()}?mode=ro", uri=True)
    out = io.StringIO()
    try:
        export_module.write_json(connection, export_module.select(connection, topic="contract"), out)
    finally:
        connection.close()
    tables = json.loads(out.getvalue())["tables"]
    ids = {table: {row.get("id") for row in tables[table]} for table in TABLE_ORDER}
    assert ids["topics"] == {"contract"} and ids["events"] == {"email", "suit", "ruling"}
    assert ids["sources"] == {"report", "order-via-report"}  # the order and the report it was read in
    assert ids["parties"] == {"mini", "host", "ceo", "court"}  # ceo: a party of the email event
    assert {(row["from_id"], row["to_id"]) for row in tables["argument_links"]} == {
        ("contract-host", "contract-mini"),
        ("contract-court", "contract-mini"),
        ("contract-court", "contract-host"),
    }


def test_csv_writes_one_file_per_table_with_its_header(mini_store, tmp_path):
    folder = tmp_path / "tables"
    result = run("--db", str(mini_store), "export", "--format", "csv", "-o", str(folder))
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in folder.iterdir()) == sorted(f"{table}.csv" for table in TABLE_ORDER)
    whole = rows(mini_store)
    for table in TABLE_ORDER:
        with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
            header, *lines = list(csv.reader(handle))
        connection = sqlite3.connect(f"{mini_store.as_uri()}?mode=ro", uri=True)
        columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
        connection.close()
        assert header == columns
        assert sorted(lines) == sorted([["" if value is None else str(value) for value in row] for row in whole[table]])


def test_csv_needs_a_folder(mini_store):
    result = run("--db", str(mini_store), "export", "--format", "csv")
    assert result.returncode == 2 and "give the folder to write them in with -o" in result.stderr


# Never over an existing file, never half written


def test_an_export_never_overwrites_a_file_without_force(mini_store, tmp_path):
    target = tmp_path / "brief.md"
    target.write_bytes(b"my notes\r\n\x00")
    result = run("--db", str(mini_store), "export", "-o", str(target))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"parlertui: {target}: already exists; give another name, or add --force to overwrite it\n"
    assert target.read_bytes() == b"my notes\r\n\x00"
    result = run("--db", str(mini_store), "export", "-o", str(target), "--force")
    assert result.returncode == 0 and target.read_text(encoding="utf-8") == markdown_brief(mini_store)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["brief.md", "mini.sqlite"]


def test_an_export_never_replaces_its_own_store_even_with_force(mini_store):
    before = mini_store.read_bytes()
    result = run("--db", str(mini_store), "export", "--format", "json", "-o", str(mini_store), "--force")
    assert result.returncode == 2 and "is the store being exported" in result.stderr
    assert mini_store.read_bytes() == before


def test_csv_never_writes_into_a_folder_with_files_without_force(mini_store, tmp_path):
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    (folder / "events.csv").write_text("old")
    result = run("--db", str(mini_store), "export", "--format", "csv", "-o", str(folder))
    assert result.returncode == 2 and "is a folder that is not empty" in result.stderr
    assert sorted(path.name for path in folder.iterdir()) == ["events.csv", "notes.txt"]
    assert (folder / "events.csv").read_text() == "old"
    assert run("--db", str(mini_store), "export", "--format", "csv", "-o", str(folder), "--force").returncode == 0
    assert (folder / "notes.txt").read_text() == "mine" and (folder / "events.csv").read_text().startswith("id,")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run("--db", str(mini_store), "export", "--format", "csv", "-o", str(empty)).returncode == 0


def test_an_interrupted_export_leaves_nothing_behind(mini_store, tmp_path, monkeypatch):
    def fail_midway(connection, selection, out):
        out.write("{\n  half of a record")
        raise KeyboardInterrupt

    monkeypatch.setattr(export_module, "write_json", fail_midway)
    with pytest.raises(KeyboardInterrupt):
        export_module.export(mini_store, "json", output=tmp_path / "record.json")
    monkeypatch.setattr(export_module, "write_csv_tables", lambda *args: fail_midway(None, None, io.StringIO()))
    with pytest.raises(KeyboardInterrupt):
        export_module.export(mini_store, "csv", output=tmp_path / "tables")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["mini.sqlite"]


def test_write_new_file_writes_once_and_replaces_only_when_forced(tmp_path):
    target = tmp_path / "deeper" / "brief.md"
    assert write_new_file(target, "first “text”\n") == target
    with pytest.raises(OutputExists):
        write_new_file(target, "second")
    assert target.read_text(encoding="utf-8") == "first “text”\n"
    write_new_file(target, "second", force=True)
    assert target.read_text(encoding="utf-8") == "second"
    assert [path.name for path in target.parent.iterdir()] == ["brief.md"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--topic", "contrat"], "no topic 'contrat' in the store; did you mean 'contract'?"),
        (["--party", "nobody"], "no party 'nobody' in the store; the party ids: mini, host, ceo, court"),
        (["--format", "json", "--party", "Pat Example"], "did you mean 'ceo'?"),
    ],
)
def test_unknown_ids_get_one_line_and_exit_2(mini_store, tmp_path, args, message):
    result = run("--db", str(mini_store), "export", *args, "-o", str(tmp_path / "out"))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("parlertui: ") and message in result.stderr
    assert len(result.stderr.splitlines()) == 1 and not (tmp_path / "out").exists()


def test_a_bad_store_and_both_filters_are_refused(mini_store, tmp_path):
    result = run("--db", str(tmp_path / "missing.sqlite"), "export")
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "no such file" in result.stderr
    result = run("--db", str(mini_store), "export", "--topic", "contract", "--party", "host")
    assert result.returncode == 2 and "not allowed with argument" in result.stderr


# Building from a JSON record that is not a good one


def good_record(store: Path) -> dict:
    return json.loads(run("--db", str(store), "export", "--format", "json").stdout)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda text, record: "{ not json",
            "record.json: not valid JSON (Expecting property name enclosed in double quotes at line 1, column 3)",
        ),
        (lambda text, record: json.dumps([1]), "record.json: format: not a parlertui record"),
        (
            lambda text, record: json.dumps({**record, "schema_version": 99}),
            "record.json: schema_version: a record of schema version 99; "
            f"this parlertui builds version {SCHEMA_VERSION}",
        ),
        (
            lambda text, record: json.dumps(
                {**record, "tables": {k: v for k, v in record["tables"].items() if k != "topics"}}
            ),
            "record.json: table topics: missing (a table with no rows is an empty list)",
        ),
        (
            lambda text, record: text.replace('"speaker_id": "host"', '"speaker_id": "ghost"'),
            "record.json: quotes 'host-warning': speaker_id: 'ghost' is no row of parties",
        ),
        (
            lambda text, record: text.replace('"said_on": "2021-01-09"', '"said_on": "2021-01-09", "mood": "calm"'),
            "record.json: quotes 'host-warning': has column(s) the schema does not: mood",
        ),
        (
            lambda text, record: text.replace('"text": "Host broke the contract.", ', ""),
            "record.json: quotes 'mini-claim': lacks column(s) text",
        ),
        (
            lambda text, record: text.replace('"kind": "news"', '"kind": "rumour"'),
            "record.json: sources 'report': CHECK constraint failed",
        ),
        (
            lambda text, record: text.replace('"position": 1', '"position": true'),
            "position: bool is not a value a store holds",
        ),
    ],
)
def test_a_bad_record_is_refused_with_one_line_per_problem_and_nothing_written(mini_store, tmp_path, change, message):
    record = tmp_path / "record.json"
    text = run("--db", str(mini_store), "export", "--format", "json").stdout
    record.write_text(change(text, json.loads(text)), encoding="utf-8")
    target = tmp_path / "out.sqlite"
    result = run("build", str(record), "-o", str(target))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    errors = result.stderr.splitlines()
    assert errors[0].startswith("error: ") and message in errors[0], errors
    assert errors[-1].startswith("parlertui: ") and errors[-1].endswith("; nothing was written")
    assert not target.exists() and sorted(path.name for path in tmp_path.iterdir()) == ["mini.sqlite", "record.json"]


def test_building_from_a_record_needs_an_output_and_an_existing_file(tmp_path):
    result = run("build", str(tmp_path / "record.json"))
    assert result.returncode == 2 and "give the store to write with -o" in result.stderr
    result = run("build", str(tmp_path / "record.json"), "-o", str(tmp_path / "out.sqlite"))
    assert result.returncode == 2 and "record.json: no such file" in result.stderr


def test_an_inconsistent_record_raises_build_error_naming_every_row(mini_store, tmp_path):
    record = tmp_path / "record.json"
    record.write_text(
        run("--db", str(mini_store), "export", "--format", "json").stdout.replace(
            '"source_id": "report"', '"source_id": "gone"'
        ),
        encoding="utf-8",
    )
    with pytest.raises(BuildError) as caught:
        build_store_from_record(record, tmp_path / "out.sqlite")
    assert sorted(str(problem) for problem in caught.value.problems) == [
        "record.json: event_sources 'email' > 'gone': source_id: 'gone' is no row of sources",
        "record.json: event_sources 'suit' > 'gone': source_id: 'gone' is no row of sources",
        "record.json: event_sources 'suspension' > 'gone': source_id: 'gone' is no row of sources",
        "record.json: quotes 'host-warning': source_id: 'gone' is no row of sources",
        "record.json: quotes 'mini-claim': source_id: 'gone' is no row of sources",
    ]


# Any text survives the round trip


@settings(max_examples=15, deadline=None)
@given(text=st.text(min_size=1, max_size=40).filter(lambda text: text.strip(" ")))
def test_any_text_in_a_quote_survives_the_json_round_trip_and_appears_in_the_brief(text):
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "store.sqlite"
        store.write_bytes(mini_store_bytes())
        with sqlite3.connect(store) as db:
            db.execute("UPDATE quotes SET text = ? WHERE id = 'host-warning'", (text,))
        record, rebuilt = Path(folder) / "record.json", Path(folder) / "rebuilt.sqlite"
        export_module.export(store, "json", output=record)
        build_store_from_record(record, rebuilt)
        assert rows(rebuilt) == rows(store)
        block = "".join(f"> {line}\n" if line else ">\n" for line in text.split("\n"))
        assert f"{block}>\n> — Host, Inc., 2021-01-09." in markdown_brief(store)


@functools.cache
def mini_store_bytes() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return build_store(MINI, Path(folder) / "mini.sqlite").path.read_bytes()


def test_the_brief_draws_the_timeline_s_shape_with_its_scale():
    from parlertui.store.export import markdown_brief

    text = markdown_brief(Path(__file__).resolve().parent.parent / "db" / "events.sqlite")
    picture = text.split("```text\n", 1)[1].split("```", 1)[0].splitlines()
    assert [line.split()[0] for line in picture[:4]] == ["Parler", "AWS", "Court", "Others"]
    assert "⋯ 40 years ⋯" in picture[4]
    assert picture[5].endswith("⋯ folds an empty stretch") and "█ = 15 events of a side" in picture[5]
    assert text.index("```text") < text.index("### 1980")
