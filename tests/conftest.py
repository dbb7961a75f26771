"""Shared fixtures: every test builds its own data from tests/data, never from ../shared."""

from __future__ import annotations

import bytecode_cache  # noqa: F401  (first: it lets the imports below be cached)
import gc
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings


from parlertui.app import ParlertuiApp
from parlertui.store.build import build_store
from toml_writer import dumps

MINI = Path(__file__).resolve().parent / "data" / "mini"

# Hypothesis: a budget per test that finds what it finds in a fraction of the suite's time, and no deadline (a slow
# moment on a loaded machine is not a failure). A test that needs another budget says so with its own @settings.
settings.register_profile("parlertui", max_examples=50, deadline=None)
settings.load_profile("parlertui")


def pytest_collection_finish(session: pytest.Session) -> None:
    """Keep what pytest, Textual and the test modules built before the first test out of the collector's sight,
    and collect the oldest generation ten times less often than CPython does. A worker runs hundreds of apps, each
    leaving a heap's worth of cycles; with every module and test item tracked, each full collection walked them all
    again (a fifth of a Textual test file's CPU time went to collecting). The garbage is still collected."""
    gc.collect()
    gc.freeze()
    young, middle, _full = gc.get_threshold()
    gc.set_threshold(young, middle, 100)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """One full collection at the end, while pytest still listens for exceptions raised in finalizers, then freeze
    what is left: pytest's own five collections after this (for those exceptions) then have nothing to walk.
    Each of them took about half a second in a worker, whose heap by then holds what its apps left."""
    gc.collect()
    gc.freeze()


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


@pytest.fixture(autouse=True)
def notices_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every notice an app shows, kept in order for `apptools.notices` through Textual's public `notify` (the
    app's own list of notifications is private); `clear_notifications` clears the record too."""
    notify, clear = ParlertuiApp.notify, ParlertuiApp.clear_notifications

    def recording_notify(app: ParlertuiApp, message: Any, *args: Any, **kwargs: Any) -> None:
        app.__dict__.setdefault("notices_said", []).append(str(message))
        notify(app, message, *args, **kwargs)

    def recording_clear(app: ParlertuiApp) -> None:
        app.__dict__["notices_said"] = []
        clear(app)

    monkeypatch.setattr(ParlertuiApp, "notify", recording_notify)
    monkeypatch.setattr(ParlertuiApp, "clear_notifications", recording_clear)


@pytest.fixture
def dataset(tmp_path: Path) -> DatasetFolder:
    folder = tmp_path / "dataset"
    shutil.copytree(MINI, folder)
    return DatasetFolder(folder)


@pytest.fixture(scope="session")
def built_mini_store(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The mini dataset built once per test process: a build is 0.1 s, a copy of its 100 kB a fraction of that."""
    return build_store(MINI, tmp_path_factory.mktemp("built") / "mini.sqlite").path.read_bytes()


@pytest.fixture
def mini_store(tmp_path: Path, built_mini_store: bytes) -> Path:
    """A store of the mini dataset of the test's own, to change as it likes."""
    path = tmp_path / "mini.sqlite"
    path.write_bytes(built_mini_store)
    return path
