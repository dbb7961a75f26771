"""The app's garbage collector (parlertui/collector.py): lines divided whole are freed without a collection."""

from __future__ import annotations

import gc
import sys

from rich.segment import Segment
from textual.strip import Strip

from parlertui.collector import IdleCollector


def test_a_line_divided_whole_holds_no_cycle_while_the_collector_runs_and_textuals_divide_is_back_after(
    monkeypatch,
):
    textuals = Strip.divide
    monkeypatch.setattr(gc, "freeze", lambda: None)
    monkeypatch.setattr(gc, "unfreeze", lambda: None)
    collector = IdleCollector()
    collector.start()
    try:
        line = Strip([Segment("abc"), Segment("de")], 5)
        held = sys.getrefcount(line)
        assert line.divide([5]) == [line] and line.divide([5, 9]) == [line]  # whole (a cut past the end is dropped)
        assert sys.getrefcount(line) == held  # nothing kept it: no list holding the line in the line's own cache
        assert [piece.text for piece in line.divide([2, 5])] == ["ab", "cde"]  # cut: as Textual divides it
        assert [piece.text for piece in line.divide([1, 3, 5])] == ["a", "bc", "de"]
    finally:
        collector.stop()
    assert Strip.divide is textuals
    line = Strip([Segment("abc")], 3)
    held = sys.getrefcount(line)
    assert line.divide([3]) == [line] and sys.getrefcount(line) > held  # Textual's own caches it again
