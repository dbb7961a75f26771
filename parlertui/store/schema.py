"""The store's schema: its version, its tables, and the full-text indexes over them."""

from __future__ import annotations

#: PRAGMA user_version of the stores this parlertui writes and reads.
SCHEMA_VERSION = 3
"""2 added quotes.frame and quotes.pin, sources.title_ours and arguments.reported_in (issue 14); 3 added the sides
table, which parties and arguments name their side from (issue 18). The app reads them, so an older store is refused
with the one-line "built by an older parlertui" message and must be rebuilt."""

#: The vocabularies of the record. schema.sql's CHECK constraints spell out the same lists (a test keeps them so).
SOURCE_KINDS = ("news", "court_order", "filing", "statement", "other")
PARTY_KINDS = ("company", "person", "court", "government", "group", "outlet")
MAX_SIDES = 16  # the sides of a dispute: each is a bit of period_counts.sides, and a lane of the strip
EVENT_KINDS = ("context", "platform", "communication", "filing", "hearing", "ruling", "statement", "corporate")
PRECISIONS = ("year", "month", "day", "time")
RELATIONS = ("rebuts", "supports")

#: The contract: tables and the columns they must have (more may be added, none renamed or dropped).
CONTRACT: dict[str, tuple[str, ...]] = {
    "sides": ("id", "name", "mark", "heading", "aliases", "deciding", "colour_dark", "colour_light", "position"),
    "sources": (
        "id",
        "kind",
        "outlet",
        "title",
        "author",
        "published",
        "url",
        "seed_file",
        "via_source_id",
        "title_ours",
    ),
    "parties": ("id", "name", "kind", "side", "description", "affiliation_id"),
    "events": ("id", "occurred_at", "precision", "title", "summary", "kind", "sort_key"),
    "event_parties": ("event_id", "party_id", "role"),
    "event_sources": ("event_id", "source_id"),
    "quotes": ("id", "text", "speaker_id", "source_id", "event_id", "said_on", "context", "frame", "pin"),
    "topics": ("id", "title", "question", "position"),
    "arguments": ("id", "topic_id", "party_id", "side", "summary", "position", "reported_in"),
    "argument_quotes": ("argument_id", "quote_id"),
    "argument_links": ("from_id", "to_id", "relation"),
    "meta": ("key", "value"),
}

#: Full-text indexes (SQLite FTS5, porter stemming): table -> indexed columns.
FULL_TEXT: dict[str, tuple[str, ...]] = {
    "events": ("title", "summary"),
    "quotes": ("text",),
    "arguments": ("summary",),
    "parties": ("name", "aliases", "description"),
    "sources": ("title", "outlet", "author"),
    "topics": ("title", "question"),
}

#: The order tables are written in, so that whatever a row refers to is already there.
TABLE_ORDER = (
    "meta",
    "sides",
    "sources",
    "parties",
    "events",
    "event_parties",
    "event_sources",
    "quotes",
    "topics",
    "arguments",
    "argument_quotes",
    "argument_links",
)


def schema_sql() -> str:
    """The CREATE statements of every table and index."""
    from importlib.resources import files  # for building only: not on the app's start

    return files("parlertui.store").joinpath("schema.sql").read_text(encoding="utf-8")
