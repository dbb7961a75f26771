"""What a new user hit (issue 13): a test for each."""

from __future__ import annotations

import pytest
from textual import events

from apptools import (
    BUNDLED,
    detail_text,
    filter_bar_text,
    listed_ids,
    notices,
    palette,
    plain,
    press,
    running,
    settle,
    view,
    wait_until,
)

from parlertui.screens.palette import Palette


@pytest.mark.parametrize("page_key", ["pageup", "pagedown"])
async def test_the_palette_takes_a_page_key_sent_with_ctrl_p_in_one_read(page_key):
    async with running(BUNDLED, (120, 40)) as (app, pilot):
        # Both keys queued before the app handles either, as the terminal delivers them in one read.
        app.post_message(events.Key("ctrl+p", None))
        app.post_message(events.Key(page_key, None))
        await settle(pilot)
        assert isinstance(app.screen, Palette)
        await pilot.press(page_key, page_key)  # and twice without waiting, once it is up
        await settle(pilot)
        assert isinstance(app.screen, Palette) and app.return_code is None
        await pilot.press("escape")
        await settle(pilot)
        # The pickers open the same guarded palette.
        await pilot.press("ctrl+p", *"Go to party", "enter")
        app.post_message(events.Key("pagedown", None))
        await settle(pilot)
        assert isinstance(app.screen, Palette) and app.return_code is None


async def test_escape_removes_one_filter_a_press_as_the_help_says(mini_store):
    from parlertui.app import HELP_NOTES
    from parlertui.store.filters import Filters

    assert "removes the filters one a press" in HELP_NOTES["Everywhere"]
    async with running(mini_store) as (app, pilot):
        app.explorer.change_filters(Filters(party="host", kind="platform"))
        await settle(pilot)
        assert filter_bar_text(app).count("✕") == 2
        await press(pilot, "escape")
        assert app.explorer.filters == Filters(party="host")  # the last chip went, the other stays
        await press(pilot, "escape")
        assert app.explorer.filters == Filters() and filter_bar_text(app) == ""
        await press(pilot, "x")  # nothing left to clear: the key is off, the view stays
        assert app.explorer.current_view.view_id == "timeline"


@pytest.mark.parametrize(
    ("typed", "day"), [("2021", "2021-12-31"), ("2021-03", "2021-03-31"), ("2020-02", "2020-02-29")]
)
async def test_as_of_a_year_or_a_month_means_its_end_and_the_header_shows_that_day(mini_store, typed, day):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "d", *typed, "enter")
        assert app.explorer.filters.as_of == day
        assert f"as of {day}" in app.sub_title


def test_a_month_or_a_year_typed_as_a_last_day():
    from parlertui.store.filters import parse_day

    assert parse_day("2021", last=True) == "2021-12-31" and parse_day("2021") == "2021-01-01"
    assert parse_day("2021-02", last=True) == "2021-02-28" and parse_day("2021-01-13", last=True) == "2021-01-13"


async def test_the_filter_dialog_reads_to_a_month_as_its_end(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "f")
        app.screen.query_one("#start").value = "2021-01"
        app.screen.query_one("#end").value = "2021-01"
        await press(pilot, "ctrl+s")
        assert (app.explorer.filters.start, app.explorer.filters.end) == ("2021-01-01", "2021-01-31")


async def test_the_as_of_explanation_wraps_instead_of_being_cut():
    from parlertui.screens.filters import AsOfScreen

    async with running(BUNDLED, (80, 24)) as (app, pilot):
        await press(pilot, "d")
        assert isinstance(app.screen, AsOfScreen)
        explanation = app.screen.query_one(".explanation")
        dialog = app.screen.query_one(".day-dialog")
        words = " ".join(AsOfScreen.EXPLANATION.split())
        shown = " ".join(
            " ".join(strip.text for strip in explanation.render_lines(explanation.region.reset_offset)).split()
        )
        assert shown == words  # every word, nothing cut with …
        assert explanation.region.height > 1 and dialog.region.contains_region(explanation.region)


async def test_the_filter_dialogs_dropdowns_stay_on_screen_at_80x24():
    from textual.widgets import Select

    async with running(BUNDLED, (80, 24)) as (app, pilot):
        await press(pilot, "f")
        screen_region = app.screen.region
        assert screen_region.contains_region(app.screen.query_one("#filters").region)
        for select in app.screen.query(Select):
            if select.disabled:
                continue
            select.focus()
            await press(pilot, "enter")
            overlay = select.query_one("SelectOverlay")
            assert overlay.region.height > 2 and screen_region.contains_region(overlay.region), select.id
            await press(pilot, "escape")


async def test_t_goes_to_the_first_quote_on_or_after_a_day():
    async with running(BUNDLED, (120, 40)) as (app, pilot):
        await press(pilot, "5", "t", *"2021-01-21", "enter")
        quotes = app.explorer.view("quotes").list_pane
        assert quotes.cursor is not None
        here = quotes.row(quotes.cursor)
        before = quotes.row(quotes.cursor - 1)
        assert str(here.key) >= "2021-01-21" > str(before.key)
        assert not notices(app)


