"""The explorer driven by keys and clicks on the mini store: what is selected and shown after each."""

from __future__ import annotations

import os
import sqlite3
import threading

import pytest

from apptools import (
    WAIT,
    filter_bar_text,
    palette_matches,
    detail_text,
    focused_pane,
    highlighted_text,
    options_text,
    palette,
    plain,
    press,
    running,
    settle,
    view,
    wait_until,
)
from textual import events

from parlertui.app import ParlertuiApp
from parlertui.collector import FULL_COLLECTION_EVERY, IDLE_SECONDS, YOUNG_COLLECTION_AFTER, IdleCollector
from parlertui.navigation import VIEWS, Target
from parlertui.screens.explorer import ExplorerScreen
from parlertui.screens.help import HelpScreen
from parlertui.screens.record import RecordScreen
from parlertui.store.filters import NO_FILTERS, Filters
from parlertui.store.listing import Listing
from parlertui.store.open import StoreError
from parlertui.store.queries import NotFound, Store
from parlertui.widgets.debate import DebatePane
from parlertui.widgets.key_bar import KeyBar


def current(app) -> str:
    return app.explorer.current_view.view_id


def selected(app, name: str | None = None) -> str | None:
    return view(app, name).list_pane.highlighted_id


async def test_the_timeline_lists_events_in_order_under_month_headings(mini_store):
    before = (mini_store.read_bytes(), os.stat(mini_store).st_mtime_ns)
    async with running(mini_store) as (app, pilot):
        assert app.title == "Mini v. Host" and app.sub_title == "mini.sqlite"
        lines = options_text(view(app).list_pane)
        assert [line.split()[0] for line in lines] == ["──", "Jan", "2021-01-09", "2021-01-10", "2021-01-11"]
        assert lines[0].startswith("── January 2021")
        assert "2021-01-10 23:59 PST" in lines[3] and "platform" in lines[3] and "Host suspends Mini" in lines[3]
        assert " PA  " in lines[3]  # side marks: Parler and AWS, in fixed columns
        assert selected(app) == "ruling" and focused_pane(app) == "list"
        assert "The court denies the motion." in detail_text(app)
        await press(pilot, "q")
    assert app.return_code == 0
    assert (mini_store.read_bytes(), os.stat(mini_store).st_mtime_ns) == before


LIST_KEYS = [
    (["j"], "email"),
    (["down"], "suspension"),
    (["k"], "email"),
    (["up"], "ruling"),
    (["up"], "ruling"),
    (["G"], "suit"),
    (["j"], "suit"),
    (["g"], "ruling"),
    (["end"], "suit"),
    (["home"], "ruling"),
    (["pagedown"], "suit"),
    (["pageup"], "ruling"),
]


async def test_list_keys_move_the_selection_stop_at_the_ends_and_the_detail_follows(mini_store):
    async with running(mini_store) as (app, pilot):
        titles = {event.id: event.title for event in app.store.timeline()}
        for keys, expected in LIST_KEYS:
            await press(pilot, *keys)
            assert selected(app) == expected, keys
            assert detail_text(app).startswith(titles[expected]), keys


async def test_the_detail_shows_everything_about_an_event(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "G")
        text = detail_text(app)
        for expected in [
            "Mini sues Host",
            "2021-01-11 · filing",
            "Mini files its complaint.",
            "Parties (2)",
            "Mini LLC (Parler): plaintiff",
            "Host, Inc. (AWS): defendant",
            "Quotes (1)",
            "Mini answered in court: Host broke the contract.",
            "— Mini LLC, The Test Gazette: Mini sues Host",
            "Sources (1)",
            "Arguments citing these quotes (1)",
            "Breach of contract",
            "Mini LLC: Host ended the contract without the notice it requires.",
        ]:
            assert expected in text


async def test_numbers_switch_views_and_each_view_keeps_its_selection(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "j")
        await press(pilot, "2")
        assert current(app) == "parties" and focused_pane(app) == "list"
        assert selected(app) == "mini"
        await press(pilot, "j")
        assert selected(app) == "ceo"
        assert "Mini's chief executive." in detail_text(app)
        await press(pilot, "3")
        assert current(app) == "arguments" and selected(app) == "contract"
        await press(pilot, "1")
        assert current(app) == "timeline" and selected(app) == "email"
        await press(pilot, "2")
        assert selected(app) == "ceo"


