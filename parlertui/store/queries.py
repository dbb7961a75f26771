"""Read-only queries over a store, returning plain dataclasses. The only module the app asks for data."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from parlertui.store.dates import DateError, parse_when
from parlertui.store.open import open_store

SIDE_ORDER = ("parler", "aws", "court", "other")


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
    """A store opened read-only. Use from one thread at a time."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._connection = open_store(self.path)
        self._connection.row_factory = sqlite3.Row
        self._zone: ZoneInfo | None = None

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def dispute(self) -> Dispute:
        meta = {row["key"]: row["value"] for row in self._connection.execute("SELECT key, value FROM meta")}
        title = meta.get("title") or self.path.name
        return Dispute(
            id=meta.get("id", ""),
            title=title,
            short_title=meta.get("short_title") or title,
            court=meta.get("court", ""),
            case_number=meta.get("case_number", ""),
            timezone=meta.get("timezone", "UTC"),
            summary=meta.get("summary", ""),
        )

    def zone(self) -> ZoneInfo | None:
        if self._zone is None:
            try:
                self._zone = ZoneInfo(self.dispute().timezone)
            except (ZoneInfoNotFoundError, ValueError):
                return None
        return self._zone

    def timeline(self) -> list[TimelineEvent]:
        """Every event in true order, with the sides of the parties taking part."""
        rows = self._connection.execute(
            """
            SELECT e.id, e.occurred_at, e.precision, e.kind, e.title, e.summary,
                   json_group_array(DISTINCT p.side) FILTER (WHERE p.side IS NOT NULL) AS sides
            FROM events AS e
            LEFT JOIN event_parties AS ep ON ep.event_id = e.id
            LEFT JOIN parties AS p ON p.id = ep.party_id
            GROUP BY e.id
            ORDER BY e.sort_key, e.id
            """
        )
        return [
            TimelineEvent(
                id=row["id"],
                occurred_at=row["occurred_at"],
                precision=row["precision"],
                date_label=self.date_label(row["occurred_at"]),
                kind=row["kind"],
                title=row["title"],
                summary=row["summary"],
                sides=tuple(side for side in SIDE_ORDER if side in json.loads(row["sides"] or "[]")),
            )
            for row in rows
        ]

    def date_label(self, text: str) -> str:
        """A stored date as a person reads it, in the dispute's home zone; the raw text if it will not parse."""
        try:
            return parse_when(text).label(self.zone())
        except DateError:
            return text
