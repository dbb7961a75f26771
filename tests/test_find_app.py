"""Finding and citing in the app: search, filters, the "as of" date, the Sources and Quotes views."""

from __future__ import annotations

import functools
import html
import re

from apptools import (
    BUNDLED,
    detail_text,
    filter_bar_text,
    listed_ids,
    notices,
    options_text,
    plain,
    press,
    running,
    search_for,
    settle,
    view,
    wait_until,
)
from hypothesis import HealthCheck, given, settings
from textual import events
from hypothesis import strategies as st
from textual.widgets import Input, Select

from parlertui.navigation import Target
from parlertui.screens.filters import AsOfScreen, FilterScreen
from parlertui.screens.record import RecordScreen
from parlertui.screens.search import SearchScreen
from parlertui.store.filters import Filters
from parlertui.store.queries import Store
from parlertui.widgets.result_list import ResultList


def selected(app) -> str | None:
    return view(app).list_pane.highlighted_id


SVG_TEXT = re.compile(
    r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[^)]*-line-(\d+)\)">([^<]*)</text>'
)
CELL_WIDTH = 12.2  # a column in Rich's SVG export: its font size, 20, times 0.61


def screen_text(app) -> str:
    """What the screen shows, a line a row, read from Textual's public SVG screenshot: each run of text put back at
    its column (the export leaves out runs of plain blanks)."""
    lines: dict[int, str] = {}
    for x, row, text in SVG_TEXT.findall(app.export_screenshot(simplify=True)):
        line, column = lines.get(int(row), ""), round(float(x) / CELL_WIDTH)
        lines[int(row)] = line.ljust(column) + html.unescape(text).replace("\xa0", " ").rstrip("\n")
    return "\n".join(lines[row] for row in sorted(lines))


async def test_slash_hang_shows_the_quote_and_its_speaker_on_the_first_screen():
    async with running(BUNDLED) as (app, pilot):
        await press(pilot, "slash")
        assert isinstance(app.screen, SearchScreen)
        await search_for(pilot, "hang", type_it=True)
        await pilot.pause()
        shown = screen_text(app)
        assert "Hang Mike Pence" in shown and "Parler LLC" in shown
        results = app.screen.query_one(ResultList)
        for _ in range(50):  # a reader's way down the results to the quote
            if results.highlighted_id == "quote:complaint-hang-mike-pence":
                break
            await press(pilot, "down" if app.focused is not results else "j")
        assert results.highlighted_id == "quote:complaint-hang-mike-pence"
        await press(pilot, "enter")
        assert isinstance(app.screen, RecordScreen)
        assert "Hang Mike Pence" in screen_text(app) and "Parler LLC" in screen_text(app)
        await press(pilot, "escape")
        assert not isinstance(app.screen, (RecordScreen, SearchScreen))


async def test_enter_goes_to_a_match_in_its_view(mini_store):
    async with running(mini_store) as (app, pilot):
        for text, kind, wanted_view, wanted in [
            ("sues", "event", "timeline", "suit"),
            ("pat", "party", "parties", "ceo"),
            ("gazette", "source", "sources", "report"),
        ]:
            await press(pilot, "slash")
            await search_for(pilot, text)
            results = app.screen.query_one(ResultList)
            results.highlight_id(f"{kind}:{wanted}")
            await press(pilot, "tab", "enter")
            await settle(pilot)
            assert view(app).view_id == wanted_view and selected(app) == wanted, text


async def test_an_argument_opens_in_its_topic_with_the_cursor_on_it(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "slash")
        await search_for(pilot, "allowed")
        results = app.screen.query_one(ResultList)
        argument = next(e.id for e in results.entries if e.id and e.id.startswith("argument:"))
        results.highlight_id(argument)
        await press(pilot, "tab", "enter")
        await settle(pilot)
        debate = view(app).detail_pane
        assert view(app).view_id == "arguments"
        assert debate.cards[debate.cursor].argument_id == argument.split(":", 1)[1]


async def test_search_says_how_it_read_bad_syntax_and_escape_returns(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "j", "slash")
        await search_for(pilot, '"host NEAR(')
        note = plain(app.screen.query_one("#search-note").render())
        assert "plain terms" in note and "match" in note
        await press(pilot, "escape")
        assert not isinstance(app.screen, SearchScreen) and selected(app) == "email"


async def test_hypothesis_the_search_box_takes_any_text():
    pastes = st.text(min_size=1, max_size=8).map(lambda piece: (piece * 10_000)[:10_000])

    @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
    @given(text=st.one_of(st.text(max_size=40), pastes))
    def never_breaks(text):
        typed.append(text)

    typed: list[str] = []
    never_breaks()
    async with running(BUNDLED) as (app, pilot):
        await press(pilot, "slash")
        for text in typed:
            await search_for(pilot, text)
            assert isinstance(app.screen, SearchScreen)
            assert plain(app.screen.query_one("#search-note").render())


