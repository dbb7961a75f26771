"""`parlertui new DIR`: the dataset of a new dispute, to fill in. Its dispute.toml declares three sides (two that
argue and a court that decides), every other file is empty but for a commented example entry, and its README gives
the format and the rules of the record. It builds at once into a store the app opens, saying nothing is on the
record yet; with every example uncommented it builds too (the tests do both)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from string import Template

from parlertui.store.dates import home_zone
from parlertui.store.output_files import new_folder_files

TEMPLATES = Path(__file__).resolve().parent.parent / "skeleton"
FILES = (
    "dispute.toml",
    "sources.toml",
    "parties.toml",
    "events.toml",
    "quotes.toml",
    "arguments.toml",
    "README.md",
)


class SkeletonError(ValueError):
    """What was asked for cannot be a dataset (a time zone that does not exist); `str()` says why."""


def dispute_id(folder: Path) -> str:
    """The dispute's id from its folder's name: a readable slug ("Union v Harbour" -> "union-v-harbour")."""
    return "-".join(re.findall(r"[a-z0-9]+", folder.name.casefold())) or "dispute"


def toml_string(text: str) -> str:
    """`text` as a TOML basic string: JSON's escapes (quotes, backslashes, control characters) are TOML's, and every
    other character is kept as it is, but DEL, which TOML also wants escaped."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def write_skeleton(folder: Path, title: str | None = None, timezone: str = "UTC") -> list[Path]:
    """Write the skeleton into `folder`, which must be new or empty; return the files written. Raises
    SkeletonError for a time zone that does not exist, OutputError (OutputExists) if `folder` holds files or
    cannot be written; nothing is written then."""
    if home_zone(timezone) is None:
        raise SkeletonError(f"{timezone!r} is not a time zone name such as America/Los_Angeles or UTC")
    folder = folder.resolve()  # "." names the folder it is
    values = {"id": dispute_id(folder), "title": title or folder.name, "timezone": timezone}
    with new_folder_files(folder) as staging:
        for name in FILES:
            text = (TEMPLATES / name).read_text(encoding="utf-8")
            if name == "dispute.toml":
                text = Template(text).substitute({key: toml_string(value) for key, value in values.items()})
            (staging / name).write_text(text, encoding="utf-8")
    return [folder / name for name in FILES]
