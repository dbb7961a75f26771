"""The record as a Markdown brief a person can read: the dispute, the timeline, each topic argued from both sides
with the court's finding and the outcome, and the sources.

Every quote is given exactly as stored, with its speaker, its source (and the source that source was read in)
and its date. The brief is written piece by piece to a text stream, so a large store never becomes one string.
"""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from parlertui.store.counts import event_counts_where
from parlertui.store.dates import DateError, home_zone, parse_when
from parlertui.store.periods import text_picture
from parlertui.store.open import StoreError, open_store
from parlertui.store.schema import SIDES
from parlertui.store.selection import Selection, select

SIDE_HEADINGS = {
    "parler": "Parler's arguments",
    "aws": "AWS's arguments",
    "court": "The court's finding",
    "other": "Other parties' arguments",
}
SOURCE_KINDS = {
    "news": "news report",
    "court_order": "court order",
    "filing": "court filing",
    "statement": "statement",
    "other": "source",
}

_QUOTES = """
    SELECT q.id, q.text, q.said_on, q.context, coalesce(p.name, q.speaker_id) AS speaker,
           coalesce(s.title, q.source_id) AS source_title, s.outlet AS source_outlet, s.published,
           s.via_source_id, v.outlet AS via_outlet, v.title AS via_title, e.occurred_at AS event_date
    FROM quotes AS q
    LEFT JOIN parties AS p ON p.id = q.speaker_id
    LEFT JOIN sources AS s ON s.id = q.source_id
    LEFT JOIN sources AS v ON v.id = s.via_source_id
    LEFT JOIN events AS e ON e.id = q.event_id
"""


def markdown_brief(store_path: Path, *, topic: str | None = None, party: str | None = None) -> str:
    """The brief of the store at `store_path` (only one topic, or only what involves one party, if given).

    Opens the store read-only on a connection of its own, so it may run on any thread. Raises StoreError if the
    store cannot be opened or read, UnknownId for a topic or party the store does not hold."""
    connection = open_store(store_path)
    try:
        out = io.StringIO()
        write_brief(connection, select(connection, topic=topic, party=party), out)
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
    out.write("Every quote is given exactly as recorded, with who said it, where it was read and when.\n\n")


def _write_timeline(connection: sqlite3.Connection, selection: Selection, zone: ZoneInfo | None, out: TextIO) -> None:
    events = connection.execute(
        f"SELECT id, occurred_at, title, summary FROM events AS e WHERE {selection.where('events', 'e')} "
        "ORDER BY sort_key"
    )
    heading_written = False
    for event in events:
        if not heading_written:
            out.write("## Timeline\n\n")
            _write_shape(connection, selection, out)
            heading_written = True
        out.write(f"### {_date(event['occurred_at'], zone)}: {_line(event['title'])}\n\n{event['summary']}\n\n")
        parties = connection.execute(
            "SELECT coalesce(p.name, ep.party_id) AS name, ep.role FROM event_parties AS ep "
            "LEFT JOIN parties AS p ON p.id = ep.party_id WHERE ep.event_id = ? ORDER BY ep.position",
            (event["id"],),
        ).fetchall()
        if parties:
            out.write(
                "Parties: " + "; ".join(f"{_line(row['name'])} ({_line(row['role'])})" for row in parties) + ".\n\n"
            )
        sources = connection.execute(
            "SELECT coalesce(s.title, es.source_id) AS title, s.outlet, s.published, s.via_source_id, "
            "v.outlet AS via_outlet, v.title AS via_title FROM event_sources AS es "
            "LEFT JOIN sources AS s ON s.id = es.source_id LEFT JOIN sources AS v ON v.id = s.via_source_id "
            "WHERE es.event_id = ? ORDER BY es.position",
            (event["id"],),
        ).fetchall()
        if sources:
            out.write("Sources: " + "; ".join(_cited_source(row, zone) for row in sources) + ".\n\n")


def _write_shape(connection: sqlite3.Connection, selection: Selection, out: TextIO) -> None:
    """The timeline's shape as the app's strip draws it: a line of blocks per side, the axis and the scale."""
    counts = event_counts_where(connection, selection.where("events", "e"))
    if counts.total:
        out.write(
            f"The {counts.total:,} events over time, a line for each side taking part (an event counts once for "
            "each side in it):\n\n```text\n"
        )
        out.write("\n".join(text_picture(counts.by_unit["day"])) + "\n```\n\n")


