"""`parlertui serve`'s options, and how a session started by it knows it runs in a browser. Cheap to import: the
command line reads it on every start; the server itself is in parlertui/serve.py."""

from __future__ import annotations

import argparse
import os

DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_SESSIONS = "127.0.0.1", 8000, 8
IDLE_MINUTES = 30.0
"""A session that has had no key, click or resize from its reader for this long is closed, and its process ends:
long enough to read a long detail or step away for a coffee, short enough that tabs left open do not keep the
server's sessions (and memory) for the day."""

SERVER_PID = "PARLERTUI_SERVER_PID"
"""The server's process id, in its sessions' environment: a session spawned just before its server was killed may
find itself an orphan already when it starts watching for its server's end."""

WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
"""What textual-serve sets TEXTUAL_DRIVER to for each session's process, which it runs over pipes."""


def under_web_driver() -> bool:
    """True in a session textual-serve started: its input and output are pipes to the server, not a terminal,
    and Textual draws for a browser."""
    return os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER


def check_ranges(port: int, max_sessions: int, idle_minutes: float) -> str | None:
    """What is wrong with the numbers given, in one line; None when they are fine."""
    if not 0 <= port <= 65535:
        return f"port {port} is out of range: give one from 1 to 65535 (or 0 for any free port)"
    if max_sessions < 1:
        return f"--max-sessions must be at least 1, not {max_sessions}"
    if not 0 < idle_minutes < float("inf"):
        return f"--idle-minutes must be a positive number of minutes, not {idle_minutes:g}"
    return None


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"the address to listen on (default: {DEFAULT_HOST}, this machine only); anyone who can reach "
        "another address can read the store",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"the port to listen on (default: {DEFAULT_PORT}; 0: any free one)",
    )
    parser.add_argument(
        "--max-sessions",
        type=int,
        default=DEFAULT_MAX_SESSIONS,
        metavar="N",
        help=f"at most this many browser sessions at once, each its own process (default: {DEFAULT_MAX_SESSIONS}); "
        "a tab over the limit gets a page saying so",
    )
    parser.add_argument(
        "--idle-minutes",
        type=float,
        default=IDLE_MINUTES,
        metavar="M",
        help=f"close a session after this many minutes without a key or click from its reader "
        f"(default: {IDLE_MINUTES:g})",
    )
    parser.add_argument(
        "--no-spare",
        action="store_true",
        help="start a tab's session when the tab opens, not one ahead of it (one process less while nobody "
        "reads; each tab's first screen comes later)",
    )


def end_with_the_server(poll: float = 1.0) -> None:
    """In a session: end this process when the server that started it is gone (killed without the chance to stop
    its sessions), instead of living on with no reader. The web driver quits the app on SIGTERM."""
    import signal
    import threading
    import time

    try:
        server = int(os.environ[SERVER_PID])
    except (KeyError, ValueError):
        server = os.getppid()

    def watch() -> None:
        while os.getppid() == server:
            time.sleep(poll)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="end-with-the-server", daemon=True).start()
