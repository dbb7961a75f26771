"""The argument map in Argdown (https://argdown.org), which its tools turn into maps, HTML and JSON.

A section (`# heading`) per topic holds the topic's question as a statement, each argument as `<id>: summary`
with the relations it starts (`-> <id>` it rebuts, `+> <id>` it supports), and the outcome as a statement. An
argument's data (YAML, in braces) names its side and party and carries its quotes verbatim, each with speaker,
date, source and context, and the sources they come from. Each argument is tagged with its side's id; the deciding
body's arguments are its findings (`#court` in the bundled record).

Argument titles are the store's ids (unique, so no two arguments merge); text is escaped so that none of
Argdown's marks in it (brackets, tags, emphasis, comments, data, special characters) can change its meaning, and
data strings escape the braces and `=` that would end a data block or the front matter early.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import TextIO
from zoneinfo import ZoneInfo

from parlertui.store.dates import DateError, home_zone, parse_when
from parlertui.store.selection import Selection

#: Argdown's relation marks for a relation from the argument it is written under to the one it names.
RELATION_MARKS = {"rebuts": "->", "supports": "+>"}

#: Characters that always start one of Argdown's marks; escaped wherever they appear in text.
_ALWAYS = frozenset("\\@#*_[]<>/{}+-=,;()")
_TITLE_UNSAFE = re.compile(r"[^A-Za-z0-9 '_-]+")

_QUOTES = """
    SELECT q.id, q.text, q.frame, q.pin, q.said_on, q.context, coalesce(p.name, q.speaker_id) AS speaker,
           q.source_id, s.title AS source_title, s.outlet AS source_outlet, s.url AS source_url,
           s.published AS source_published
    FROM argument_quotes AS aq
    JOIN quotes AS q ON q.id = aq.quote_id
    LEFT JOIN parties AS p ON p.id = q.speaker_id
    LEFT JOIN sources AS s ON s.id = q.source_id
    WHERE aq.argument_id = ?
    ORDER BY aq.position
