"""ctrl+e: the export dialog writes exactly what the view shows (its filters and date), in the format chosen, to
the file named, and replaces an existing file only once confirmed; in a browser the file is downloaded."""

from __future__ import annotations

import json

from textual.widgets import Input, Select, Static

from apptools import notices, palette, press, running, settle
from parlertui.app import ParlertuiApp
from parlertui.screens.export_dialog import ExportScreen
from parlertui.store.export import markdown_brief
from parlertui.store.filters import Filters
from parlertui.store.queries import Store

AWS_BY_THE_10TH = Filters(side="aws", as_of="2021-01-10")


def here(tmp_path, monkeypatch):
    """A folder of its own to export to, as the current folder (the store is in tmp_path)."""
    folder = tmp_path / "here"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


async def open_dialog(pilot) -> ExportScreen:
    await press(pilot, "ctrl+e")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ExportScreen)
    return screen


async def test_the_quotes_filtered_and_dated_are_exported_as_shown(mini_store, tmp_path, monkeypatch):
    tmp_path = here(tmp_path, monkeypatch)
    async with running(mini_store) as (app, pilot):
        app.explorer.change_filters(AWS_BY_THE_10TH)
        await settle(pilot)
        await press(pilot, "5")
        dialog = await open_dialog(pilot)
        scope = str(dialog.query_one("#export-scope", Static).render())
        assert scope == "Holds: The record, narrowed by Side: AWS · As of: 2021-01-10."
        assert dialog.query_one("#export-path", Input).value == "parlertui-quotes.md"
        await press(pilot, "enter")
        await settle(pilot)
        assert not isinstance(app.screen, ExportScreen)
        said = notices(app)
    written = (tmp_path / "parlertui-quotes.md").read_text(encoding="utf-8")
    assert written == markdown_brief(mini_store, filters=AWS_BY_THE_10TH)
    assert "Narrowed by the filters: side AWS; as of 2021-01-10." in written.split("## ")[0]
    with Store(mini_store) as store:
        shown = store.quotes(AWS_BY_THE_10TH)
    assert [quote.text for quote in shown] == ["We will suspend your account."]
    assert "> We will suspend your account.\n" in written and "> Host broke the contract.\n" not in written
    assert (
        f"Wrote {written.count(chr(10)):,} lines of Markdown brief to {tmp_path / 'parlertui-quotes.md'}. "
        in "".join(said)
    )


async def test_json_chosen_in_the_dialog_builds_back_and_names_its_filters(mini_store, tmp_path, monkeypatch):
    tmp_path = here(tmp_path, monkeypatch)
    async with running(mini_store) as (app, pilot):
        app.explorer.change_filters(AWS_BY_THE_10TH)
        await settle(pilot)
        dialog = await open_dialog(pilot)
        dialog.query_one("#export-format", Select).value = "json"
        await settle(pilot)
        assert dialog.query_one("#export-path", Input).value == "parlertui-timeline.json"
        await press(pilot, "ctrl+s")
        await settle(pilot)
    record = json.loads((tmp_path / "parlertui-timeline.json").read_text(encoding="utf-8"))
    assert record["selection"]["filters"] == {"side": "aws", "as_of": "2021-01-10"}
    from parlertui.cli import main

    assert main(["build", str(tmp_path / "parlertui-timeline.json"), "-o", str(tmp_path / "back.sqlite")]) == 0


async def test_an_existing_file_is_replaced_only_once_confirmed(mini_store, tmp_path, monkeypatch):
    tmp_path = here(tmp_path, monkeypatch)
    mine = tmp_path / "mine.md"
    mine.write_text("my notes")
    async with running(mini_store) as (app, pilot):
        dialog = await open_dialog(pilot)
        assert dialog.query_one("#export-path", Input).value == "parlertui-timeline.md"
        dialog.query_one("#export-path", Input).value = "mine.md"
        await press(pilot, "enter")
        problem = str(dialog.query_one("#export-problem", Static).render())
        assert problem == "mine.md is a file there. Press Replace to write over it, or give another name."
        assert isinstance(app.screen, ExportScreen) and mine.read_text() == "my notes"
        await press(pilot, "enter")  # confirmed
        await settle(pilot)
        assert not isinstance(app.screen, ExportScreen)
    assert mine.read_text(encoding="utf-8") == markdown_brief(mini_store)


