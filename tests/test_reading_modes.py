"""Reading every word in the app (issue 13): the lists give their titles the width, `w` wraps every row of every
list whole, F10 gives a pane the whole screen, an address is never broken inside a word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from apptools import BUNDLED, options_text, plain, press, running, settle, view

from parlertui.store.queries import Store
from parlertui.store.synth import synth_store
from parlertui.widgets.debate import DebatePane
from parlertui.widgets.keylist import KeyList
from parlertui.widgets.pagedlist import PagedList


def screen_lines(pane) -> list[str]:
    """What a pane draws, line by line, as the reader sees it."""
    return [pane.render_line(y).text for y in range(pane.scrollable_content_region.height)]


def squeezed(lines: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(lines))


def drawn_rows(pane) -> list[str]:
    """Every row of a list as drawn at the list's width (one line each, wrap off)."""
    width = pane.scrollable_content_region.width
    if isinstance(pane, PagedList):
        rows = (pane.row(index) for index in range(pane.count))
        return [pane._render_row(row.record).text(width).plain for row in rows if row is not None]
    return [
        pane.get_option_at_index(i).prompt.text(width).plain
        for i in range(pane.option_count)
        if not pane.get_option_at_index(i).disabled
    ]


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synth_store(tmp_path_factory.mktemp("wrap") / "synth.sqlite", 300, 3000, seed=3).path


async def test_at_120_columns_timeline_and_topic_titles_get_45_characters():
    with Store(BUNDLED) as store:
        titles = [event.title for event in store.timeline()]
        topics = [topic.title for topic in store.topics()]
    async with running(BUNDLED, (120, 40)) as (app, pilot):
        rows = drawn_rows(view(app).list_pane)
        for title, row in zip(titles, rows, strict=True):
            assert title[:45] in row or title in row, row
        await press(pilot, "3")
        rows = drawn_rows(view(app).list_pane)
        for title, row in zip(topics, rows, strict=True):
            assert title[:45] in row or title in row, row
        assert view(app).detail_pane.size.width >= 60  # the debate keeps two readable columns


async def test_at_200_columns_every_title_of_the_bundled_store_is_whole():
    with Store(BUNDLED) as store:
        events = [event.title for event in store.timeline()]
        topics = [topic.title for topic in store.topics()]
        sources = [source.title for source in store.sources()]
    async with running(BUNDLED, (200, 50)) as (app, pilot):
        for number, titles in (("1", events), ("3", topics), ("4", sources)):
            await press(pilot, number)
            rows = drawn_rows(view(app).list_pane)
            assert len(rows) == len(titles)
            for title, row in zip(titles, rows, strict=True):
                assert title in row, row
        await press(pilot, "5")
        assert any("AWS Trust and Safety team " in row for row in drawn_rows(view(app).list_pane))
        assert view(app).detail_pane.size.width >= 55


@pytest.mark.parametrize("number", "12345")
async def test_w_wraps_every_row_of_the_list_whole_and_w_again_cuts_them(number):
    async with running(BUNDLED, (80, 24)) as (app, pilot):
        await press(pilot, number)
        pane = view(app).list_pane
        before = screen_lines(pane)
        await press(pilot, "w")
        assert app.explorer.wrap and view(app).wrap
        after = screen_lines(pane)
        assert not any(line.rstrip().endswith("…") for line in after), after
        if number in "145":  # (every party's name and topic's title fits at 80 columns)
            assert any(line.rstrip().endswith("…") for line in before)
            assert after != before
        if number in "135":
            await press(pilot, "j", "j", "pagedown", "G")
            if isinstance(pane, PagedList):
                assert pane.cursor == pane.count - 1 and pane.cursor in pane.items_on_screen()
        await press(pilot, "w")
        assert not app.explorer.wrap
        assert any(line.rstrip().endswith("…") for line in screen_lines(pane)) or number in "23"


async def test_a_wrapped_title_reads_whole_on_screen():
    async with running(BUNDLED, (80, 24)) as (app, pilot):
        await press(pilot, "w")
        text = squeezed(screen_lines(view(app).list_pane))
        assert "President Carter appoints Barbara Rothstein to the federal bench" in text
        await press(pilot, "3")
        pane = view(app).list_pane
        assert isinstance(pane, KeyList)
        assert "The state suit: defamation and contract claims" in squeezed(options_text(pane))


