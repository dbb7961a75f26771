"""Citations: how a quote, an event or a source is cited, in one form for the Markdown brief and for what the
app copies to the clipboard (`y`).

- A quote: its words as a block quote, then "— speaker, date. Source: outlet: title (date), as quoted in …,
  <address>." and its context.
- An event: "date: title", its summary, and "Sources: …" citing each.
- A source: "**outlet: title**: kind, by author, published date, as quoted in …. <address>".

The address given is the source's own, else that of the source it was read in.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple
from zoneinfo import ZoneInfo

from parlertui.store.dates import DateError, home_zone, parse_when
from parlertui.store.quote_text import framed_source_text, with_pin
from parlertui.store.records import source_label

SOURCE_KINDS = {
    "news": "news report",
    "court_order": "court order",
    "filing": "court filing",
    "statement": "statement",
    "other": "source",
}

#: Every column a quote's citation needs, its source (`s`) and the source that one was read in (`v`) joined.
QUOTES = """
    SELECT q.id, q.text, q.said_on, q.context, coalesce(p.name, q.speaker_id) AS speaker,
           coalesce(s.title, q.source_id) AS source_title, s.outlet AS source_outlet, s.published,
           s.url AS source_url, s.via_source_id, v.outlet AS via_outlet, v.title AS via_title, v.url AS via_url,
           e.occurred_at AS event_date, q.frame, q.pin, s.title_ours AS source_title_ours,
           v.title_ours AS via_title_ours
    FROM quotes AS q
    LEFT JOIN parties AS p ON p.id = q.speaker_id
    LEFT JOIN sources AS s ON s.id = q.source_id
    LEFT JOIN sources AS v ON v.id = s.via_source_id
    LEFT JOIN events AS e ON e.id = q.event_id
"""

#: The sources of one event (`?`), in their order, as a citation names them.
EVENT_SOURCES = """
    SELECT coalesce(s.title, es.source_id) AS title, s.outlet, s.published, s.url, s.via_source_id,
           v.outlet AS via_outlet, v.title AS via_title, v.url AS via_url, s.title_ours,
           v.title_ours AS via_title_ours
    FROM event_sources AS es
    LEFT JOIN sources AS s ON s.id = es.source_id LEFT JOIN sources AS v ON v.id = s.via_source_id
    WHERE es.event_id = ? ORDER BY es.position
"""

SOURCES = """
    SELECT s.*, v.outlet AS via_outlet, v.title AS via_title, v.url AS via_url, v.title_ours AS via_title_ours
    FROM sources AS s LEFT JOIN sources AS v ON v.id = s.via_source_id
"""


class Citation(NamedTuple):
    """What `y` copies and `o` opens for one record."""

    kind: str
    """"quote", "event" or "source"."""
    label: str
    """A few words naming it, for a notice ("the quote by Amy Peikoff")."""
    text: str
    """The citation, in the brief's form."""
    url: str | None
    """The first address it can be read at, or None."""


# Formatting (rows in, text out)


def line(text: object) -> str:
    """Text for a heading or a citation: on one line, so it cannot break the Markdown around it."""
    return " ".join(str(text).split())


def label(outlet: str | None, title: str, ours: object = False) -> str:
    """Outlet and title; a title of our own description in square brackets."""
    return line(source_label(outlet, title, ours=bool(ours)))


def date_text(text: str, zone: ZoneInfo | None) -> str:
    """A stored date at its own precision, as a person reads it; the text as stored if it will not parse."""
    try:
        return parse_when(text).label(zone)
    except DateError:
        return str(text)


def link(url: str) -> str:
    return f"<{url}>" if url and not any(char.isspace() or char in "<>" for char in url) else line(url)


def address(row: sqlite3.Row, prefix: str = "") -> str | None:
    """The address of a source row: its own, else that of the source it was read in."""
    return row[f"{prefix}url"] or (row["via_url"] if row["via_source_id"] else None) or None


def cited_source(row: sqlite3.Row, zone: ZoneInfo | None, prefix: str = "", pin: str | None = None) -> str:
    """A source as a citation names it: outlet and title, its date, the pin cite (where in it the words stand),
    the source it was read in, its address."""
    text = label(row[f"{prefix}outlet"], row[f"{prefix}title"], row[f"{prefix}title_ours"])
    if row["published"]:
        text += f" ({date_text(row['published'], zone)})"
    text = with_pin(text, pin and line(pin))
    if row["via_source_id"]:
        via = label(row["via_outlet"], row["via_title"] or row["via_source_id"], row["via_title_ours"])
        text += f", as quoted in {via}"
    url = address(row, prefix)
    if url:
        text += f", {link(url)}"
    return text


