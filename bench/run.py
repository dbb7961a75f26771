"""The benchmark of issue 5: is parlertui as quick on a store a thousand times larger? `python bench/run.py`.

Each app runs as a person runs it, in a real terminal: a tmux session 120x40 on a private server
(`tmux -L parlertui-bench`, so no other session is touched), whose screen is read with `capture-pane` every
5 ms. For each case, `--runs` times (default 7) after one warm-up run that is not counted, the cases taking
turns so that noise falls on all of them alike:

- start: from starting the session to the first screen with data (the modules compiled to bytecode first, as an
  installed app's are; an empty config folder, as a new reader's): a bare Textual app showing one line
  (bench/bare_app.py, the floor), parlertui on the bundled store (its timeline shows 2021-01-06), and parlertui
  on the big store (its timeline shows the date of its first event);
- peak memory: VmHWM of the app's process, read when its screen has settled, just before it is killed;
- key to repaint (`j`, PageDown, `G`, a date jump with `t`; the strip's `]`, `+`, `-`, and `5` to the quotes; then
  `j`, PageDown, `G` again with wrap mode on, in the timeline and in the quotes) and first search results (the last
  letter of a word
  in most quotes, in five, in none, typed into `/`) on the big store: from the key sent to the first screen
  showing its effect.

The big store is `parlertui synth` with its defaults (100,000 events, 1,000,000 quotes, seed 0, two sides and a
court; `--sides N` for more), written to bench/.cache/ the first time for each schema version and number of sides
(about half a minute; delete the folder to write it again).

Prints min and median of each, then the ratios the issue sets targets for (medians): start on the bundled store
within 1.3x of the bare app, start on the big store within 1.15x of the bundled store, peak memory on the big
store within 30 MB of the bundled store. Exit code 1 if a measured target is missed, 2 if the benchmark cannot
run. Not part of the test suite: too slow and too noisy for CI. No session or app process outlives it, even on
ctrl+c.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shlex
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CACHE = REPO / "bench" / ".cache"
BIG_EVENTS, BIG_QUOTES, BIG_SEED = 100_000, 1_000_000, 0
SOCKET, WIDTH, HEIGHT = "parlertui-bench", 120, 40
POLL, QUIET, SETTLE_TIMEOUT = 0.005, 0.3, 30.0
TARGETS = {
    "bundled/bare": 1.30,
    "big/bundled": 1.15,
    "rss": 30.0,
    "key median": 0.030,
    "key worst": 0.050,
    "search": 0.050,
}

sys.path.insert(0, str(REPO))
from bench.bare_app import MARKER as BARE_MARKER  # noqa: E402
from parlertui.store.synth import COMMON_WORD, MISSING_WORD, RARE_QUOTES, RARE_WORD  # noqa: E402

KEYS = {"j": "j", "PageDown": "NPage", "G": "G"}  # as the timeline knows them: as tmux's send-keys names them
# The strip over the timeline (issue 16): to the next period with events, zoom in and out, the quotes with theirs.
STRIP_KEYS = {"] (next period)": "]", "+ (zoom in)": "+", "- (zoom out)": "-", "5 (the quotes, their strip)": "5"}
WORDS = {COMMON_WORD: "in most quotes", RARE_WORD: f"in {RARE_QUOTES} quotes", MISSING_WORD: "in none"}
WRAPPED = {"timeline": "1", "quotes": "5"}  # the views measured again with wrap mode on (w), and their keys
INTERACTIONS = [
    *(f"key to repaint: {key}" for key in [*KEYS, "date jump", *STRIP_KEYS]),
    *(f"key to repaint, wrap on, {view}: {key}" for view in WRAPPED for key in KEYS),
    *(f"first search: {word} ({where})" for word, where in WORDS.items()),
]


class BenchError(Exception):
    """The benchmark cannot run or an app ended before showing its screen; `str()` says which."""


class TimedOut(Exception):
    """An app still running has not shown what was waited for in time."""


def tmux(*args: str) -> str:
    result = subprocess.run(["tmux", "-L", SOCKET, "-f", "/dev/null", *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise BenchError(f"tmux {args[0]} failed: {result.stderr.strip()}")
    return result.stdout


@dataclass
class RunningApp:
    """An app started in its own tmux session; what the hooks below get to drive it."""

    session: str
    pid: int

    def screen(self) -> str:
        return tmux("capture-pane", "-p", "-t", self.session)

    def painted(self) -> str:
        """The screen with its colours: a cursor that moves changes it even where the text does not."""
        return tmux("capture-pane", "-p", "-e", "-t", self.session)

    def send_keys(self, *keys: str) -> None:
        tmux("send-keys", "-t", self.session, *keys)

    def wait_for(self, seen: Callable[[str], bool], timeout: float) -> float:
        """Seconds until `seen(screen)` is true, polling every 5 ms; TimedOut after `timeout` seconds."""
        start = time.perf_counter()
        while True:
            screen = self.screen()
            if seen(screen):
                return time.perf_counter() - start
            if not alive(self.pid):
                raise BenchError(f"the app ended before showing its first screen; its last screen:\n{screen}")
            if time.perf_counter() - start > timeout:
                raise TimedOut
            time.sleep(POLL)

    def wait_until_still(self) -> None:
        """Until the screen has not changed for QUIET seconds (the app has drawn what it loads after start)."""
        last, since, start = self.screen(), time.perf_counter(), time.perf_counter()
        while time.perf_counter() - since < QUIET and time.perf_counter() - start < SETTLE_TIMEOUT:
            time.sleep(POLL * 4)
            screen = self.screen()
            if screen != last:
                last, since = screen, time.perf_counter()

    def peak_rss_mb(self) -> float:
        status = Path(f"/proc/{app_process(self.pid)}/status").read_text()
        kilobytes = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
        return kilobytes / 1024


# What is measured on the big store's app once its first screen has settled. Each returns seconds from the last
# key sent to the first screen that shows its effect (tmux's capture-pane polled every 5 ms: a few ms of the
# figure are the polling's own).


def _until_changed(app: RunningApp, before: str, timeout: float = 10.0) -> float:
    start = time.perf_counter()
    while True:
        if app.painted() != before:
            return time.perf_counter() - start
        if time.perf_counter() - start > timeout:
            raise TimedOut
        time.sleep(POLL)


def key_to_repaint(app: RunningApp, key: str) -> float | None:
    """From sending `key` (tmux's name: j, NPage, G) on the timeline to the screen showing the cursor moved."""
    app.wait_until_still()
    before = app.painted()
    app.send_keys(key)
    return _until_changed(app, before)


def date_jump_to_repaint(app: RunningApp, day: str) -> float | None:
    """From `enter` in the timeline's "go to a date" box (`t`) to the screen showing the cursor moved there."""
    app.wait_until_still()
    app.send_keys("t")
    app.wait_for(lambda screen: "Go to a date" in screen, 5)
    app.send_keys("-l", day)
    app.wait_for(lambda screen: day in screen, 5)
    before = app.painted()
    app.send_keys("Enter")
    return _until_changed(app, before)


def first_search_results(app: RunningApp, word: str) -> float | None:
    """From `word` pasted into search (`/`; one paste, as a reader's typing pauses once a word is typed) to the
    first results (or "No matches") on screen."""
    app.wait_until_still()
    app.send_keys("/")
    app.wait_for(lambda screen: "⏎ open · esc close" in screen, 5)  # the search screen is up
    tmux("set-buffer", "-b", "bench-word", word)
    start = time.perf_counter()
    tmux("paste-buffer", "-p", "-b", "bench-word", "-t", app.session)
    # The first answer says "N so far, counting…"; none says "No matches"; the full answer "N matches".
    app.wait_for(lambda screen: word in screen and any(t in screen.split(word, 1)[1] for t in ("match", "so far")), 10)
    seconds = time.perf_counter() - start
    app.send_keys("Escape")
    return seconds


@dataclass
class Case:
    """One app to start: its command, the text that shows its first screen with data, what was measured."""

    name: str
    command: list[str]
    marker: str
    starts: list[float] = field(default_factory=list)
    timed_out: float | None = None  # the limit, once a start has run past it (the case is not run again)
    rss: list[float] = field(default_factory=list)
    interactions: dict[str, list[float | None]] = field(default_factory=dict)


def app_process(pane_pid: int) -> int:
    """The Python process in the pane: the pane's own process when the shell exec'd it, else its child. (By the
    program it runs: a script such as `parlertui` names its process after itself.)"""
    if _runs_python(pane_pid):
        return pane_pid
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            rest = stat.read_text().rsplit(") ", 1)[1]
        except (OSError, IndexError):  # ended since the listing
            continue
        if int(rest.split()[1]) == pane_pid and _runs_python(int(stat.parent.name)):
            return int(stat.parent.name)
    raise BenchError(f"no Python process in the pane of process {pane_pid}")


def _runs_python(pid: int) -> bool:
    try:
        return Path(os.readlink(f"/proc/{pid}/exe")).name.startswith("python")
    except OSError:
        return False


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][:1] not in "ZX"
    except OSError:
        return False