async def test_tab_enter_and_escape_move_between_the_panes(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "tab")
        assert focused_pane(app) == "detail"
        await press(pilot, "tab")
        assert focused_pane(app) == "list"
        await press(pilot, "shift+tab")
        assert focused_pane(app) == "detail"
        await press(pilot, "3", "tab")
        assert isinstance(app.focused, DebatePane)
        await press(pilot, "escape", "1")
        await press(pilot, "G", "enter")
        assert focused_pane(app) == "detail"
        await press(pilot, "j")
        assert highlighted_text(view(app).detail_pane).startswith("Mini files its complaint.")
        await press(pilot, "escape")
        assert focused_pane(app) == "list" and selected(app) == "suit"


async def test_a_party_in_an_event_opens_in_the_parties_view_and_back_returns(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "G", "enter", "j", "j")
        assert highlighted_text(view(app).detail_pane).startswith("Mini LLC (Parler)")
        await press(pilot, "enter")
        assert current(app) == "parties" and selected(app) == "mini"
        assert detail_text(app).startswith("Mini LLC")
        await press(pilot, "alt+left")
        assert current(app) == "timeline" and selected(app) == "suit" and focused_pane(app) == "detail"
        assert highlighted_text(view(app).detail_pane).startswith("Mini LLC (Parler)")
        await press(pilot, "alt+right")
        assert current(app) == "parties" and selected(app) == "mini"


async def test_an_event_of_a_party_opens_the_timeline_filtered_to_that_party_until_escape(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "2", "j", "enter")  # Pat Example, in one event
        lines = options_text(view(app).detail_pane)
        wanted = next(index for index, line in enumerate(lines) if "Host emails Mini" in line)
        while view(app).detail_pane.highlighted < wanted:
            await press(pilot, "j")
        assert "Host emails Mini" in highlighted_text(view(app).detail_pane)
        await press(pilot, "enter")
        timeline = view(app, "timeline")
        assert current(app) == "timeline" and selected(app) == "email"
        assert app.screen.filters.party == "ceo"
        assert [line for line in options_text(timeline.list_pane) if "Host" in line] == [
            line for line in options_text(timeline.list_pane) if "emails" in line
        ]
        assert timeline.list_pane.border_title == "Events: 1 of 4 (3 hidden by filters)"
        assert "Party: Pat Example" in filter_bar_text(app)
        await press(pilot, "escape")
        assert app.screen.filters.party is None and selected(app) == "email"
        assert len([line for line in options_text(timeline.list_pane) if not line.startswith("──")]) == 4
        assert timeline.list_pane.border_title == "Events (4)"
        assert not app.screen.query_one("#filter-bar").display


async def test_a_quote_opens_in_full_with_its_speaker_event_and_source(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "j", "enter")
        detail = view(app).detail_pane
        while "We will suspend" not in highlighted_text(detail):
            await press(pilot, "j")
        await press(pilot, "enter")
        assert isinstance(app.screen, RecordScreen)
        text = "\n".join(options_text(app.screen.query_one("#record-detail")))
        for expected in [
            "“We will suspend your account.”",
            "Said by: Host, Inc. (AWS)",
            "Said on: 2021-01-09",
            "Context: Host's email to Mini, as quoted by The Test Gazette.",
            "Host emails Mini",
            "The Test Gazette: Mini sues Host",
            "Address: https://example.org/mini-sues-host",
            "Held: as quoted in The Test Gazette (the report is held first-hand)",
            "Breach of contract",
        ]:
            assert expected in text
        await press(pilot, "escape")
        assert not isinstance(app.screen, RecordScreen) and focused_pane(app) == "detail"