async def test_t_past_the_last_date_says_so_and_stops_on_the_last_dated_item():
    async with running(BUNDLED, (120, 40)) as (app, pilot):
        await press(pilot, "t", *"2030-01-01", "enter")
        events = view(app).list_pane
        assert events.cursor == events.count - 1
        assert notices(app) == [
            "Nothing listed here is dated on or after 2030-01-01: this is the last event with a date."
        ]
        app.clear_notifications()
        await press(pilot, "5", "t", *"2030", "enter")
        quotes = view(app).list_pane
        row = quotes.row(quotes.cursor)
        assert not str(row.key).startswith("~")  # the last dated quote, not an undated one after it
        assert str(quotes.row(quotes.cursor + 1).key).startswith("~") if quotes.cursor + 1 < quotes.count else True
        assert "this is the last quote with a date" in notices(app)[-1]


@pytest.mark.parametrize("name", ["2", "3", "4"])
async def test_t_where_the_list_is_not_by_date_says_why(mini_store, name):
    async with running(mini_store) as (app, pilot):
        await press(pilot, name, "t")
        assert "t goes to a date in the timeline and the quotes" in notices(app)[-1]


async def test_no_court_column_on_a_topic_the_court_did_not_rule_on():
    from parlertui.navigation import Target
    from parlertui.widgets.debate import DebatePane

    async with running(BUNDLED, (200, 50)) as (app, pilot):
        app.explorer.go_to(Target("topic", "switching-hosts"))
        await settle(pilot)
        debate = app.screen.query_one(DebatePane)
        assert not any(row.has_class("ruled") for row in debate.query(".row"))
        cell = debate.query_one(".cell.side-parler")
        assert cell.region.width > debate.content_region.width * 0.4  # one of two columns, not of three
        app.explorer.go_to(Target("topic", "breach-of-contract"))
        await settle(pilot)
        assert all(row.has_class("ruled") for row in debate.query(".row"))
        assert debate.query_one(".cell.side-parler").region.width < debate.content_region.width * 0.4


async def test_a_side_with_nothing_on_the_record_as_of_a_date_says_so_under_its_heading():
    from parlertui.navigation import Target
    from parlertui.store.filters import Filters

    async with running(BUNDLED, (120, 40)) as (app, pilot):
        app.explorer.change_filters(Filters(as_of="2021-01-11"))
        await settle(pilot)
        app.explorer.go_to(Target("topic", "breach-of-contract"))
        await settle(pilot)
        text = detail_text(app, "arguments")
        assert "Nothing from AWS on this point was on the record as of 2021-01-11." in text
        assert "in our sources" not in text


async def test_the_palette_always_has_forward_and_clear_filters(mini_store):
    from parlertui.store.filters import Filters

    async with running(mini_store) as (app, pilot):
        # Before anything is typed, the palette lists every command (the explorer's come from its own provider).
        await pilot.press("ctrl+p")

        def listed() -> set[str]:
            lists = app.screen.query("CommandList")
            options = lists.first().options if lists else []
            return {plain(option.prompt).splitlines()[0] for option in options}

        await wait_until(pilot, lambda: {"Back", "Forward", "Clear filters", "Help: keys"} <= listed(), "the commands")
        await press(pilot, "escape")
        await palette(pilot, "Forward")
        assert notices(app)[-1] == "Nowhere to go forward to."
        await palette(pilot, "Clear filters")
        assert notices(app)[-1].startswith("No filters are on")
        app.explorer.change_filters(Filters(kind="platform"))
        await settle(pilot)
        await palette(pilot, "Clear filters")
        assert app.explorer.filters == Filters()
        await press(pilot, "alt+left")
        assert app.explorer.filters == Filters(kind="platform")
        await palette(pilot, "Forward")
        assert app.explorer.filters == Filters()


async def wait_for_notice(pilot, start: str) -> str:
    def found() -> list[str]:
        return [text for text in notices(pilot.app) if text.startswith(start)]

    await wait_until(pilot, found, f"a notice starting {start!r}")
    return found()[-1]


