"""The timeline as TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html): a title slide for the
dispute, then a slide per event.

Each event's `start_date` is given by its parts down to its own precision and no further, read in the dispute's
home zone; where TimelineJS's own formatting would say less than we know or more (a month, a year, a time and its
zone), `display_date` says it as the app does. `group` is the kind of event, `unique_id` the event's id. The text
is HTML: the summary, the parties and their roles, the quotes said at the event (verbatim, with speaker, date,
source and context) and the sources, all escaped. Events are streamed, never gathered.
"""

from __future__ import annotations

import html
import json
import sqlite3
from datetime import datetime
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from parlertui.store.brief import SOURCE_KINDS
from parlertui.store.quote_text import framed_source_text
from parlertui.store.dates import DateError, When, home_zone, parse_when
from parlertui.store.selection import Selection

#: How an event's kind reads as a TimelineJS group (a row of the timeline).
KIND_GROUPS = {
    "context": "Context",
    "platform": "Platform",
    "communication": "Communication",
    "filing": "Filing",
    "hearing": "Hearing",
    "ruling": "Ruling",
    "statement": "Statement",
    "corporate": "Corporate",
}

_QUOTES = """
    SELECT q.text, q.frame, q.pin, q.said_on, q.context, coalesce(p.name, q.speaker_id) AS speaker,
           coalesce(s.title, q.source_id) AS source_title, s.outlet AS source_outlet
    FROM quotes AS q
    LEFT JOIN parties AS p ON p.id = q.speaker_id
    LEFT JOIN sources AS s ON s.id = q.source_id
    WHERE q.event_id = ? AND {where}
    ORDER BY q.sort_key
"""


def write_timelinejs(connection: sqlite3.Connection, selection: Selection, out: TextIO) -> None:
    """Write the selected events as a TimelineJS 3 JSON document to `out`."""
    row_factory, connection.row_factory = connection.row_factory, sqlite3.Row
    try:
        meta = {row["key"]: row["value"] for row in connection.execute("SELECT key, value FROM meta")}
        zone = home_zone(meta.get("timezone"))
        title = {"text": _title_text(meta), "unique_id": _title_id(connection, meta)}
        out.write('{\n  "title": ' + _dumps(title) + ',\n  "events": [')
        separator = "\n"
        events = connection.execute(
            "SELECT id, occurred_at, precision, title, summary, kind FROM events AS e "
            f"WHERE {selection.where('events', 'e')} ORDER BY sort_key"
        )
        for event in events:
            out.write(separator + "    " + _dumps(_slide(connection, selection, event, zone)))
            separator = ",\n"
        out.write("]\n}\n" if separator == "\n" else "\n  ]\n}\n")
    finally:
        connection.row_factory = row_factory


def timeline_date(text: str, zone: ZoneInfo | None) -> dict[str, Any]:
    """A stored date as a TimelineJS date object: its parts to its own precision, read in the home zone, and a
    `display_date` for a month, a year or a time (so no date shows more precise than its source, and a time names
    its zone). A date that will not parse is given as its year, displayed as stored."""
    try:
        when = parse_when(text)
    except DateError:
        year = text[:4]
        return {"year": int(year), "display_date": text} if year.isdigit() and int(year) > 0 else {}
    moment = when.start
    if isinstance(moment, datetime) and zone is not None:
        moment = moment.astimezone(zone)
    parts: dict[str, Any] = {"year": moment.year}
    if when.precision != "year":
        parts["month"] = moment.month
    if when.precision in ("day", "time"):
        parts["day"] = moment.day
    if isinstance(moment, datetime):
        parts["hour"] = moment.hour
        parts["minute"] = moment.minute
        if when.with_seconds:
            parts["second"] = moment.second
    if when.precision != "day":
        parts["display_date"] = _display(when, zone)
    return parts


def _display(when: When, zone: ZoneInfo | None) -> str:
    if when.precision == "month":
        return when.heading()  # "December 2020": TimelineJS's own words for a month
    return when.label(zone)


