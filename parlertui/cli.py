"""The command line: `parlertui` starts the app; `build`, `check`, `verify`, `export`, `synth` and `--version` work
on stores. Its arguments are in parlertui/arguments.py, what each command does in parlertui/commands.py.

Every failure the user can cause ends in one clear message on stderr and a non-zero exit, never a traceback
(unless --debug asks for it). Exit codes: 0 fine, 1 `check` or `verify` found problems, 2 bad input.
"""

from __future__ import annotations

import sys
import traceback

from parlertui.arguments import parser
from parlertui.commands import (
    EXIT_BAD_INPUT,
    EXIT_INTERRUPTED,
    UserError,
    export_filters,
    run_app,
    run_build,
    run_check,
    run_datasette_metadata,
    run_export,
    run_new,
    run_serve,
    run_synth,
    run_verify,
)
from parlertui.locations import default_store


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command == "new":
            return run_new(args.folder, args.title, args.timezone)
        if args.command == "build":
            return run_build(args.source, args.output, args.force)
        if args.command == "check":
            return run_check(args.store or default_store(args.db))
        if args.command == "synth":
            return run_synth(args.output, args.events, args.quotes, args.seed, args.force, args.sides)
        if args.command == "verify":
            return run_verify(args.store or default_store(args.db), args.sources)
        if args.command == "export":
            return run_export(
                default_store(args.db), args.form, args.output, args.force, args.topic, args.party, export_filters(args)
            )
        if args.command == "datasette-metadata":
            return run_datasette_metadata(default_store(args.db), args.output, args.force)
        if args.command == "serve":
            return run_serve(default_store(args.db), args)
        return run_app(default_store(args.db))
    except KeyboardInterrupt:
        print("parlertui: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except UserError as err:
        print(f"parlertui: {err}", file=sys.stderr)
        if args.debug and err.__cause__ is not None:
            traceback.print_exception(err.__cause__)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
