"""The record as a Markdown brief a person can read: the dispute, the timeline, each topic argued side by side
with the deciding body's findings and the outcome, and the sources.

Every quote is given exactly as stored, in its frame (the source's words around it) where it has one, with its pin
cite, its speaker, its source (and the source that source was read in)
and its date. The brief is written piece by piece to a text stream, so a large store never becomes one string.
"""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from parlertui.store.citation import (
    EVENT_SOURCES,
    QUOTES,
    SOURCE_KINDS,
    SOURCES,
    event_heading,
    quote_block,
    source_entry,
    sources_line,
)
from parlertui.store.citation import label as _label
from parlertui.store.citation import line as _line
from parlertui.store.dates import home_zone
from parlertui.store.counts import event_counts_where
from parlertui.store.periods import text_picture
from parlertui.store.open import StoreError, open_store
from parlertui.store.filters import NO_FILTERS, Filters, outcome_known
from parlertui.store.selection import Selection, describe_filters, select

__all__ = ["SOURCE_KINDS", "markdown_brief", "side_heading", "write_brief"]


def markdown_brief(
    store_path: Path, *, topic: str | None = None, party: str | None = None, filters: Filters = NO_FILTERS
) -> str:
    """The brief of the store at `store_path` (only one topic, or only what involves one party, if given).

    Opens the store read-only on a connection of its own, so it may run on any thread. Raises StoreError if the
    store cannot be opened or read, UnknownId for a topic or party the store does not hold."""
    connection = open_store(store_path)
    try:
        out = io.StringIO()
        write_brief(connection, select(connection, topic=topic, party=party, filters=filters), out)
        return out.getvalue()
    except sqlite3.Error as err:
        raise StoreError(store_path, f"cannot be read ({err})", "check it with `parlertui check`") from None
    finally:
        connection.close()


def write_brief(connection: sqlite3.Connection, selection: Selection, out: TextIO) -> None:
    """Write the brief of the rows in `selection` to `out`."""
    row_factory, connection.row_factory = connection.row_factory, sqlite3.Row
    try:
        meta = {row["key"]: row["value"] for row in connection.execute("SELECT key, value FROM meta")}
        zone = home_zone(meta.get("timezone"))
        _write_heading(connection, selection, meta, out)
        _write_timeline(connection, selection, zone, out)
        _write_topics(connection, selection, zone, out)
        _write_other_quotes(connection, selection, zone, out)
        _write_sources(connection, selection, zone, out)
    finally:
        connection.row_factory = row_factory


def _write_heading(connection: sqlite3.Connection, selection: Selection, meta: dict[str, str], out: TextIO) -> None:
    out.write(f"# {_line(meta.get('title') or 'A dispute')}\n\n")
    case = f"case {meta['case_number']}" if meta.get("case_number") else ""
    court = ", ".join(part for part in (meta.get("court"), case) if part)
    if court:
        out.write(f"{court}\n\n")
    if meta.get("summary"):
        out.write(f"{meta['summary']}\n\n")
    if selection.topic is not None:
        (title,) = connection.execute("SELECT title FROM topics WHERE id = ?", (selection.topic,)).fetchone()
        out.write(f"This brief covers one topic, “{_line(title)}”, and the events its quotes come from.\n\n")
    elif selection.party is not None:
        name, description = connection.execute(
            "SELECT name, description FROM parties WHERE id = ?", (selection.party,)
        ).fetchone()
        out.write(
            "This brief covers what involves one party: the events it takes part in, its quotes, and the "
            f"arguments it made or that cite its quotes.\n\n**{_line(name)}**: {description}\n\n"
        )
    if selection.filtered:
        out.write(
            f"Narrowed by the filters: {describe_filters(connection, selection.filters)}. It holds the events and "
            "quotes they let through, the arguments that cite those quotes, and their topics.\n\n"
        )
    out.write("Every quote is given exactly as recorded, with who said it, where it was read and when.\n\n")


def _write_timeline(connection: sqlite3.Connection, selection: Selection, zone: ZoneInfo | None, out: TextIO) -> None:
    events = connection.execute(
        f"SELECT id, occurred_at, title, summary FROM events AS e WHERE {selection.timeline_where('e')} "
        "ORDER BY sort_key"
    )
    heading_written = False
    for event in events:
        if not heading_written:
            out.write("## Timeline\n\n")
            _write_shape(connection, selection, out)
            heading_written = True
        out.write(f"### {event_heading(event, zone)}\n\n{event['summary']}\n\n")
        parties = connection.execute(
            "SELECT coalesce(p.name, ep.party_id) AS name, ep.role FROM event_parties AS ep "
            "LEFT JOIN parties AS p ON p.id = ep.party_id WHERE ep.event_id = ? ORDER BY ep.position",
            (event["id"],),
        ).fetchall()
        if parties:
            out.write(
                "Parties: " + "; ".join(f"{_line(row['name'])} ({_line(row['role'])})" for row in parties) + ".\n\n"
            )
        sources = connection.execute(EVENT_SOURCES, (event["id"],)).fetchall()
        if sources:
            out.write(sources_line(sources, zone) + "\n\n")


