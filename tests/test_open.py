"""Opening stores read-only: odd paths work, and reading never changes the file."""

from __future__ import annotations

import os
import shutil

import pytest

from parlertui.store.open import StoreError, open_read_only, open_store
from parlertui.store.queries import Store


@pytest.mark.parametrize("folder", ["with space", "hash#and?query", "ünïcödé", "percent%20"])
def test_paths_that_need_escaping_in_a_uri_open(mini_store, tmp_path, folder):
    target = tmp_path / folder / "store.sqlite"
    target.parent.mkdir()
    shutil.copy(mini_store, target)
    with Store(target) as store:
        assert len(store.timeline()) == 4


def test_the_connection_cannot_write(mini_store):
    connection = open_store(mini_store)
    with pytest.raises(Exception, match="readonly"):
        connection.execute("DELETE FROM events")
    connection.close()


def test_reading_leaves_bytes_and_times_unchanged(mini_store):
    before = (mini_store.read_bytes(), os.stat(mini_store).st_mtime_ns)
    with Store(mini_store) as store:
        store.dispute()
        store.timeline()
    assert (mini_store.read_bytes(), os.stat(mini_store).st_mtime_ns) == before
    assert sorted(p.name for p in mini_store.parent.iterdir()) == [mini_store.name]


def test_a_truncated_store_is_named_damaged(mini_store, tmp_path):
    truncated = tmp_path / "truncated.sqlite"
    truncated.write_bytes(mini_store.read_bytes()[:5000])
    with pytest.raises(StoreError) as raised:
        with Store(truncated) as store:
            store.timeline()
    assert "is cut short: 5000 of its" in str(raised.value)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file(mini_store, tmp_path):
    locked = tmp_path / "locked.sqlite"
    shutil.copy(mini_store, locked)
    locked.chmod(0)
    with pytest.raises(StoreError, match="permission denied"):
        open_read_only(locked)
