"""The first screen: the timeline of a store, read in a worker, shown in true order."""

from __future__ import annotations

import os
import sqlite3
from contextlib import asynccontextmanager
from pathlib import Path

from textual.widgets import DataTable, Static

from parlertui.app import ParlerApp
from parlertui.store.open import StoreError
from parlertui.store.queries import Store


@asynccontextmanager
async def running(path: Path, size: tuple[int, int] = (100, 24)):
    """The app on a store, once the store has been read."""
    with Store(path) as store:
        app = ParlerApp(store)
        async with app.run_test(size=size) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            yield app, pilot


async def test_the_timeline_lists_every_event_in_order_and_shows_the_selected_one(mini_store):
    before = (mini_store.read_bytes(), os.stat(mini_store).st_mtime_ns)
    async with running(mini_store) as (app, pilot):
        table = app.query_one("#timeline", DataTable)
        assert [table.get_row_at(i)[0].plain for i in range(table.row_count)] == [
            "Jan 2021", "2021-01-09", "2021-01-10 23:59 PST", "2021-01-11"]
        assert table.get_row_at(2)[3].plain == "Host suspends Mini"
        assert table.get_row_at(2)[2].plain == "PA"
        assert app.title == "Mini v. Host"
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        assert "The suspension takes effect." in str(app.query_one("#detail", Static).render())
        await pilot.press("k")
        assert table.cursor_row == 1
        await pilot.press("q")
    assert app.return_code == 0
    assert (mini_store.read_bytes(), os.stat(mini_store).st_mtime_ns) == before


async def test_markup_in_the_data_is_shown_as_text(mini_store, tmp_path):
    odd = tmp_path / "odd.sqlite"
    odd.write_bytes(mini_store.read_bytes())
    with sqlite3.connect(odd) as db:
        db.execute("UPDATE events SET title = '[b]Bold[/b] [link=x]claim' WHERE id = 'suit'")
    async with running(odd) as (app, pilot):
        table = app.query_one("#timeline", DataTable)
        assert table.get_row_at(3)[3].plain == "[b]Bold[/b] [link=x]claim"


async def test_a_store_with_no_events_says_so(mini_store, tmp_path):
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(mini_store.read_bytes())
    with sqlite3.connect(empty) as db:
        for table in ("argument_links", "argument_quotes", "arguments", "quotes", "event_sources",
                      "event_parties", "events"):
            db.execute(f"DELETE FROM {table}")
    async with running(empty) as (app, pilot):
        assert app.query_one("#timeline", DataTable).row_count == 0
        assert "no events" in str(app.query_one("#detail", Static).render())


async def test_a_store_that_fails_while_read_ends_the_app_with_the_reason(mini_store, monkeypatch):
    def fails(self):
        raise StoreError(self.path, "cannot be read (database disk image is malformed)")

    monkeypatch.setattr(Store, "timeline", fails)
    with Store(mini_store) as store:
        app = ParlerApp(store)
        async with app.run_test() as pilot:
            await pilot.pause(0.2)
    assert app.return_code == 2