"""


def write_argdown(connection: sqlite3.Connection, selection: Selection, out: TextIO) -> None:
    """Write the selected topics and arguments as an Argdown document to `out`."""
    row_factory, connection.row_factory = connection.row_factory, sqlite3.Row
    try:
        meta = {row["key"]: row["value"] for row in connection.execute("SELECT key, value FROM meta")}
        zone = home_zone(meta.get("timezone"))
        titles = ArgumentTitles()
        out.write(_front_matter(meta))
        topics = connection.execute(
            "SELECT id, title, question, outcome FROM topics AS t "
            f"WHERE {selection.where('topics', 't')} ORDER BY position"
        ).fetchall()
        for topic in topics:
            _write_topic(connection, selection, topic, titles, zone, out)
    finally:
        connection.row_factory = row_factory


class ArgumentTitles:
    """The Argdown title of each argument: its id, made safe for `<...>` and unique (a suffix if needed)."""

    def __init__(self) -> None:
        self._titles: dict[str, str] = {}
        self._taken: set[str] = set()

    def __call__(self, argument_id: str) -> str:
        if argument_id in self._titles:
            return self._titles[argument_id]
        base = " ".join(_TITLE_UNSAFE.sub("-", argument_id).split()).lstrip("-_ ") or "argument"
        title, number = base, 1
        while title.casefold() in self._taken:  # Argdown's titles are compared as written; be stricter
            number += 1
            title = f"{base} {number}"
        self._taken.add(title.casefold())
        self._titles[argument_id] = title
        return title


def _front_matter(meta: dict[str, str]) -> str:
    case = f"case {meta['case_number']}" if meta.get("case_number") else ""
    court = ", ".join(part for part in (meta.get("court"), case) if part)
    lines = [f"title: {_data(meta.get('title') or 'A dispute')}"]
    if court:
        lines.append(f"subTitle: {_data(court)}")
    if meta.get("summary"):
        lines.append(f"abstract: {_data(' '.join(meta['summary'].split()))}")
    body = "\n".join(lines)
    return f"===\n{body}\n===\n\n"


def _write_topic(
    connection: sqlite3.Connection,
    selection: Selection,
    topic: sqlite3.Row,
    titles: ArgumentTitles,
    zone: ZoneInfo | None,
    out: TextIO,
) -> None:
    out.write(f"# {text(topic['title'])} {_data({'topic': topic['id']})}\n\n")
    out.write(f"[{_statement_title('Question', topic['id'])}]: {text(topic['question'])} #question\n\n")
    arguments = connection.execute(
        "SELECT a.id, a.side, a.summary, a.party_id, coalesce(p.name, a.party_id) AS party FROM arguments AS a "
        "LEFT JOIN parties AS p ON p.id = a.party_id "
        f"WHERE a.topic_id = ? AND {selection.where('arguments', 'a')} ORDER BY a.position",
        (topic["id"],),
    ).fetchall()
    for argument in arguments:
        _write_argument(connection, selection, argument, titles, zone, out)
    if topic["outcome"]:
        out.write(f"[{_statement_title('Outcome', topic['id'])}]: {text(topic['outcome'])} #outcome\n\n")


def _write_argument(
    connection: sqlite3.Connection,
    selection: Selection,
    argument: sqlite3.Row,
    titles: ArgumentTitles,
    zone: ZoneInfo | None,
    out: TextIO,
) -> None:
    quotes, sources = [], {}
    for quote in connection.execute(_QUOTES, (argument["id"],)):
        item = {"id": quote["id"], "text": quote["text"], "speaker": quote["speaker"]}
        if quote["said_on"]:
            item["said_on"] = _label(quote["said_on"], zone)
        if quote["frame"]:
            item["frame"] = quote["frame"]  # the source's own words around it, its place marked {quote}
        item["source"] = quote["source_id"]
        if quote["pin"]:
            item["pin"] = quote["pin"]
        if quote["context"]:
            item["context"] = quote["context"]
        quotes.append(item)
        if quote["source_id"] not in sources:
            source = {"id": quote["source_id"], "title": quote["source_title"] or quote["source_id"]}
            for key in ("outlet", "published", "url"):
                if quote[f"source_{key}"]:
                    source[key] = quote[f"source_{key}"]
            sources[quote["source_id"]] = source
    data: dict[str, object] = {"id": argument["id"], "side": argument["side"], "party": argument["party"]}
    if quotes:
        data["quotes"] = quotes
        data["sources"] = list(sources.values())
    side_tag = _tag(argument["side"])
    out.write(f"<{titles(argument['id'])}>: {text(argument['summary'])} {side_tag} {_data(data)}\n")
    links = connection.execute(
        "SELECT to_id, relation FROM argument_links AS l "
        f"WHERE l.from_id = ? AND {selection.where('argument_links', 'l')} ORDER BY rowid",
        (argument["id"],),
    ).fetchall()
    for link in links:
        mark = RELATION_MARKS.get(link["relation"])
        if mark is not None:
            out.write(f"    {mark} <{titles(link['to_id'])}>\n")
    out.write("\n")


def text(value: object) -> str:
    """Text for an Argdown description or heading: on one line, every mark escaped with a backslash.

    `.` and `:` start a special character (`.name.`, `:name:`) only before a character that is not a space, so
    only those are escaped."""
    flat = " ".join(str(value).split())
    escaped = []
    for index, char in enumerate(flat):
        following = flat[index + 1] if index + 1 < len(flat) else " "
        if char in _ALWAYS or (char in ".:" and not following.isspace()):
            escaped.append("\\" + char)
        else:
            escaped.append(char)
    return "".join(escaped)


def _statement_title(kind: str, topic_id: str) -> str:
    return f"{kind} {' '.join(_TITLE_UNSAFE.sub('-', topic_id).split())}"


def _tag(side: str) -> str:
    return "#" + (re.sub(r"[^a-z0-9-]+", "-", side.casefold()).strip("-") or "other")


def _data(value: object) -> str:
    """A value as YAML flow data (JSON is YAML) whose strings hide `{`, `}` and `=` behind escapes, so the block
    ends where Argdown expects it to."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_data(str(key))}: {_data(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_data(item) for item in value) + "]"
    if value is None or isinstance(value, bool | int | float):
        return json.dumps(value)
    encoded = json.dumps(str(value), ensure_ascii=False)
    return encoded.replace("{", "\\u007b").replace("}", "\\u007d").replace("=", "\\u003d")


def _label(value: str, zone: ZoneInfo | None) -> str:
    try:
        return parse_when(value).label(zone)
    except DateError:
        return str(value)
