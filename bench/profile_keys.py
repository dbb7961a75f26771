"""Where a key's time goes on the big store, in CPU time rather than wall time: `python bench/profile_keys.py`.

bench/run.py times keys from a real terminal, which on a shared, loaded machine measures the load as much as the
app. This runs `ParlertuiApp` in this process (`App.run_test`, 120x40, on the big store of bench/run.py, written to
bench/.cache/ the first time) and, for each of the benchmark's keys pressed `--repeat` times, reports:

- frames: the screen updates the key cost (App.post_display_hook counts them), and the bytes they wrote: the
  driver is a headless one that says it is not headless, so each frame is turned into terminal output as in a real
  terminal and only the writing is skipped;
- CPU ms (time.process_time: every thread of the process, the workers' SQL included) from the key to its first
  frame, and to the moment the app is quiet again (no worker running, no frame for QUIET seconds), median and
  worst of the repeats;
- with `--frames NAME` (repeatable), each press of that row frame by frame: the CPU at each frame, the lines each
  widget drew for it and the refreshes asked for since the frame before, with who asked;
- with `--profile NAME` (a row's name, e.g. `j` or `5`; repeatable), cProfile's top entries for that row's
  presses (to their first frame with `--first`) and the layouts (Compositor.reflow) they cost, in the UI
  thread's CPU time (time.thread_time: workers run in other threads, and wall time would charge their hold on the
  GIL to whatever the UI thread was doing; cProfile's own cost inflates every figure several times);
- with `--start-only`, only the CPU from opening the store to the first frame showing events.

The app runs as the command line runs it (owns_gc: full collections wait for a pause). Keys are posted to the app
as its driver posts them (not with Pilot.press, whose wait walks every widget). Not part of the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import io
import os
import pstats
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("TEXTUAL_FPS", "120")  # as the command line sets it (parlertui/cli.py)

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from textual import events  # noqa: E402
from textual.drivers.headless_driver import HeadlessDriver  # noqa: E402
from textual.widget import Widget  # noqa: E402
from textual.worker import WorkerState  # noqa: E402

from bench.run import big_store  # noqa: E402
from parlertui.app import ParlertuiApp  # noqa: E402
from parlertui.store.first_screen import FirstScreenReader  # noqa: E402
from parlertui.store.queries import Store  # noqa: E402
from parlertui.store.synth import COMMON_WORD, MISSING_WORD, RARE_WORD  # noqa: E402

SIZE = (120, 40)
QUIET = 0.15  # seconds with no frame and no worker running: the key's work is done
CHARACTERS = {"right_square_bracket": "]", "left_square_bracket": "[", "plus": "+", "minus": "-", "slash": "/"}
NO_CHARACTER = {"pagedown", "pageup", "escape", "down", "up", "backspace"}


class FrameDriver(HeadlessDriver):
    """Headless, but the app is told it is not, so that it renders each frame to terminal output; the output is
    counted, not written."""

    written = 0

    @property
    def is_headless(self) -> bool:
        return False

    def write(self, data: str) -> None:
        FrameDriver.written += len(data)


@dataclass
class Row:
    name: str
    first: list[float] = field(default_factory=list)  # CPU ms to the first frame
    collected: list[float] = field(default_factory=list)  # CPU ms of full collections (gen 2) in the key
    wall: list[float] = field(default_factory=list)  # wall ms to the first frame (the load's as much as the app's)
    total: list[float] = field(default_factory=list)  # CPU ms until quiet
    frames: list[int] = field(default_factory=list)
    written: list[int] = field(default_factory=list)
    profile: cProfile.Profile | None = None


class Harness:
    def __init__(self, app: ParlertuiApp, profiled: set[str]) -> None:
        self.app = app
        self.profiled = profiled
        self.rows: dict[str, Row] = {}
        self.frame_times: list[float] = []
        self.frame_walls: list[float] = []
        self.last_frame = time.monotonic()
        self.drawn: dict[str, int] | None = None
        self.frame_log: list[tuple[float, int, dict[str, int]]] = []
        self.logged: set[str] = set()
        self.profiling: cProfile.Profile | None = None
        self.first_only = False  # profile a key to its first frame, not until quiet
        self.log: list[str] = []  # the frames of the rows logged (printing while the app runs would be lost)
        app.post_display_hook = self._frame  # type: ignore[method-assign]
        self.collections: list[tuple[int, float]] = []  # (generation, CPU ms) of the collections in a key
        self._collecting = 0.0
        gc.callbacks.append(self._collection)

    def _collection(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._collecting = time.thread_time()
        elif info["generation"] >= 1:
            self.collections.append((info["generation"], (time.thread_time() - self._collecting) * 1000))
            if info["generation"] == 2:
                self.log.append(
                    f"full collection in {threading.current_thread().name}: {self.collections[-1][1]:.1f} ms "
                    f"CPU, {info['collected']} collected"
                )

    def _frame(self) -> None:
        if self.profiling is not None and self.first_only:
            self.profiling.disable()
            self.profiling = None
        self.frame_times.append(time.process_time())
        self.frame_walls.append(time.perf_counter())
        self.last_frame = time.monotonic()
        if self.drawn is not None:
            self.frame_log.append((time.process_time(), FrameDriver.written, dict(self.drawn)))
            self.drawn.clear()

    def watch_drawing(self) -> None:
        """Note which widgets each frame draws lines of, and how many (for --frames): every render_line defined by
        a widget class is wrapped (what Textual's caches do not hold is drawn by them)."""
        drawn = self.drawn = {}
        depth = [0]

        def wrapped(render_line):  # type: ignore[no-untyped-def]
            def counted(widget: Widget, y: int):  # type: ignore[no-untyped-def]
                if not depth[0]:
                    name = type(widget).__name__ + (f"#{widget.id}" if widget.id else "")
                    drawn[name] = drawn.get(name, 0) + 1
                depth[0] += 1
                try:
                    return render_line(widget, y)
                finally:
                    depth[0] -= 1

            return counted

        refresh = Widget.refresh

        def noted(widget: Widget, *regions, repaint: bool = True, layout: bool = False, recompose: bool = False):  # type: ignore[no-untyped-def]
            caller = sys._getframe(1)
            name = type(widget).__name__ + (f"#{widget.id}" if widget.id else "")
            what = "layout" if layout else "recompose" if recompose else "refresh"
            where = f"{Path(caller.f_code.co_filename).stem}.{caller.f_code.co_name}"
            drawn[f"({what} {name} from {where})"] = drawn.get(f"({what} {name} from {where})", 0) + 1
            return refresh(widget, *regions, repaint=repaint, layout=layout, recompose=recompose)

        Widget.refresh = noted  # type: ignore[method-assign]
        classes, seen = [Widget], set()
        while classes:
            cls = classes.pop()
            if cls in seen:
                continue
            seen.add(cls)
            classes.extend(cls.__subclasses__())
            if "render_line" in cls.__dict__:
                cls.render_line = wrapped(cls.__dict__["render_line"])  # type: ignore[method-assign]

    def busy(self) -> bool:
        return any(worker.state in (WorkerState.PENDING, WorkerState.RUNNING) for worker in self.app.workers)

    async def quiet(self) -> None:
        await asyncio.sleep(0.02)
        deadline = time.monotonic() + 60
        while self.busy() or time.monotonic() - self.last_frame < QUIET:
            if time.monotonic() > deadline:
                raise SystemExit("the app never went quiet")
            await asyncio.sleep(0.01)

    def post(self, key: str) -> None:
        if key.startswith("paste:"):
            self.app.post_message(events.Paste(key.removeprefix("paste:")))
            return
        character = None if key in NO_CHARACTER else CHARACTERS.get(key, "\r" if key == "enter" else key)
        self.app.post_message(events.Key(key, character))

    async def press(self, *keys: str) -> None:
        """Keys not measured (getting to where a measured key starts)."""
        for key in keys:
            self.post(key)
            await self.quiet()

    async def measure(self, name: str, key: str) -> None:
        row = self.rows.setdefault(name, Row(name))
        await self.quiet()
        profile = None
        if name in self.profiled:
            profile = row.profile = row.profile or cProfile.Profile(time.thread_time)
        self.frame_times.clear()
        self.frame_walls.clear()
        self.collections.clear()
        self.frame_log.clear()
        if self.drawn is not None:
            self.drawn.clear()
        written = FrameDriver.written
        start, wall = time.process_time(), time.perf_counter()
        if profile is not None:
            profile.enable()
            self.profiling = profile
        self.post(key)
        await self.quiet()
        end = time.process_time()
        if self.profiling is not None:
            self.profiling.disable()
            self.profiling = None
        frames = list(self.frame_times)
        row.first.append(((frames[0] if frames else end) - start) * 1000)
        row.collected.append(sum(ms for generation, ms in self.collections if generation == 2))
        row.wall.append(((self.frame_walls[0] if frames else time.perf_counter()) - wall) * 1000)
        row.total.append((end - start) * 1000)
        row.frames.append(len(frames))
        row.written.append(FrameDriver.written - written)
        if name in self.logged:
            log = self.log.append
            log(f"{name}: key at 0")
            for cpu, out, drawn in self.frame_log:
                lines = ", ".join(f"{what} {count}" for what, count in drawn.items())
                log(f"  frame at {(cpu - start) * 1000:6.1f} ms CPU, {(out - written) / 1024:5.1f} KB so far: {lines}")
            log(f"  quiet at {(end - start) * 1000:6.1f} ms CPU")


async def run_keys(harness: Harness, repeat: int) -> None:
    """The benchmark's keys (bench/run.py's big_interactions), each pressed `repeat` times."""
    h = harness
    await h.press("g")
    for _ in range(repeat):
        await h.measure("j", "j")
    for _ in range(repeat):
        await h.measure("PageDown", "pagedown")
    for _ in range(repeat):
        await h.press("g")
        await h.measure("G", "G")
    for number in range(repeat):
        await h.press("G", "t", *(f"2021-01-0{1 + number % 9}"))
        await h.measure("date jump (t, enter)", "enter")
    await h.press("g")
    for _ in range(repeat):
        await h.measure("] (next period)", "right_square_bracket")
    for _ in range(repeat):
        await h.measure("+ (zoom in)", "plus")
        await h.measure("- (zoom out)", "minus")
    for _ in range(repeat):
        await h.measure("5 (to the quotes)", "5")
        await h.measure("1 (to the timeline)", "1")
    await h.press("w")
    for view, number in (("timeline", "1"), ("quotes", "5")):
        await h.press(number, "g")
        for _ in range(repeat):
            await h.measure(f"wrap, {view}: j", "j")
        for _ in range(repeat):
            await h.measure(f"wrap, {view}: PageDown", "pagedown")
        for _ in range(repeat):
            await h.press("g")
            await h.measure(f"wrap, {view}: G", "G")
    await h.press("1", "w")
    for word in (COMMON_WORD, RARE_WORD, MISSING_WORD):
        for _ in range(repeat):
            await h.press("slash", "backspace")  # (the box holds the last words searched, selected)
            await h.measure(f"search: {word}", f"paste:{word}")
            await h.measure("esc (close the search)", "escape")


def tracked_objects(top: int = 25) -> str:
    """What a full collection walks (the objects the collector tracks, less the frozen ones), by type; and what
    the first one found to be garbage (in reference cycles), by type."""
    from collections import Counter

    gc.set_debug(gc.DEBUG_SAVEALL)
    gc.collect()
    garbage = Counter(type(thing).__qualname__ for thing in gc.garbage)
    gc.set_debug(0)
    gc.garbage.clear()

    frozen = gc.get_freeze_count()
    objects = gc.get_objects()
    kinds = Counter(type(thing).__qualname__ for thing in objects)
    start = time.process_time()
    gc.collect()
    took = (time.process_time() - start) * 1000
    lines = [f"tracked: {len(objects):,} objects ({frozen:,} frozen, not walked); a full collection: {took:.0f} ms CPU"]
    lines += [f"  {count:9,} {kind}" for kind, count in kinds.most_common(top)]
    lines.append(f"garbage found by the first: {sum(garbage.values()):,} objects")
    lines += [f"  {count:9,} {kind}" for kind, count in garbage.most_common(top)]
    return "\n".join(lines)


async def first_screen(app: ParlertuiApp) -> None:
    """Until a frame has shown the timeline's rows (the first screen with data, as bench/run.py waits for)."""
    from parlertui.widgets.pagedlist import PagedList

    shown = asyncio.Event()
    hook = app.post_display_hook

    def check() -> None:
        hook()
        lists = app.screen.query(PagedList)
        if lists and lists.first().count:
            shown.set()

    app.post_display_hook = check  # type: ignore[method-assign]
    await shown.wait()
    app.post_display_hook = hook  # type: ignore[method-assign]


async def main_async(args: argparse.Namespace) -> Harness:
    started = time.process_time()
    with Store(args.store) as store:
        # owns_gc as the command line runs it: full collections wait for a pause in the keys (parlertui/collector.py)
        app = ParlertuiApp(store, FirstScreenReader(store).result(), owns_gc=True)
        app.driver_class = FrameDriver
        async with app.run_test(size=SIZE, headless=False) as pilot:
            harness = Harness(app, set(args.profile))
            await first_screen(app)
            harness.log.append(
                f"start: {(time.process_time() - started) * 1000:.1f} ms CPU to the first frame with events"
            )
            if args.start_only:
                return harness
            harness.logged = set(args.frames)
            harness.first_only = args.first
            if args.frames:
                harness.watch_drawing()
            await harness.quiet()
            await pilot.pause()
            await run_keys(harness, args.repeat)
            if args.objects:
                harness.log.append(tracked_objects())
            return harness


def report(rows: dict[str, Row], top: int) -> None:
    print(f"CPU ms per key (all threads), {SIZE[0]}x{SIZE[1]}; median and worst of the presses\n")
    heads = f"{'to 1st frame':>14}{'worst':>8}{'until quiet':>13}{'worst':>8}{'frames':>8}{'KB out':>8}{'wall':>7}"
    print(f"{'key':34}{heads}{'gc2 ms':>8}")
    for row in rows.values():
        print(
            f"{row.name:34}{statistics.median(row.first):14.1f}{max(row.first):8.1f}"
            f"{statistics.median(row.total):13.1f}{max(row.total):8.1f}"
            f"{statistics.median(row.frames):8.0f}{statistics.median(row.written) / 1024:8.1f}"
            f"{statistics.median(row.wall):7.1f}{sum(row.collected):8.1f}"
        )
    for row in rows.values():
        if row.profile is None:
            continue
        out = io.StringIO()
        stats = pstats.Stats(row.profile, stream=out)
        reflows = sum(
            calls
            for (file, _, name), (_, calls, *_rest) in stats.stats.items()  # type: ignore[attr-defined]
            if name == "reflow" and file.endswith("_compositor.py")
        )
        print(f"\n== {row.name}: {len(row.total)} presses, {reflows} layouts (Compositor.reflow), UI thread only")
        stats.sort_stats("cumulative").print_stats(top)
        stats.sort_stats("tottime").print_stats(top)
        stats.print_callers("_refresh_layout|reflow")
        print(out.getvalue())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, default=None, help="the store (default: bench/run.py's big store)")
    parser.add_argument("--repeat", type=int, default=7, help="presses of each key (default 7)")
    parser.add_argument("--profile", action="append", default=[], metavar="NAME", help="profile this row")
    parser.add_argument("--frames", action="append", default=[], metavar="NAME", help="log this row's frames")
    parser.add_argument("--first", action="store_true", help="profile each key to its first frame only")
    parser.add_argument("--start-only", action="store_true", help="only the start: CPU to the first screen")
    parser.add_argument("--objects", action="store_true", help="at the end, what a full collection walks")
    parser.add_argument("--top", type=int, default=25, help="profile entries shown (default 25)")
    args = parser.parse_args()
    if args.store is None:
        args.store = big_store()
    harness = asyncio.run(main_async(args))
    print("\n".join(harness.log))
    if harness.rows:
        report(harness.rows, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