async def test_from_a_quote_to_its_source_and_back_then_on_to_the_speaker(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "j", "enter")
        while "We will suspend" not in highlighted_text(view(app).detail_pane):
            await press(pilot, "j")
        await press(pilot, "enter")
        record = app.screen
        while not highlighted_text(record.query_one("#record-detail")).startswith("The Test Gazette"):
            await press(pilot, "j")
        await press(pilot, "enter")
        text = "\n".join(options_text(record.query_one("#record-detail")))
        assert "Events drawn from it (3)" in text and "Quotes drawn from it (2)" in text
        await press(pilot, "escape")
        assert "Said by: Host, Inc. (AWS)" in "\n".join(options_text(record.query_one("#record-detail")))
        assert highlighted_text(record.query_one("#record-detail")).startswith("The Test Gazette")
        await press(pilot, "home", "j")
        await press(pilot, "enter")
        assert not isinstance(app.screen, RecordScreen)
        assert current(app) == "parties" and selected(app) == "host"


async def test_the_arguments_view_sets_each_claim_beside_its_answer(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "3")
        debate = view(app).detail_pane
        assert isinstance(debate, DebatePane)
        text = detail_text(app)
        assert text.startswith("Breach of contract\nDid Host break the contract?")
        assert "Host ended the contract without the notice it requires." in text
        assert "The court denied the motion." in text
        [row] = debate.query(".row").exclude(".headings")
        wanted = {"side-parler", "side-aws", "side-court", "findings"}
        assert [cell.classes & wanted for cell in row.children] == [
            {"side-parler"},
            {"side-aws"},
            {"side-court", "findings"},
        ]
        cards = debate.cards
        assert [card.argument_id for card in cards] == ["contract-mini"] * 2 + ["contract-host"] * 2 + [
            "contract-court"
        ] * 2 + [""]
        assert "outcome" in cards[-1].classes


async def test_keys_walk_the_claims_and_quotes_of_a_topic(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "3", "enter")
        debate = view(app).detail_pane
        assert app.focused is debate and debate.cursor == 0
        await press(pilot, "j")
        assert debate.current.target.id == "mini-claim"
        await press(pilot, "l")
        assert debate.current.argument_id == "contract-host"
        await press(pilot, "h")
        assert debate.current.argument_id == "contract-mini"
        await press(pilot, "G")
        assert debate.cursor == 6 and "The court denied the motion." in str(debate.current.content)
        await press(pilot, "k")
        assert debate.current.target.id == "court-finding"
        await press(pilot, "k", "g")
        assert debate.cursor == 0
        await press(pilot, "pagedown")
        assert debate.cursor > 0
        await press(pilot, "pageup")
        assert debate.cursor == 0
        await press(pilot, "end", "l")
        assert debate.cursor == 6  # the outcome is not in a row: no other side to move to
        await press(pilot, "k", "enter")
        assert isinstance(app.screen, RecordScreen)
        assert "The contract allowed it." in "\n".join(options_text(app.screen.query_one("#record-detail")))


async def test_an_argument_link_lands_on_that_argument_in_its_topic(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "G", "enter", "end")
        assert "Breach of contract" in highlighted_text(view(app).detail_pane)
        await press(pilot, "enter")
        assert current(app) == "arguments" and selected(app) == "contract"
        debate = view(app).detail_pane
        assert app.focused is debate and debate.current.argument_id == "contract-mini"
        await press(pilot, "escape")
        assert focused_pane(app) == "list"
        await press(pilot, "escape")
        assert current(app) == "timeline" and selected(app) == "suit"


async def test_back_returns_to_the_cursor_in_the_debate(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "3", "enter", "j", "l", "j")
        debate = view(app).detail_pane
        assert debate.current.target.id == "host-warning"
        await press(pilot, "1")
        await press(pilot, "alt+left")
        assert current(app) == "arguments" and app.focused is debate and debate.current.target.id == "host-warning"


async def test_clicks_select_and_open(mini_store):
    async with running(mini_store) as (app, pilot):
        await pilot.click("#view-bar", offset=(16, 0))
        await settle(pilot)
        assert current(app) == "parties"
        await pilot.click("#view-bar", offset=(30, 0))
        await settle(pilot)
        assert current(app) == "arguments"
        debate = view(app).detail_pane
        await pilot.click(debate.cards[1])
        await settle(pilot)
        assert isinstance(app.screen, RecordScreen)


