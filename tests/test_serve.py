"""`parlertui serve` without a browser: its bad input, its limit on sessions, its idle timeout, its shutdown, and
the app starting under textual-serve's web driver. Sessions are opened as the page's script opens them: a
websocket to /ws, whose binary messages are what the terminal is sent."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest

from parlertui.serve_options import IDLE_MINUTES, WEB_DRIVER
from webtools import alive, served


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "parlertui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def one_line_and_2(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_a_port_out_of_range(mini_store):
    line = one_line_and_2(run("serve", "--db", str(mini_store), "--port", "70000"))
    assert line == "parlertui: port 70000 is out of range: give one from 1 to 65535 (or 0 for any free port)"


def test_a_port_in_use(mini_store):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        line = one_line_and_2(run("serve", "--db", str(mini_store), "--port", str(port)))
    assert line == f"parlertui: port {port} on 127.0.0.1 is in use: stop what uses it, or give another --port"


@pytest.mark.parametrize("host", ["no-such-host.invalid", "192.0.2.1"])  # a name that is not, an address not ours
def test_a_host_that_cannot_be_bound(mini_store, host):
    line = one_line_and_2(run("serve", "--db", str(mini_store), "--host", host, "--port", "0"))
    assert line.startswith("parlertui: cannot listen on ") and host in line


def test_store_errors_before_serving(tmp_path):
    line = one_line_and_2(run("serve", "--db", str(tmp_path / "none.sqlite"), "--port", "0"))
    assert line.startswith("parlertui: ") and "no such file" in line
    (tmp_path / "text.sqlite").write_text("not a store")
    line = one_line_and_2(run("serve", "--db", str(tmp_path / "text.sqlite"), "--port", "0"))
    assert "is not an SQLite database" in line


@pytest.mark.parametrize(("option", "value"), [("--max-sessions", "0"), ("--idle-minutes", "-1")])
def test_counts_that_make_no_sense(mini_store, option, value):
    line = one_line_and_2(run("serve", "--db", str(mini_store), "--port", "0", option, value))
    assert option in line


def test_the_app_starts_under_the_web_driver_and_still_refuses_bare_pipes(mini_store):
    refused = run("--db", str(mini_store))
    assert refused.returncode == 2 and "needs a terminal" in refused.stderr
    process = subprocess.Popen(
        [sys.executable, "-m", "parlertui", "--db", str(mini_store)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "TEXTUAL_DRIVER": WEB_DRIVER, "COLUMNS": "100", "ROWS": "30"},
    )
    assert process.stdout is not None and process.stdin is not None
    try:
        assert process.stdout.readline() == b"__GANGLION__\n"  # the web driver's hello: the app is starting
        drawn = b""
        while b"Mini v. Host" not in drawn:  # its first screen, in the driver's packets: kind, length, payload
            kind, size = process.stdout.read(1), int.from_bytes(process.stdout.read(4), "big")
            assert kind, "the app ended before its first screen"
            payload = process.stdout.read(size)
            drawn += payload if kind == b"D" else b""
        quit_packet = b'{"type": "quit"}'
        process.stdin.write(b"M" + len(quit_packet).to_bytes(4, "big") + quit_packet)
        process.stdin.flush()
        _, errors = process.communicate(timeout=30)
        assert process.returncode == 0, errors.decode()
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()


# Sessions over websockets, as the page opens them.


async def _session_until(
    url: str, needle: bytes, timeout: float = 60.0, keep_alive: bool = False
) -> aiohttp.ClientWebSocketResponse:
    """A session whose terminal has been sent `needle`; the caller closes it (and its client). `keep_alive`: a
    resize every 0.3 s meanwhile, as a reader's activity, so a short idle limit cannot end it while it starts."""
    client = aiohttp.ClientSession()
    websocket = await client.ws_connect(url.replace("http://", "ws://") + "ws?width=120&height=40")
    seen = b""
    async with asyncio.timeout(timeout):
        while needle not in seen:
            if keep_alive:
                await websocket.send_json(["resize", {"width": 120, "height": 40}])
                try:
                    message = await websocket.receive(timeout=0.3)
                except TimeoutError:
                    continue
            else:
                message = await websocket.receive()
            if message.type != aiohttp.WSMsgType.BINARY:
                raise AssertionError(f"the session ended before showing {needle!r}: {message}")
            seen += message.data
    websocket.client = client  # type: ignore[attr-defined]
    return websocket


async def _close(websocket: aiohttp.ClientWebSocketResponse) -> None:
    await websocket.close()
    await websocket.client.close()  # type: ignore[attr-defined]


def wait_until(condition, timeout: float = 30.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout:.0f} s: {what}")
        time.sleep(0.02)


def the_spare(server) -> int:
    """The spare session's process, started ahead of the next tab: the only one while no tab is open."""
    wait_until(lambda: len(server.session_pids()) == 1, what="one spare session's process")
    return server.session_pids()[0]


