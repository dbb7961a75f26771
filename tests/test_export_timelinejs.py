"""`parlertui export --format timelinejs`: TimelineJS 3 JSON whose dates say no more than their sources, checked
by TimelineJS 3.9.11 itself in headless Chromium, served from loopback only."""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from field_tools import ROOT, chromium, http_server, npm_package
from parlertui.store.build import build_store
from parlertui.store.timelinejs import timeline_date
from test_cli import run_in_process as run  # what a command does; test_cli runs the process

BUNDLED = ROOT / "db" / "events.sqlite"
PACIFIC = ZoneInfo("America/Los_Angeles")


def export_timeline(store: Path, *extra: str) -> dict:
    result = run("export", "--format", "timelinejs", "--db", str(store), *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("1980", {"year": 1980, "display_date": "1980"}),
        ("2020-12", {"year": 2020, "month": 12, "display_date": "December 2020"}),
        ("2021-01-09", {"year": 2021, "month": 1, "day": 9}),
        (
            "2021-01-10T23:59-08:00",
            {"year": 2021, "month": 1, "day": 10, "hour": 23, "minute": 59, "display_date": "2021-01-10 23:59 PST"},
        ),
        # A time given in UTC is read in the dispute's home zone, on its own day there.
        (
            "2021-01-11T07:59Z",
            {"year": 2021, "month": 1, "day": 10, "hour": 23, "minute": 59, "display_date": "2021-01-10 23:59 PST"},
        ),
    ],
)
def test_dates_carry_their_own_precision_and_no_more(stored, expected):
    assert timeline_date(stored, PACIFIC) == expected


def test_the_bundled_store_as_timelinejs():
    document = export_timeline(BUNDLED)
    connection = sqlite3.connect(f"{BUNDLED.as_uri()}?mode=ro", uri=True)
    events = connection.execute("SELECT id, title, precision, kind FROM events ORDER BY sort_key").fetchall()
    (title,) = connection.execute("SELECT value FROM meta WHERE key = 'title'").fetchone()
    connection.close()

    assert document["title"]["text"]["headline"] == title.replace("&", "&amp;")
    slides = document["events"]
    assert [slide["unique_id"] for slide in slides] == [row[0] for row in events]
    assert document["title"]["unique_id"] not in {row[0] for row in events}
    for slide, (_, _, precision, kind) in zip(slides, events, strict=True):
        parts = slide["start_date"]
        assert (
            set(parts) - {"display_date"}
            == {
                "year": {"year"},
                "month": {"year", "month"},
                "day": {"year", "month", "day"},
                "time": {"year", "month", "day", "hour", "minute"},
            }[precision]
        )
        assert ("display_date" in parts) == (precision != "day")
        assert slide.get("display_date") == parts.get("display_date")
        assert slide["group"] == kind.capitalize()
        assert slide["text"]["text"].startswith("<p>")
    # Every quote said at an event is on its slide, word for word (HTML-escaped).
    quoted = json.dumps(slides, ensure_ascii=False)
    assert "&lt;" not in document["title"]["text"]["text"]
    assert "<blockquote>we have permanently suspended the account due to the risk of further incitement" in quoted
    # A fragment stands in its frame, the source's words around it, and a court quote with its pin cite.
    assert "<blockquote>AWS claimed that they were not confident “Parler could properly police" in quoted
    connection = sqlite3.connect(f"{BUNDLED.as_uri()}?mode=ro", uri=True)
    (pin,) = connection.execute("SELECT pin FROM quotes WHERE pin IS NOT NULL AND event_id IS NOT NULL").fetchone()
    connection.close()
    assert pin.replace("&", "&amp;") in quoted


def test_text_is_escaped_html(dataset, tmp_path):
    dataset.edit("events.toml", lambda doc: doc["event"][0].update(title="<b>A & B</b>", summary="x < y\nz"))
    store = build_store(dataset.folder, tmp_path / "odd.sqlite").path
    (slide,) = [slide for slide in export_timeline(store)["events"] if slide["unique_id"] == "suspension"]
    assert slide["text"]["headline"] == "&lt;b&gt;A &amp; B&lt;/b&gt;"
    assert slide["text"]["text"].startswith("<p>x &lt; y<br>z</p>")