async def test_the_footer_and_the_help_show_the_keys(mini_store):
    async with running(mini_store) as (app, pilot):

        def shown() -> set[str]:
            return set(app.screen.query_one(KeyBar).described)

        assert {"Open", "Pane", "Keys", "Quit"} <= shown() and "Across" not in shown()
        await press(pilot, "3", "tab")
        assert {"Across", "Open", "Pane"} <= shown()
        await press(pilot, "1")
        for key in ("question_mark", "f1"):
            await press(pilot, key)
            assert isinstance(app.screen, HelpScreen)
            text = "\n".join(plain(static.content) for static in app.screen.query(".help-title, .help-keys"))
            for expected in [
                "Everywhere",
                "1 Timeline",
                "2 Parties",
                "3 Arguments",
                "A quote opened in full",
                "Show the timeline",
                "Move to the next pane",
                "Go back to where you were",
                "Go forward again",
                "j / ↓",
                "g / home",
                "Open the item",
                "Quit",
                "The next column",
            ]:
                assert expected in text, expected
            await press(pilot, "escape")
            assert not isinstance(app.screen, HelpScreen)


async def test_the_palette_goes_to_events_parties_and_topics_and_switches_the_theme(mini_store):
    async with running(mini_store) as (app, pilot):
        for command, query, view_name, wanted in [
            ("event", "susp", "timeline", "suspension"),
            ("party", "pat", "parties", "ceo"),
            ("topic", "contr", "arguments", "contract"),
        ]:
            await palette(pilot, command, query, typed=True)  # key by key, as a reader types
            assert current(app) == view_name and selected(app) == wanted
        dark = app.current_theme.dark
        await palette(pilot, "toggle")
        assert app.current_theme.dark is not dark


async def listed_commands(pilot, wanted: set[str]) -> list[str]:
    """Open the palette and read the titles it lists before anything is typed, once `wanted` are among them."""
    await pilot.press("ctrl+p")

    def titles() -> list[str]:
        lists = pilot.app.screen.query("CommandList")
        return [plain(option.prompt).splitlines()[0] for option in (lists.first().options if lists else [])]

    await wait_until(pilot, lambda: wanted <= set(titles()), f"the palette to list {wanted}")
    shown = titles()
    await press(pilot, "escape")
    return shown


async def test_the_palette_lists_the_commands_of_the_screen_it_is_over_and_the_apps_in_one_list_by_title(mini_store):
    async with running(mini_store) as (app, pilot):
        titles = await listed_commands(pilot, {"Go to event…", "Back", "Copy as a citation", "Help: keys", "Quit"})
        assert titles == sorted(titles) and len(titles) == len(set(titles))
        app.explorer.go_to(Target("quote", "host-warning"))
        await settle(pilot)
        assert isinstance(app.screen, RecordScreen)
        titles = await listed_commands(pilot, {"Copy as a citation", "Open the source in the browser", "Help: keys"})
        assert titles == sorted(titles)
        assert "Go to event…" not in titles and "Back" not in titles  # the explorer's, for the explorer itself


async def test_markup_in_the_data_is_shown_as_text_everywhere(mini_store, tmp_path):
    odd = tmp_path / "odd.sqlite"
    odd.write_bytes(mini_store.read_bytes())
    with sqlite3.connect(odd) as db:
        db.execute("UPDATE events SET title = '[b]Bold[/b] [/] claim', summary = '[/]' WHERE id = 'suit'")
        db.execute("UPDATE parties SET name = 'Pat [/] [red]Example' WHERE id = 'ceo'")
        db.execute("UPDATE parties SET name = 'Host [/b]' WHERE id = 'host'")
        db.execute("UPDATE topics SET question = '[/] why?' WHERE id = 'contract'")
        db.execute("UPDATE sides SET name = 'Host [/b]' WHERE id = 'aws'")
        db.execute("UPDATE sides SET name = '[red]Court' WHERE id = 'court'")
    async with running(odd) as (app, pilot):
        assert "A Host [/b] · C [red]Court" in view(app).list_pane.border_subtitle.replace("\\", "")
        assert "[b]Bold[/b] [/] claim" in options_text(view(app).list_pane)[-1]
        await press(pilot, "G")
        assert "[/]" in detail_text(app)
        app.explorer.go_to(Target("event", "email", party="ceo"))  # the filter names the party
        await settle(pilot)
        assert "Pat [/] [red]Example" in filter_bar_text(app)
        app.explorer.go_to(Target("quote", "host-warning"))  # the quote names its speaker
        await settle(pilot)
        assert isinstance(app.screen, RecordScreen)
        await press(pilot, "escape", "3")
        assert "[/] why?" in detail_text(app)
        debate = view(app).detail_pane
        assert [str(heading.content) for heading in debate.query(".headings .heading")] == [
            "Parler",
            "Host [/b]",
            "[red]Court",
        ]
        app.explorer.change_filters(Filters(side="aws"))  # the chip names the side
        await settle(pilot)
        await press(pilot, "1")
        assert "Side: Host [/b]" in filter_bar_text(app)
        await palette(pilot, "event", "bold")
        assert selected(app) == "suit"


