"""The data layer never imports Textual, and the store commands do not pay for it either."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "parlertui.store.queries",
        "parlertui.store.build",
        "parlertui.store.check",
        "parlertui.store.validate",
        "parlertui.cli",
        "parlertui.locations",
    ],
)
def test_no_textual_import(module):
    code = f"import sys, {module}; sys.exit('textual' in sys.modules or 'rich' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_reading_a_store_does_not_import_sqlite_utils():
    code = "import sys, parlertui.store.queries, parlertui.store.check; sys.exit('sqlite_utils' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_the_app_starts_without_loading_what_its_first_screen_does_not_show():
    later = [
        "parlertui.screens.search",
        "parlertui.screens.filters",
        "parlertui.screens.record",
        "parlertui.screens.help",
        "parlertui.widgets.debate",
        "parlertui.views.parties",
        "parlertui.views.arguments",
        "parlertui.views.sources",
        "parlertui.views.quotes",
        "parlertui.store.search",  # the store's search session is made at the first search
        "parlertui.store.date_search",
        "parlertui.store.citation",
        "sqlite_utils",
    ]
    code = f"import sys, parlertui.app; sys.exit(','.join(m for m in {later!r} if m in sys.modules) or None)"
    result = subprocess.run([sys.executable, "-c", code], timeout=60, capture_output=True, text=True)
    assert result.returncode == 0, f"imported at start: {result.stderr.strip()}"
