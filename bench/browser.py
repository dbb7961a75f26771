"""The benchmark of issue 15: parlertui in a browser (`parlertui serve`) against the terminal.
`flock /tmp/parlertui-bench.lock python bench/browser.py` (it uses bench/run.py's private tmux server).

On the bundled store, `--runs` times (default 5) after one warm-up run, taking turns:

- first screen in the terminal: as bench/run.py measures it (tmux 120x40, from starting the session to the
  timeline showing 2021-01-06);
- first screen in a browser: one `parlertui serve` already listening (as a server is), a new tab in headless
  Chromium from opening the address to its terminal showing 2021-01-06 (the page, textual-serve's script, the
  websocket, and the session: the spare process the server started ahead of the tab, which has drawn its first
  screen at the last tab's size, or a new process when there is no spare);
- key to repaint in the browser: on the tab's first screen, settled and clicked (so the app has the focus, as a
  reader's has), `j` and `k` in turns, each from sending the key in the page (as xterm does on a key press) to
  the first frame painted after the app's answer reached the terminal (the screen was still before the key, so
  the first output after it is the key's repaint, as bench/run.py's first changed screen is), timed in the page
  (performance.now), so no browser-driving round trip counts;
- memory per session: VmHWM of each session's process, read once its screen has settled, against the terminal
  app's; and of the spare process that waits for the next tab (its first screen drawn, no reader yet).

Then 8 tabs opened at once: how long until all show their first screen. Targets: first screen in the browser
within 2x of the terminal's (medians), keys under 50 ms (median). Exit 1 if one is missed, 2 if it cannot run.
Noisy on a shared machine; not part of the test suite. No tab, server or app outlives it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
from bench.run import Bench, BenchError, Case, parlertui_command  # noqa: E402
from webtools import CHROMIUM, focus_terminal, hook_terminals, launch, screen_text, served  # noqa: E402

MARKER = "2021-01-06"
TARGET_START_RATIO, TARGET_KEY_MEDIAN = 2.0, 0.050
VIEWPORT = {"width": 1180, "height": 780}  # about 120x40 cells at the page's 16 px font, as bench/run.py's tmux
KEY_TO_PAINT = """async ([key, timeout]) => {
    const t = window.terminals[0], term = t.terminal;
    return await new Promise((resolve) => {
        const start = performance.now();
        const limit = setTimeout(() => { listener.dispose(); resolve(null); }, timeout);
        const listener = term.onWriteParsed(() => {
            listener.dispose();
            clearTimeout(limit);
            requestAnimationFrame(() => resolve((performance.now() - start) / 1000));
        });
        t.socket.send(JSON.stringify(["stdin", key]));
    });
}"""


def wait_for(page, text: str, timeout: float) -> float:
    start = time.perf_counter()
    while text not in screen_text(page):
        if time.perf_counter() - start > timeout:
            raise BenchError(f"the tab showed no {text!r} in {timeout:.0f} s; its screen:\n{screen_text(page)}")
        time.sleep(0.005)
    return time.perf_counter() - start


def wait_until_still(page, quiet: float = 0.3, limit: float = 30.0) -> None:
    last, since, start = screen_text(page), time.perf_counter(), time.perf_counter()
    while time.perf_counter() - since < quiet and time.perf_counter() - start < limit:
        time.sleep(0.02)
        screen = screen_text(page)
        if screen != last:
            last, since = screen, time.perf_counter()


def peak_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")) / 1024


def only_the_spare_left(server, limit: float = 30.0) -> None:
    """Wait until the last tab's process has ended: one process left, the spare."""
    start = time.perf_counter()
    while len(server.session_pids()) != 1 and time.perf_counter() - start < limit:
        time.sleep(0.02)