def _write_topics(connection: sqlite3.Connection, selection: Selection, zone: ZoneInfo | None, out: TextIO) -> None:
    topics = connection.execute(
        f"SELECT id, title, question, outcome FROM topics AS t WHERE {selection.where('topics', 't')} ORDER BY position"
    ).fetchall()
    if topics:
        out.write("## Topics\n\n")
    for topic in topics:
        out.write(f"### {_line(topic['title'])}\n\nQuestion: {topic['question']}\n\n")
        arguments = connection.execute(
            "SELECT a.id, a.side, a.summary, coalesce(p.name, a.party_id) AS party FROM arguments AS a "
            f"LEFT JOIN parties AS p ON p.id = a.party_id WHERE a.topic_id = ? AND {selection.where('arguments', 'a')} "
            "ORDER BY a.position",
            (topic["id"],),
        ).fetchall()
        for side in (*SIDES, *sorted({row["side"] for row in arguments} - set(SIDES))):
            own = [row for row in arguments if row["side"] == side]
            if not own:
                continue
            out.write(f"#### {SIDE_HEADINGS.get(side, f'Arguments of the side {side!r}')}\n\n")
            for argument in own:
                out.write(f"**{_line(argument['party'])}:** {argument['summary']}\n\n")
                quotes = connection.execute(
                    f"{_QUOTES} JOIN argument_quotes AS aq ON aq.quote_id = q.id WHERE aq.argument_id = ? "
                    "ORDER BY aq.position",
                    (argument["id"],),
                )
                for quote in quotes:
                    _write_quote(quote, zone, out)
        out.write(f"#### Outcome\n\n{topic['outcome'] or 'Not recorded.'}\n\n")


def _write_other_quotes(
    connection: sqlite3.Connection, selection: Selection, zone: ZoneInfo | None, out: TextIO
) -> None:
    """Quotes no argument in the brief cites, so that every quote in it appears somewhere."""
    quotes = connection.execute(
        f"{_QUOTES} WHERE {selection.where('quotes', 'q')} AND q.id NOT IN "
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
    sources = connection.execute(
        "SELECT s.*, v.outlet AS via_outlet, v.title AS via_title FROM sources AS s "
        f"LEFT JOIN sources AS v ON v.id = s.via_source_id WHERE {selection.where('sources', 's')} "
        "ORDER BY s.position"
    )
    heading_written = False
    for source in sources:
        if not heading_written:
            out.write("## Sources\n\n")
            heading_written = True
        details = [SOURCE_KINDS.get(source["kind"], source["kind"]).capitalize()]
        if source["author"]:
            details.append(f"by {_line(source['author'])}")
        if source["published"]:
            details.append(f"published {_date(source['published'], zone)}")
        if source["via_source_id"]:
            via = _label(source["via_outlet"], source["via_title"] or source["via_source_id"])
            details.append(f"as quoted in {via}")
        line = f"- **{_label(source['outlet'], source['title'])}**: {', '.join(details)}."
        if source["url"]:
            line += f" {_link(source['url'])}"
        if source["note"]:
            line += f" Note: {_line(source['note'])}"
        out.write(line + "\n")
    if heading_written:
        out.write("\n")


def _write_quote(quote: sqlite3.Row, zone: ZoneInfo | None, out: TextIO) -> None:
    for line in quote["text"].split("\n"):
        out.write(f"> {line}\n" if line else ">\n")
    if quote["said_on"]:
        when = _date(quote["said_on"], zone)
    elif quote["event_date"]:
        when = f"{_date(quote['event_date'], zone)} (the date of its event)"
    else:
        when = "date not recorded"
    citation = f"— {_line(quote['speaker'])}, {when}. Source: {_cited_source(quote, zone, prefix='source_')}."
    if quote["context"]:
        citation += f" Context: {_line(quote['context'])}"
    out.write(f">\n> {citation}\n\n")


def _cited_source(row: sqlite3.Row, zone: ZoneInfo | None, prefix: str = "") -> str:
    """A source as a citation names it: outlet and title, its date, and the source it was read in."""
    label = _label(row[f"{prefix}outlet"], row[f"{prefix}title"])
    if row["published"]:
        label += f" ({_date(row['published'], zone)})"
    if row["via_source_id"]:
        label += f", as quoted in {_label(row['via_outlet'], row['via_title'] or row['via_source_id'])}"
    return label


def _label(outlet: str | None, title: str) -> str:
    return _line(f"{outlet}: {title}" if outlet else title)


def _date(text: str, zone: ZoneInfo | None) -> str:
    """A stored date at its own precision, as a person reads it; the text as stored if it will not parse."""
    try:
        return parse_when(text).label(zone)
    except DateError:
        return str(text)


def _line(text: object) -> str:
    """Text for a heading or a citation: on one line, so it cannot break the Markdown around it."""
    return " ".join(str(text).split())


def _link(url: str) -> str:
    return f"<{url}>" if url and not any(char.isspace() or char in "<>" for char in url) else _line(url)