async def test_screenshot_says_where_it_saved_where_there_is_no_downloads_folder(mini_store, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    async with running(mini_store) as (app, pilot):
        await palette(pilot, "Screenshot")
        said = await wait_for_notice(pilot, "Saved a screenshot to ")
    [saved] = list(work.glob("parlertui_*.svg"))
    assert said == f"Saved a screenshot to {saved}" and saved.read_text().startswith("<svg")


async def test_screenshot_says_why_it_could_not_save(mini_store, tmp_path, monkeypatch):
    import parlertui.screenshot

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(parlertui.screenshot, "screenshot_folder", lambda: blocker / "pictures")
    async with running(mini_store) as (app, pilot):
        await palette(pilot, "Screenshot")
        said = await wait_for_notice(pilot, "Could not save the screenshot: ")
    assert str(blocker / "pictures") in said and "cannot make its folder" in said


async def test_enter_on_a_quote_in_the_quotes_view_and_on_its_words_in_the_detail_opens_it(mini_store):
    from parlertui.screens.record import RecordScreen

    async with running(mini_store) as (app, pilot):
        await press(pilot, "5")
        quote_id = view(app).list_pane.highlighted_id
        await press(pilot, "enter")
        assert isinstance(app.screen, RecordScreen) and app.screen.trail[-1][0].id == quote_id
        await press(pilot, "enter")  # its own words, there: stays on it
        assert isinstance(app.screen, RecordScreen) and len(app.screen.trail) == 1
        await press(pilot, "escape")
        assert not isinstance(app.screen, RecordScreen) and view(app).view_id == "quotes"
        await press(pilot, "tab")
        assert view(app).detail_pane.cursor == 0  # the quote's words
        await press(pilot, "enter")
        assert isinstance(app.screen, RecordScreen) and app.screen.trail[-1][0].id == quote_id


def contrast(style) -> float:
    """WCAG's contrast ratio of a resolved style's text against its background."""
    from textual.color import Color

    def luminance(color: Color) -> float:
        def channel(value: int) -> float:
            value_ = value / 255
            return value_ / 12.92 if value_ <= 0.03928 else ((value_ + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)

    lighter, darker = sorted(
        (luminance(Color.from_rich_color(style.color)), luminance(Color.from_rich_color(style.bgcolor))), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("theme", ["textual-light", "textual-dark"])
async def test_key_letters_and_dialog_values_reach_wcag_aa(theme):
    from textual.widgets import Input, Label, Select

    async with running(BUNDLED, (120, 40)) as (app, pilot):
        app.theme = theme
        await settle(pilot)
        bar = app.screen.query_one("#key-bar")
        assert contrast(bar.get_component_rich_style("key-bar--key")) >= 4.5
        assert contrast(bar.get_component_rich_style("key-bar--description")) >= 4.5
        await press(pilot, "f")
        dialog = app.screen
        app.screen.query_one("#kind", Select).value = "ruling"  # a value chosen, and prompts left
        await settle(pilot)
        texts = [*dialog.query("SelectCurrent > Static"), *dialog.query(Label), *dialog.query(Input)]
        assert len(texts) > 10
        for widget in texts:
            assert contrast(widget.rich_style) >= 4.5, (widget, contrast(widget.rich_style))
        for box in dialog.query(Input):
            assert contrast(box.get_component_rich_style("input--placeholder")) >= 4.5
        await press(pilot, "escape", "d")
        for widget in [*app.screen.query(".explanation"), *app.screen.query(Input)]:
            assert contrast(widget.rich_style) >= 4.5
        assert contrast(app.screen.query_one(Input).get_component_rich_style("input--placeholder")) >= 4.5


async def test_s_sorts_the_quotes_by_date_and_speaker_each_way_and_the_title_says_so():
    async with running(BUNDLED, (120, 40)) as (app, pilot):
        await press(pilot, "5")
        quotes = view(app).list_pane
        assert quotes.border_title.startswith("Quotes by date (")
        kept = quotes.highlighted_id
        seen = {}
        for name in ("by date, latest first", "by speaker", "by speaker, Z-A", "by date"):
            await press(pilot, "s")
            assert quotes.border_title.startswith(f"Quotes {name} ("), quotes.border_title
            assert quotes.highlighted_id == kept  # the cursor stays on its quote
            seen[name] = listed_ids(quotes)
        speakers = [app.explorer.store.quote(quote_id).quote.speaker_id for quote_id in seen["by speaker"]]
        assert speakers == sorted(speakers)
        assert seen["by speaker, Z-A"] == seen["by speaker"][::-1]
        assert set(seen["by date"]) == set(seen["by speaker"]) and len(seen["by date"]) == quotes.count
        await press(pilot, "s", "s", "t")  # by speaker: t says why it cannot go to a date
        assert "t goes by date" in notices(app)[-1]


async def test_s_sorts_the_sources_by_date_and_outlet():
    async with running(BUNDLED, (120, 40)) as (app, pilot):
        await press(pilot, "4")
        sources = view(app).list_pane
        assert sources.border_title.startswith("Sources in the dataset's order (")
        await press(pilot, "s")
        assert sources.border_title.startswith("Sources by date (")
        dates = [sources.row(i).record.published for i in range(sources.count)]
        known = [date for date in dates if date]
        assert known == sorted(known) and dates[: len(known)] == known  # undated last
        await press(pilot, "s", "s")
        assert sources.border_title.startswith("Sources by outlet (")
        outlets = [(sources.row(i).record.outlet or "~").lower() for i in range(sources.count)]
        assert outlets == sorted(outlets)
