"""The command line: `parlertui` starts the app; `build`, `check`, `verify`, `export`, `synth` and `--version` work
on stores.

Every failure the user can cause ends in one clear message on stderr and a non-zero exit, never a traceback
(unless --debug asks for it). Exit codes: 0 fine, 1 `check` or `verify` found problems, 2 bad input.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import traceback
from pathlib import Path
from typing import NoReturn
from typing import TYPE_CHECKING

from parlertui import __version__
from parlertui.locations import DB_ENV, bundled_dataset, default_store, is_installed
from parlertui.serve_options import add_serve_arguments, end_with_the_server, under_web_driver

if TYPE_CHECKING:
    from parlertui.store.filters import Filters

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2
EXIT_BROKEN_PIPE = 141  # as a shell reports a program stopped by SIGPIPE: the reader of its output went away
EXPORT_FORMATS = ("md", "json", "csv", "timelinejs", "argdown")
FRAMES_PER_SECOND = 120  # the most the app draws; unless TEXTUAL_FPS says otherwise


class _Parser(argparse.ArgumentParser):
    """Bad arguments (an unknown command, format or option) get one line and exit 2, as all bad input does."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="parlertui",
        description="Explore a public dispute event by event, party by party, argument by argument.",
        epilog=f"With no command, opens the app on the store given by --db, ${DB_ENV}, or the bundled one.",
    )
    parser.add_argument("--version", action="version", version=f"parlertui {__version__}")
    parser.add_argument("--db", metavar="PATH", help=f"the store to open (default: ${DB_ENV} or the bundled store)")
    parser.add_argument("--debug", action="store_true", help="show the traceback after an error message")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

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
        description="Export a store: md, a brief to read (the timeline, each topic with both "
        "sides, the court's finding and the outcome, every quote cited); json, "
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
        "--side", choices=("parler", "aws", "court", "other"), help="only this side's events and quotes"
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


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "build":
            return _build(args.source, args.output, args.force)
        if args.command == "check":
            return _check(args.store or default_store(args.db))
        if args.command == "synth":
            return _synth(args.output, args.events, args.quotes, args.seed, args.force)
        if args.command == "verify":
            return _verify(args.store or default_store(args.db), args.sources)
        if args.command == "export":
            return _export(
                default_store(args.db), args.form, args.output, args.force, args.topic, args.party, _filters(args)
            )
        if args.command == "datasette-metadata":
            return _datasette_metadata(default_store(args.db), args.output, args.force)
        if args.command == "serve":
            return _serve(default_store(args.db), args)
        return _run_app(default_store(args.db))
    except KeyboardInterrupt:
        print("parlertui: interrupted", file=sys.stderr)
        return 130
    except _UserError as err:
        print(f"parlertui: {err}", file=sys.stderr)
        if args.debug and err.__cause__ is not None:
            traceback.print_exception(err.__cause__)
        return EXIT_BAD_INPUT


class _UserError(Exception):
    """Bad input, explained in one line."""


def _build(source: Path | None, output: Path | None, force: bool = False) -> int:
    from parlertui.store.build import BuildError, OutputError, build_store, build_store_from_record
    from parlertui.store.output_files import not_a_store

    from_record = source is not None and source.suffix.lower() == ".json" and not source.is_dir()
    if output is None:
        if from_record:
            raise _UserError(
                "give the store to write with -o: a store built from a JSON record is a new file, "
                "e.g. `parlertui build record.json -o record.sqlite`"
            )
        if source is None and is_installed():
            raise _UserError(
                "give the store to write with -o: an installed parlertui's bundled store is not rebuilt in place"
            )
        output = (source or bundled_dataset()).resolve().parent / "events.sqlite"
    source = source or bundled_dataset()
    if not force and (what := not_a_store(output)):
        raise _UserError(
            f"{output}: exists and is not a parlertui store ({what}); give another name, or add --force to replace it"
        )
    try:
        result = build_store_from_record(source, output) if from_record else build_store(source, output)
    except BuildError as err:
        for problem in err.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"parlertui: {len(err.problems)} error(s) in {source}; nothing was written", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OutputError as err:
        raise _UserError(str(err)) from err
    counts = result.counts
    print(
        f"built {result.path}: {counts['events']} events, {counts['parties']} parties, "
        f"{counts['quotes']} quotes, {counts['sources']} sources, {counts['topics']} topics, "
        f"{counts['arguments']} arguments"
    )
    return EXIT_OK


def _check(path: Path) -> int:
    from parlertui.store.check import check_store
    from parlertui.store.open import StoreError

    try:
        report = check_store(path)
    except StoreError as err:
        raise _UserError(str(err)) from err
    if report.clean:
        counts = ", ".join(f"{count} {table}" for table, count in report.counts.items())
        print(f"{path}: clean ({counts})")
        return EXIT_OK
    for problem in report.problems:
        print(f"problem: {problem}")
    print(f"{path}: {len(report.problems)} problem(s)")
    return EXIT_PROBLEMS


