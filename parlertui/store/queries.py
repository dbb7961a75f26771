"""Read-only queries over a store, returning plain dataclasses. The only module the app asks for data."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from parlertui.store.dates import DateError, home_zone, parse_when
from parlertui.store.open import StoreError, open_store
from parlertui.store.schema import SIDES


@dataclass(frozen=True)
class Dispute:
    """The dispute a store records, as its dataset names it."""

    id: str
    title: str
    short_title: str
    court: str
    case_number: str
    timezone: str
    summary: str


@dataclass(frozen=True)
class TimelineEvent:
    """One line of the timeline."""

    id: str
    occurred_at: str
    precision: str
    date_label: str
    kind: str
    title: str
    summary: str
    sides: tuple[str, ...]


class Store:
    """A store opened read-only. Use from one thread at a time; every read error is a StoreError."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._connection = open_store(self.path)
        self._connection.row_factory = sqlite3.Row
        self._dispute: Dispute | None = None

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        try:
            yield self._connection
        except sqlite3.Error as err:
            raise StoreError(self.path, f"cannot be read ({err})", "check it with `parlertui check`") from err

    def dispute(self) -> Dispute:
        if self._dispute is None:
            with self._reading() as db:
                meta = {row["key"]: row["value"] for row in db.execute("SELECT key, value FROM meta")}
            title = meta.get("title") or self.path.name
            self._dispute = Dispute(
                id=meta.get("id", ""),
                title=title,
                short_title=meta.get("short_title") or title,
                court=meta.get("court", ""),
                case_number=meta.get("case_number", ""),
                timezone=meta.get("timezone", ""),
                summary=meta.get("summary", ""),
            )
        return self._dispute

    def zone(self) -> ZoneInfo | None:
        """The dispute's home time zone, or None if the store names none that exists."""
        return home_zone(self.dispute().timezone)

    def timeline(self) -> list[TimelineEvent]:
        """Every event in true order, with the sides of the parties taking part."""
        zone = self.zone()
        with self._reading() as db:
            rows = db.execute(
                """
                SELECT e.id, e.occurred_at, e.precision, e.kind, e.title, e.summary,
                       (SELECT group_concat(p.side, ' ')
                        FROM event_parties AS ep JOIN parties AS p ON p.id = ep.party_id
                        WHERE ep.event_id = e.id) AS sides
                FROM events AS e
                ORDER BY e.sort_key, e.id
                """
            ).fetchall()
        return [
            TimelineEvent(
                id=row["id"],
                occurred_at=row["occurred_at"],
                precision=row["precision"],
                date_label=date_label(row["occurred_at"], zone),
                kind=row["kind"],
                title=row["title"],
                summary=row["summary"],
                sides=tuple(side for side in SIDES if side in (row["sides"] or "").split()),
            )
            for row in rows
        ]


def date_label(text: str, zone: ZoneInfo | None) -> str:
    """A stored date as a person reads it, in the home zone; the text as stored if it will not parse."""
    try:
        return parse_when(text).label(zone)
    except DateError:
        return text
