"""Sides are data (issue 18): dispute.toml declares them, the build writes them, every screen and export reads
them from the store; a store of the schema before them is refused in one line."""

from __future__ import annotations

import json
import sqlite3
import tomllib
from pathlib import Path

import pytest

from parlertui.store.build import build_store
from parlertui.store.dataset import load_dataset
from parlertui.store.open import StoreError, open_store
from parlertui.store.queries import Store
from parlertui.store.validate import validate
from test_cli import run, run_in_process

DATASET = Path(__file__).resolve().parent.parent / "db" / "dataset"
BUNDLED = DATASET.parent / "events.sqlite"


def problems_in(folder: Path) -> list[str]:
    dataset, problems = load_dataset(folder)
    return [str(problem) for problem in problems + validate(dataset)]


def test_the_bundled_sides_are_what_dispute_toml_declares():
    declared = tomllib.loads((DATASET / "dispute.toml").read_text(encoding="utf-8"))["side"]
    with Store(BUNDLED) as store:
        sides = store.dispute().sides
    assert [(s.id, s.name, s.mark) for s in sides] == [(d["id"], d["name"], d["mark"]) for d in declared]
    assert [s.id for s in sides if s.deciding] == ["court"]
    assert {s.id: s.heading for s in sides} == {
        "parler": "Parler",  # no heading given: the name
        "aws": "AWS and Amazon",
        "court": "The courts",
        "other": "Others",
    }
    connection = open_store(BUNDLED)
    try:
        keys = {key for (key,) in connection.execute("SELECT key FROM meta")}
        used = {side for (side,) in connection.execute("SELECT side FROM parties UNION SELECT side FROM arguments")}
    finally:
        connection.close()
    assert "side" not in keys  # the sides are a table of their own, not a fact of the dispute
    assert used <= {s.id for s in sides}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda sides: [sides.pop(3), sides.pop(1)],
            "needs two sides that argue, besides the deciding body",
        ),  # Parler and a court
        (lambda sides: sides.clear(), "needs two sides that argue, besides the deciding body"),
        (lambda sides: sides[1].update(mark="p"), "'p' is the mark of side 'parler' already"),
        (lambda sides: sides[1].update(mark="AW"), "'AW' is not a mark: give one letter or digit"),
        (lambda sides: sides[1].update(mark="·"), "is not a mark"),
        (lambda sides: sides[3].update(deciding=True), "only one side decides; 'court' already does"),
        (lambda sides: sides[0].update(colour_dark="red"), "'red' is not a colour: give it as #rrggbb"),
        (lambda sides: sides[0].update(id="Parler Side"), "is not an id"),
        (lambda sides: sides[0].update(shade="blue"), "unknown field; a side has: id, name, mark"),
        (lambda sides: sides.append(dict(sides[0], mark="Q")), "duplicate id"),
        (
            lambda sides: sides.extend({"id": f"s{n}", "name": f"S{n}", "mark": f"{n % 10}"} for n in range(13)),
            "at most 16",
        ),
    ],
)
def test_bad_sides_are_named_by_entry_and_field(dataset, change, message):
    dataset.edit("dispute.toml", lambda document: change(document["side"]))
    found = problems_in(dataset.folder)
    assert any(problem.startswith("dispute.toml") and message in problem for problem in found), found


def test_a_party_or_argument_of_an_undeclared_side_is_refused(dataset):
    dataset.edit("dispute.toml", lambda document: document["side"].pop(3))  # "other": no party is on it
    assert problems_in(dataset.folder) == []
    dataset.edit("parties.toml", lambda document: document["party"][0].update(side="other"))
    assert problems_in(dataset.folder) == ["parties.toml: party 'mini': side: unknown side 'other'"]


def test_a_topic_naming_a_side_by_an_alias_needs_its_argument(dataset):
    def rename(document):
        document["topic"][0]["question"] = "Did Amazon break the contract?"
        document["topic"][0]["argument"] = [a for a in document["topic"][0]["argument"] if a["party_id"] != "host"]
        for argument in document["topic"][0]["argument"]:
            for relation in ("rebuts", "supports"):
                argument[relation] = [t for t in argument.get(relation, []) if t != "contract-host"]

    dataset.edit("arguments.toml", rename)
    assert any("names AWS but has no argument of that side" in p for p in problems_in(dataset.folder))


def test_a_store_of_schema_2_gets_one_line_and_exit_2_with_how_to_rebuild(mini_store, tmp_path):
    old = tmp_path / "old.sqlite"
    old.write_bytes(mini_store.read_bytes())
    with sqlite3.connect(old) as db:
        db.execute("PRAGMA user_version = 2")
    with pytest.raises(StoreError, match="was built by an older parlertui"):
        open_store(old)
    result = run("--db", str(old))  # the app itself, as a reader starts it
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "built by an older parlertui" in result.stderr and "parlertui build DATASET -o STORE" in result.stderr