async def test_filters_narrow_the_timeline_and_quotes_show_chips_and_x_clears(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "f")
        assert isinstance(app.screen, FilterScreen)
        app.screen.query_one("#who", Select).value = "side:aws"
        app.screen.query_one("#kind", Select).value = "filing"
        await press(pilot, "ctrl+s")
        await settle(pilot)
        assert app.screen.filters == Filters(side="aws", kind="filing")
        assert view(app).list_pane.border_title == "Events: 1 of 4 (3 hidden by filters)"
        assert "Side: AWS" in filter_bar_text(app) and "Kind: filing" in filter_bar_text(app)
        await press(pilot, "5")
        assert view(app).list_pane.border_title == "Quotes by date: 0 of 3 (3 hidden by filters)"
        assert "x clears" in detail_text(app)
        await press(pilot, "2")
        assert filter_bar_text(app) == ""  # the parties are not narrowed, so no chips there
        await press(pilot, "1", "x")
        assert app.screen.filters == Filters() and view(app).list_pane.border_title == "Events (4)"
        await press(pilot, "alt+left")  # back to before clearing
        assert app.screen.filters == Filters(side="aws", kind="filing")


async def test_a_bad_date_in_the_filters_is_explained_and_nothing_changes(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "f")
        app.screen.query_one("#start", Input).value = "2021-02-30"
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, FilterScreen)
        assert "not a day" in plain(app.screen.query_one("#filter-problem").render())
        app.screen.query_one("#start", Input).value = "2021-01-11"
        app.screen.query_one("#end", Input).value = "2021-01-10"
        await press(pilot, "ctrl+s")
        assert "after" in plain(app.screen.query_one("#filter-problem").render())
        await press(pilot, "escape")
        await settle(pilot)
        assert app.screen.filters == Filters()


async def test_as_of_a_day_the_header_shows_it_and_the_court_has_not_ruled():
    async with running(BUNDLED, size=(120, 40)) as (app, pilot):
        await press(pilot, "d")
        assert isinstance(app.screen, AsOfScreen)
        await press(pilot, *"2021-01-13", "enter")
        await settle(pilot)
        assert "as of 2021-01-13" in app.sub_title
        assert "as of 2021-01-13" in screen_text(app)
        assert "order-denying-pi" not in listed_ids(view(app).list_pane)
        await press(pilot, "3", "tab", "G")
        debate = view(app).detail_pane
        assert not debate.query(".cell.findings .card")
        assert "No finding from Court on this point was on the record as of 2021-01-13." in detail_text(app)
        await press(pilot, "d", *"2021-01-21", "enter")
        await settle(pilot)
        assert debate.query(".cell.findings.side-court .card")
        await press(pilot, "d")
        app.screen.query_one(Input).value = ""
        await press(pilot, "enter")
        await settle(pilot)
        assert app.screen.filters.as_of is None and "as of" not in app.sub_title


async def test_a_bad_as_of_date_is_explained(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "d", *"13/01/2021", "enter")
        assert isinstance(app.screen, AsOfScreen)
        assert "YYYY-MM-DD" in plain(app.screen.query_one(".day-problem").render())
        await press(pilot, "escape")
        assert app.screen.filters.as_of is None


async def test_the_sources_view_lists_each_source_and_what_is_drawn_from_it(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "4")
        lines = options_text(view(app).list_pane)
        assert [line.split()[0] for line in lines] == ["The", "↪"]  # outlet, or the mark of a second-hand source
        text = detail_text(app)
        for part in (
            "Outlet",
            "Published",
            "Address",
            "Kind",
            "first-hand",
            "Events drawn from it",
            "Quotes drawn from it",
            "Host emails Mini",
        ):
            assert part in text, part
        await press(pilot, "j")
        assert "only as quoted in" in detail_text(app)


async def test_the_quotes_view_lists_quotes_in_order_with_their_speakers(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "5")
        lines = options_text(view(app).list_pane)
        assert [line.split()[0] for line in lines] == ["Jan", "2021-01-09", "2021-01-11"]  # a month before its days
        assert "The contract allowed it." in detail_text(app) and "Said by: The Court" in detail_text(app)
        await press(pilot, "j")
        assert "We will suspend your account." in detail_text(app)


async def test_ctrl_e_writes_the_view_as_markdown_beside_never_over_a_file(mini_store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "parlertui-arguments-contract.md").write_text("mine")
    async with running(mini_store) as (app, pilot):
        await press(pilot, "3", "ctrl+e", "enter")  # the dialog: enter writes the file it names
        await settle(pilot)
        await press(pilot, "2", "ctrl+e", "enter")
        await settle(pilot)
        written = [tmp_path / "parlertui-arguments-contract-2.md", tmp_path / "parlertui-parties-mini.md"]
        await wait_until(pilot, lambda: all(path.exists() for path in written), "both briefs to be written")
    assert (tmp_path / "parlertui-arguments-contract.md").read_text() == "mine"
    brief = (tmp_path / "parlertui-arguments-contract-2.md").read_text()
    assert "Breach of contract" in brief and "The contract allowed it." in brief
    party = (tmp_path / "parlertui-parties-mini.md").read_text()
    assert "Host broke the contract." in party