async def test_a_record_gone_from_the_store_is_said_to_be_gone(mini_store, monkeypatch):
    async with running(mini_store) as (app, pilot):

        def gone(self, event_id, as_of=None):
            raise NotFound(event_id)

        monkeypatch.setattr(Store, "event", gone)
        await press(pilot, "j")
        assert "no longer holds 'email'" in detail_text(app)


async def test_a_slow_filter_does_not_override_a_newer_choice(mini_store, monkeypatch):
    catalogue, loaded = Store.catalogue, ExplorerScreen.on_explorer_screen_catalogue_loaded
    slow_started, newer_shown = threading.Event(), threading.Event()
    handled: list[int] = []

    def slow(self, filters=NO_FILTERS):
        if filters.party is not None:
            slow_started.set()
            assert newer_shown.wait(WAIT)  # answers only once the newer choice is on screen: it arrives last
        return catalogue(self, filters)

    def counted(screen, message) -> None:
        loaded(screen, message)
        handled.append(message.request)

    async with running(mini_store) as (app, pilot):
        monkeypatch.setattr(Store, "catalogue", slow)
        monkeypatch.setattr(ExplorerScreen, "on_explorer_screen_catalogue_loaded", counted)
        app.explorer.go_to(Target("event", "email", party="ceo"))
        await wait_until(pilot, slow_started.is_set, "the party's lists to be read")
        app.explorer.go_to(Target("event", "suit"))
        await wait_until(pilot, lambda: len(handled) == 1 and selected(app) == "suit", "the newer choice")
        newer_shown.set()
        await wait_until(pilot, lambda: len(handled) == 2, "the slow filter's lists")
        assert handled[0] > handled[1]  # the stale answer came second
        await settle(pilot)
        assert app.screen.filters.party is None and selected(app) == "suit"


async def test_a_remembered_detail_cursor_is_not_applied_to_another_event(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "G", "enter", "j", "j", "j")
        at = view(app).detail_pane.cursor
        assert at > 1
        await press(pilot, "2", "alt+left")
        assert view(app).detail_pane.cursor == at
        await press(pilot, "escape", "k")
        assert selected(app) == "suspension" and view(app).detail_pane.cursor == 0


async def test_back_across_a_party_filter_returns_to_the_same_paragraph(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "j", "enter", "j", "j", "j")
        at = view(app).detail_pane.cursor
        assert selected(app) == "email" and at > 1
        app.explorer.go_to(Target("event", "email", party="ceo"))
        await settle(pilot)
        assert app.screen.filters.party == "ceo" and selected(app) == "email"
        await press(pilot, "alt+left")
        assert app.screen.filters.party is None and selected(app) == "email"
        assert view(app).detail_pane.cursor == at and focused_pane(app) == "detail"


async def test_a_store_with_no_events_says_so(mini_store, tmp_path):
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(mini_store.read_bytes())
    with sqlite3.connect(empty) as db:
        for table in (
            "argument_links",
            "argument_quotes",
            "arguments",
            "quotes",
            "event_sources",
            "event_parties",
            "events",
            "topics",
        ):
            db.execute(f"DELETE FROM {table}")
    async with running(empty) as (app, pilot):
        assert view(app).list_pane.option_count == 0
        assert "no events" in detail_text(app)
        await press(pilot, "3")
        assert "no topics" in detail_text(app)
        await press(pilot, "j", "enter", "escape", "G")


