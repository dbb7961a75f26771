"""`y` copies the record under the cursor as a citation, `o` opens its source's address: from every view, from a
detail, from a quote opened in full, and from the palette."""

from __future__ import annotations

import pytest

from apptools import notices, palette, press, running, settle, view
from parlertui.app import ParlertuiApp
from parlertui.store.queries import Store

GAZETTE = "https://example.org/mini-sues-host"


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """The addresses the app asked the browser to open."""
    urls: list[str] = []
    monkeypatch.setattr(ParlertuiApp, "open_url", lambda self, url, *, new_tab=True: urls.append(url))
    return urls


async def test_y_in_the_quotes_copies_the_quote_with_its_citation(mini_store, opened):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "5")
        with Store(mini_store) as store:
            first = store.quotes()[0]
            expected = store.citation("quote", first.id).text
        assert view(app).highlighted_id == first.id
        await press(pilot, "y")
        await settle(pilot)
        assert app.clipboard == expected
        assert expected.startswith(f"> {first.text}\n>\n> — {first.speaker_name}, ")
        assert f"<{GAZETTE}>" in expected
        assert any(n.startswith(f"Copied the quote by {first.speaker_name} as a citation") for n in notices(app))
        await press(pilot, "o")
        await settle(pilot)
        assert opened == [GAZETTE]


async def test_y_on_an_event_copies_date_title_summary_and_sources(mini_store, opened):
    async with running(mini_store) as (app, pilot):
        event_id = view(app).highlighted_id
        with Store(mini_store) as store:
            expected = store.citation("event", event_id)
        await press(pilot, "y")
        await settle(pilot)
        assert app.clipboard == expected.text
        assert "Sources: " in app.clipboard and app.clipboard.count("\n\n") == 2
        await press(pilot, "o")
        await settle(pilot)
        assert opened == [expected.url]


async def test_a_source_read_in_another_opens_that_ones_address(mini_store, opened):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "4")
        sources = view(app).list_pane
        await press(pilot, "j")  # the order, held as quoted in the report
        assert sources.highlighted_id == "order-via-report"
        await press(pilot, "y", "o")
        await settle(pilot)
        assert app.clipboard.startswith("**Order (as quoted in the report)**: Court order, as quoted in ")
        assert opened == [GAZETTE]


async def test_in_a_detail_y_copies_the_link_under_the_cursor(mini_store, opened):
    async with running(mini_store, size=(120, 40)) as (app, pilot):
        await press(pilot, "5", "tab")  # the quote's detail: its words, speaker, event, source
        detail = view(app).detail_pane
        while detail.target_under_cursor is None or detail.target_under_cursor.kind != "source":
            await press(pilot, "j")
        await press(pilot, "y")
        await settle(pilot)
        with Store(mini_store) as store:
            quote = store.quote(view(app).highlighted_id)
            source = store.citation("source", quote.source.id).text
            event = store.citation("event", quote.event.id).text
        assert app.clipboard == source and source.startswith(f"**{quote.source.label}**: ")
        while detail.target_under_cursor is None or detail.target_under_cursor.kind != "event":
            await press(pilot, "k")
        await press(pilot, "y")
        await settle(pilot)
        assert app.clipboard == event and event.split("\n\n")[-1].startswith("Sources: ")


async def test_a_party_has_nothing_to_copy_and_says_so(mini_store, opened):
    async with running(mini_store) as (app, pilot):
        await press(pilot, "2", "y", "o")
        await settle(pilot)
        assert app.clipboard == "" and opened == []
        said = notices(app)
        assert "This is a party: move to a quote, an event or a source to copy as a citation." in said
        assert "This is a party: move to a quote, an event or a source to open." in said


async def test_without_an_address_o_says_so(dataset, tmp_path, opened):
    from parlertui.store.build import build_store

    dataset.edit("sources.toml", lambda doc: doc["source"][0].pop("url"))
    store = build_store(dataset.folder, tmp_path / "bare.sqlite").path
    async with running(store) as (app, pilot):
        await press(pilot, "o")
        await settle(pilot)
        assert opened == []
        assert any(n.startswith("No address to open: the event ") for n in notices(app))


async def test_a_quote_opened_in_full_copies_and_opens_and_the_palette_does_too(mini_store, opened):
    async with running(mini_store, size=(120, 40)) as (app, pilot):
        await press(pilot, "3", "tab")  # the debate: the cursor on Mini's claim
        await press(pilot, "j")  # its quote
        debate = view(app).detail_pane
        quote_id = debate.current.target.id
        with Store(mini_store) as store:
            expected = store.citation("quote", quote_id).text
        await press(pilot, "y")
        await settle(pilot)
        assert app.clipboard == expected
        await press(pilot, "enter")  # the quote in full, over the view
        await settle(pilot)
        assert type(app.screen).__name__ == "RecordScreen"
        app.copy_to_clipboard("")
        await palette(pilot, "copy as a citation")
        assert app.clipboard == expected
        await palette(pilot, "open the source")
        assert opened == [GAZETTE]