class Bench:
    """Starts each app in its own session and leaves none behind: `close` kills the server and any app left."""

    def __init__(self) -> None:
        self.pids: list[int] = []
        self.count = 0

    def open(self) -> None:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)  # one left by a killed bench
        # A session that is always there, so each run starts only its own session, not the server.
        tmux("new-session", "-d", "-s", "idle", "-x", "20", "-y", "5", "sleep 86400")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)
        for pid in self.pids:
            _end(pid)

    def run(
        self, case: Case, interactions: Callable[[RunningApp], dict[str, float | None]] | None, timeout: float
    ) -> None:
        self.count += 1
        session = f"run{self.count}"
        start = time.perf_counter()
        pid = int(
            tmux(
                "new-session",
                "-d",
                "-P",
                "-F",
                "#{pane_pid}",
                "-s",
                session,
                "-x",
                str(WIDTH),
                "-y",
                str(HEIGHT),
                "-c",
                str(REPO),
                "exec " + shlex.join(case.command),
            )
        )
        self.pids.append(pid)
        app = RunningApp(session, pid)
        try:
            try:
                app.wait_for(lambda screen: case.marker in screen, timeout)
            except TimedOut:
                case.timed_out = timeout
                case.rss.append(app.peak_rss_mb())  # so far: a lower bound
                return
            case.starts.append(time.perf_counter() - start)
            app.wait_until_still()
            for name, seconds in (interactions(app) if interactions else {}).items():
                case.interactions.setdefault(name, []).append(seconds)
            case.rss.append(app.peak_rss_mb())
        finally:
            subprocess.run(["tmux", "-L", SOCKET, "kill-session", "-t", session], capture_output=True)
            _end(pid)


