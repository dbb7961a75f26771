"""Driving the app in tests: start it on a store, let its workers finish, read what a pane shows as plain text."""

from __future__ import annotations

import asyncio
import io
import time
import unicodedata
import weakref
from collections.abc import Callable
from contextlib import asynccontextmanager
from pathlib import Path

from rich.console import Console, RenderableType
from textual import events
from textual.app import App
from textual.command import CommandInput
from textual.keys import KEY_NAME_REPLACEMENTS, KEY_TO_UNICODE_NAME, REPLACED_KEYS
from textual.message import Message
from textual.worker import WorkerCancelled, WorkerState

from parlertui.app import ParlertuiApp
from parlertui.store.queries import Store
from parlertui.widgets.debate import DebatePane
from parlertui.widgets.keylist import KeyList
from parlertui.widgets.pagedlist import PagedList

BUNDLED = Path(__file__).resolve().parent.parent / "db" / "events.sqlite"


@asynccontextmanager
async def running(path: Path, size: tuple[int, int] = (80, 24)):
    """The app on a store, once the store has been read."""
    with Store(path) as store:
        app = ParlertuiApp(store)
        async with app.run_test(size=size, message_hook=counted(app)) as pilot:
            await settle(pilot)
            yield app, pilot


WAIT = 60.0  # seconds: how long a test waits for something before it says it never came; only a broken app waits


class MessageCount:
    """How many messages the app's widgets have taken from their queues so far (Textual's test message hook),
    leaving out the probes `quiet` sends to find that out."""

    def __init__(self) -> None:
        self.handled = 0
        self.probes: set[Callable[[], object]] = set()

    def __call__(self, message: Message) -> None:
        callback = getattr(message, "callback", None)  # call_later's and call_after_refresh's messages
        if getattr(callback, "func", callback) not in self.probes:
            self.handled += 1


_counts: weakref.WeakKeyDictionary[App, MessageCount] = weakref.WeakKeyDictionary()


def counted(app: App) -> MessageCount:
    """The hook to give `app.run_test(message_hook=...)`, so `quiet` knows when the app has nothing left to do."""
    return _counts.setdefault(app, MessageCount())


async def quiet(pilot) -> None:
    """Let the app handle every message that what was done so far caused, and what waits for a repaint.

    A round asks every widget of the screen, and the app, to call back once it has handled what is in its queue,
    and the screen to call back after its next repaint (after what call_after_refresh left for it before). A
    message handled meanwhile may have posted others; when two rounds in a row handle nothing but the probes,
    nothing is left. This asks nothing of the clock, where Textual's own wait for idle sleeps 20 ms at least and
    takes a slow moment for idleness. Apps run without the hook (snapshot tests) get Textual's wait. What a timer
    does later (the explorer readies search half a second after its first screen) is not waited for: a test that
    needs it waits for its effect with `wait_until`.
    """
    count = _counts.get(pilot.app)
    if count is None:
        await pilot.pause()
        return
    deadline = time.monotonic() + WAIT
    quiet_rounds = 0
    while quiet_rounds < 2:
        before = count.handled
        await probe_round(pilot.app, count, deadline)
        quiet_rounds = quiet_rounds + 1 if count.handled == before else 0


REPAINT = object()
"""What the repaint probe answers for: the screen, after its next repaint."""


async def probe_round(app: App, count: MessageCount, deadline: float) -> None:
    """Ask the app and every widget of its screens to call back once they have handled what is in their queues,
    and the screen on top to call back after its next repaint; wait for each, or for that screen to be closed or
    covered (a closed screen's widgets never answer; the screen on top now is the next round's)."""
    screen = app.screen
    answered: set[int] = set()
    news = asyncio.Event()

    def probe(node: object) -> None:
        answered.add(id(node))
        news.set()

    count.probes.add(probe)
    try:
        # Every screen of the stack: what a key does over a dialog may reach the explorer under it (w over the
        # quote opened in full rewraps the explorer's lists).
        nodes = [app, *(node for shown in app.screen_stack for node in shown.walk_children(with_self=True))]
        asked = [node for node in nodes if node.call_later(probe, node)]
        if screen.call_after_refresh(probe, REPAINT):
            asked.append(REPAINT)
        while app.screen is screen and app.is_running and any(id(node) not in answered for node in asked):
            if time.monotonic() > deadline:
                raise AssertionError(f"the app was still handling messages after {WAIT:.0f} s")
            news.clear()
            try:
                await asyncio.wait_for(news.wait(), 0.05)
            except TimeoutError:
                pass  # only to look again whether the screen is still the one asked
    finally:
        count.probes.discard(probe)


