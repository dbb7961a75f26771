"""`parlertui serve` in a real browser: headless Chromium (/usr/bin/chromium) driven by Playwright, reading what
the page's terminal holds (see tests/webtools.py). Skipped where Chromium or Playwright is missing; under CI
(CI=true), whose run installs both, a missing one fails."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from webtools import browser_or_skip, focus_terminal, hook_terminals, launch, screen_text, served, wait_for_text

FIRST_SCREEN = "Riot at the U.S. Capitol"  # the bundled store's timeline, on its first screen


@pytest.fixture
def browser():
    sync_api = browser_or_skip()
    with sync_api.sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


def new_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    hook_terminals(context)
    return context, context.new_page()


def test_the_bundled_store_in_chromium(browser, tmp_path):
    with served() as server:
        context, page = new_page(browser)
        page.goto(server.url)
        first = wait_for_text(page, FIRST_SCREEN, timeout=90)
        assert "1 Timeline" in first and "Parler v. AWS" in first
        focus_terminal(page)

        page.keyboard.press("3")
        arguments = wait_for_text(page, "Did AWS conspire with Twitter")  # the first topic's question, in its detail
        assert "─ Topics " in arguments and FIRST_SCREEN not in arguments

        page.keyboard.press("/")
        wait_for_text(page, "─ Search ")
        page.keyboard.type("Sherman")
        wait_for_text(page, "── Quotes (")
        # The words matched whole come first, the ranked answer after: wait for the quote that holds the word.
        wait_for_text(page, "Sherman Antitrust Act")
        results = wait_for_text(page, " match")  # counted: "N matches" replaces "N so far, counting…"
        assert re.search(r"\d+ match", results) and "Sherman Antitrust Act" in results
        page.screenshot(path=str(tmp_path / "search.png"))
        context.close()


def test_export_downloads_to_the_reader(browser, tmp_path):
    where_served = tmp_path / "server"
    where_served.mkdir()
    with served(cwd=where_served) as server:
        context, page = new_page(browser)
        downloads = []

        def keep(download) -> None:
            downloads.append(download)

        context.on("page", lambda popup: popup.on("download", keep))  # the page opens the download in a new tab
        page.on("download", keep)
        page.goto(server.url)
        wait_for_text(page, FIRST_SCREEN, timeout=90)
        focus_terminal(page)
        page.keyboard.press("3")
        wait_for_text(page, "Did AWS conspire with Twitter")
        page.keyboard.press("Control+e")
        wait_for_text(page, "Export what is on screen")
        page.keyboard.press("Enter")
        deadline = time.monotonic() + 60
        while not downloads and time.monotonic() < deadline:
            page.wait_for_timeout(50)
        assert downloads, f"no download; the screen:\n{screen_text(page)}"
        download = downloads[0]
        assert download.suggested_filename.startswith("parlertui-arguments") and download.suggested_filename.endswith(
            ".md"
        )
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
        text = saved.read_text(encoding="utf-8")
        assert text.startswith("#") and "Sherman" in text
        wait_for_text(page, "Exported")  # the toast's title
        context.close()
    assert not list(where_served.iterdir()), "the export was written on the server"


def test_eight_sessions_at_once_all_get_their_first_screen(browser):
    with served("--max-sessions", "8") as server:
        pages = []
        for _ in range(8):
            context, page = new_page(browser)
            page.goto(server.url, wait_until="commit")
            pages.append(page)
        for page in pages:
            wait_for_text(page, FIRST_SCREEN, timeout=180)
        assert len(server.session_pids()) == 8
        for page in pages:
            page.context.close()


def test_a_tab_on_the_spare_shows_what_a_tab_repainted_at_its_size_shows(browser):
    """The first tab takes the spare drawn at 80x24 and is repainted at its own size; the second takes the next
    spare, drawn ahead at that size, and is sent only what it drew. Both terminals must hold the same screen."""
    with served() as server:
        (first_spare,) = server.session_pids()
        wait_until(lambda: written(first_spare) > 4096, "the first spare drew its first screen")
        first_context, first = new_page(browser)
        first.goto(server.url)
        wait_for_text(first, FIRST_SCREEN, timeout=90)
        wait_until(lambda: len(server.session_pids()) == 2, "a new spare")
        (spare,) = set(server.session_pids()) - {first_spare}
        wait_until(lambda: written(spare) > 4096, "the new spare drew its first screen")
        second_context, second = new_page(browser)
        second.goto(server.url)
        wait_for_text(second, FIRST_SCREEN, timeout=90)
        assert {first_spare, spare} <= set(server.session_pids())
        deadline = time.monotonic() + 60
        while (screens := (screen_text(first), screen_text(second)))[0] != screens[1]:
            assert time.monotonic() < deadline, "the tabs differ; the first:\n{}\nthe second:\n{}".format(*screens)
            time.sleep(0.02)
        assert "1 Timeline" in screen_text(second)
        first_context.close()
        second_context.close()


def wait_until(condition, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout:.0f} s: {what}")
        time.sleep(0.02)


def written(pid: int) -> int:
    """Bytes the process has written (its output to the server, for a session)."""
    io = dict(line.split(": ") for line in Path(f"/proc/{pid}/io").read_text().splitlines())
    return int(io["wchar"])
