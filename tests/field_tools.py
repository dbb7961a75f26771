"""Finding the field's own tools that the export tests check parlertui's files with: TimelineJS and Argdown (npm,
pinned in tests/npm/package.json and its lockfile), Chromium (apt) and Datasette (the test extras).

A tool missing on a developer's machine skips its tests, saying how to install it; under CI (`CI=true`) it fails
them, so a CI run can never pass without having checked the files with the real tools.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
NPM_INSTALL = (
    "mkdir -p .cache/npm && cp tests/npm/package.json tests/npm/package-lock.json .cache/npm/ "
    "&& npm ci --prefix .cache/npm"
)


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def missing(what: str, how: str) -> None:
    """Skip the test (fail it under CI) because `what` is not installed; `how` says how to install it."""
    message = f"{what} is not installed ({how})"
    if under_ci():
        pytest.fail(f"CI=true and {message}", pytrace=False)
    pytest.skip(message)


def npm_folder() -> Path:
    """Where the npm packages are: $PARLERTUI_NPM_DIR, else .cache/npm in the checkout (git ignores it)."""
    return Path(os.environ.get("PARLERTUI_NPM_DIR") or ROOT / ".cache" / "npm")


def npm_package(name: str) -> Path:
    folder = npm_folder() / "node_modules" / name
    if not (folder / "package.json").is_file():
        missing(f"the npm package {name}", f"run `{NPM_INSTALL}`")
    return folder


def argdown_command() -> list[str]:
    npm_package("@argdown/cli")
    node = shutil.which("node")
    if node is None:
        missing("node", "install Node.js 20")
    return [node, str(npm_folder() / "node_modules" / "@argdown" / "cli" / "dist" / "cli.js")]  # type: ignore[list-item]


def chromium() -> Path:
    if not os.access(CHROMIUM, os.X_OK):
        missing("chromium", "apt-get install -y chromium")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing("playwright (Python)", "pip install '.[test]'")
    return CHROMIUM


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002  (the standard library's name)
        pass


@contextlib.contextmanager
def http_server(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free loopback port for the block; yields the origin (`http://127.0.0.1:PORT`)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