def _verify(path: Path, folders: list[Path]) -> int:
    from parlertui.store.open import StoreError
    from parlertui.store.verify import VerifyError, text_start, verify_store

    try:
        report = verify_store(path, folders)
    except (StoreError, VerifyError) as err:
        raise _UserError(str(err)) from err
    for quote in report.missing:
        print(f"not found verbatim: quote {quote.id!r} (source {quote.source_id!r}): {text_start(quote.text)!r}")
    if not report.quotes:
        print(f"{path}: holds no quotes, so none could be verified")
    print(f"{report.found}/{report.quotes} quotes found verbatim in {report.texts} source texts")
    return EXIT_OK if report.passed else EXIT_PROBLEMS


def _filters(args: argparse.Namespace) -> Filters:
    """The export's filters, each date read as the app reads one typed in its dialogs."""
    from parlertui.store.filters import FilterError, Filters, parse_day

    days = {}
    for name, option in (("start", "--from"), ("end", "--to"), ("as_of", "--as-of")):
        text = getattr(args, name)
        try:
            days[name] = parse_day(text) if text is not None else None
        except FilterError as err:
            raise _UserError(f"{option} {text}: {err}") from None
    if days["start"] and days["end"] and days["start"] > days["end"]:
        raise _UserError(f"--from {args.start} is after --to {args.end}: no day is in that range")
    return Filters(side=args.side, kind=args.kind, source=args.source, **days)


def _export(
    path: Path,
    form: str,
    output: Path | None,
    force: bool,
    topic: str | None,
    party: str | None,
    filters: Filters | None = None,
) -> int:
    from parlertui.store.export import OutputError, OutputExists, UnknownId, export
    from parlertui.store.filters import NO_FILTERS
    from parlertui.store.open import StoreError

    if form == "csv" and output is None:
        raise _UserError("csv is written as one file per table: give the folder to write them in with -o")
    try:
        export(
            path, form, sys.stdout, output=output, force=force, topic=topic, party=party, filters=filters or NO_FILTERS
        )
    except OutputExists as err:
        remedy = (
            "give a new folder, or add --force to replace the table files in it"
            if form == "csv"
            else "give another name, or add --force to overwrite it"
        )
        raise _UserError(f"{err}; {remedy}") from err
    except (StoreError, UnknownId, OutputError) as err:
        raise _UserError(str(err)) from err
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so closing stdout at exit cannot fail
        return EXIT_BROKEN_PIPE
    if output is not None:
        print(f"exported {path} as {form} to {output}")
    return EXIT_OK


def _datasette_metadata(path: Path, output: Path | None, force: bool) -> int:
    import json

    from parlertui.store.datasette import datasette_metadata
    from parlertui.store.open import StoreError
    from parlertui.store.output_files import OutputError, OutputExists, new_text_file

    try:
        text = json.dumps(datasette_metadata(path), indent=2, ensure_ascii=False) + "\n"
        if output is None:
            sys.stdout.write(text)
            return EXIT_OK
        with new_text_file(output, force=force) as handle:
            handle.write(text)
    except OutputExists as err:
        raise _UserError(f"{err}; give another name, or add --force to overwrite it") from err
    except (StoreError, OutputError) as err:
        raise _UserError(str(err)) from err
    print(f"wrote Datasette's metadata for {path} to {output}; browse with: datasette -i {path} --metadata {output}")
    return EXIT_OK


def _synth(output: Path, events: int, quotes: int, seed: int, force: bool) -> int:
    from parlertui.store.build import OutputError
    from parlertui.store.synth import synth_store

    for name, count in (("--events", events), ("--quotes", quotes)):
        if count < 0:
            raise _UserError(f"{name} must be 0 or more, not {count}")
    try:
        result = synth_store(output, events, quotes, seed, force=force)
    except OutputError as err:
        raise _UserError(str(err)) from err
    counts = result.counts
    print(
        f"synthesized {result.path} in {result.seconds:.1f}s: {counts['events']} events, {counts['quotes']} "
        f"quotes, {counts['parties']} parties, {counts['sources']} sources, {counts['topics']} topics, "
        f"{counts['arguments']} arguments"
    )
    return EXIT_OK


def _serve(path: Path, args: argparse.Namespace) -> int:
    from parlertui.serve import ServeError, serve

    try:
        return serve(path, args)
    except ServeError as err:
        raise _UserError(str(err)) from err


def _run_app(path: Path) -> int:
    from parlertui.store.open import StoreError
    from parlertui.store.queries import Store

    try:
        store = Store(path)
    except StoreError as err:
        raise _UserError(str(err)) from err

    web = under_web_driver()
    if not (sys.stdin.isatty() and sys.stdout.isatty()) and not web:
        store.close()
        raise _UserError(
            "the app needs a terminal to run in (its input and output are not one); "
            "in a script, use `parlertui check` or `parlertui build`"
        )

    if web:
        end_with_the_server()
    from parlertui.store.first_screen import FirstScreenReader

    first_screen = FirstScreenReader(store)  # reads while the app's modules load
    # Textual draws at most 60 frames a second: a screen that follows the one before it closely (search results a
    # few ms after the echo of the word typed) waited up to 17 ms for the next frame. Read when Textual is imported.
    os.environ.setdefault("TEXTUAL_FPS", str(FRAMES_PER_SECOND))
    gc.disable()  # until the first screen is up: see parlertui/collector.py
    from parlertui.app import ParlerApp

    with store:
        app = ParlerApp(store, first_screen.result(), owns_gc=True)
        app.run()
    return app.return_code or EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