def browser_run(browser, server, keys: int) -> tuple[float, list[float | None], float, float | None, str]:
    """One tab: its first screen, `keys` keys to repaint, its session's peak memory and the next spare's, its size
    in cells."""
    context = browser.new_context(viewport=VIEWPORT)
    hook_terminals(context)
    page = context.new_page()
    only_the_spare_left(server)
    before = set(server.session_pids())
    try:
        start = time.perf_counter()
        page.goto(server.url, wait_until="commit")
        wait_for(page, MARKER, 120)
        first = time.perf_counter() - start  # the page's load included
        focus_terminal(page)
        wait_until_still(page)
        times = []
        for n in range(keys):
            times.append(page.evaluate(KEY_TO_PAINT, ["jk"[n % 2], 5000]))
            wait_until_still(page, quiet=0.15)
        now = set(server.session_pids())
        (pid,) = (before & now) or (now - before)  # the spare the tab took, or a process of its own
        spare = min(now - {pid}, default=None)  # started for the next tab
        size = page.evaluate("() => `${window.terminals[0].terminal.cols}x${window.terminals[0].terminal.rows}`")
        return first, times, peak_mb(pid), None if spare is None else peak_mb(spare), size
    finally:
        context.close()


def all_at_once(browser, server, tabs: int) -> float:
    contexts = []
    start = time.perf_counter()
    try:
        pages = []
        for _ in range(tabs):
            context = browser.new_context(viewport=VIEWPORT)
            contexts.append(context)
            hook_terminals(context)
            page = context.new_page()
            page.goto(server.url, wait_until="commit")
            pages.append(page)
        for page in pages:
            wait_for(page, MARKER, 300)
        return time.perf_counter() - start
    finally:
        for context in contexts:
            context.close()


def row(name: str, values: list[float], scale: float, unit: str) -> None:
    print(f"{name:48}{min(values) * scale:>10.0f}{statistics.median(values) * scale:>10.0f} {unit}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=20, help="keys timed per browser run")
    parser.add_argument("--tabs", type=int, default=8, help="tabs opened at once at the end")
    args = parser.parse_args()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("bench/browser.py needs playwright: pip install -e '.[test]'", file=sys.stderr)
        return 2
    if not Path(CHROMIUM).exists():
        print(f"bench/browser.py needs Chromium at {CHROMIUM}", file=sys.stderr)
        return 2

    terminal = Case("terminal, bundled store", parlertui_command(), MARKER)
    browser_starts: list[float] = []
    keys: list[float] = []
    missed_keys = 0
    browser_rss: list[float] = []
    spare_rss: list[float] = []
    size = ""
    bench = Bench()
    bench.open()
    try:
        with served("--max-sessions", str(max(8, args.tabs))) as server, sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                for run in range(args.runs + 1):
                    bench.run(terminal, None, 60)
                    first, times, rss, spare, size = browser_run(browser, server, args.keys)
                    if run == 0:  # the warm-up
                        terminal.starts.clear()
                        terminal.rss.clear()
                        continue
                    browser_starts.append(first)
                    keys.extend(t for t in times if t is not None)
                    missed_keys += sum(t is None for t in times)
                    browser_rss.append(rss)
                    spare_rss.extend([] if spare is None else [spare])
                together = all_at_once(browser, server, args.tabs)
            finally:
                browser.close()
    except BenchError as err:
        print(f"bench/browser.py: {err}", file=sys.stderr)
        return 2
    finally:
        bench.close()

    print(f"{args.runs} runs of each after a warm-up; tmux 120x40, the browser's terminal {size}\n")
    print(f"{'':48}{'min':>10}{'median':>10}")
    row("first screen: terminal", terminal.starts, 1000, "ms")
    row("first screen: browser (new tab)", browser_starts, 1000, "ms")
    row(f"key to repaint: browser (j/k, {len(keys)} keys)", keys, 1000, "ms")
    row("peak memory: terminal app", terminal.rss, 1, "MB")
    row("peak memory: browser session's process", browser_rss, 1, "MB")
    if spare_rss:
        row("peak memory: spare process (no tab yet)", spare_rss, 1, "MB")
    print(f"{args.tabs} tabs opened at once: all on their first screen after {together * 1000:.0f} ms")
    if missed_keys:
        print(f"{missed_keys} keys showed no change within 5 s")
    ratio = statistics.median(browser_starts) / statistics.median(terminal.starts)
    key_median = statistics.median(keys)
    print(
        f"\nbrowser/terminal first screen: {ratio:.2f}x (target {TARGET_START_RATIO}x); "
        f"key median {key_median * 1000:.0f} ms (target {TARGET_KEY_MEDIAN * 1000:.0f} ms)"
    )
    return 0 if ratio <= TARGET_START_RATIO and key_median < TARGET_KEY_MEDIAN and not missed_keys else 1


if __name__ == "__main__":
    sys.exit(main())
