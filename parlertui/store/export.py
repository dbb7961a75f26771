"""`parlertui export`: the record as a Markdown brief, as a JSON record that `parlertui build` turns back into the
same store, or as CSV files, one per table. Exports only read the store; rows are streamed, never gathered.

For the app: `markdown_brief(store_path, topic=..., party=..., filters=...)` gives the brief as a string, and
`write_new_file(path, text, force=...)` writes it without ever replacing a file unasked; both are safe to call
from a worker thread.
"""

from __future__ import annotations

import csv
import functools
import json
import sqlite3
from pathlib import Path
from typing import TextIO

from parlertui.store.argdown import write_argdown
from parlertui.store.brief import markdown_brief, write_brief
from parlertui.store.open import StoreError, open_store
from parlertui.store.output_files import (
    OutputError,
    OutputExists,
    new_folder_files,
    new_text_file,
    write_new_file,
)
from parlertui.store.record_rows import RECORD_FORMAT, table_columns, table_rows
from parlertui.store.schema import SCHEMA_VERSION, TABLE_ORDER
from parlertui.store.filters import NO_FILTERS, Filters
from parlertui.store.selection import Selection, UnknownId, describe_filters, filters_record, select
from parlertui.store.timelinejs import write_timelinejs

__all__ = [
    "FORMATS",
    "OutputError",
    "OutputExists",
    "UnknownId",
    "export",
    "markdown_brief",
    "write_csv_tables",
    "write_json",
    "write_new_file",
]

FORMATS = ("md", "json", "csv", "timelinejs", "argdown")


def export(
    store_path: Path,
    form: str,
    out: TextIO | None = None,
    *,
    output: Path | None = None,
    force: bool = False,
    topic: str | None = None,
    party: str | None = None,
    filters: Filters = NO_FILTERS,
) -> None:
    """Export the store at `store_path` in `form` (one of FORMATS) to the file or folder `output`, or for
    every form but csv with no `output`, to the stream `out`.

    Raises StoreError (the store cannot be read), UnknownId (no such topic or party), OutputError (the output
    cannot be written; OutputExists if it exists and `force` is false) and ValueError for a form it does not know
    or CSV with nowhere to go."""
    if form not in FORMATS:
        raise ValueError(f"no export format {form!r}; choose one of {', '.join(FORMATS)}")
    if output is None and (form == "csv" or out is None):
        raise ValueError(f"an export to {form} needs a {'folder' if form == 'csv' else 'file'} to write to")
    if output is not None and Path(output).resolve() == Path(store_path).resolve():
        raise OutputError(f"{output}: is the store being exported; give the export another name")
    connection = open_store(store_path)
    try:
        selection = select(connection, topic=topic, party=party, filters=filters)
        if form == "csv":
            assert output is not None  # refused above
            with new_folder_files(output, force=force) as folder:
                write_csv_tables(connection, selection, folder)
                if not selection.whole:
                    (folder / "selection.txt").write_text(_selection_note(connection, selection), encoding="utf-8")
            return
        writers = {"md": write_brief, "json": write_json, "timelinejs": write_timelinejs, "argdown": write_argdown}
        write = writers[form]
        if output is None:
            assert out is not None  # refused above
            write(connection, selection, out)
            return
        with new_text_file(output, force=force) as handle:
            write(connection, selection, handle)
    except sqlite3.Error as err:
        raise StoreError(store_path, f"cannot be read ({err})", "check it with `parlertui check`") from None
    finally:
        connection.close()


def write_json(connection: sqlite3.Connection, selection: Selection, out: TextIO) -> None:
    """Write the selected rows of every table as a JSON record: its format, the schema version, the selection,
    and per table (in TABLE_ORDER) its rows as objects of every column, in the order they were written."""
    chosen: dict[str, object] | None = None
    if not selection.whole:
        chosen = {"topic": selection.topic, "party": selection.party}
        if selection.filtered:
            chosen["filters"] = filters_record(selection.filters)
    out.write(
        f'{{\n  "format": "{RECORD_FORMAT}",\n  "schema_version": {SCHEMA_VERSION},\n'
        f'  "selection": {json.dumps(chosen)},\n  "tables": {{'
    )
    for number, table in enumerate(TABLE_ORDER):
        columns = table_columns(connection, table)
        out.write(f'{"," if number else ""}\n    "{table}": [')
        separator = "\n"
        for row in table_rows(connection, table, columns, selection):
            out.write(
                separator
                + "      "
                + json.dumps(
                    dict(zip(columns, row, strict=True)),
                    ensure_ascii=False,
                    default=functools.partial(_not_json, table),
                )
            )
            separator = ",\n"
        out.write("]" if separator == "\n" else "\n    ]")
    out.write("\n  }\n}\n")


def write_csv_tables(connection: sqlite3.Connection, selection: Selection, folder: Path) -> None:
    """Write the selected rows of every table to `folder`/TABLE.csv, a header of its columns first."""
    for table in TABLE_ORDER:
        columns = table_columns(connection, table)
        with (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerows(table_rows(connection, table, columns, selection))


def _selection_note(connection: sqlite3.Connection, selection: Selection) -> str:
    """What a narrowed set of CSV tables holds, for a file beside them (a CSV file has no place to say so)."""
    parts = []
    if selection.topic is not None:
        parts.append(f"Only the topic {selection.topic!r} and the events its quotes come from.")
    if selection.party is not None:
        parts.append(f"Only what involves the party {selection.party!r}.")
    if selection.filtered:
        parts.append(f"Narrowed by the filters: {describe_filters(connection, selection.filters)}.")
    return "These tables hold part of the record. " + " ".join(parts) + "\n"


def _not_json(table: str, value: object) -> object:
    raise OutputError(f"a row of {table} holds {type(value).__name__} data, which a JSON record cannot carry")
