"""What the reader chose that outlasts a run (the theme), in a small file in their config folder:
`$XDG_CONFIG_HOME/parlertui/settings.json`, else `~/.config/parlertui/settings.json`.

Written whole or not at all (a temporary file beside it, then a rename); a file that cannot be read is left as it
is and ignored, and the reader is told why, never a crash."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

SETTINGS_NAME = "settings.json"


class SettingsError(Exception):
    """The settings file cannot be read or written: `str()` says which and why, for the reader."""


def settings_path() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME", "").strip()
    folder = Path(config) if config and Path(config).is_absolute() else Path.home() / ".config"
    return folder / "parlertui" / SETTINGS_NAME


def load_settings(path: Path | None = None) -> dict[str, Any]:
    """The settings saved, {} if there are none; SettingsError if the file is there but cannot be used."""
    path = path or settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as err:
        raise SettingsError(f"{path} cannot be read ({getattr(err, 'strerror', None) or err})") from None
    try:
        settings = json.loads(text)
    except json.JSONDecodeError as err:
        raise SettingsError(f"{path} is not valid JSON (line {err.lineno}: {err.msg})") from None
    if not isinstance(settings, dict):
        raise SettingsError(f"{path} holds no settings (a JSON object was expected)")
    return settings


def write_settings_file(path: Path, text: str) -> None:
    """Write `text` to `path` through the one writer of every file (store/output_files.py): whole or not at all,
    a symlink followed (the file it points to is replaced)."""
    from parlertui.store.output_files import OutputError, replace_text_file

    try:
        replace_text_file(path, text)
    except OutputError as err:
        raise SettingsError(f"{path} cannot be written ({err})") from None


def save_settings(changes: dict[str, Any], path: Path | None = None) -> None:
    """Save `changes` over the settings there are. A file that cannot be read is left as it is (SettingsError):
    it may be the reader's, being edited."""
    path = path or settings_path()
    settings = load_settings(path)
    settings.update(changes)
    write_settings_file(path, json.dumps(settings, indent=2, sort_keys=True) + "\n")
