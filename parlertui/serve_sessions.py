"""`parlertui serve`'s sessions: each tab's app process, and the spare one started ahead of its tab.

Most of a new tab's wait was its process starting after its websocket arrived: Python, Textual, the store, the
first screen. So the server keeps one spare process started ahead, drawn at the size of the last tab that opened
(80x24 before any). A tab that arrives takes it: it is sent what the spare drew, in order (the terminal modes
Textual set, then its screen), then the tab's own size, which makes Textual draw again if that size differs; and a
new spare is started. The spare is no reader's session: it does not count towards `--max-sessions`, has no idle
timeout, and is only kept while a reader could take it (fewer sessions than the limit), so the processes never
outnumber the limit. It ends with the server, as every session does.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Callable, Coroutine
from typing import Any

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

STOP_WAIT = 5.0
"""Seconds a session's process has to end after it is told to quit, before it is killed."""

DEFAULT_SIZE = (80, 24)
FIRST_SCREEN_WAIT = 60.0
"""Seconds a tab waits for its session's first screen before its own size and keys are sent anyway."""
CURSOR_TO = re.compile(rb"\x1b\[\d+;\d+H")  # Textual moves the cursor only to draw: the modes it sets first do not


class Relay:
    """Where a session's output goes: kept, in order, until a tab attaches; from then on, to the tab's websocket."""

    def __init__(self) -> None:
        self.websocket: web.WebSocketResponse | None = None
        self.kept: list[bytes | str] = []
        self.ended = False  # the process ended before any tab took it
        self.drawn = asyncio.Event()  # the session has drawn its first screen (or ended)
        self.lock = asyncio.Lock()  # what was kept goes out before anything sent after the tab attached

    async def send(self, data: bytes | str) -> None:
        if isinstance(data, bytes) and not self.drawn.is_set() and CURSOR_TO.search(data):
            self.drawn.set()
        async with self.lock:
            if self.websocket is None:
                self.kept.append(data)
            else:
                await _send_to(self.websocket, data)

    async def attach(self, websocket: web.WebSocketResponse) -> None:
        async with self.lock:
            for data in self.kept:
                await _send_to(websocket, data)
            self.kept.clear()
            self.websocket = websocket

    async def close(self) -> None:
        self.drawn.set()  # nothing more will be
        if self.websocket is None:
            self.ended = True
        else:
            await self.websocket.close()


async def _send_to(websocket: web.WebSocketResponse, data: bytes | str) -> None:
    """Output for a tab that has closed is dropped: textual-serve stops reading a session's output when a write
    fails, and a session whose pipe is full never reads the quit it is then sent, so its process would outlive its
    tab (a tab closed while the session still draws, e.g. the repaint at its size after the spare's screen)."""
    if websocket.closed:
        return
    with contextlib.suppress(ConnectionError):
        if isinstance(data, bytes):
            await websocket.send_bytes(data)
        else:
            await websocket.send_str(data)


class Session(AppService):
    """One tab's app process, whose output goes through a Relay. When the process ends by itself (the reader
    pressed q, or it failed to start), the tab's websocket is closed too, so the page says the session ended
    instead of waiting on a blank terminal."""

    def __init__(self, command: str, download_manager: DownloadManager) -> None:
        self.relay = Relay()
        super().__init__(
            command,
            write_bytes=self.relay.send,
            write_str=self.relay.send,
            close=self.relay.close,
            download_manager=download_manager,
        )

    async def run(self) -> None:
        await super().run()
        with contextlib.suppress(Exception):
            await self.remote_close()

    async def attach(self, websocket: web.WebSocketResponse, size: tuple[int, int] | None) -> None:
        """Give this session to a tab: what it has drawn so far, and once it has drawn its first screen, the tab's
        `size` if it was started at another (the spare: Textual draws again if it differs). Nothing from the tab
        reaches the session before its first screen either (the caller relays the tab's messages after this):
        told a new size while it still laid out its first screen, the app drew at the old and the new size in
        turns without end (Textual's web driver posts its start size after a size read meanwhile)."""
        await self.relay.attach(websocket)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.relay.drawn.wait(), FIRST_SCREEN_WAIT)
        if size is not None:
            await self.set_terminal_size(*size)


async def start_session(command: str, download_manager: DownloadManager, width: int, height: int) -> Session:
    session = Session(command, download_manager)
    await session.start(width, height)
    return session


async def stop_session(session: Session) -> None:
    with contextlib.suppress(TimeoutError, Exception):
        await asyncio.wait_for(session.stop(), STOP_WAIT)


class Spare:
    """At most one session's process started ahead of the tab that will take it."""

    def __init__(self, start: Callable[[int, int], Coroutine[Any, Any, Session]]) -> None:
        self.start = start
        self.size = DEFAULT_SIZE  # the last tab's: the next tab's likely size
        self.starting: asyncio.Task[Session] | None = None

    def prepare(self) -> None:
        """Start a spare process unless there is one."""
        if self.starting is None:
            self.starting = asyncio.create_task(self.start(*self.size))

    async def started(self) -> None:
        """Wait until the spare's process has been spawned (not until it has drawn)."""
        if self.starting is not None:
            await asyncio.wait([self.starting])

    async def take(self, width: int, height: int) -> Session | None:
        """The spare for a tab of this size, or None when there is none alive; the next spare is drawn at it."""
        self.size = (width, height)
        task, self.starting = self.starting, None
        if task is None:
            return None
        try:
            session = await task
        except Exception:
            logging.getLogger("parlertui.serve").exception("the spare session failed to start")
            return None
        if session.relay.ended:  # it ended before any tab came (its errors are in the server's output)
            await stop_session(session)
            return None
        return session

    async def stop(self) -> None:
        task, self.starting = self.starting, None
        if task is not None:
            with contextlib.suppress(Exception):
                await stop_session(await task)