async def test_a_free_name_is_offered_and_escape_writes_nothing(mini_store, tmp_path, monkeypatch):
    tmp_path = here(tmp_path, monkeypatch)
    (tmp_path / "parlertui-timeline.md").write_text("mine")
    async with running(mini_store) as (app, pilot):
        dialog = await open_dialog(pilot)
        assert dialog.query_one("#export-path", Input).value == "parlertui-timeline-2.md"
        await press(pilot, "escape")
        await settle(pilot)
        await palette(pilot, "export…")
        assert isinstance(app.screen, ExportScreen)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["parlertui-timeline.md"]


async def test_a_file_that_cannot_be_written_says_why(mini_store, tmp_path, monkeypatch):
    tmp_path = here(tmp_path, monkeypatch)
    (tmp_path / "afile").write_text("")
    async with running(mini_store) as (app, pilot):
        dialog = await open_dialog(pilot)
        dialog.query_one("#export-path", Input).value = "afile/brief.md"
        await press(pilot, "enter")
        await settle(pilot)
        assert any(n.startswith("Could not export: ") and "cannot make its folder" in n for n in notices(app))


async def test_in_a_browser_the_file_is_delivered_as_a_download(mini_store, tmp_path, monkeypatch):
    tmp_path = here(tmp_path, monkeypatch)
    delivered: list[tuple[str, str | None]] = []
    monkeypatch.setattr(ParlertuiApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(
        ParlertuiApp,
        "deliver_text",
        lambda self, file, *, save_filename=None, **options: delivered.append((file.read(), save_filename)),
    )
    async with running(mini_store) as (app, pilot):
        await open_dialog(pilot)
        await press(pilot, "enter")
        await settle(pilot)
    assert delivered == [(markdown_brief(mini_store), "parlertui-timeline.md")]
    assert list(tmp_path.iterdir()) == []


async def test_a_selected_topic_is_exported_as_of_the_date_on_screen(mini_store, tmp_path, monkeypatch):
    tmp_path = here(tmp_path, monkeypatch)
    async with running(mini_store) as (app, pilot):
        app.explorer.change_filters(Filters(as_of="2021-01-31"))
        await settle(pilot)
        await press(pilot, "3")
        dialog = await open_dialog(pilot)
        scope = str(dialog.query_one("#export-scope", Static).render())
        assert scope == "Holds: The topic “Breach of contract”, as of 2021-01-31."
        await press(pilot, "enter")
        await settle(pilot)
    written = (tmp_path / "parlertui-arguments-contract.md").read_text(encoding="utf-8")
    assert written == markdown_brief(mini_store, topic="contract", filters=Filters(as_of="2021-01-31"))
    assert "as of 2021-01-31" in written.split("## ")[0]


async def test_csv_from_the_dialog_is_a_folder_of_tables_that_says_what_it_holds(mini_store, tmp_path, monkeypatch):
    tmp_path = here(tmp_path, monkeypatch)
    async with running(mini_store) as (app, pilot):
        app.explorer.change_filters(Filters(side="aws"))
        await settle(pilot)
        dialog = await open_dialog(pilot)
        dialog.query_one("#export-format", Select).value = "csv"
        await settle(pilot)
        assert dialog.query_one("#export-path", Input).value == "parlertui-timeline-csv"
        await press(pilot, "enter")
        await settle(pilot)
        assert any(n.startswith(f"Wrote CSV tables to {tmp_path / 'parlertui-timeline-csv'}.") for n in notices(app))
    folder = tmp_path / "parlertui-timeline-csv"
    assert (folder / "quotes.csv").read_text(encoding="utf-8").count("\n") == 2  # the header and Host's quote
    assert "Narrowed by the filters: side AWS." in (folder / "selection.txt").read_text(encoding="utf-8")