async def test_a_store_that_fails_while_read_ends_the_app_with_the_reason(mini_store, monkeypatch):
    def fails(*_):
        raise StoreError(mini_store, "cannot be read (database disk image is malformed)")

    for owner, reader in ((Store, "catalogue"), (Listing, "headings")):  # the first read; a list's first read
        with monkeypatch.context() as patched:
            patched.setattr(owner, reader, fails)
            with Store(mini_store) as store:
                app = ParlertuiApp(store)
                async with app.run_test() as pilot:
                    await wait_until(pilot, lambda: pilot.app.return_code is not None, "the app to end")
            assert app.return_code == 2, reader


async def test_a_claim_taller_than_the_view_is_read_through_before_the_cursor_moves_on(mini_store):
    with sqlite3.connect(mini_store) as db:
        db.execute("UPDATE arguments SET summary = ? WHERE id = 'contract-mini'", (" ".join(["word"] * 600),))
    async with running(mini_store, size=(80, 24)) as (app, pilot):
        await press(pilot, "3", "enter")
        debate = view(app).detail_pane
        claim = debate.current
        assert claim.region.height > debate.content_region.height
        offsets = []
        while debate.cursor == 0:
            offsets.append(debate.scroll_y)
            await press(pilot, "j")
        assert len(offsets) > 2 and offsets == sorted(offsets)
        assert claim.region.bottom <= debate.content_region.bottom  # its last line was shown
        await press(pilot, "k")
        assert debate.cursor == 0


async def test_two_enters_at_once_in_the_palette_do_not_end_the_app(mini_store):
    async with running(mini_store) as (app, pilot):
        await pilot.press("ctrl+p", *"toggle")
        await palette_matches(pilot)
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert app.is_running and app.screen is app.explorer


@pytest.mark.parametrize("keys", [["pageup", "pagedown"], ["2", "tab", "pageup", "3", "tab", "pagedown"]])
async def test_paging_as_the_app_starts_does_not_crash(mini_store, keys):
    with Store(mini_store) as store:
        app = ParlertuiApp(store)
        async with app.run_test() as pilot:
            await pilot.press(*keys)
            await settle(pilot)
            assert app.is_running


async def test_the_selection_stays_in_view_when_the_terminal_shrinks(mini_store):
    async with running(mini_store, size=(120, 40)) as (app, pilot):
        await press(pilot, "G")
        await pilot.resize_terminal(60, 16)
        await settle(pilot)
        events = view(app).list_pane
        line = options_text(events).index(highlighted_text(events))
        assert events.scroll_y <= line < events.scroll_y + events.scrollable_content_region.height


async def test_keys_typed_with_a_view_switch_reach_the_new_view(mini_store):
    async with running(mini_store) as (app, pilot):
        for key in ("2", "j"):  # in one go, as a fast typist or a paste would send them
            app.post_message(events.Key(key, key))
        await settle(pilot)
        assert current(app) == "parties" and selected(app) == "ceo"
        assert selected(app, "timeline") == "ruling"


async def test_going_where_you_already_are_adds_no_step_to_go_back_over(mini_store):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "2")
        for _ in range(2):
            app.explorer.go_to(Target("party", "mini"))
            await settle(pilot)
        await press(pilot, "alt+left")
        assert current(app) == "timeline"


async def test_a_paragraph_taller_than_the_detail_is_read_both_ways(mini_store):
    with sqlite3.connect(mini_store) as db:
        db.execute("UPDATE events SET summary = ? WHERE id = 'suit'", (" ".join(f"w{i}" for i in range(700)),))
    async with running(mini_store, size=(80, 24)) as (app, pilot):
        await press(pilot, "G", "enter", "j")
        detail = view(app).detail_pane
        summary = detail.cursor
        downs = []
        while detail.cursor == summary:
            downs.append(detail.scroll_y)
            await press(pilot, "j")
        assert len(downs) > 2 and downs == sorted(downs)
        await press(pilot, "k")
        assert detail.cursor == summary and detail.scroll_y > downs[1]  # its end, not its top
        ups = []
        while detail.cursor == summary:
            ups.append(detail.scroll_y)
            await press(pilot, "k")
        assert len(ups) > 2 and ups == sorted(ups, reverse=True)