def _end(pid: int) -> None:
    """Wait up to 2 s for the app to end on the hangup tmux sent it, then kill it."""
    deadline = time.perf_counter() + 2
    while alive(pid) and time.perf_counter() < deadline:
        time.sleep(0.01)
    if alive(pid):
        os.kill(pid, signal.SIGKILL)


def big_interactions(app: RunningApp) -> dict[str, float | None]:
    """Every row of INTERACTIONS, measured on the big store's app once its first screen has settled."""
    times = [key_to_repaint(app, key) for key in KEYS.values()]
    times.append(date_jump_to_repaint(app, "2021-01-06"))
    times.extend(key_to_repaint(app, key) for key in STRIP_KEYS.values())
    app.send_keys("1")  # back to the timeline
    app.send_keys("w")  # every row whole: the rows on screen wrapped, the list scrolling by rows
    for number in WRAPPED.values():
        app.send_keys(number)
        times.extend(key_to_repaint(app, key) for key in KEYS.values())
    app.send_keys("1", "w")  # back to the timeline, a line a row, for the searches
    times.extend(first_search_results(app, word) for word in WORDS)
    return dict(zip(INTERACTIONS, times, strict=True))


def parlertui_command() -> list[str]:
    """How a user starts the app: the `parlertui` command installed beside this Python, if it runs this checkout's
    code; else `python -m parlertui` (which also loads runpy, a few ms a bare script does not pay)."""
    script = Path(sys.executable).parent / "parlertui"
    if script.exists():
        where = subprocess.run(
            [sys.executable, "-c", "import parlertui; print(parlertui.__file__)"],
            cwd="/",
            capture_output=True,
            text=True,
        ).stdout.strip()
        if where and Path(where).resolve().is_relative_to(REPO):
            return [str(script)]
    return [sys.executable, "-m", "parlertui"]


