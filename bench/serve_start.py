"""A tab's first screen as the server sends it (issue 15): `python bench/serve_start.py [--runs 9]`.

One `parlertui serve` on the bundled store; `--runs` times after a warm-up run, a websocket opened as the page's
script opens it (`/ws?width=120&height=40`), timed from the start of its connection to the first binary message the
server sends (the first bytes for the tab's terminal) and to the first screen (the bytes sent so far hold
2021-01-06, the timeline's first date). Between runs, the tab is closed and the script waits until the server's
processes are quiet (no CPU used for half a second): a spare session the server starts ahead has then drawn its
screen, as it has for a reader who did not open a tab the very moment the previous one closed. Prints min and
median. No browser: the page's own load is not in it (bench/browser.py has that). To time another checkout's server,
run it from outside this checkout (`python -m` puts the working directory first): `cd /tmp &&
PYTHONPATH=/that/checkout python /this/checkout/bench/serve_start.py`. `--new-sizes`: each tab one row taller than
the one before, so never the size the spare was drawn at; its first screen is then the one drawn at its own size
(the bytes also hold a move to its last row).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

import aiohttp

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from webtools import served  # noqa: E402

MARKER = b"2021-01-06"


def cpu_ticks(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
        except (OSError, IndexError):
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total


def wait_until_quiet(server, quiet: float = 0.5, limit: float = 60.0) -> None:
    start = time.monotonic()
    last, since = cpu_ticks([server.process.pid, *server.session_pids()]), time.monotonic()
    while time.monotonic() - since < quiet and time.monotonic() - start < limit:
        time.sleep(0.05)
        ticks = cpu_ticks([server.process.pid, *server.session_pids()])
        if ticks != last:
            last, since = ticks, time.monotonic()


async def one_tab(url: str, height: int) -> tuple[float, float]:
    last_row = b"\x1b[%d;1H" % height
    async with aiohttp.ClientSession() as client:
        start = time.perf_counter()
        websocket = await client.ws_connect(url.replace("http://", "ws://") + f"ws?width=120&height={height}")
        first_bytes = None
        seen = b""
        async with asyncio.timeout(120):
            while MARKER not in seen or last_row not in seen:
                message = await websocket.receive()
                if message.type != aiohttp.WSMsgType.BINARY:
                    raise SystemExit(f"the session ended before its first screen: {message}")
                if first_bytes is None:
                    first_bytes = time.perf_counter() - start
                seen += message.data
        screen = time.perf_counter() - start
        await websocket.close()
    assert first_bytes is not None
    return first_bytes, screen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--new-sizes", action="store_true", help="every tab a size the spare was not drawn at")
    args = parser.parse_args()
    firsts: list[float] = []
    screens: list[float] = []
    with served() as server:
        for run in range(args.runs + 1):
            wait_until_quiet(server)
            before = set(server.session_pids())
            first, screen = asyncio.run(one_tab(server.url, 40 + run if args.new_sizes else 40))
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and len(server.session_pids()) > len(before):
                time.sleep(0.02)  # the closed tab's process ends
            if run:
                firsts.append(first)
                screens.append(screen)
    print(f"{args.runs} runs after a warm-up{'':14}{'min':>8}{'median':>8}")
    for name, values in (("websocket to first bytes sent", firsts), ("websocket to first screen sent", screens)):
        print(f"{name:45}{min(values) * 1000:>8.0f}{statistics.median(values) * 1000:>8.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