def test_a_json_record_carries_the_sides_and_builds_back(mini_store, tmp_path):
    record = tmp_path / "record.json"
    assert run_in_process("--db", str(mini_store), "export", "--format", "json", "-o", str(record)).returncode == 0
    sides = json.loads(record.read_text(encoding="utf-8"))["tables"]["sides"]
    assert [row["id"] for row in sides] == ["parler", "aws", "court", "other"]
    rebuilt = tmp_path / "rebuilt.sqlite"
    assert run_in_process("build", str(record), "-o", str(rebuilt)).returncode == 0
    with Store(rebuilt) as store:
        assert [side.mark for side in store.dispute().sides] == ["P", "A", "C", "O"]


def test_a_narrowed_export_keeps_every_side(mini_store, tmp_path):
    record = tmp_path / "record.json"
    arguments = ("--db", str(mini_store), "export", "--format", "json", "--side", "court", "-o", str(record))
    assert run_in_process(*arguments).returncode == 0
    document = json.loads(record.read_text(encoding="utf-8"))
    assert len(document["tables"]["sides"]) == 4 and document["selection"]["filters"] == {"side": "court"}


def test_the_period_counts_follow_the_sides_order(tmp_path, dataset):
    dataset.edit("dispute.toml", lambda document: document["side"].reverse())  # other, court, aws, parler
    store_path = build_store(dataset.folder, tmp_path / "reversed.sqlite").path
    from parlertui.store.counts import event_counts

    with Store(store_path) as store:
        assert [side.id for side in store.dispute().sides] == ["other", "court", "aws", "parler"]
        counts = event_counts(store)
        suit = next(day for day in counts.by_unit["day"] if day.period == "2021-01-11")
        assert suit.sides == (0, 0, 1, 1)  # Host and Mini: the last two lanes now
        assert [event.sides for event in store.timeline() if event.id == "suit"] == [("aws", "parler")]
        assert [party.side for party in store.parties()][:1] == ["court"]


def test_the_bundled_record_is_the_same_whatever_its_sides_are_called(tmp_path):
    """Every row of every table of the bundled store, built again with each side's id, name and mark changed, is the
    row it was, the side ids aside: nothing in the record but the sides table depends on what the sides are called."""
    import shutil

    from conftest import DatasetFolder

    folder = tmp_path / "dataset"
    shutil.copytree(DATASET, folder)
    renamed = DatasetFolder(folder)
    new_id = {"parler": "first", "aws": "second", "court": "decider", "other": "rest"}

    def rename_sides(document):
        for number, side in enumerate(document["side"], 1):
            side.update(id=new_id[side["id"]], name=f"{side['name']} (renamed)", mark=str(number))

    def rename_parties(document):
        for party in document["party"]:
            party["side"] = new_id[party["side"]]

    renamed.edit("dispute.toml", rename_sides)
    renamed.edit("parties.toml", rename_parties)
    built = build_store(folder, tmp_path / "renamed.sqlite").path
    back = {new: old for old, new in new_id.items()}
    original, other = open_store(BUNDLED), open_store(built)
    try:
        tables = [name for (name,) in original.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert "sides" in tables and len(tables) > 10
        for table in tables:
            columns = [row[1] for row in original.execute(f"PRAGMA table_info({table})")]
            order = ", ".join(f'"{column}"' for column in columns)
            rows = original.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
            again = other.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
            if table == "sides":
                ids = [side for (side,) in other.execute("SELECT id FROM sides ORDER BY position")]
                assert ids == ["first", "second", "decider", "rest"]
                continue
            if "side" in columns:
                at = columns.index("side")
                again = sorted(tuple(back[v] if i == at else v for i, v in enumerate(row)) for row in again)
                rows = sorted(rows)
            assert again == rows, table
    finally:
        original.close()
        other.close()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda sides: sides[0].update(colour_dark="bogus"), "CHECK constraint failed: colour_dark_is_rrggbb"),
        (lambda sides: sides[0].update(id="Par.ler X"), "CHECK constraint failed: side_id_is_a_slug"),
        (lambda sides: sides[1].update(mark="["), "'[' is not a mark: give one letter or digit"),
        (lambda sides: sides[1].update(mark="p"), "'p' is the mark of side 'parler' already"),
        (lambda sides: sides[1].update(aliases="nope"), "aliases: expected a list of text"),
        (lambda sides: sides[3].update(deciding=1), "UNIQUE constraint failed: sides.deciding"),
        (lambda sides: sides[1].update(mark="P"), "UNIQUE constraint failed: sides.mark"),
        (
            lambda sides: sides.extend(
                dict(sides[3], id=f"more-{n}", mark=chr(ord("a") + n), position=10 + n) for n in range(13)
            ),
            "17 sides: at most 16 can be shown",
        ),
    ],
)
def test_a_json_record_with_sides_no_dataset_could_declare_is_refused(mini_store, tmp_path, change, message):
    record = tmp_path / "record.json"
    assert run_in_process("--db", str(mini_store), "export", "--format", "json", "-o", str(record)).returncode == 0
    document = json.loads(record.read_text(encoding="utf-8"))
    change(document["tables"]["sides"])
    record.write_text(json.dumps(document), encoding="utf-8")
    result = run_in_process("build", str(record), "-o", str(tmp_path / "built.sqlite"))
    assert result.returncode == 2 and message in result.stderr, result.stderr
    assert not (tmp_path / "built.sqlite").exists()