def quote_block(quote: sqlite3.Row, zone: ZoneInfo | None) -> str:
    """A quote (a row of QUOTES) as a block quote with its citation, ending in a blank line."""
    shown = framed_source_text(quote["text"], quote["frame"])
    lines = [f"> {part}\n" if part else ">\n" for part in shown.split("\n")]
    if quote["said_on"]:
        when = date_text(quote["said_on"], zone)
    elif quote["event_date"]:
        when = f"{date_text(quote['event_date'], zone)} (the date of its event)"
    else:
        when = "date not recorded"
    source = cited_source(quote, zone, prefix="source_", pin=quote["pin"])
    citation = f"— {line(quote['speaker'])}, {when}. Source: {source}."
    if quote["context"]:
        citation += f" Context: {line(quote['context'])}"
    return "".join(lines) + f">\n> {citation}\n\n"


def event_heading(event: sqlite3.Row, zone: ZoneInfo | None) -> str:
    return f"{date_text(event['occurred_at'], zone)}: {line(event['title'])}"


def sources_line(sources: list[sqlite3.Row], zone: ZoneInfo | None) -> str:
    """ "Sources: a; b." for an event's sources (rows of EVENT_SOURCES), or "" if it has none."""
    return "Sources: " + "; ".join(cited_source(row, zone) for row in sources) + "." if sources else ""


def source_entry(source: sqlite3.Row, zone: ZoneInfo | None) -> str:
    """A source (a row of SOURCES) as the brief lists it."""
    details = [SOURCE_KINDS.get(source["kind"], source["kind"]).capitalize()]
    if source["author"]:
        details.append(f"by {line(source['author'])}")
    if source["published"]:
        details.append(f"published {date_text(source['published'], zone)}")
    if source["via_source_id"]:
        via = label(source["via_outlet"], source["via_title"] or source["via_source_id"], source["via_title_ours"])
        details.append(f"as quoted in {via}")
    if source["title_ours"]:
        details.append("title ours (the source gives none)")
    text = f"**{label(source['outlet'], source['title'], source['title_ours'])}**: {', '.join(details)}."
    if source["url"]:
        text += f" {link(source['url'])}"
    elif source["via_source_id"] and source["via_url"]:
        text += f" Read at {link(source['via_url'])}"
    if source["note"]:
        text += f" Note: {line(source['note'])}"
    return text


# Reading one record's citation


def read_citation(connection: sqlite3.Connection, kind: str, item_id: str) -> Citation | None:
    """The citation of the quote, event or source `item_id`, or None if the store does not hold it (or `kind` is
    none of those). `connection` must give sqlite3.Row rows."""
    zone = _zone(connection)
    if kind == "quote":
        quote = connection.execute(f"{QUOTES} WHERE q.id = ?", (item_id,)).fetchone()
        if quote is None:
            return None
        return Citation(
            "quote",
            f"the quote by {line(quote['speaker'])}",
            quote_block(quote, zone).rstrip("\n") + "\n",
            address(quote, "source_"),
        )
    if kind == "event":
        event = connection.execute("SELECT * FROM events WHERE id = ?", (item_id,)).fetchone()
        if event is None:
            return None
        sources = connection.execute(EVENT_SOURCES, (item_id,)).fetchall()
        parts = [event_heading(event, zone), event["summary"], sources_line(sources, zone)]
        urls = [url for url in (address(row) for row in sources) if url]
        return Citation(
            "event",
            f"the event “{line(event['title'])}”",
            "\n\n".join(part for part in parts if part) + "\n",
            urls[0] if urls else None,
        )
    if kind == "source":
        source = connection.execute(f"{SOURCES} WHERE s.id = ?", (item_id,)).fetchone()
        if source is None:
            return None
        return Citation(
            "source",
            f"the source “{label(source['outlet'], source['title'], source['title_ours'])}”",
            source_entry(source, zone) + "\n",
            address(source),
        )
    return None


def _zone(connection: sqlite3.Connection) -> ZoneInfo | None:
    row = connection.execute("SELECT value FROM meta WHERE key = 'timezone'").fetchone()
    return home_zone(row[0] if row else None)
