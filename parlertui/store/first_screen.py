"""What the app's first screen shows, read while the app is still being imported.

Importing Textual takes most of a start; SQLite reads let other threads run. Reading the catalogue and the first
page of the timeline in a thread during the import means the first screen needs no read of its own.
"""

from __future__ import annotations

import threading
from typing import NamedTuple

from parlertui.store.listing import Heading, Listing, Row, event_listing
from parlertui.store.queries import Store
from parlertui.store.records import Catalogue, TimelineEvent

PAGE = 64


class FirstScreenData(NamedTuple):
    """The catalogue, and the whole timeline's listing with its headings and first page."""

    catalogue: Catalogue
    listing: Listing[TimelineEvent]
    headings: list[Heading]
    rows: dict[int, Row[TimelineEvent]]


class FirstScreenReader:
    """Reads the first screen in a thread from the moment it is made; `result()` waits for it. A failure to read
    is left to the app, which reads again and says what is wrong: `result()` is then None."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._result: FirstScreenData | None = None
        self._thread = threading.Thread(target=self._read, name="first-screen", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            catalogue = self._store.catalogue()
            listing = event_listing(self._store)
            headings = listing.headings()
            self._result = FirstScreenData(catalogue, listing, headings, dict(enumerate(listing.first(PAGE))))
        except Exception:  # noqa: BLE001 - the app's own read reports it
            self._result = None

    def result(self) -> FirstScreenData | None:
        self._thread.join()
        return self._result
