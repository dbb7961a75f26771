"""The build on a good dataset: the schema contract, full-text search, indexes, and all-or-nothing writes."""

import sqlite3
from pathlib import Path

import pytest

from parlertui.store import build as build_module
from parlertui.store.build import BuildError, OutputError, build_store
from parlertui.store.schema import CONTRACT, FULL_TEXT, SCHEMA_VERSION
from store_dump import dump


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def test_the_contract_tables_and_columns_exist(mini_store):
    with connect(mini_store) as db:
        for table, columns in CONTRACT.items():
            present = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
            assert set(columns) <= set(present), table
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


@pytest.mark.parametrize(
    ("table", "column", "parent"),
    [
        ("sources", "via_source_id", "sources"),
        ("parties", "affiliation_id", "parties"),
        ("event_parties", "event_id", "events"),
        ("event_parties", "party_id", "parties"),
        ("event_sources", "source_id", "sources"),
        ("quotes", "speaker_id", "parties"),
        ("quotes", "source_id", "sources"),
        ("quotes", "event_id", "events"),
        ("arguments", "topic_id", "topics"),
        ("arguments", "party_id", "parties"),
        ("argument_quotes", "quote_id", "quotes"),
        ("argument_links", "to_id", "arguments"),
    ],
)
def test_foreign_keys_are_declared(mini_store, table, column, parent):
    with connect(mini_store) as db:
        keys = {(row[3], row[2]) for row in db.execute(f"PRAGMA foreign_key_list({table})")}
    assert (column, parent) in keys


def test_rows_carry_what_the_dataset_says(mini_store):
    with connect(mini_store) as db:
        events = db.execute("SELECT id, occurred_at, precision FROM events ORDER BY sort_key").fetchall()
        assert events == [
            ("ruling", "2021-01", "month"),
            ("email", "2021-01-09", "day"),
            ("suspension", "2021-01-10T23:59-08:00", "time"),
            ("suit", "2021-01-11", "day"),
        ]
        assert db.execute(
            "SELECT role FROM event_parties WHERE event_id = 'email' AND party_id = 'ceo'"
        ).fetchone() == ("recipient",)
        assert db.execute("SELECT via_source_id, kind FROM sources WHERE id = 'order-via-report'").fetchone() == (
            "report",
            "court_order",
        )
        assert db.execute("SELECT side, topic_id, position FROM arguments WHERE id = 'contract-host'").fetchone() == (
            "aws",
            "contract",
            2,
        )
        assert sorted(db.execute("SELECT from_id, to_id, relation FROM argument_links")) == [
            ("contract-court", "contract-host", "supports"),
            ("contract-court", "contract-mini", "rebuts"),
            ("contract-host", "contract-mini", "rebuts"),
        ]
        assert db.execute("SELECT said_on, said_on_precision FROM quotes WHERE id = 'host-warning'").fetchone() == (
            "2021-01-09",
            "day",
        )
        assert db.execute("SELECT aliases FROM parties WHERE id = 'ceo'").fetchone() == ('["Pat Exampel"]',)
        assert dict(db.execute("SELECT key, value FROM meta"))["title"] == "Mini LLC v. Host, Inc."


@pytest.mark.parametrize(
    ("table", "query", "expected"),
    [
        ("quotes", "broke", ["mini-claim"]),
        ("quotes", "suspen*", ["host-warning"]),
        ("events", "suspends", ["suspension", "email"]),  # porter stemming: suspends ~ suspend
        ("arguments", "notice", ["contract-mini"]),
        ("parties", "chief", ["ceo"]),
    ],
)
def test_full_text_indexes_answer_queries(mini_store, table, query, expected):
    with connect(mini_store) as db:
        found = [
            row[0]
            for row in db.execute(
                f"SELECT t.id FROM {table}_fts JOIN {table} AS t ON t.rowid = {table}_fts.rowid "
                f"WHERE {table}_fts MATCH ? ORDER BY rank",
                (query,),
            )
        ]
    assert found == expected


def test_every_full_text_table_is_built(mini_store):
    with connect(mini_store) as db:
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert {f"{table}_fts" for table in FULL_TEXT} <= names