async def wait_until(
    pilot, condition: Callable[[], object], what: str = "the condition", timeout: float = WAIT
) -> None:
    """Let the app run until `condition()` is true; fail if it is still false after `timeout` seconds. A verdict
    never rests on how fast the machine is: a slow moment only makes this wait longer."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f} s for {what}")
        await pilot.pause(0.01)


async def settle(pilot) -> None:
    """Wait until every worker has finished, every message it posted has been handled, and what was left to run
    after the next repaint (call_after_refresh: the date box closes so) has run."""
    deadline = time.monotonic() + WAIT
    while True:
        try:
            await asyncio.wait_for(pilot.app.workers.wait_for_complete(), max(0.0, deadline - time.monotonic()))
        except WorkerCancelled:
            pass  # superseded by a newer one, as a reader's next key press would
        except TimeoutError:
            raise AssertionError(f"the app's workers were still busy after {WAIT:.0f} s") from None
        await quiet(pilot)  # ends with a repaint, and the calls waiting on it run
        # Then Textual's own wait for idle (20 ms or more) and a repaint it forces, and the probes again: under two
        # busy loops a detail read after the list's repaint was, about once in five runs of the suite, still to come
        # when the probes alone had all answered. A key press does without this; settling is for a test's verdicts.
        await pilot.pause()
        await quiet(pilot)
        if not busy(pilot.app):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"the app's workers were still busy after {WAIT:.0f} s")


async def press(pilot, *keys: str) -> None:
    """Press keys one at a time, letting the app settle after each, as a reader would."""
    for key in keys:
        if pilot.app in _counts:
            pilot.app.post_message(key_event(key))  # as the terminal's driver does
            await quiet(pilot)
            await pilot.app.animator.wait_until_complete()  # a scroll the key started, as Pilot.press waits for
        else:
            await pilot.press(key)  # returns once the app is idle again
        if busy(pilot.app):
            await settle(pilot)


def key_event(key: str) -> events.Key:
    """The event a terminal sends for `key`, named as Textual's Pilot names it: a character ("a", "/", "-") or a
    key ("enter", "ctrl+p", "slash")."""
    if len(key) == 1:
        if key.isalnum():
            return events.Key(key, key)
        name = unicodedata.name(key).lower().replace("-", "_").replace(" ", "_")
        return events.Key(KEY_NAME_REPLACEMENTS.get(name, name), key)
    replaced = REPLACED_KEYS.get(key, key)
    try:
        character: str | None = unicodedata.lookup(KEY_TO_UNICODE_NAME.get(replaced, replaced))
    except KeyError:
        character = None
    return events.Key(key, character)


def busy(app) -> bool:
    return any(worker.state in (WorkerState.PENDING, WorkerState.RUNNING) for worker in app.workers)


def plain(renderable: RenderableType, width: int = 300) -> str:
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(renderable)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


def view(app: ParlertuiApp, name: str | None = None):
    screen = app.explorer
    return screen.view(name) if name else screen.current_view


def options_text(widget: KeyList | PagedList) -> list[str]:
    """Every line of a list as plain text, in order (headings included)."""
    if isinstance(widget, PagedList):
        return [widget.line_text(line) for line in range(widget.line_count)]
    return [plain(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]


def highlighted_text(widget: KeyList | PagedList) -> str:
    if isinstance(widget, PagedList):
        assert widget.cursor is not None
        return widget.line_text(widget.line_of(widget.cursor))
    assert widget.highlighted is not None
    return plain(widget.get_option_at_index(widget.highlighted).prompt)


def listed_ids(widget: PagedList) -> list[str]:
    """The id of every item of a paged list, in order."""
    return [row.id for row in (widget.row(index) for index in range(widget.count)) if row is not None]


def detail_text(app: ParlertuiApp, name: str | None = None) -> str:
    pane = view(app, name).detail_pane
    if isinstance(pane, DebatePane):
        return "\n".join(plain(widget.content) for widget in pane.query(".question, .card, .missing, .outcome"))
    return "\n".join(options_text(pane))


def focused_pane(app: ParlertuiApp) -> str:
    focused = app.focused
    assert focused is not None
    return "list" if "records" in focused.classes else "detail"


async def palette(pilot, command: str, choice: str | None = None, *, typed: bool = False) -> None:
    """Run a palette command: ctrl+p, the words, enter; for a picker, the choice and enter. The words go into the
    palette's box at once, as a paste would put them (the palette searches every provider again at each key, and
    typing a command key by key cost a test seconds); `typed` types them key by key, as a reader would."""
    for words in [command] if choice is None else [command, choice]:
        if words is command:
            await press(pilot, "ctrl+p")
        if typed:
            await press(pilot, *words)
        else:
            pilot.app.screen.query_one(CommandInput).value = words
            await settle(pilot)
        await palette_matches(pilot)
        await pilot.press("enter")
        await settle(pilot)


async def palette_matches(pilot) -> None:
    """Wait until the palette lists matches for what was typed (it searches in the background)."""

    def matched() -> bool:
        lists = pilot.app.screen.query("CommandList")
        return bool(lists and lists.first().option_count and lists.first().highlighted is not None)

    await wait_until(pilot, matched, "the command palette to list a match")


def filter_bar_text(app: ParlertuiApp) -> str:
    """What the line of filter chips says ("" when it is hidden)."""
    bar = app.screen.query_one("#filter-bar")
    return plain(bar.render()) if bar.display else ""


async def search_for(pilot, text: str, *, type_it: bool = False) -> None:
    """Put `text` in the open search box (typed key by key if `type_it`) and wait for its results."""
    box = pilot.app.screen.query_one("#search-box")
    if box.value == text:
        return  # nothing new to search for
    if type_it:
        await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in text])
    else:
        box.value = text

    def answered() -> bool:  # the last answer: none is running, none about to start (after a first answer)
        screen = pilot.app.screen
        results = screen.results
        done = results is not None and results.text == box.value.replace("\x00", "")
        return done and not screen.searching and not busy(pilot.app)

    await wait_until(pilot, answered, f"results for {text[:60]!r} ({len(text)} characters)")


def notices(app: ParlertuiApp) -> list[str]:
    """What the app has said in notices since it started or last cleared them (conftest's `notices_recorded`)."""
    return list(app.__dict__.get("notices_said", []))