async def test_a_first_screen_read_before_the_app_starts_is_shown_without_reading_again(mini_store, monkeypatch):
    from parlertui.store.first_screen import FirstScreenReader

    with Store(mini_store) as store:
        first = FirstScreenReader(store).result()
        assert first is not None and first.catalogue.total_events == 4
        assert [row.id for row in first.rows.values()] == ["ruling", "email", "suspension", "suit"]
        reads: list[str] = []
        monkeypatch.setattr(Store, "catalogue", lambda *_: reads.append("catalogue"))
        app = ParlertuiApp(store, first)
        async with app.run_test() as pilot:
            await settle(pilot)
            assert selected(app) == "ruling" and "The court rules" in detail_text(app)
            assert view(app).list_pane.border_title == "Events (4)"
        assert reads == []


def test_a_first_screen_that_cannot_be_read_is_left_to_the_app(mini_store, monkeypatch):
    from parlertui.store.first_screen import FirstScreenReader

    def fails(*_):
        raise StoreError(mini_store, "cannot be read (database disk image is malformed)")

    monkeypatch.setattr(Store, "catalogue", fails)
    with Store(mini_store) as store:
        assert FirstScreenReader(store).result() is None


async def test_only_the_view_on_screen_is_built_at_start_and_a_view_is_built_when_first_shown(mini_store):
    async with running(mini_store) as (app, pilot):
        views = {name: app.explorer.view(name) for name in VIEWS}
        assert [name for name, shown in views.items() if shown.built] == ["timeline"]
        assert not views["parties"].children
        await press(pilot, "3")
        arguments = views["arguments"]
        # built on the key, its list and detail read in workers that may start after the key's repaint
        await wait_until(pilot, lambda: arguments.built and not arguments.list_pane.loading, "the arguments' list")
        await settle(pilot)
        assert selected(app) == "contract" and "The contract allowed it." in detail_text(app)
        assert not views["parties"].built


async def test_a_view_is_made_when_first_asked_for_and_built_once(mini_store):
    async with running(mini_store) as (app, pilot):
        assert [view.id for view in app.screen.query(".view")] == ["timeline"]
        await press(pilot, "2")  # made and built at once, before its own mount has run
        parties = view(app, "parties")
        assert len(parties.query(".records")) == len(parties.query(".detail")) == 1
        await press(pilot, "j", "enter", "j")
        assert parties.detail_pane.highlighted == 1 and [v.id for v in app.screen.query(".view")] == [
            "timeline",
            "parties",
        ]


async def test_the_app_a_process_runs_freezes_its_start_and_collects_garbage_when_input_pauses(mini_store, monkeypatch):
    import gc

    frozen, thresholds = [], gc.get_threshold()
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    with Store(mini_store) as store:
        app = ParlertuiApp(store, owns_gc=True)
        gc.disable()  # as the command line does before it imports Textual
        try:
            async with app.run_test() as pilot:
                await settle(pilot)
                collector = app.collector
                await wait_until(pilot, lambda: collector.started, "the collector to start")
                assert gc.isenabled() and frozen == [True] and gc.get_threshold()[2] == FULL_COLLECTION_EVERY
                assert gc.get_threshold()[0] == YOUNG_COLLECTION_AFTER
                now = [1000.0]
                collector.clock = lambda: now[0]  # the collector's own clock: input is seen at 1000
                await press(pilot, "j")
                assert collector.last_input == 1000.0
                now[0] = 2000.0
                app.post_message(events.Paste("pasted"))  # a paste is input too: not a moment to collect
                await wait_until(pilot, lambda: collector.last_input == 2000.0, "the paste to count as input")
        finally:
            gc.enable()
        assert gc.get_threshold() == thresholds  # put back when the app ends
        async with ParlertuiApp(store).run_test() as pilot:  # as tests run it: many apps in one process
            await settle(pilot)  # the first screen is up: where the app a process runs starts its collector
            assert pilot.app.collector is None
        assert frozen == [True] and gc.get_threshold() == thresholds


