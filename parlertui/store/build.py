"""Building the SQLite store from the dataset (or from a JSON record of a store), all or nothing.

The dataset is validated first; if anything is wrong nothing is written. The store is written to a temporary
file beside the target and renamed over it only when complete, so a failed or interrupted build leaves the old
store as it was.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Callable
from typing import Any, TypeVar

import sqlite_utils

from parlertui.store.counts import write_period_counts
from parlertui.store.dataset import Dataset, Problem, load_dataset
from parlertui.store.dates import home_zone, parse_when
from parlertui.store.output_files import OutputError, OutputExists, write_file
from parlertui.store.record_json import load_record
from parlertui.store.schema import (
    FULL_TEXT,
    RELATIONS,
    SCHEMA_VERSION,
    TABLE_ORDER,
    schema_sql,
)
from parlertui.store.validate import validate

Rows = dict[str, list[dict[str, Any]]]
T = TypeVar("T")
_UNDATED = "~"  # sorts after every date


class BuildError(Exception):
    """The dataset cannot be built; `problems` says everything that is wrong with it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the dataset")
        self.problems = problems


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote."""

    path: Path
    counts: dict[str, int]


def build_store(dataset_dir: Path, target: Path) -> BuildResult:
    """Validate the dataset in `dataset_dir` and write it as a store at `target`."""
    dataset, problems = load_dataset(dataset_dir)
    problems += validate(dataset)
    if problems:
        raise BuildError(problems)
    rows = dataset_rows(dataset)
    _write_atomically(rows, target)
    return BuildResult(target, {table: len(rows[table]) for table in TABLE_ORDER})


def build_store_from_record(record: Path, target: Path) -> BuildResult:
    """Write the rows of a JSON record (`parlertui export --format json`) as a store at `target`, exactly as they
    are: nothing is recomputed, so a store exported and built back has the same rows in every table."""
    rows, problems = load_record(record)
    if problems:
        raise BuildError(problems)
    _write_atomically(rows, target)
    return BuildResult(target, {table: len(rows[table]) for table in TABLE_ORDER})


def dataset_rows(dataset: Dataset) -> Rows:
    """The rows of every table, from a dataset that has passed validation."""
    zone = home_zone(dataset.dispute["timezone"]) if dataset.dispute is not None else None
    if dataset.dispute is None or zone is None:
        raise ValueError("dataset_rows needs a dataset that has passed validation (a dispute with a time zone)")
    rows: Rows = {table: [] for table in TABLE_ORDER}
    for key, value in dataset.dispute.items():
        rows["meta"].append({"key": key, "value": value if isinstance(value, str) else json.dumps(value)})
    for position, entry in enumerate(dataset.of("side"), 1):
        data = entry.data
        rows["sides"].append(
            {
                **_pick(data, "id name mark"),
                "heading": data.get("heading") or data["name"],
                "aliases": json.dumps(data.get("aliases", []), ensure_ascii=False),
                "deciding": int(bool(data.get("deciding"))),
                **_pick(data, "colour_dark colour_light"),
                "position": position,
            }
        )

    for position, entry in enumerate(dataset.of("source"), 1):
        rows["sources"].append(
            {
                **_pick(entry.data, "id kind outlet title author published url seed_file via_source_id note"),
                "position": position,
                "title_ours": int(bool(entry.data.get("title_ours"))),
            }
        )
    for position, entry in enumerate(dataset.of("party"), 1):
        data = entry.data
        rows["parties"].append(
            {
                **_pick(data, "id name kind side description affiliation_id"),
                "aliases": json.dumps(data.get("aliases", []), ensure_ascii=False),
                "position": position,
            }
        )

    event_keys: dict[str, str] = {}
    for index, entry in enumerate(dataset.of("event")):
        data = entry.data
        when = parse_when(data["occurred_at"])
        event_keys[data["id"]] = when.sort_key(zone)
        rows["events"].append(
            {
                **_pick(data, "id occurred_at"),
                "precision": when.precision,
                **_pick(data, "title summary kind"),
                "sort_key": f"{event_keys[data['id']]} {index:05d}",
            }
        )
        for position, (party, role) in enumerate(data.get("parties", {}).items(), 1):
            rows["event_parties"].append(
                {"event_id": data["id"], "party_id": party, "role": role, "position": position}
            )
        for position, source in enumerate(data["sources"], 1):
            rows["event_sources"].append({"event_id": data["id"], "source_id": source, "position": position})

    for index, entry in enumerate(dataset.of("quote")):
        data = entry.data
        said = parse_when(data["said_on"]) if data.get("said_on") else None
        moment = said.sort_key(zone) if said else event_keys.get(data.get("event_id") or "", _UNDATED)
        rows["quotes"].append(
            {
                **_pick(data, "id text speaker_id source_id event_id said_on"),
                "said_on_precision": said.precision if said else None,
                "context": data.get("context"),
                "sort_key": f"{moment} {index:05d}",
                **_pick(data, "frame pin"),
            }
        )

    party_side = {row["id"]: row["side"] for row in rows["parties"]}
    for topic_position, topic in enumerate(dataset.of("topic"), 1):
        rows["topics"].append({**_pick(topic.data, "id title question outcome"), "position": topic_position})
    for entry in dataset.of("argument"):
        data = entry.data
        rows["arguments"].append(
            {
                "id": data["id"],
                "topic_id": entry.parent.id if entry.parent is not None else None,  # validated: always a topic
                "party_id": data["party_id"],
                "side": party_side[data["party_id"]],
                "summary": data["summary"],
                "position": entry.index + 1,
                "reported_in": data.get("reported_in"),
            }
        )
        for position, quote in enumerate(data.get("quotes", []), 1):
            rows["argument_quotes"].append({"argument_id": data["id"], "quote_id": quote, "position": position})
        for relation in RELATIONS:
            for target in data.get(relation, []):
                rows["argument_links"].append({"from_id": data["id"], "to_id": target, "relation": relation})
    return rows


def _pick(data: dict[str, Any], names: str) -> dict[str, Any]:
    return {name: data.get(name) for name in names.split()}


def write_store(rows: Rows, path: Path) -> None:
    """Write `rows` as a new store at `path`, which must not exist yet."""
    connection = sqlite3.connect(path)
    # The file is renamed over the target only once complete, so a crash mid-build loses nothing worth syncing.
    connection.execute("PRAGMA synchronous = OFF")
    try:
        db = sqlite_utils.Database(connection)
        connection.executescript(schema_sql())
        with connection:
            for table in TABLE_ORDER:
                if rows[table]:
                    db.table(table).insert_all(rows[table])
            write_period_counts(connection)
        for table, columns in FULL_TEXT.items():
            db.table(table).enable_fts(list(columns), fts_version="FTS5", tokenize="porter")
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"the build wrote rows that refer to nothing: {broken[:5]}")
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.commit()
        db.vacuum()
    finally:
        connection.close()


def _write_atomically(rows: Rows, target: Path) -> None:
    write_atomically(target, lambda temporary: write_store(rows, temporary))


def write_atomically(target: Path, write: Callable[[Path], T], *, force: bool = True) -> T:
    """Call `write` on a temporary file, then put it at `target` through the one writer (store/output_files.py):
    renamed over a regular file (the file a symbolic link leads to), copied into a device or FIFO; a write that
    fails or is interrupted leaves `target` as it was. Without `force`, an existing file is refused. OutputError
    says why the store cannot be written there."""
    try:
        return write_file(target, write, force=force, purpose="building")
    except OutputExists as err:
        raise OutputError(f"{err}; add --force to replace it") from None
    except OutputError as err:
        if "is a folder" in str(err):
            raise OutputError(f"{target}: is a folder; give the path of the store file to write") from None
        raise
    except sqlite3.Error as err:
        raise OutputError(f"{target}: cannot be written ({err})") from err