def _slide(
    connection: sqlite3.Connection, selection: Selection, event: sqlite3.Row, zone: ZoneInfo | None
) -> dict[str, Any]:
    start = timeline_date(event["occurred_at"], zone)
    slide: dict[str, Any] = {
        "start_date": start,
        "text": {"headline": html.escape(event["title"]), "text": _event_text(connection, selection, event, zone)},
        "group": KIND_GROUPS.get(event["kind"], str(event["kind"]).capitalize()),
        "unique_id": event["id"],
    }
    if "display_date" in start:
        slide["display_date"] = start["display_date"]
    return slide


def _event_text(connection: sqlite3.Connection, selection: Selection, event: sqlite3.Row, zone: ZoneInfo | None) -> str:
    parts = [f"<p>{_html(event['summary'])}</p>"]
    parties = connection.execute(
        "SELECT coalesce(p.name, ep.party_id) AS name, ep.role FROM event_parties AS ep "
        "LEFT JOIN parties AS p ON p.id = ep.party_id WHERE ep.event_id = ? ORDER BY ep.position",
        (event["id"],),
    ).fetchall()
    if parties:
        named = "; ".join(f"{_html(row['name'])} ({_html(row['role'])})" for row in parties)
        parts.append(f"<p><strong>Parties:</strong> {named}.</p>")
    for quote in connection.execute(_QUOTES.format(where=selection.where("quotes", "q")), (event["id"],)):
        when = (
            f", {_html(_label(quote['said_on'], zone))}" if quote["said_on"] else " (undated; recorded with this event)"
        )
        source = _source(quote["source_outlet"], quote["source_title"])
        if quote["pin"]:
            source += f", {_html(quote['pin'])}"
        citation = f"{_html(quote['speaker'])}{when}. Source: {source}."
        if quote["context"]:
            citation += f" Context: {_html(quote['context'])}"
        # A fragment in its frame, the source's own words around it (store/quote_text.py).
        shown = _html(framed_source_text(quote["text"], quote["frame"]))
        parts.append(f"<blockquote>{shown}</blockquote><p>&mdash; {citation}</p>")
    sources = connection.execute(
        "SELECT s.kind, s.outlet, coalesce(s.title, es.source_id) AS title, s.url FROM event_sources AS es "
        "LEFT JOIN sources AS s ON s.id = es.source_id WHERE es.event_id = ? ORDER BY es.position",
        (event["id"],),
    ).fetchall()
    if sources:
        cited = []
        for row in sources:
            label = _source(row["outlet"], row["title"])
            if row["url"]:
                label = f'<a href="{html.escape(row["url"], quote=True)}">{label}</a>'
            cited.append(f"{label} ({SOURCE_KINDS.get(row['kind'], 'source')})")
        parts.append(f"<p><strong>Sources:</strong> {'; '.join(cited)}.</p>")
    return "".join(parts)


def _title_text(meta: dict[str, str]) -> dict[str, str]:
    case = f"case {meta['case_number']}" if meta.get("case_number") else ""
    court = ", ".join(part for part in (meta.get("court"), case) if part)
    text = "".join(f"<p>{_html(part)}</p>" for part in (court, meta.get("summary")) if part)
    return {"headline": html.escape(meta.get("title") or "A dispute"), "text": text}


def _title_id(connection: sqlite3.Connection, meta: dict[str, str]) -> str:
    """An id for the title slide that no event has (TimelineJS uses it as the slide's HTML id)."""
    wanted = f"{meta.get('id') or 'dispute'}-title"
    while connection.execute("SELECT 1 FROM events WHERE id = ?", (wanted,)).fetchone():
        wanted += "-slide"
    return wanted


def _label(text: str, zone: ZoneInfo | None) -> str:
    try:
        return parse_when(text).label(zone)
    except DateError:
        return str(text)


def _source(outlet: str | None, title: str) -> str:
    return _html(f"{outlet}: {title}" if outlet else title)


def _html(text: object) -> str:
    """Text as HTML: escaped, its line breaks kept."""
    return html.escape(str(text)).replace("\n", "<br>")


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
