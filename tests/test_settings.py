"""The theme chosen is there on the next run: a small settings file in the config folder (issue 13)."""

from __future__ import annotations

import json

import pytest
from textual.css.stylesheet import Stylesheet

from apptools import notices, press, running, wait_until

from parlertui.settings import SettingsError, load_settings, save_settings, settings_path


def test_the_settings_live_in_the_xdg_config_folder(config_folder, monkeypatch, tmp_path):
    assert settings_path() == config_folder / "parlertui" / "settings.json"
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/folder")  # not absolute: ignored, as the spec says
    monkeypatch.setenv("HOME", str(tmp_path))
    assert settings_path() == tmp_path / ".config" / "parlertui" / "settings.json"


def test_settings_are_written_whole_and_merged(config_folder):
    save_settings({"theme": "textual-light"})
    save_settings({"other": 1})
    path = settings_path()
    assert json.loads(path.read_text()) == {"other": 1, "theme": "textual-light"}
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temporary file left


def test_a_symlinked_settings_file_is_followed(config_folder, tmp_path):
    real = tmp_path / "dotfiles" / "parlertui.json"
    real.parent.mkdir()
    real.write_text("{}")
    settings_path().parent.mkdir(parents=True)
    settings_path().symlink_to(real)
    save_settings({"theme": "textual-light"})
    assert settings_path().is_symlink() and json.loads(real.read_text()) == {"theme": "textual-light"}


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", b"\xff\xfe"])
def test_a_broken_file_is_an_error_that_says_why_and_is_not_replaced(config_folder, content):
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(SettingsError, match="settings.json"):
        load_settings()
    with pytest.raises(SettingsError):
        save_settings({"theme": "textual-light"})
    assert path.read_bytes() == (content if isinstance(content, bytes) else content.encode())


async def test_the_theme_chosen_is_there_on_the_next_run(mini_store, config_folder):
    async with running(mini_store) as (app, pilot):
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+p", *"Toggle light", "enter")
        await wait_until(pilot, lambda: settings_path().exists())
        assert app.theme == "textual-light"
    assert json.loads(settings_path().read_text()) == {"theme": "textual-light"}
    async with running(mini_store) as (app, pilot):
        assert app.theme == "textual-light" and not notices(app)


async def test_a_broken_settings_file_is_ignored_with_a_notice(mini_store, config_folder):
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"theme": ')
    async with running(mini_store) as (app, pilot):
        assert app.is_running and app.theme == "textual-dark"
        assert notices(app)[0].startswith(f"Settings ignored: {path} is not valid JSON")
        app.action_toggle_dark()
        await wait_until(pilot, lambda: any("not saved" in text for text in notices(app)))
        await press(pilot, "j")
        assert app.is_running
    assert path.read_text() == '{"theme": '  # left for the reader to mend


async def test_an_unknown_theme_in_the_file_is_ignored(mini_store, config_folder):
    save_settings({"theme": "no-such-theme"})
    async with running(mini_store) as (app, pilot):
        assert app.theme == "textual-dark" and app.is_running


async def test_a_saved_theme_is_the_apps_from_the_start_and_its_styles_are_read_once(
    mini_store, config_folder, monkeypatch
):
    """The app starts in the saved theme: its stylesheet is never parsed again for it (the ~35 ms a start in the
    light theme took more), and the screen is light from the first frame."""
    save_settings({"theme": "textual-light"})
    reparsed = []
    reparse = Stylesheet.reparse

    def counted_reparse(stylesheet: Stylesheet) -> None:
        reparsed.append(stylesheet)
        reparse(stylesheet)

    monkeypatch.setattr(Stylesheet, "reparse", counted_reparse)
    async with running(mini_store) as (app, pilot):
        assert app.theme == "textual-light" and app.has_class("-light-mode") and not app.has_class("-dark-mode")
        assert app.screen.styles.background.brightness > 0.5
        assert reparsed == []
        await pilot.press("ctrl+p", *"Toggle light", "enter")
        await wait_until(pilot, lambda: app.theme == "textual-dark" and reparsed)  # a theme chosen restyles
        await wait_until(pilot, lambda: app.screen.styles.background.brightness < 0.5)
        await wait_until(pilot, lambda: json.loads(settings_path().read_text()) == {"theme": "textual-dark"})
