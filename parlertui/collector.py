"""The garbage collector, for the one app a process runs: full collections wait until the reader pauses.

A full collection walks every object the collector tracks. On the big store it took 30-45 ms (85-105 ms before the
start was frozen), at moments nobody chose: often in the middle of a keystroke's repaint or a search. So:

- the command line turns the collector off before it imports Textual: nearly everything the start builds lives as
  long as the app, and collecting while building it took 40 ms of the start (a bare Textual app's: 15-20 ms);
- once the first screen is up, what the start built (Textual, the styles, the screen) is frozen out of the
  collector's sight (gc.freeze), and the collector is turned on again;
- full collections run when no key, click or paste has come for a second, if any objects have been promoted since
  the last one;
- automatic full collections come ten times less often than CPython's default, so that a long run with no pause
  still has them;
- the youngest generation is collected after 5,000 allocations rather than 700: what a key makes (its rows, its
  lines) is then mostly gone by the time it is looked at, so less of it is promoted and left for a full
  collection. Over bench/profile_keys.py's 190 keys on the big store: no automatic full collection instead of
  three (40-80 ms each), the longest pause 13 ms (a middle one), and a third less time collecting;
- a line Textual's compositor divides whole no longer keeps itself alive in a reference cycle (see
  divide_without_cycle), so the lines the widgets drop as they draw again are freed at once, not left for a
  full collection: on the big store they were half of what each one found (bench/profile_keys.py --objects).

Tests run many apps in one process, so the app only does this when asked (the command line asks), and puts the
thresholds and Strip.divide back when it ends.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.strip import Strip

IDLE_SECONDS = 1.0  # no input for this long: the reader is reading, a collection will not be felt
CHECK_EVERY = 0.5
COLLECTOR_LATEST = 5.0  # seconds after the app starts: the collector is on by then, first screen or not
FULL_COLLECTION_EVERY = 100  # collections of the middle generation between automatic full ones (CPython: 10)
YOUNG_COLLECTION_AFTER = 5000  # allocations (less deallocations) between collections of the youngest (CPython: 700)


Divide = Callable[["Strip", Iterable[int]], Sequence["Strip"]]


def divide_without_cycle(divide: Divide) -> Divide:
    """Textual's Strip.divide (`divide`), but a strip not cut at all is returned in a new list rather than in the
    list Textual caches on the strip, which holds the strip itself: a reference cycle. The compositor divides every
    line it draws, so every line a widget dropped was garbage only a full collection could free; on the big store,
    50,000 of the 115,000 objects each automatic one found, about half its 70-110 ms. Every other cut is
    Textual's own, cached as before."""

    def divided(strip: Strip, cuts: Iterable[int]) -> Sequence[Strip]:
        within = [cut for cut in cuts if cut <= strip.cell_length]
        if within == [strip.cell_length]:
            return [strip]
        return divide(strip, within)

    divided.__doc__ = divide.__doc__
    return divided


class IdleCollector:
    """Runs full collections when input has paused; `clock` is replaceable for tests."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.last_input = clock()
        self.collections = 0
        self._thresholds: tuple[int, int, int] | None = None
        self._divide: Divide | None = None  # Textual's own, while replaced

    def start(self) -> None:
        """Freeze what exists now, make automatic full collections rare and turn the collector on; check_idle then
        runs the rest."""
        from textual.strip import Strip

        if self._divide is None:
            self._divide = textuals = Strip.divide
            # mypy forbids assigning to a method; the swap is the point (see divide_without_cycle)
            Strip.divide = divide_without_cycle(textuals)  # type: ignore[method-assign, assignment]
        gc.freeze()
        self._thresholds = gc.get_threshold()
        _young, middle, _full = self._thresholds
        gc.set_threshold(YOUNG_COLLECTION_AFTER, middle, FULL_COLLECTION_EVERY)
        gc.enable()

    @property
    def started(self) -> bool:
        return self._thresholds is not None

    def stop(self) -> None:
        if self._divide is not None:
            from textual.strip import Strip

            Strip.divide = self._divide  # type: ignore[method-assign, assignment]  # Textual's own back
            self._divide = None
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            gc.unfreeze()
            self._thresholds = None

    def input_seen(self) -> None:
        self.last_input = self.clock()

    def check_idle(self) -> bool:
        """Collect everything if input has paused and objects have been promoted since the last full collection."""
        if self._thresholds is None or self.clock() - self.last_input < IDLE_SECONDS:
            return False
        if gc.get_count()[2] == 0:  # no collection of the middle generation since the last full one
            return False
        gc.collect()
        self.collections += 1
        return True