def written(pid: int) -> int:
    """Bytes the process has written (its output to the server, for a session)."""
    io = dict(line.split(": ") for line in Path(f"/proc/{pid}/io").read_text().splitlines())
    return int(io["wchar"])


def test_over_the_limit_a_page_says_so_and_no_process_starts(mini_store):
    async def scenario(url: str, server) -> None:
        spare = the_spare(server)
        first = await _session_until(url, b"Mini v. Host")
        try:
            assert server.session_pids() == [spare]  # the tab took the spare; no other, with the limit reached
            async with aiohttp.ClientSession() as client:
                async with client.get(url) as page:
                    assert page.status == 503
                    text = await page.text()
                assert "All 1 sessions are in use" in text and "Try again" in text
                async with client.ws_connect(url.replace("http://", "ws://") + "ws") as extra:
                    message = await extra.receive()
                    assert message.type == aiohttp.WSMsgType.CLOSE and message.data == 1013
            assert len(server.session_pids()) == 1  # neither the page nor the websocket started one
        finally:
            await _close(first)
        wait_until(lambda: not alive(spare), what="the session's process ended with its tab")
        # The server frees the place once it has reaped the process, a moment after the process is gone: a
        # reader told to try again gets the app as soon as it is free.
        deadline = time.monotonic() + 30
        async with aiohttp.ClientSession() as client:
            while True:
                async with client.get(url) as page:
                    status, text = page.status, await page.text()
                if status != 503 or time.monotonic() > deadline:
                    break
                await asyncio.sleep(0.05)
        assert status == 200 and "textual.js" in text
        assert the_spare(server) != spare  # with a place free again, a new spare waits for its reader

    with served("--max-sessions", "1", db=mini_store) as server:
        asyncio.run(scenario(server.url, server))


async def _open_tab(url: str, server, spare: int) -> tuple[aiohttp.ClientWebSocketResponse, bytes]:
    """A tab of 120x40 opened once `spare` has drawn its first screen (so the server holds what it drew), and what
    it was sent until it showed the store at its own size: a move to its 40th row."""
    wait_until(lambda: written(spare) > 4096, what="the spare drew its first screen")
    client = aiohttp.ClientSession()
    websocket = await client.ws_connect(url.replace("http://", "ws://") + "ws?width=120&height=40")
    websocket.client = client  # type: ignore[attr-defined]
    seen = b""
    async with asyncio.timeout(60):
        while b"Mini v. Host" not in seen or b"\x1b[40;" not in seen:
            message = await websocket.receive()
            assert message.type == aiohttp.WSMsgType.BINARY, f"the session ended: {message}"
            seen += message.data
    return websocket, seen


def test_a_tab_takes_the_spare_with_what_it_drew_and_a_new_spare_is_started(mini_store):
    async def scenario(url: str, server) -> None:
        spare = the_spare(server)  # drawn at 80x24, before any tab
        first, seen = await _open_tab(url, server, spare)
        assert seen.startswith(b"\x1b[?1049h")  # the spare's first output (the alternate screen): nothing lost
        assert alive(spare) and spare in server.session_pids()
        wait_until(lambda: len(server.session_pids()) == 2, what="a new spare")
        (second_spare,) = set(server.session_pids()) - {spare}
        second, seen = await _open_tab(url, server, second_spare)  # drawn at 120x40: the first tab's size
        assert seen.startswith(b"\x1b[?1049h") and b"Mini v. Host" in seen
        await _close(first)
        wait_until(lambda: not alive(spare), what="the first tab's process ended with its tab")
        assert alive(second_spare)
        await _close(second)
        wait_until(lambda: not alive(second_spare), what="the second tab's process ended with its tab")

    with served(db=mini_store) as server:
        asyncio.run(scenario(server.url, server))


def test_the_spare_is_no_readers_session_and_never_over_the_limit(mini_store):
    async def scenario(url: str, server) -> None:
        spare = the_spare(server)  # with no tab open: one process, no reader
        async with aiohttp.ClientSession() as client, client.get(url) as page:
            assert page.status == 200
        first, _ = await _open_tab(url, server, spare)
        wait_until(lambda: len(server.session_pids()) == 2, what="a spare for the second place")
        (second_spare,) = set(server.session_pids()) - {spare}
        second, _ = await _open_tab(url, server, second_spare)
        async with aiohttp.ClientSession() as client, client.get(url) as page:
            assert page.status == 503 and "All 2 sessions are in use" in await page.text()
        assert sorted(server.session_pids()) == sorted([spare, second_spare])  # the limit reached: no spare
        await _close(second)
        wait_until(lambda: not alive(second_spare), what="the second tab's process ended with its tab")
        wait_until(lambda: len(server.session_pids()) == 2, what="a spare for the place set free")
        assert spare in server.session_pids()
        await _close(first)

    with served("--max-sessions", "2", db=mini_store) as server:
        asyncio.run(scenario(server.url, server))