def big_store(sides: int) -> Path:
    """The big store of `sides` sides (and a court), written once per schema version: a store of an older schema is
    one the app refuses to open."""
    from parlertui.store.schema import SCHEMA_VERSION

    path = CACHE / f"synth-v{SCHEMA_VERSION}-e{BIG_EVENTS}-q{BIG_QUOTES}-s{BIG_SEED}-sides{sides}.sqlite"
    if not path.exists():
        print(f"writing the big store {path.relative_to(REPO)} (once) ...", flush=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "parlertui",
                "synth",
                "--events",
                str(BIG_EVENTS),
                "--quotes",
                str(BIG_QUOTES),
                "--seed",
                str(BIG_SEED),
                "--sides",
                str(sides),
                "-o",
                str(path),
            ],
            check=True,
            cwd=REPO,
        )
    return path


def first_event_label(path: Path) -> str:
    from parlertui.store.dates import home_zone, parse_when

    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as db:
        (occurred_at,) = db.execute("SELECT occurred_at FROM events ORDER BY sort_key LIMIT 1").fetchone()
        (zone,) = db.execute("SELECT value FROM meta WHERE key = 'timezone'").fetchone()
    return parse_when(occurred_at).label(home_zone(zone))


def report(cases: dict[str, Case], runs: int, sides: int) -> bool:
    """Print the table and the targets; True if every measured target is met."""
    bare, bundled, big = cases["bare"], cases["bundled"], cases["big"]
    print(
        f"{runs} runs of each after a warm-up, in tmux {WIDTH}x{HEIGHT}; the big store has {BIG_EVENTS:,} events, "
        f"{BIG_QUOTES:,} quotes and {sides} sides besides its court\n"
    )
    print(f"{'':56}{'min':>10}{'median':>10}")
    for case in cases.values():
        if case.timed_out:
            print(f"{'start: ' + case.name:56}  timed out: no first screen after {case.timed_out:.0f} s")
        else:
            _row(f"start: {case.name}", case.starts, 1000, "ms")
    for name in INTERACTIONS:
        _row(f"{name}, big store", big.interactions.get(name, []), 1000, "ms")
    for case in cases.values():
        if case.timed_out:
            print(f"{'peak RSS: ' + case.name:56}  {max(case.rss):.0f} MB when it timed out, and growing")
        else:
            _row(f"peak RSS: {case.name}", case.rss, 1, "MB")

    start, rss = _median_or_limit(lambda case: case.starts), _median_or_limit(lambda case: case.rss)
    checks = [
        ("start bundled / bare", start(bundled) / start(bare), TARGETS["bundled/bare"], "x", bundled),
        ("start big / bundled", start(big) / start(bundled), TARGETS["big/bundled"], "x", big),
        ("peak RSS big - bundled", rss(big) - rss(bundled), TARGETS["rss"], " MB", big),
    ]
    print(f"\n{'target (on medians)':56}{'value':>14}{'limit':>10}")
    met = True
    for name, value, limit, unit, slower in checks:
        met &= value <= limit
        at_least = ">=" if slower.timed_out else ""  # the slower side's time-out is a lower bound
        verdict = "met" if value <= limit else "MISSED"
        print(f"{name:56}{f'{at_least}{value:.2f}{unit}':>14}{f'{limit:.2f}{unit}':>10}  {verdict}")
    keys = [seconds for name, values in big.interactions.items() if name.startswith("key") for seconds in values]
    searches = [s for name, values in big.interactions.items() if name.startswith("first") for s in values]
    for name, values, limits in (
        ("key to repaint, median / worst", keys, "30 / 50 ms"),
        ("first search results, worst", searches, "50 ms"),
    ):
        if not values or None in values:
            print(f"{name:56}{'not measured yet':>20}  (limit {limits})")
            continue
        if name.startswith("key"):
            ok = statistics.median(values) <= TARGETS["key median"] and max(values) <= TARGETS["key worst"]
            shown = f"{statistics.median(values) * 1000:.0f} / {max(values) * 1000:.0f} ms"
        else:
            ok, shown = max(values) <= TARGETS["search"], f"{max(values) * 1000:.0f} ms"
        met &= ok
        print(f"{name:56}{shown:>20}  (limit {limits})  {'met' if ok else 'MISSED'}")
    return met