@pytest.mark.parametrize(
    "query",
    [
        "SELECT id FROM events ORDER BY sort_key, id LIMIT 5",
        "SELECT id FROM events WHERE (sort_key, id) > ('2021', '') ORDER BY sort_key, id LIMIT 5",
        "SELECT event_id FROM event_parties WHERE party_id = 'mini'",
        "SELECT event_id FROM event_sources WHERE source_id = 'report'",
        "SELECT id FROM quotes WHERE event_id = 'email' ORDER BY sort_key",
        "SELECT id FROM quotes WHERE speaker_id = 'host' ORDER BY sort_key",
        "SELECT id FROM quotes WHERE source_id = 'report' ORDER BY sort_key",
        "SELECT id FROM arguments WHERE topic_id = 'contract' ORDER BY position",
        "SELECT id FROM arguments WHERE party_id = 'host'",
        "SELECT argument_id FROM argument_quotes WHERE quote_id = 'mini-claim'",
        "SELECT from_id FROM argument_links WHERE to_id = 'contract-mini'",
        "SELECT id FROM parties WHERE affiliation_id = 'mini'",
        "SELECT id FROM sources WHERE via_source_id = 'report'",
    ],
)
def test_the_app_lookups_use_an_index(mini_store, query):
    with connect(mini_store) as db:
        plan = "  ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {query}"))
    steps = plan.split("  ")
    assert all("INDEX" in step or "PRIMARY KEY" in step for step in steps), plan
    assert "TEMP B-TREE" not in plan, plan


def test_two_builds_are_identical(tmp_path, mini_store):
    again = build_store(Path(__file__).parent / "data" / "mini", tmp_path / "again.sqlite").path
    assert dump(again) == dump(mini_store)
    assert again.read_bytes() == mini_store.read_bytes()


def test_a_failed_build_leaves_the_old_store_as_it_was(dataset, mini_store):
    before = mini_store.read_bytes()
    dataset.edit("quotes.toml", lambda doc: doc["quote"][0].update(text=""))
    with pytest.raises(BuildError):
        build_store(dataset.folder, mini_store)
    assert mini_store.read_bytes() == before
    assert sorted(p.name for p in mini_store.parent.iterdir() if p.name.startswith(".")) == []


def test_an_interrupted_build_leaves_the_old_store_and_no_partial_file(dataset, mini_store, monkeypatch):
    before = mini_store.read_bytes()

    def interrupted(rows, path):
        path.write_bytes(b"half a store")
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "write_store", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_store(dataset.folder, mini_store)
    assert mini_store.read_bytes() == before
    assert [p.name for p in mini_store.parent.iterdir() if p.suffix != "" or p.name.startswith(".")] == [
        mini_store.name
    ]


def test_a_build_into_a_new_folder_creates_it(dataset, tmp_path):
    target = tmp_path / "new" / "deeper" / "store.sqlite"
    assert build_store(dataset.folder, target).counts["events"] == 4
    assert target.is_file()


def test_a_build_onto_a_folder_is_refused(dataset, tmp_path):
    with pytest.raises(OutputError, match="is a folder; give the path of the store file"):
        build_store(dataset.folder, tmp_path)


def test_a_build_under_a_file_names_the_folder_it_cannot_make(dataset, tmp_path):
    (tmp_path / "afile").write_text("")
    with pytest.raises(OutputError, match="cannot make its folder"):
        build_store(dataset.folder, tmp_path / "afile" / "store.sqlite")


def test_a_store_that_cannot_be_written_is_an_output_error(dataset, mini_store, monkeypatch):
    before = mini_store.read_bytes()

    def disk_full(rows, path):
        path.write_bytes(b"partial")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(build_module, "write_store", disk_full)
    with pytest.raises(OutputError, match=r"cannot be written \(database or disk is full\)"):
        build_store(dataset.folder, mini_store)
    assert mini_store.read_bytes() == before
    assert sorted(p.name for p in mini_store.parent.iterdir() if p.name.startswith(".")) == []


def test_the_positions_keep_the_dataset_order(mini_store):
    with connect(mini_store) as db:
        assert db.execute(
            "SELECT party_id, position FROM event_parties WHERE event_id = 'suspension' ORDER BY position"
        ).fetchall() == [("host", 1), ("mini", 2)]
        assert db.execute("SELECT id, position FROM parties ORDER BY position").fetchall() == [
            ("mini", 1),
            ("host", 2),
            ("ceo", 3),
            ("court", 4),
        ]
        assert db.execute("SELECT id FROM arguments ORDER BY topic_id, position").fetchall() == [
            ("contract-mini",),
            ("contract-host",),
            ("contract-court",),
        ]


def test_quotes_sort_by_when_they_were_said_else_by_their_event(dataset, tmp_path):
    def reorder(doc):
        doc["quote"].append(
            {"id": "undated", "text": "Words.", "speaker_id": "mini", "source_id": "report", "context": "As quoted."}
        )
        doc["quote"].append(
            {
                "id": "late",
                "text": "Later words.",
                "speaker_id": "mini",
                "source_id": "report",
                "event_id": "email",
                "said_on": "2021-01-12",
                "context": "As quoted.",
            }
        )

    dataset.edit("quotes.toml", reorder)
    store = build_store(dataset.folder, tmp_path / "q.sqlite").path
    with connect(store) as db:
        assert [row[0] for row in db.execute("SELECT id FROM quotes ORDER BY sort_key")] == [
            "court-finding",
            "host-warning",
            "mini-claim",
            "late",
            "undated",
        ]
