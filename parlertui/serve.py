"""`parlertui serve`: the app in web browsers, through textual-serve.

textual-serve runs a command per browser tab, over pipes, with Textual's web driver, and relays the tab's
websocket to it. It has no limit on sessions, no idle timeout, and builds its page's addresses from the host it
was given (so a page served on 0.0.0.0 would point the browser at 0.0.0.0). This module keeps its page, its
scripts, its AppService (one session's process) and its downloads, and adds those around them with aiohttp's
public API: our own socket (bound before serving, so a bad host or port is one line), our own index and
websocket handlers, a spare session's process started ahead of its tab (parlertui/serve_sessions.py), and a
shutdown that ends every session's process.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import json
import logging
import os
import shlex
import signal
import socket
import sys
from collections.abc import Callable
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.server import Server

from parlertui.serve_options import SERVER_PID, check_ranges
from parlertui.serve_sessions import STOP_WAIT, Session, Spare, start_session, stop_session

BUSY_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>parlertui: all sessions in use</title>
<style>body {{ background: #0c181f; color: #eee; font: 18px/1.5 monospace; max-width: 40em; margin: 4em auto; }}
</style></head>
<body><h1>All {limit} sessions are in use</h1>
<p>This parlertui server runs at most {limit} reading sessions at once, and all of them are open.
Try again in a while: a session ends when its tab is closed, or after {idle} minutes without a key or a click.</p>
<p><a href="/" style="color: #8cf">Try again</a></p></body></html>
"""


class ServeError(Exception):
    """Why the server cannot start, in one line."""


