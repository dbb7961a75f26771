"""Driving the app in tests: start it on a store, let its workers finish, read what a pane shows as plain text."""

from __future__ import annotations

import io
from contextlib import asynccontextmanager
from pathlib import Path

from rich.console import Console, RenderableType

from parlertui.app import ParlerApp
from parlertui.screens.explorer import ExplorerScreen
from parlertui.store.queries import Store
from parlertui.widgets.debate import DebateView
from parlertui.widgets.keylist import KeyList

BUNDLED = Path(__file__).resolve().parent.parent / "db" / "events.sqlite"


@asynccontextmanager
async def running(path: Path, size: tuple[int, int] = (120, 40)):
    """The app on a store, once the store has been read."""
    with Store(path) as store:
        app = ParlerApp(store)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            yield app, pilot


async def settle(pilot) -> None:
    """Wait until every worker has finished and every message it posted has been handled."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def press(pilot, *keys: str) -> None:
    """Press keys one at a time, letting the app settle after each, as a reader would."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def plain(renderable: RenderableType, width: int = 300) -> str:
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(renderable)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


def explorer(app: ParlerApp) -> ExplorerScreen:
    return app.explorer


def view(app: ParlerApp, name: str | None = None):
    screen = app.explorer
    return screen.view(name) if name else screen.current_view


def options_text(widget: KeyList) -> list[str]:
    """Every option of a list as plain text, in order."""
    return [plain(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]


def highlighted_text(widget: KeyList) -> str:
    assert widget.highlighted is not None
    return plain(widget.get_option_at_index(widget.highlighted).prompt)


def detail_text(app: ParlerApp, name: str | None = None) -> str:
    pane = view(app, name).detail_pane
    if isinstance(pane, DebateView):
        return "\n".join(plain(widget.content) for widget in pane.query(".question, .card, .missing, .outcome"))
    return "\n".join(options_text(pane))


def focused_pane(app: ParlerApp) -> str:
    focused = app.focused
    assert focused is not None
    return "list" if "records" in focused.classes else "detail"