async def test_wrap_mode_scrolls_and_jumps_with_the_cursor_always_on_screen(big_store):
    async with running(big_store, (80, 24)) as (app, pilot):
        await press(pilot, "5", "w")
        pane = view(app).list_pane
        assert isinstance(pane, PagedList) and pane.count == 3000
        for keys in (["j"] * 12, ["pagedown"] * 5, ["G"], ["k"] * 7, ["pageup"] * 3, ["g"], ["end"], ["home"]):
            await press(pilot, *keys)
            assert pane.cursor in pane.items_on_screen(), keys
            shown = pane.items_on_screen()
            assert shown == list(range(shown[0], shown[0] + len(shown)))
        # A jump to the middle and the end: the rows read are only those around them, not the whole list.
        await press(pilot, "G")
        assert len(pane.rows) < 500


async def test_a_row_taller_than_the_list_is_read_through_with_j_and_k():
    async with running(BUNDLED, (60, 16)) as (app, pilot):
        await press(pilot, "5", "w")
        pane = view(app).list_pane
        height = pane.scrollable_content_region.height
        tall = next(
            index
            for index in range(pane.count)
            if len(pane._render_row(pane.row(index).record).lines(pane.scrollable_content_region.width)) > height
        )
        pane.move_to(tall)
        await settle(pilot)
        first = screen_lines(pane)
        await press(pilot, "j")
        assert pane.cursor == tall and screen_lines(pane) != first  # read on through it
        await press(pilot, "k")
        assert pane.cursor == tall and screen_lines(pane) == first


@pytest.mark.parametrize("number", "12345")
async def test_f10_gives_the_list_and_then_the_detail_the_whole_screen(number):
    async with running(BUNDLED, (120, 40)) as (app, pilot):
        await press(pilot, number)
        pane = view(app).list_pane
        before = screen_lines(pane)
        await press(pilot, "f10")
        assert app.screen.maximized is pane and pane.outer_size.width == 120
        after = screen_lines(pane)
        # fewer rows cut short, or (where every row is long, as the quotes are) more of each row shown
        cut_before, cut_after = (sum(line.rstrip().endswith("…") for line in lines) for lines in (before, after))
        shown_before, shown_after = (sum(len(line.rstrip()) for line in lines) for lines in (before, after))
        assert cut_after < cut_before or cut_before == 0 or shown_after > shown_before
        await press(pilot, "tab")
        detail = view(app).detail_pane
        assert app.screen.maximized is detail and detail.outer_size.width == 120
        await press(pilot, "f10")
        assert app.screen.maximized is None and pane.outer_size.width < 120


async def test_maximized_the_timeline_lays_its_columns_out_again_for_the_whole_width():
    async with running(BUNDLED, (120, 40)) as (app, pilot):
        pane = view(app).list_pane
        assert "President Carter appoints Barbara Rothstein to the federal bench" not in squeezed(screen_lines(pane))
        await press(pilot, "f10")
        assert "President Carter appoints Barbara Rothstein to the federal bench" in squeezed(screen_lines(pane))
        await press(pilot, "escape")  # escape gives the pane back, as Textual does
        assert app.screen.maximized is None


async def test_the_debate_maximizes_and_enter_on_a_topic_carries_the_maximize_to_it():
    async with running(BUNDLED, (120, 40)) as (app, pilot):
        await press(pilot, "3", "f10", "enter")
        debate = view(app).detail_pane
        assert isinstance(debate, DebatePane)
        assert app.screen.maximized is debate and debate.outer_size.width == 120
        await press(pilot, "1")  # another view: its list, maximized in turn
        assert app.screen.maximized is view(app).list_pane


async def test_the_address_is_whole_maximized_and_in_wrap_mode_cut_otherwise():
    url = "https://www.wsls.com/news/2021/01/08/twitter-permanently-suspends-president-trump-citing-risk-of-further"
    async with running(BUNDLED, (120, 50)) as (app, pilot):  # tall enough for the quote's whole detail, wrapped
        await press(pilot, "5")
        detail = view(app).detail_pane
        lines = screen_lines(detail)
        address = next(line for line in lines if "Address:" in line)
        assert address.rstrip(" │").endswith("…") and "wsls" in address
        await press(pilot, "w")
        await settle(pilot)
        text = "".join(line.strip() for line in screen_lines(detail))
        assert url in text
        assert "Held: as quoted in WSLS (the report is held first-hand)" in squeezed(screen_lines(detail))
        await press(pilot, "w", "tab", "f10")
        assert url in squeezed(screen_lines(detail))


async def test_w_and_f10_are_in_the_key_bar_and_the_help():
    from parlertui.widgets.key_bar import KeyBar

    async with running(BUNDLED, (120, 40)) as (app, pilot):
        bar = app.screen.query_one(KeyBar)
        assert {"Wrap", "Max"} <= set(bar.described)
        await press(pilot, "question_mark")
        help_text = " ".join(plain(static.content) for static in app.screen.query("Static"))
        assert "f10" in help_text.lower() and "Show every row of the lists whole" in help_text
        assert "F10 gives the pane with the focus the whole screen" in help_text