async def test_t_jumps_the_timeline_to_a_day():
    async with running(BUNDLED) as (app, pilot):
        await press(pilot, "t", *"2021-03", "enter")
        assert selected(app) == "parler-dismisses-federal-suit"
        assert "Parler voluntarily dismisses" in detail_text(app)
        await press(pilot, "t", *"2030-01-01", "enter")
        assert selected(app) == "starboard-buys-parler"  # past the end: the last event
        await press(pilot, "t", *"1900", "enter", "k")
        assert selected(app) == "rothstein-appointed"


async def test_search_remembers_the_last_words_and_escape_keeps_cleared_filters_cleared(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "slash")
        await search_for(pilot, "sues")
        await press(pilot, "escape", "slash")
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen) and app.screen.results is not None)
        assert app.screen.query_one("#search-box", Input).value == "sues"
        await press(pilot, "escape")
        app.explorer.change_filters(Filters(side="aws"))
        await settle(pilot)
        await press(pilot, "escape")  # clears the filters
        assert app.screen.filters == Filters()
        await press(pilot, "escape")  # and does not bring them back
        assert app.screen.filters == Filters()
        await press(pilot, "alt+left")  # back does
        assert app.screen.filters == Filters(side="aws")


async def test_the_last_day_of_the_calendar_is_a_day_like_any(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "d", *"9999-12-31", "enter")
        await settle(pilot)
        assert app.is_running and app.screen.filters.as_of == "9999-12-31"
        assert view(app).list_pane.count == 4


async def test_going_to_an_item_a_view_not_yet_read_does_not_list_says_so(mini_store):
    async with running(mini_store) as (app, pilot):
        app.explorer.go_to(Target("source", "no-such-source"))
        await settle(pilot)
        assert view(app).view_id == "sources"
        said = notices(app)
        assert said == ["Not shown in Sources: this store does not hold it."]


KEY_NAMES = {"/": "slash", "-": "minus"}


def send_at_once(app, keys: str | list[str]) -> None:
    """Characters (or key names such as "enter") in one read, as a fast typist or a paste sends them: each is sent on
    before the one before is handled."""
    for key in keys:
        app.post_message(events.Key(KEY_NAMES.get(key, key), key if len(key) == 1 else None))


async def test_a_date_typed_with_t_in_one_go_goes_into_the_box():
    async with running(BUNDLED) as (app, pilot):
        send_at_once(app, ["t", *"2021-03", "enter"])
        await settle(pilot)
        assert view(app).view_id == "timeline" and selected(app) == "parler-dismisses-federal-suit"
        assert not view(app).jump_box.display and app.focused is view(app).list_pane


async def test_words_typed_with_the_key_that_opens_search_or_the_date_go_into_its_box(mini_store):
    async with running(mini_store) as (app, pilot):
        send_at_once(app, "/sues")
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen) and app.screen.results is not None)
        await settle(pilot)
        assert app.screen.query_one("#search-box", Input).value == "sues"
        await press(pilot, "escape")
        send_at_once(app, [*"d2021-01-10", "enter"])
        await settle(pilot)
        assert app.explorer.filters.as_of == "2021-01-10"


async def test_search_answers_with_the_whole_words_first_then_with_every_word_they_begin(mini_store, monkeypatch):
    answers = []
    show = SearchScreen._show
    monkeypatch.setattr(
        SearchScreen,
        "_show",
        lambda screen, request, results: answers.append(results) or show(screen, request, results),
    )
    async with running(mini_store) as (app, pilot):
        # The first answer has a frame's budget (15 ms), which a loaded machine can miss: here it has a minute.
        app.store.search_at_once = functools.partial(Store.search_at_once, app.store, budget=60.0)
        await press(pilot, "slash")
        await search_for(pilot, "host")
        first, last = answers[0], answers[-1]
        assert first.query == '"host"' and not first.counted
        assert last.query == '"host"*' and last.counted
        assert "so far, counting" not in app.screen.query_one("#search-note").render().plain


async def test_one_search_runs_at_a_time_and_the_last_words_typed_start_as_soon_as_it_stops(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "slash")
        await settle(pilot)
        screen, started, interrupts = app.screen, [], []
        screen.run_search = lambda request, text, answered: started.append(text)  # runs until it is stopped
        screen.store.interrupt_search = lambda: interrupts.append(True)
        screen.store.search_at_once = lambda *args: None  # no first answer of whole words, so each search starts
        for text in ("s", "su", "sue", "sues"):  # keys that come together
            screen._ask(text)
        assert started == ["s"] and len(interrupts) == 3  # each later key stops the one running
        screen.on_search_screen_done(SearchScreen.Done(screen._in_flight))  # it has stopped
        assert started == ["s", "sues"]