async def test_the_collector_is_turned_on_even_if_the_first_screen_never_comes(mini_store, monkeypatch):
    import gc

    import parlertui.app

    monkeypatch.setattr(gc, "freeze", lambda: None)
    monkeypatch.setattr(ExplorerScreen, "on_explorer_screen_catalogue_loaded", lambda screen, message: None)
    with Store(mini_store) as store:
        # First with a deadline that never comes in the test: nothing but the deadline turns the collector on.
        monkeypatch.setattr(parlertui.app, "COLLECTOR_LATEST", 3600.0)
        app = ParlertuiApp(store, owns_gc=True)
        gc.disable()
        try:
            async with app.run_test() as pilot:
                await settle(pilot)
                assert not gc.isenabled() and not app.collector.started  # no first screen
        finally:
            gc.enable()
        # Then with a short one: the deadline turns it on.
        monkeypatch.setattr(parlertui.app, "COLLECTOR_LATEST", 0.2)
        app = ParlertuiApp(store, owns_gc=True)
        gc.disable()
        try:
            async with app.run_test() as pilot:
                await wait_until(pilot, lambda: app.collector.started, "the deadline to start the collector")
                assert gc.isenabled()
        finally:
            gc.enable()


def test_full_collections_wait_for_a_pause_in_the_input(monkeypatch):
    import gc

    now = [100.0]
    collector = IdleCollector(clock=lambda: now[0])
    monkeypatch.setattr(gc, "freeze", lambda: None)
    monkeypatch.setattr(gc, "unfreeze", lambda: None)
    assert not collector.check_idle()  # not started: the app does not own the collector
    collector.start()
    try:
        garbage = [[] for _ in range(50_000)]  # promotes objects: middle-generation collections happen
        del garbage
        assert gc.get_count()[2] > 0
        now[0] += IDLE_SECONDS / 2
        assert not collector.check_idle()  # the reader is still typing
        now[0] += IDLE_SECONDS
        assert collector.check_idle() and gc.get_count()[2] == 0 and collector.collections == 1
        now[0] += IDLE_SECONDS
        assert not collector.check_idle()  # nothing promoted since
        collector.input_seen()
        assert not collector.check_idle()
    finally:
        collector.stop()


async def test_the_first_screen_is_styled_once_and_a_screen_shown_again_is_restyled(mini_store):
    # Each ScreenResume the app handles, read once handled: refresh_styles is then what Screen's own handler
    # acted on (the explorer's handler runs first and may have turned it off).
    resumes: list[events.ScreenResume] = []

    def seen(message) -> None:
        if isinstance(message, events.ScreenResume):
            resumes.append(message)

    with Store(mini_store) as store:
        app = ParlertuiApp(store)
        async with app.run_test(message_hook=seen) as pilot:
            await settle(pilot)
            assert [resume.refresh_styles for resume in resumes] == [False]  # styled as it mounted: not again
            await press(pilot, "question_mark")
            await wait_until(pilot, lambda: len(resumes) == 2, "the help screen to be shown")
            assert resumes[1].refresh_styles  # the help, styled as Textual styles a screen shown
            await press(pilot, "escape")
            await wait_until(pilot, lambda: len(resumes) == 3, "the explorer to be shown again")
            # The explorer again: its resume is left as Textual sends it, to restyle or not.
            assert not isinstance(app.screen, HelpScreen)


async def test_the_key_bar_keeps_its_keys_while_the_terminal_is_out_of_focus(mini_store):
    async with running(mini_store, size=(120, 30)) as (app, pilot):
        bar = app.screen.query_one(KeyBar)
        keys = bar.described
        assert "Open" in keys
        app.post_message(events.AppBlur())
        await pilot.pause()
        assert bar.described == keys
        app.post_message(events.AppFocus())
        await pilot.pause()
        assert bar.described == keys
