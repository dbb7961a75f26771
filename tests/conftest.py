"""Shared fixtures: every test builds its own data from tests/data, never from ../shared."""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from parlertui.store.build import build_store
from toml_writer import dumps

MINI = Path(__file__).resolve().parent / "data" / "mini"


class DatasetFolder:
    """A copy of the mini dataset in a temporary folder, to change file by file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def read(self, name: str) -> dict[str, Any]:
        return tomllib.loads((self.folder / name).read_text(encoding="utf-8"))

    def write(self, name: str, document: dict[str, Any]) -> None:
        (self.folder / name).write_text(dumps(document), encoding="utf-8")

    def edit(self, name: str, change: Callable[[dict[str, Any]], None]) -> None:
        document = self.read(name)
        change(document)
        self.write(name, document)


@pytest.fixture(autouse=True)
def config_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's config folder, for every test a new empty one: no test reads or writes the real home's."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


@pytest.fixture
def dataset(tmp_path: Path) -> DatasetFolder:
    folder = tmp_path / "dataset"
    shutil.copytree(MINI, folder)
    return DatasetFolder(folder)


@pytest.fixture
def mini_store(tmp_path: Path) -> Path:
    return build_store(MINI, tmp_path / "mini.sqlite").path
