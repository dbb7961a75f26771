"""What each command of the command line does (the arguments are read in parlertui/arguments.py): build, check,
verify, export, datasette-metadata, synth, serve, and the app itself.

Every failure the user can cause is a UserError, which parlertui/cli.py prints in one line before exiting 2.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from parlertui.locations import bundled_dataset, is_installed
from parlertui.serve_options import end_with_the_server, under_web_driver

if TYPE_CHECKING:
    from parlertui.store.filters import Filters

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2
EXIT_BROKEN_PIPE = 141  # as a shell reports a program stopped by SIGPIPE: the reader of its output went away
EXIT_INTERRUPTED = 130
FRAMES_PER_SECOND = 120  # the most the app draws; unless TEXTUAL_FPS says otherwise


class UserError(Exception):
    """Bad input, explained in one line."""


def run_new(folder: Path, title: str | None, timezone: str) -> int:
    from parlertui.store.output_files import OutputError, OutputExists
    from parlertui.store.skeleton import SkeletonError, write_skeleton

    try:
        written = write_skeleton(folder, title, timezone)
    except SkeletonError as err:
        raise UserError(f"--timezone: {err}") from None
    except OutputExists:
        raise UserError(f"{folder}: holds files already; give a new or empty folder (nothing was written)") from None
    except OutputError as err:
        if folder.exists() and not folder.is_dir():
            raise UserError(f"{folder}: is a file; give the name of a new folder (nothing was written)") from None
        raise UserError(str(err)) from None
    import shlex

    store = folder.resolve().parent / "events.sqlite"
    print(f"wrote a new dataset in {folder}: {', '.join(path.name for path in written)}")
    print("its README.md gives the rules; build it and open it with:")
    print(f"  parlertui build {shlex.quote(str(folder))}\n  parlertui --db {shlex.quote(str(store))}")
    return EXIT_OK


def run_build(source: Path | None, output: Path | None, force: bool = False) -> int:
    from parlertui.store.build import BuildError, OutputError, build_store, build_store_from_record
    from parlertui.store.output_files import not_a_store

    from_record = source is not None and source.suffix.lower() == ".json" and not source.is_dir()
    if output is None:
        if from_record:
            raise UserError(
                "give the store to write with -o: a store built from a JSON record is a new file, "
                "e.g. `parlertui build record.json -o record.sqlite`"
            )
        if source is None and is_installed():
            raise UserError(
                "give the store to write with -o: an installed parlertui's bundled store is not rebuilt in place"
            )
        output = (source or bundled_dataset()).resolve().parent / "events.sqlite"
    source = source or bundled_dataset()
    if not force and (what := not_a_store(output)):
        raise UserError(
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
        raise UserError(str(err)) from err
    counts = result.counts
    print(
        f"built {result.path}: {counts['events']} events, {counts['parties']} parties, "
        f"{counts['quotes']} quotes, {counts['sources']} sources, {counts['topics']} topics, "
        f"{counts['arguments']} arguments"
    )
    return EXIT_OK


def run_check(path: Path) -> int:
    from parlertui.store.check import check_store
    from parlertui.store.open import StoreError

    try:
        report = check_store(path)
    except StoreError as err:
        raise UserError(str(err)) from err
    if report.clean:
        counts = ", ".join(f"{count} {table}" for table, count in report.counts.items())
        print(f"{path}: clean ({counts})")
        return EXIT_OK
    for problem in report.problems:
        print(f"problem: {problem}")
    print(f"{path}: {len(report.problems)} problem(s)")
    return EXIT_PROBLEMS


def run_verify(path: Path, folders: list[Path]) -> int:
    from parlertui.store.open import StoreError
    from parlertui.store.verify import VerifyError, text_start, verify_store

    try:
        report = verify_store(path, folders)
    except (StoreError, VerifyError) as err:
        raise UserError(str(err)) from err
    for quote in report.missing:
        print(f"not found verbatim: quote {quote.id!r} (source {quote.source_id!r}): {text_start(quote.text)!r}")
    if not report.quotes:
        print(f"{path}: holds no quotes, so none could be verified")
    print(f"{report.found}/{report.quotes} quotes found verbatim in {report.texts} source texts")
    return EXIT_OK if report.passed else EXIT_PROBLEMS


def export_filters(args: argparse.Namespace) -> Filters:
    """The export's filters, each date read as the app reads one typed in its dialogs."""
    from parlertui.store.filters import FilterError, Filters, parse_day

    days = {}
    for name, option in (("start", "--from"), ("end", "--to"), ("as_of", "--as-of")):
        text = getattr(args, name)
        try:
            days[name] = parse_day(text) if text is not None else None
        except FilterError as err:
            raise UserError(f"{option} {text}: {err}") from None
    if days["start"] and days["end"] and days["start"] > days["end"]:
        raise UserError(f"--from {args.start} is after --to {args.end}: no day is in that range")
    return Filters(side=args.side, kind=args.kind, source=args.source, **days)


def run_export(
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
        raise UserError("csv is written as one file per table: give the folder to write them in with -o")
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
        raise UserError(f"{err}; {remedy}") from err
    except (StoreError, UnknownId, OutputError) as err:
        raise UserError(str(err)) from err
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so closing stdout at exit cannot fail
        return EXIT_BROKEN_PIPE
    if output is not None:
        print(f"exported {path} as {form} to {output}")
    return EXIT_OK


def run_datasette_metadata(path: Path, output: Path | None, force: bool) -> int:
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
        raise UserError(f"{err}; give another name, or add --force to overwrite it") from err
    except (StoreError, OutputError) as err:
        raise UserError(str(err)) from err
    print(f"wrote Datasette's metadata for {path} to {output}; browse with: datasette -i {path} --metadata {output}")
    return EXIT_OK


def run_synth(output: Path, events: int, quotes: int, seed: int, force: bool, sides: int = 2) -> int:
    from parlertui.store.build import OutputError
    from parlertui.store.synth import synth_store

    for name, count in (("--events", events), ("--quotes", quotes)):
        if count < 0:
            raise UserError(f"{name} must be 0 or more, not {count}")
    from parlertui.store.schema import MAX_SIDES

    if not 2 <= sides < MAX_SIDES:
        raise UserError(f"--sides must be from 2 to {MAX_SIDES - 1} (the court is one more), not {sides}")
    try:
        result = synth_store(output, events, quotes, seed, sides=sides, force=force)
    except OutputError as err:
        raise UserError(str(err)) from err
    counts = result.counts
    print(
        f"synthesized {result.path} in {result.seconds:.1f}s: {counts['events']} events, {counts['quotes']} "
        f"quotes, {counts['parties']} parties, {counts['sources']} sources, {counts['topics']} topics, "
        f"{counts['arguments']} arguments"
    )
    return EXIT_OK


def run_serve(path: Path, args: argparse.Namespace) -> int:
    from parlertui.serve import ServeError, serve

    try:
        return serve(path, args)
    except ServeError as err:
        raise UserError(str(err)) from err


def run_app(path: Path) -> int:
    from parlertui.store.open import StoreError
    from parlertui.store.queries import Store

    try:
        store = Store(path)
    except StoreError as err:
        raise UserError(str(err)) from err

    web = under_web_driver()
    if not (sys.stdin.isatty() and sys.stdout.isatty()) and not web:
        store.close()
        raise UserError(
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
    from parlertui.app import ParlertuiApp

    with store:
        app = ParlertuiApp(store, first_screen.result(), owns_gc=True)
        app.run()
    return app.return_code or EXIT_OK