async def test_a_relay_keeps_what_a_session_drew_until_its_tab_attaches():
    from parlertui.serve_sessions import Relay

    class Tab:
        def __init__(self) -> None:
            self.sent: list[bytes | str] = []
            self.closed = False

        async def send_bytes(self, data: bytes) -> None:
            self.sent.append(data)

        async def send_str(self, data: str) -> None:
            self.sent.append(data)

        async def close(self) -> None:
            self.closed = True

    relay, tab = Relay(), Tab()
    await relay.send(b"modes")
    await relay.send('["open_url"]')
    await relay.attach(tab)  # type: ignore[arg-type]
    await relay.send(b"frame")
    assert tab.sent == [b"modes", '["open_url"]', b"frame"] and not relay.kept
    await relay.close()
    assert tab.closed and not relay.ended
    untaken = Relay()
    await untaken.close()  # its process ended before any tab came
    assert untaken.ended


def test_an_idle_session_is_closed(mini_store):
    async def scenario(url: str, server) -> None:
        pid = the_spare(server)  # the process the tab takes
        session = await _session_until(url, b"Mini v. Host", keep_alive=True)
        try:
            async with asyncio.timeout(60):
                while (message := await session.receive()).type == aiohttp.WSMsgType.BINARY:
                    pass
            assert message.type == aiohttp.WSMsgType.CLOSE and message.extra == "closed after a long time idle"
        finally:
            await _close(session)
        wait_until(lambda: not alive(pid), what="the idle session's process ended")

    with served("--idle-minutes", "0.1", db=mini_store) as server:
        asyncio.run(scenario(server.url, server))
    assert IDLE_MINUTES == 30  # what the README documents


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_stopping_ends_every_session(mini_store, stop):
    async def open_sessions(url: str) -> list[aiohttp.ClientWebSocketResponse]:
        return list(await asyncio.gather(*(_session_until(url, b"Mini v. Host") for _ in range(2))))

    with served(db=mini_store) as server:
        loop = asyncio.new_event_loop()
        sessions = loop.run_until_complete(open_sessions(server.url))
        wait_until(lambda: len(server.session_pids()) == 3, what="two sessions and a spare")
        pids = server.session_pids()
        assert server.stop(stop) == 0
        assert not [pid for pid in pids if alive(pid)], "a session's process outlived the server"
        for session in sessions:
            loop.run_until_complete(_close(session))
        loop.close()


def test_another_host_is_said_to_expose_the_store(mini_store):
    # No session is opened here, so no spare is needed: one process less to start.
    with served("--host", "0.0.0.0", "--no-spare", db=mini_store) as server:
        wait_until(lambda: server.errors, what="the warning")
        assert re.fullmatch(
            r"parlertui: listening on 0\.0\.0\.0: anyone who can reach this address can read .*mini\.sqlite\n",
            server.errors[0],
        )
        assert server.url.startswith("http://127.0.0.1:")
    with served("--no-spare", db=mini_store) as server:
        assert server.url.startswith("http://127.0.0.1:")
        assert server.stop() == 0
        assert not server.errors


def test_with_no_spare_a_tab_starts_its_own_process(mini_store):
    with served("--no-spare", db=mini_store) as server:
        # Serving is announced once a spare has been spawned (the_spare finds it at once); here there is none.
        assert server.session_pids() == []
        loop = asyncio.new_event_loop()
        session = loop.run_until_complete(_session_until(server.url, b"Mini v. Host"))
        assert len(server.session_pids()) == 1  # the tab's own
        loop.run_until_complete(_close(session))
        loop.close()
        assert server.stop() == 0


def test_the_session_command_opens_the_given_store(mini_store):
    from parlertui.serve import session_command

    command = session_command(Path(os.path.relpath(mini_store)))
    assert command.startswith("exec ") and command.endswith(f"--db {mini_store.resolve()}")


def test_a_session_opens_the_store_read_only_and_ends_when_the_server_is_killed(mini_store):
    with served(db=mini_store) as server:
        loop = asyncio.new_event_loop()
        pid = the_spare(server)
        session = loop.run_until_complete(_session_until(server.url, b"Mini v. Host"))
        wait_until(lambda: len(server.session_pids()) == 2, what="the tab's session and a new spare")
        pids = server.session_pids()
        store_fds = [fd for fd in Path(f"/proc/{pid}/fd").iterdir() if _target(fd) == str(mini_store.resolve())]
        assert store_fds, "the session holds no descriptor on the store"
        for fd in store_fds:
            flags = next(
                line
                for line in (fd.parent.parent / "fdinfo" / fd.name).read_text().splitlines()
                if line.startswith("flags:")
            )
            assert int(flags.split()[1], 8) & os.O_ACCMODE == os.O_RDONLY
        server.process.kill()  # no chance to stop its sessions
        server.process.wait()
        wait_until(lambda: not any(map(alive, pids)), what="the session's and the spare's ended with their server")
        loop.run_until_complete(_close(session))
        loop.close()


def _target(fd: Path) -> str:
    try:
        return os.readlink(fd)
    except OSError:
        return ""