class SessionServer(Server):
    """textual-serve's Server with a limit on sessions, an idle timeout, a spare session, and a clean shutdown."""

    def __init__(
        self, command: str, *, max_sessions: int, idle_minutes: float, title: str, keep_spare: bool = True
    ) -> None:
        super().__init__(command, title=title)
        self.keeps_a_spare = keep_spare  # False with --no-spare
        self.max_sessions = max_sessions
        self.idle_minutes = idle_minutes
        self.sessions: dict[web.WebSocketResponse, Session | None] = {}
        self.closing = False
        self.ended = asyncio.Event()  # set whenever the last session has ended
        self.spare = Spare(self.start_session)

    async def start_session(self, width: int, height: int) -> Session:
        return await start_session(self.command, self.download_manager, width, height)

    def keep_a_spare(self) -> None:
        """A spare process while a reader could take it: so the processes never outnumber --max-sessions."""
        if self.keeps_a_spare and not self.closing and not self.full:
            self.spare.prepare()

    @property
    def full(self) -> bool:
        return len(self.sessions) >= self.max_sessions

    def make_app(self) -> web.Application:
        app = web.Application()
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        return app

    async def handle_index(self, request: web.Request) -> web.Response:
        if self.full or self.closing:
            page = BUSY_PAGE.format(limit=self.max_sessions, idle=f"{self.idle_minutes:g}")
            return web.Response(status=503, text=page, content_type="text/html", headers={"Retry-After": "30"})
        # Addresses from the request's own host, which is what the reader's browser could reach.
        origin = f"{request.scheme}://{request.host}"
        websocket = ("wss" if request.scheme == "https" else "ws") + f"://{request.host}/ws"
        try:
            font_size = int(request.query.get("fontsize", "16"))
        except ValueError:
            font_size = 16
        context = {
            "font_size": font_size,
            "app_websocket_url": websocket,
            "config": {"static": {"url": f"{origin}/static/"}},
            "application": {"name": self.title},
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        websocket = web.WebSocketResponse(heartbeat=15)
        if self.full or self.closing:  # two tabs that loaded the page for the last free session
            await websocket.prepare(request)
            await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER, message=b"all sessions are in use")
            return websocket
        self.sessions[websocket] = None  # holds the place before the first await
        self.ended.clear()
        watchdog: asyncio.Task[None] | None = None
        session: Session | None = None
        try:
            await websocket.prepare(request)
            width, height = _size(request, "width", 80), _size(request, "height", 24)
            session = await self.spare.take(width, height)
            if session is not None:
                self.sessions[websocket] = session
                await session.attach(websocket, (width, height))
            else:
                self.sessions[websocket] = session = await self.start_session(width, height)
                await session.attach(websocket, None)
            self.keep_a_spare()
            activity = _Activity()
            watchdog = asyncio.create_task(self._close_when_idle(websocket, activity))
            await self._relay(websocket, session, activity)
        except Exception:
            logging.getLogger("parlertui.serve").exception("a session failed")
        finally:
            if watchdog is not None:
                watchdog.cancel()
            if session is not None:
                await stop_session(session)
            del self.sessions[websocket]
            if not self.sessions:
                self.ended.set()
            self.keep_a_spare()
        return websocket

    async def _relay(self, websocket: web.WebSocketResponse, session: Session, activity: _Activity) -> None:
        """The browser's messages to the session, as textual-serve's own handler passes them."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                kind, *rest = json.loads(message.data)
            except (ValueError, TypeError):
                continue
            if kind == "stdin" and rest and isinstance(rest[0], str):
                activity.touch()
                await session.send_bytes(rest[0].encode("utf-8"))
            elif kind == "resize" and rest and isinstance(rest[0], dict):
                activity.touch()
                await session.set_terminal_size(int(rest[0]["width"]), int(rest[0]["height"]))
            elif kind == "ping" and rest:
                await websocket.send_json(["pong", rest[0]])
            elif kind == "blur":
                await session.blur()
            elif kind == "focus":
                await session.focus()

    async def _close_when_idle(self, websocket: web.WebSocketResponse, activity: _Activity) -> None:
        limit = self.idle_minutes * 60
        loop = asyncio.get_running_loop()
        while (left := activity.last + limit - loop.time()) > 0:
            await asyncio.sleep(left)
        await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"closed after a long time idle")

    async def close_sessions(self) -> None:
        """End the spare, and close every tab's websocket; each handler then ends its session's process."""
        self.closing = True
        await self.spare.stop()
        for websocket in list(self.sessions):
            with contextlib.suppress(Exception):
                await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"the server is stopping")
        if self.sessions:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.ended.wait(), STOP_WAIT * 2)

    async def run(self, sock: socket.socket, ready: Callable[[], None]) -> None:
        """Serve on `sock` until SIGINT or SIGTERM, then end every session and return."""
        runner = web.AppRunner(self.make_app(), handle_signals=False, access_log=None)
        await runner.setup()
        await web.SockSite(runner, sock, shutdown_timeout=1.0).start()
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for number in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(number, stop.set)
        try:
            self.keep_a_spare()
            await self.spare.started()
            ready()
            await stop.wait()
        finally:
            await self.close_sessions()
            await runner.cleanup()
            _kill_children()


class _Activity:
    """When the reader last pressed a key, clicked or resized (loop time)."""

    def __init__(self) -> None:
        self.last = asyncio.get_running_loop().time()

    def touch(self) -> None:
        self.last = asyncio.get_running_loop().time()


def _size(request: web.Request, name: str, default: int) -> int:
    try:
        return max(1, min(int(request.query.get(name, default)), 1000))
    except ValueError:
        return default


def _kill_children() -> None:
    """The last resort: a session's process that did not end when told to quit (textual-serve keeps its process
    handle to itself; on Linux, /proc lists our children)."""
    for children in Path(f"/proc/{os.getpid()}/task").glob("*/children"):
        with contextlib.suppress(OSError, ValueError):
            for pid in children.read_text().split():
                os.kill(int(pid), signal.SIGKILL)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on `host` and `port`; ServeError in one line when it cannot be had."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as err:
        raise ServeError(f"cannot listen on {host!r}: no such address ({_reason(err)})") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as err:
        sock.close()
        where = f"{host} port {port}"
        if err.errno == 98:  # EADDRINUSE
            raise ServeError(f"port {port} on {host} is in use: stop what uses it, or give another --port") from None
        if err.errno == 13:  # EACCES
            raise ServeError(f"cannot listen on {where}: permission denied (ports below 1024 need root)") from None
        raise ServeError(f"cannot listen on {where}: {_reason(err)}") from None
    sock.setblocking(False)
    return sock


def _reason(err: OSError | UnicodeError) -> str:
    return getattr(err, "strerror", None) or str(err)


def address_of(sock: socket.socket) -> tuple[str, str, bool]:
    """The address a browser opens, the address listened on, and whether only this machine can reach it."""
    host, port = sock.getsockname()[:2]
    ip = ipaddress.ip_address(host)
    local = ip.is_loopback
    shown = "127.0.0.1" if ip.is_unspecified and ip.version == 4 else "[::1]" if ip.is_unspecified else host
    if ip.version == 6 and not ip.is_unspecified:
        shown = f"[{host}]"
    return f"http://{shown}:{port}/", host, local


def session_command(store: Path) -> str:
    """The command textual-serve runs for each tab: this Python's parlertui on this store (read-only, as always)."""
    return "exec " + shlex.join([sys.executable, "-m", "parlertui", "--db", str(store.resolve())])


def serve(store: Path, args: argparse.Namespace) -> int:
    """Check everything a session needs, bind, and serve until stopped."""
    problem = check_ranges(args.port, args.max_sessions, args.idle_minutes)
    if problem:
        raise ServeError(problem)
    from parlertui.store.open import StoreError
    from parlertui.store.queries import Store

    try:
        Store(store).close()  # the errors the app reports, here and now rather than in the first tab
    except StoreError as err:
        raise ServeError(str(err)) from err
    sock = bind(args.host, args.port)
    url, listening, local = address_of(sock)
    logging.basicConfig(level=logging.WARNING, format="parlertui serve: %(message)s")
    server = SessionServer(
        session_command(store),
        max_sessions=args.max_sessions,
        idle_minutes=args.idle_minutes,
        title="parlertui",
        keep_spare=not args.no_spare,
    )

    def ready() -> None:
        if not local:
            print(
                f"parlertui: listening on {listening}: anyone who can reach this address can read {store}",
                file=sys.stderr,
            )
        print(f"Serving {store.name} at {url} (ctrl+c stops)", flush=True)

    os.environ[SERVER_PID] = str(os.getpid())  # in every session's environment (textual-serve copies ours)
    asyncio.run(server.run(sock, ready))
    return 0
