"""A second dispute, shaped unlike the first (tests/data/tribunal): three sides that argue, a deciding body that is
an arbitration panel, another home time zone, a side with colours of its own. Every view, search, the filters, the
"as of" date and every export read its sides from its store (issue 18)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from apptools import detail_text, listed_ids, options_text, press, running, search_for, settle, view, wait_until
from parlertui.app import ParlertuiApp
from parlertui.navigation import Target
from parlertui.store.build import build_store
from parlertui.store.filters import Filters
from parlertui.store.queries import Store
from parlertui.widgets.result_list import ResultList
from test_cli import run_in_process as run  # what a command does; test_cli runs the process

TRIBUNAL = Path(__file__).resolve().parent / "data" / "tribunal"
LEGEND = "U Union · H Harbour · Y City · X Panel"


@pytest.fixture(scope="session")
def built_tribunal(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return build_store(TRIBUNAL, tmp_path_factory.mktemp("built") / "tribunal.sqlite").path.read_bytes()


@pytest.fixture
def tribunal(tmp_path: Path, built_tribunal: bytes) -> Path:
    path = tmp_path / "tribunal.sqlite"
    path.write_bytes(built_tribunal)
    return path


def test_its_store_checks_clean(tribunal):
    result = run("check", str(tribunal))
    assert result.returncode == 0 and "clean (4 sides" in result.stdout, result.stderr


async def test_every_view_names_its_sides(tribunal):
    async with running(tribunal, (120, 40)) as (app, pilot):
        timeline = view(app, "timeline").list_pane
        assert timeline.border_subtitle == LEGEND
        lines = options_text(timeline)
        assert any("UHY " in line and "The union files for arbitration" in line for line in lines), lines
        assert any("09:30 CET" in line for line in lines)  # the home zone is Berlin's
        await press(pilot, "j", "j")
        assert "Riverside Workers' Union (Union): claimant" in detail_text(app)

        await press(pilot, "2")
        parties = options_text(view(app).list_pane)
        assert [line for line in parties if line.startswith("──")] == [
            "── The union and its members",
            "── Harbour",  # no heading of its own: its name
            "── The city",
            "── The arbitration panel",
        ]

        await press(pilot, "3")
        assert view(app).list_pane.border_subtitle == LEGEND
        assert options_text(view(app).list_pane) == ["UHYX The night shifts"]
        debate = view(app).detail_pane
        headings = [str(heading.content) for heading in debate.query(".headings .heading")]
        assert headings == ["Union", "Harbour", "City", "Panel"]
        [row] = [row for row in debate.query(".row") if "headings" not in row.classes]
        cells = list(row.children)
        assert [cell.has_class("findings") for cell in cells] == [False, False, False, True]
        assert len({cell.region.x for cell in cells}) == 3  # three columns side by side; the findings across below
        assert "Night work is allowed" in detail_text(app)

        await press(pilot, "5")
        quotes = options_text(view(app).list_pane)
        assert any(
            line.startswith("2023-03-01") and " U " in f" {line} " and "Alex Beispiel" in line for line in quotes
        )


async def test_three_columns_are_stacked_on_a_narrow_terminal_each_under_its_side(tribunal):
    async with running(tribunal, (80, 40)) as (app, pilot):
        await press(pilot, "3")
        debate = view(app).detail_pane
        assert not debate.query_one(".headings").display  # each cell says whose it is instead
        [row] = [row for row in debate.query(".row") if "headings" not in row.classes]
        cells = list(row.children)
        assert len({cell.region.x for cell in cells}) == 1  # one above the other
        assert [cell.region.y for cell in cells] == sorted(cell.region.y for cell in cells)
        named = [str(heading.content) for heading in debate.query(".cell-heading") if heading.display]
        assert named == ["Union", "Harbour", "City"]
        await press(pilot, "tab", "l")  # across moves to the next side's claim, below
        assert debate.current is not None and "Harbour Freight GmbH" in str(debate.current.content)


async def test_the_sides_filter_and_the_as_of_date(tribunal):
    async with running(tribunal, (80, 24)) as (app, pilot):
        app.explorer.change_filters(Filters(side="city"))
        await settle(pilot)
        assert listed_ids(view(app, "timeline").list_pane) == ["claim"]
        assert "Side: City" in app.screen.query_one("#filter-bar").render().plain
        app.explorer.change_filters(Filters(as_of="2023-04-01"))
        await settle(pilot)
        app.explorer.go_to(Target("topic", "night-shifts"))
        await settle(pilot)
        text = detail_text(app)
        assert "Two night shifts a week" not in text
        assert "No finding from Panel on this point was on the record as of 2023-04-01." in text


async def test_search_finds_its_parties_by_their_side(tribunal):
    async with running(tribunal, (100, 30)) as (app, pilot):
        await press(pilot, "slash")
        await search_for(pilot, "Riverside")
        results = app.screen.query_one(ResultList).lines_text()
        assert any("City · government" in line for line in results), results
        assert any("Union · group" in line for line in results), results


def test_every_export_reads_its_sides(tribunal, tmp_path):
    brief = run("--db", str(tribunal), "export")
    assert brief.returncode == 0, brief.stderr
    for heading in ("#### Union: arguments", "#### Harbour: arguments", "#### City: arguments", "#### Panel: findings"):
        assert heading in brief.stdout
    picture = brief.stdout.split("```text\n", 1)[1].split("```", 1)[0].splitlines()
    assert [line.split()[0] for line in picture[:4]] == ["Union", "Harbour", "City", "Panel"]

    folder = tmp_path / "csv"
    assert run("--db", str(tribunal), "export", "--format", "csv", "-o", str(folder)).returncode == 0
    with (folder / "sides.csv").open(encoding="utf-8", newline="") as handle:
        assert [row["mark"] for row in csv.DictReader(handle)] == ["U", "H", "Y", "X"]

    record = tmp_path / "record.json"
    assert run("--db", str(tribunal), "export", "--format", "json", "-o", str(record)).returncode == 0
    rebuilt = tmp_path / "rebuilt.sqlite"
    assert run("build", str(record), "-o", str(rebuilt)).returncode == 0
    with Store(rebuilt) as store, Store(tribunal) as original:
        assert store.dispute().sides == original.dispute().sides

    timeline = run("--db", str(tribunal), "export", "--format", "timelinejs", "--side", "panel")
    assert [event["unique_id"] for event in json.loads(timeline.stdout)["events"]] == ["award-given"]

    argdown = run("--db", str(tribunal), "export", "--format", "argdown").stdout
    for tag in ("#union", "#company", "#city", "#panel"):
        assert tag in argdown

    wrong = run("--db", str(tribunal), "export", "--side", "aws")
    assert (
        wrong.returncode == 2 and "no side 'aws' in the store; its sides: union, company, city, panel" in wrong.stderr
    )


@pytest.fixture
def tribunal_app(tribunal):
    with Store(tribunal) as store:
        yield ParlertuiApp(store)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda size: f"{size[0]}x{size[1]}")
def test_its_debate(snap_compare, tribunal_app, size):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await press(pilot, "3", "tab")

    assert snap_compare(tribunal_app, terminal_size=size, run_before=run_before)


def test_argdown_reads_its_map_with_every_side_and_relation(tribunal, tmp_path):
    from test_export_argdown import argdown_json, export_argdown

    read = argdown_json(export_argdown(tribunal, tmp_path), tmp_path)
    assert {argument_id: argument["tags"] for argument_id, argument in read["arguments"].items()} == {
        "nights-union": ["union"],
        "nights-harbour": ["company"],
        "nights-city": ["city"],
        "nights-panel": ["panel"],
    }
    assert sorted((r["from"], r["to"], r["relationType"]) for r in read["relations"]) == [
        ("nights-city", "nights-harbour", "support"),
        ("nights-harbour", "nights-union", "attack"),
        ("nights-panel", "nights-harbour", "support"),
        ("nights-panel", "nights-union", "attack"),
    ]


async def test_a_side_s_own_colours_and_the_widest_layout(tribunal):
    from textual.color import Color

    async with running(tribunal, (200, 50)) as (app, pilot):
        await press(pilot, "3")
        debate = view(app).detail_pane
        [row] = [row for row in debate.query(".row") if "headings" not in row.classes]
        cells = list(row.children)
        assert len({cell.region.x for cell in cells}) == 4  # three sides and the panel's findings, side by side
        harbour = debate.query_one(".cell.side-company")
        assert harbour.styles.border_left[1] == Color.parse("#7fd4ff")  # its own, on a dark theme
        union = debate.query_one(".cell.side-union")
        assert union.styles.border_left[1] != harbour.styles.border_left[1]  # the theme's, by its place
        app.theme = "textual-light"
        await wait_until(pilot, lambda: harbour.styles.border_left[1] == Color.parse("#00875f"))
        await press(pilot, "1")
        strip = view(app).strip
        assert strip is not None and strip.lane_rows == 2
        harbour_lane = [segment for segment in strip.render_line(2 * strip.lane_rows - 1) if segment.text.strip()]
        assert harbour_lane[0].text.startswith("H ")
        bars = [segment for segment in harbour_lane if set(segment.text) & set("▁▂▃▄▅▆▇█")]
        assert bars and {segment.style.color.name for segment in bars if segment.style and segment.style.color} == {
            "#00875f"  # its own colour on a light theme (the breaks between periods are muted)
        }