def _write_shape(connection: sqlite3.Connection, selection: Selection, out: TextIO) -> None:
    """The timeline's shape as the app's strip draws it: a line of blocks per side, the axis and the scale."""
    counts = event_counts_where(connection, selection.where("events", "e"))
    if counts.total:
        out.write(
            f"The {counts.total:,} events over time, a line for each side taking part (an event counts once for "
            "each side in it):\n\n```text\n"
        )
        names = [name for (name,) in connection.execute("SELECT name FROM sides ORDER BY position")]
        out.write("\n".join(text_picture(counts.by_unit["day"], names)) + "\n```\n\n")


def side_heading(name: str, deciding: bool) -> str:
    """The heading of a side's arguments under a topic: the deciding body's are its findings."""
    return f"{name}: {'findings' if deciding else 'arguments'}"


def _write_topics(connection: sqlite3.Connection, selection: Selection, zone: ZoneInfo | None, out: TextIO) -> None:
    topics = connection.execute(
        f"SELECT id, title, question, outcome FROM topics AS t WHERE {selection.where('topics', 't')} ORDER BY position"
    ).fetchall()
    if topics:
        out.write("## Topics\n\n")
    sides = connection.execute("SELECT id, name, deciding FROM sides ORDER BY position").fetchall()
    for topic in topics:
        out.write(f"### {_line(topic['title'])}\n\nQuestion: {topic['question']}\n\n")
        arguments = connection.execute(
            "SELECT a.id, a.side, a.summary, coalesce(p.name, a.party_id) AS party, r.outlet AS report_outlet, "
            "r.title AS report_title, r.title_ours AS report_title_ours FROM arguments AS a "
            "LEFT JOIN sources AS r ON r.id = a.reported_in "
            f"LEFT JOIN parties AS p ON p.id = a.party_id WHERE a.topic_id = ? AND {selection.where('arguments', 'a')} "
            "ORDER BY a.position",
            (topic["id"],),
        ).fetchall()
        for side, name, deciding in sides:
            own = [row for row in arguments if row["side"] == side]
            if not own:
                continue
            out.write(f"#### {side_heading(name, deciding)}\n\n")
            for argument in own:
                out.write(f"**{_line(argument['party'])}:** {argument['summary']}\n\n")
                if argument["report_title"]:
                    report = _label(argument["report_outlet"], argument["report_title"], argument["report_title_ours"])
                    out.write(f"As reported in {report}.\n\n")
                quotes = connection.execute(
                    f"{QUOTES} JOIN argument_quotes AS aq ON aq.quote_id = q.id WHERE aq.argument_id = ? "
                    "ORDER BY aq.position",
                    (argument["id"],),
                )
                for quote in quotes:
                    _write_quote(quote, zone, out)
        as_of = selection.filters.as_of
        if outcome_known(topic["outcome"], as_of):
            outcome = topic["outcome"] or "Not recorded."
        else:
            outcome = f"Not yet on the record as of {as_of}."
        out.write(f"#### Outcome\n\n{outcome}\n\n")


def _write_other_quotes(
    connection: sqlite3.Connection, selection: Selection, zone: ZoneInfo | None, out: TextIO
) -> None:
    """Quotes no argument in the brief cites, so that every quote in it appears somewhere."""
    quotes = connection.execute(
        f"{QUOTES} WHERE {selection.where('quotes', 'q')} AND q.id NOT IN "
        f"(SELECT aq.quote_id FROM argument_quotes AS aq WHERE {selection.where('argument_quotes', 'aq')}) "
        "ORDER BY q.sort_key"
    )
    heading_written = False
    for quote in quotes:
        if not heading_written:
            out.write(
                "## Other quotes\n\nQuotes in the record that no argument above cites, in the order they were said.\n\n"
            )
            heading_written = True
        _write_quote(quote, zone, out)


def _write_sources(connection: sqlite3.Connection, selection: Selection, zone: ZoneInfo | None, out: TextIO) -> None:
    sources = connection.execute(f"{SOURCES} WHERE {selection.where('sources', 's')} ORDER BY s.position")
    heading_written = False
    for source in sources:
        if not heading_written:
            out.write("## Sources\n\n")
            heading_written = True
        out.write(f"- {source_entry(source, zone)}\n")
    if heading_written:
        out.write("\n")


def _write_quote(quote: sqlite3.Row, zone: ZoneInfo | None, out: TextIO) -> None:
    out.write(quote_block(quote, zone))