def test_a_narrowed_timeline_holds_only_its_events(mini_store):
    whole = export_timeline(mini_store)
    connection = sqlite3.connect(f"{mini_store.as_uri()}?mode=ro", uri=True)
    (topic,) = connection.execute("SELECT id FROM topics ORDER BY position LIMIT 1").fetchone()
    wanted = {
        row[0]
        for row in connection.execute(
            "SELECT DISTINCT q.event_id FROM argument_quotes AS aq JOIN arguments AS a ON a.id = aq.argument_id "
            "JOIN quotes AS q ON q.id = aq.quote_id WHERE a.topic_id = ? AND q.event_id IS NOT NULL",
            (topic,),
        )
    }
    connection.close()
    narrowed = export_timeline(mini_store, "--topic", topic)
    assert {slide["unique_id"] for slide in narrowed["events"]} == wanted
    assert len(narrowed["events"]) <= len(whole["events"])


@pytest.mark.parametrize(
    "arguments",
    [("export", "--format", "timeline"), ("datasette-metadata", "--bogus"), ("datasette-metadata", "-o")],
)
def test_bad_arguments_are_one_line_and_exit_2(arguments):
    result = run(*arguments)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("parlertui") and "--help" in result.stderr


PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>parlertui in TimelineJS</title>
<link rel="stylesheet" href="/dist/css/timeline.css"></head>
<body style="margin:0"><div id="timeline" style="width:1200px;height:700px"></div>
<script src="/dist/js/timeline.js"></script>
<script>
fetch('/timeline.json').then(r => r.json()).then(data => {
  window.tl = new TL.Timeline('timeline', data, {script_path: location.origin + '/dist/js/'});
}).catch(error => { window.tlError = String(error); });
</script></body></html>
"""


def test_timelinejs_renders_every_exported_event():
    dist = npm_package("@knight-lab/timelinejs") / "dist"
    chromium_path = chromium()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="parlertui-timelinejs-") as folder:
        site = Path(folder)
        (site / "dist").symlink_to(dist, target_is_directory=True)
        (site / "index.html").write_text(PAGE, encoding="utf-8")
        result = run("export", "--format", "timelinejs", "--db", str(BUNDLED), "-o", str(site / "timeline.json"))
        assert result.returncode == 0, result.stderr
        exported = json.loads((site / "timeline.json").read_text(encoding="utf-8"))

        outside: list[tuple[str, str]] = []
        errors: list[str] = []
        with http_server(site) as origin, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(chromium_path), args=["--no-sandbox"])
            try:
                page = browser.new_page(viewport={"width": 1200, "height": 700})
                page.on("pageerror", lambda error: errors.append(str(error)))

                def route(route_, request) -> None:
                    if request.url.startswith(origin + "/"):
                        route_.continue_()
                    else:  # nothing leaves the machine: TimelineJS's web fonts fail, harmlessly
                        outside.append((request.resource_type, request.url))
                        route_.abort()

                page.route("**/*", route)
                page.goto(origin + "/index.html")
                page.wait_for_function(
                    "window.tlError || (window.tl && window.tl.config && window.tl.config.events"
                    " && document.querySelectorAll('.tl-timemarker').length > 0)",
                    timeout=60_000,
                )
                assert page.evaluate("window.tlError || null") is None
                built = page.evaluate("window.tl.config.events.length")
                markers = page.evaluate("document.querySelectorAll('.tl-timemarker').length")
                title = page.evaluate("document.querySelector('.tl-slide-titleslide .tl-headline')?.textContent")
                shot = Path(os.environ.get("PARLERTUI_TIMELINEJS_PNG") or Path(folder) / "timelinejs.png")
                page.screenshot(path=str(shot))
                # And a slide of the dispute itself, its quotes and sources, for a person to look at.
                target = next((s["unique_id"] for s in exported["events"] if s["start_date"].get("hour")), None)
                if target is not None:
                    page.evaluate(f"window.tl.goToId({json.dumps(target)})")
                    page.wait_for_function(
                        f"Math.abs(document.getElementById({json.dumps(target)}).getBoundingClientRect().left) < 2",
                        timeout=30_000,
                    )
                    page.screenshot(path=str(shot.with_name(shot.stem + "-event.png")))
            finally:
                browser.close()
    assert errors == []
    assert built == len(exported["events"]) > 0
    assert markers == len(exported["events"])
    assert title == exported["title"]["text"]["headline"].replace("&amp;", "&")
    assert all(kind in ("font", "stylesheet") for kind, _ in outside), outside
