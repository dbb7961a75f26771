"""Driving `parlertui serve` in headless Chromium, for the browser tests and bench/browser.py.

xterm.js draws on a canvas, and textual-serve's script keeps its terminal in a closure. So the page's script is
served to the browser with one statement added, which hands each terminal to `window.terminals`; the tests then
read what xterm itself holds (`terminal.buffer.active`), row by row, as a reader sees it. Nothing else in the
page changes, and the server is the real one.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
HOOK_BEFORE = "t.fit(),s||t.connect()"
HOOK_AFTER = "(window.terminals=window.terminals||[]).push(t),t.fit(),s||t.connect()"
READ_SCREEN = """() => {
    const terminal = (window.terminals || [])[0];
    if (!terminal) return "";
    const buffer = terminal.terminal.buffer.active, rows = [];
    for (let y = 0; y < terminal.terminal.rows; y++) {
        const line = buffer.getLine(y);
        rows.push(line ? line.translateToString(true) : "");
    }
    return rows.join("\\n");
}"""


def browser_or_skip() -> Any:
    """Playwright's sync API, with Chromium at /usr/bin/chromium; a skip when either is missing, a failure under
    CI (whose run installs both)."""
    problem = None
    if not Path(CHROMIUM).exists():
        problem = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    try:
        from playwright import sync_api
    except ImportError:
        problem = problem or "no playwright (pip install -e '.[test]')"
        sync_api = None
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must have a browser: {problem}")
        pytest.skip(problem)
    return sync_api


def launch(playwright: Any) -> Any:
    return playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    )


_SCRIPTS: dict[str, str] = {}


def hook_terminals(context: Any) -> None:
    """Serve textual-serve's script with its terminals handed to `window.terminals` (see the module's note)."""

    def rewrite(route: Any) -> None:
        if route.request.url not in _SCRIPTS:  # fetched once: each tab's own fetch would go through Python
            body = route.fetch().text()
            if HOOK_BEFORE not in body:
                raise AssertionError("textual-serve's script has changed: tests/webtools.py cannot reach its terminal")
            _SCRIPTS[route.request.url] = body.replace(HOOK_BEFORE, HOOK_AFTER, 1)
        route.fulfill(body=_SCRIPTS[route.request.url], content_type="application/javascript")

    context.route("**/static/js/textual.js", rewrite)


def screen_text(page: Any) -> str:
    return str(page.evaluate(READ_SCREEN))


def wait_for_text(page: Any, text: str, timeout: float = 30.0) -> str:
    """The screen once it shows `text`; AssertionError with the last screen after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = screen_text(page)
        if text in screen:
            return screen
        page.wait_for_timeout(20)  # the page's own loop runs meanwhile: a poll, not a verdict
    raise AssertionError(f"the page never showed {text!r}; its screen:\n{screen}")


def focus_terminal(page: Any) -> None:
    """Keys reach the app only once xterm has the focus."""
    page.locator(".xterm-screen").click(position={"x": 4, "y": 4})  # the title row: a click there changes nothing
    page.wait_for_function(
        "document.activeElement && document.activeElement.classList.contains('xterm-helper-textarea')"
    )


class Served:
    """A `parlertui serve` process on a free port of 127.0.0.1, and the address it printed."""

    def __init__(self, process: subprocess.Popen[str], url: str) -> None:
        self.process, self.url = process, url
        self.output: list[str] = []
        self.errors: list[str] = []

    def session_pids(self) -> list[int]:
        return children(self.process.pid)

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 20.0) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(f"parlertui serve did not stop within {timeout:.0f} s of signal {sig}") from None


def children(pid: int) -> list[int]:
    """The live processes whose parent is `pid` (Linux)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            name, rest = stat.read_text().rsplit(") ", 1)
        except (OSError, ValueError):
            continue
        fields = rest.split()
        if int(fields[1]) == pid and fields[0] not in "ZX":
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1][:1] not in "ZX"
    except (OSError, IndexError):
        return False


@contextmanager
def served(*options: str, db: Path | None = None, cwd: Path | None = None) -> Iterator[Served]:
    command = [sys.executable, "-m", "parlertui", "serve", "--port", "0", *options]
    if db is not None:
        command += ["--db", str(db)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("TEXTUAL_DRIVER", None)
    env.pop("PARLERTUI_DB", None)
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)
    assert process.stdout is not None
    line = process.stdout.readline()  # blocks until the server prints its address, or ends
    found = re.search(r"http://\S+/", line)
    if not found:
        process.kill()
        raise AssertionError(f"parlertui serve printed {line!r}, then: {process.communicate()[1]}")
    server = Served(process, found.group(0))
    for stream, kept in ((process.stdout, server.output), (process.stderr, server.errors)):
        threading.Thread(target=_drain, args=(stream, kept), daemon=True).start()  # a full pipe would stall it
    try:
        yield server
    finally:
        if process.poll() is None:
            server.stop()
        process.wait()


def _drain(stream: Any, kept: list[str]) -> None:
    for line in stream:
        kept.append(line)