def _median_or_limit(values: Callable[[Case], list[float]]) -> Callable[[Case], float]:
    """The median of a case's values; for a case that timed out, what was reached by then (a lower bound)."""

    def value(case: Case) -> float:
        if case.timed_out:
            return case.timed_out if values(case) is case.starts else max(values(case))
        return statistics.median(values(case))

    return value


def _row(name: str, values: list[float | None], scale: float, unit: str) -> None:
    if not values or None in values:
        print(f"{name:56}{'not measured yet':>20}")
        return
    low, middle = min(values) * scale, statistics.median(values) * scale  # type: ignore[type-var]
    print(f"{name:56}{low:>8.0f}{unit}{middle:>8.0f}{unit}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="counted runs of each case (default 7, at least 5)")
    parser.add_argument(
        "--timeout",
        type=float,
        default=120,
        metavar="SECONDS",
        help="give up on a start after this long and run that case no more (default 120)",
    )
    parser.add_argument(
        "--sides",
        type=int,
        default=2,
        metavar="N",
        help="the sides of the big store, besides its court (default 2; more to measure a many-sided store)",
    )
    args = parser.parse_args()
    if args.runs < 5:
        parser.error("--runs must be 5 or more: the targets are read on medians")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the cleanup below runs
    os.environ.pop("PARLERTUI_DB", None)
    # A new reader's start, whatever the person running the benchmark saved (a theme): an empty config folder.
    config = tempfile.TemporaryDirectory(prefix="parlertui-bench-config-")
    os.environ["XDG_CONFIG_HOME"] = config.name
    bench = Bench()
    try:
        # An installed parlertui runs from compiled bytecode (pip compiles it); a checkout may not have it yet, and
        # with PYTHONDONTWRITEBYTECODE set never would, so every start would compile every module again.
        for folder in ("parlertui", "bench"):
            compileall.compile_dir(REPO / folder, quiet=1)
        big = big_store(args.sides)
        python, parlertui = sys.executable, parlertui_command()
        cases = {
            "bare": Case("bare Textual app (floor)", [python, "bench/bare_app.py"], BARE_MARKER),
            "bundled": Case("parlertui, bundled store", [*parlertui, "--db", "db/events.sqlite"], "2021-01-06"),
            "big": Case("parlertui, big store", [*parlertui, "--db", str(big)], first_event_label(big)),
        }
        bench.open()
        for round_ in range(args.runs + 1):
            for key, case in cases.items():
                if case.timed_out is None:
                    print(f"\rround {round_}/{args.runs}: {key:8}", end="", flush=True, file=sys.stderr)
                    bench.run(case, big_interactions if key == "big" else None, args.timeout)
            if round_ == 0:  # the warm-up: bytecode and page cache, not what a launch costs
                for case in cases.values():
                    if case.timed_out is None:
                        case.starts.clear()
                        case.rss.clear()
                        case.interactions.clear()
        print(file=sys.stderr)
        return 0 if report(cases, args.runs, args.sides) else 1
    except (BenchError, subprocess.CalledProcessError, OSError) as err:
        print(f"\nbench: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nbench: interrupted", file=sys.stderr)
        return 130
    finally:
        bench.close()
        config.cleanup()


if __name__ == "__main__":
    sys.exit(main())
