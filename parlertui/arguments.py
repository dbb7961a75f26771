"""The command line's arguments: every command and its options, and one line (exit 2) for arguments it does not
take. Cheap to import: read on every start, the app's included."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NoReturn

from parlertui import __version__
from parlertui.commands import EXIT_BAD_INPUT
from parlertui.locations import DB_ENV
from parlertui.serve_options import add_serve_arguments

EXPORT_FORMATS = ("md", "json", "csv", "timelinejs", "argdown")


class _Parser(argparse.ArgumentParser):
    """Bad arguments (an unknown command, format or option) get one line and exit 2, as all bad input does."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


def parser() -> argparse.ArgumentParser:
    """Every command and option of `parlertui`."""
    parser = _Parser(
        prog="parlertui",
        description="Explore a public dispute event by event, party by party, argument by argument.",
        epilog=f"With no command, opens the app on the store given by --db, ${DB_ENV}, or the bundled one.",
    )
    parser.add_argument("--version", action="version", version=f"parlertui {__version__}")
    parser.add_argument("--db", metavar="PATH", help=f"the store to open (default: ${DB_ENV} or the bundled store)")
    parser.add_argument("--debug", action="store_true", help="show the traceback after an error message")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    new = commands.add_parser(
        "new",
        help="write the dataset of a new dispute, to fill in",
        description="Write a dataset folder for a new dispute: dispute.toml with three sides to rename (two that "
        "argue, a court that decides), the other files empty but for a commented example each, and a README of the "
        "format and the rules of the record. It builds at once. The folder must be new or empty.",
    )
    new.add_argument("folder", type=Path, metavar="DIR", help="the folder to write (new, or empty)")
    new.add_argument("--title", metavar="TITLE", help="the dispute's title (default: the folder's name)")
    new.add_argument(
        "--timezone", default="UTC", metavar="ZONE", help="its home time zone, e.g. Europe/Berlin (default: UTC)"
    )

    build = commands.add_parser(
        "build",
        help="validate a dataset and build a store from it",
        description="Validate a dataset folder and build an SQLite store from it. "
        "Nothing is written unless the whole dataset is valid.",
    )
    build.add_argument(
        "source",
        nargs="?",
        type=Path,
        metavar="SRC",
        help="the dataset folder, or a FILE.json record written by `parlertui export --format json` "
        "(default: the bundled dataset)",
    )
    build.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="DB",
        help="the store to write (default: events.sqlite beside the dataset folder, which is "
        "db/events.sqlite for the bundled dataset; required for a JSON record)",
    )
    build.add_argument(
        "--force",
        action="store_true",
        help="replace an existing file that is not a parlertui store (a store is always rebuilt)",
    )

    check = commands.add_parser(
        "check",
        help="check that a store is whole, sourced and up to date",
        description="Check a store: schema version, foreign keys, full-text indexes, "
        "sources of every event and quote. Exit 1 if anything is wrong.",
    )
    check.add_argument(
        "store",
        nargs="?",
        type=Path,
        metavar="DB",
        help=f"the store to check (default: --db, ${DB_ENV} or the bundled store)",
    )

    synth = commands.add_parser(
        "synth",
        help="write a large synthetic store, to measure the app on",
        description="Write a valid store of made-up events, parties, quotes and arguments "
        "(see parlertui/store/synth.py for the words planted for search). "
        "The same seed writes the same rows.",
    )
    synth.add_argument("--events", type=int, default=100_000, metavar="N", help="events to make (default: 100000)")
    synth.add_argument("--quotes", type=int, default=1_000_000, metavar="M", help="quotes to make (default: 1000000)")
    synth.add_argument("--seed", type=int, default=0, metavar="S", help="the random seed (default: 0)")
    synth.add_argument(
        "--sides", type=int, default=2, metavar="N", help="sides that argue, before a court that decides (default: 2)"
    )
    synth.add_argument("-o", "--output", type=Path, metavar="DB", required=True, help="the store to write")
    synth.add_argument("--force", action="store_true", help="replace the store if it exists")

    verify = commands.add_parser(
        "verify",
        help="check that every quote is word for word in the source texts",
        description="Check every quote in a store against the source texts (*.txt and *.md "
        "files) in the given folders. Only typography is forgiven: curly quotes, "
        "dashes, ellipses, non-breaking spaces and runs of whitespace. Exit 1 if "
        "any quote is not found.",
    )
    verify.add_argument(
        "--sources",
        action="append",
        type=Path,
        required=True,
        metavar="DIR",
        help="a folder of source texts (give --sources again for more folders)",
    )
    verify.add_argument(
        "store",
        nargs="?",
        type=Path,
        metavar="DB",
        help=f"the store to verify (default: --db, ${DB_ENV} or the bundled store)",
    )

    export = commands.add_parser(
        "export",
        help="write the record as a Markdown brief, a JSON record or CSV tables",
        description="Export a store: md, a brief to read (the timeline, each topic argued side by "
        "side with the deciding body's findings and the outcome, every quote cited); json, "
        "every row of every table, which `parlertui build FILE.json -o DB` builds "
        "back; csv, one file per table. Never overwrites without --force.",
    )
    export.add_argument(
        "--format",
        dest="form",
        choices=EXPORT_FORMATS,
        default="md",
        help="md, json, csv, timelinejs (TimelineJS 3 JSON) or argdown (an Argdown argument map) (default: md)",
    )
    narrowed = export.add_mutually_exclusive_group()
    narrowed.add_argument("--topic", metavar="ID", help="only this topic and the events its quotes come from")
    narrowed.add_argument(
        "--party",
        metavar="ID",
        help="only what involves this party: its events, its quotes, the arguments it made or that cite its quotes",
    )
    narrowing = export.add_argument_group(
        "filters", "narrow the export as the app's filters narrow the timeline and the quotes (f and d in the app)"
    )
    narrowing.add_argument(
        "--side", metavar="SIDE", help="only this side's events and quotes (a side's id, as dispute.toml declares it)"
    )
    narrowing.add_argument(
        "--kind", metavar="KIND", help="only events of this kind (filing, ruling, ...) and their quotes"
    )
    narrowing.add_argument("--source", metavar="ID", help="only the events and quotes drawn from this source")
    narrowing.add_argument(
        "--from", dest="start", metavar="DATE", help="only from this day on (YYYY-MM-DD, YYYY-MM, YYYY)"
    )
    narrowing.add_argument("--to", dest="end", metavar="DATE", help="only up to this day")
    narrowing.add_argument(
        "--as-of", dest="as_of", metavar="DATE", help="the record as it stood at the end of this day, as `d` shows it"
    )
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="PATH",
        help="the file to write (md and json: default standard output); for csv the folder, required",
    )
    export.add_argument(
        "--force",
        action="store_true",
        help="overwrite an existing file (csv: replace the table files in a folder that has files)",
    )
    export.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="PATH",
        help=f"the store to export (default: ${DB_ENV} or the bundled store)",
    )

    datasette = commands.add_parser(
        "datasette-metadata",
        help="write Datasette's metadata for a store",
        description="Write metadata for Datasette (below 1.0) to browse a store with: its title, source and "
        "licence, every table and column described, labels for links, full-text search, sort orders. "
        "Then: datasette -i STORE --metadata FILE",
    )
    datasette.add_argument("-o", "--output", type=Path, metavar="FILE", help="the file to write (default: stdout)")
    datasette.add_argument("--force", action="store_true", help="overwrite an existing file")
    datasette.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="PATH",
        help=f"the store to describe (default: ${DB_ENV} or the bundled store)",
    )

    serve = commands.add_parser(
        "serve",
        help="serve the app to web browsers, a session per tab",
        description="Serve the app over HTTP with textual-serve: each browser tab gets a session of its own, "
        "which opens the store read-only. Listens on 127.0.0.1 unless --host says otherwise.",
    )
    add_serve_arguments(serve)
    serve.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="PATH",
        help=f"the store to serve (default: ${DB_ENV} or the bundled store)",
    )
    return parser
