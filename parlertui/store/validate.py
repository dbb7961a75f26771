"""Validation of the dataset, before anything is written.

Each kind of entry has a table of fields (`FIELDS`); `validate` checks every entry against it, then checks what
spans entries: duplicate ids, references, cycles, and links between arguments. Every problem is collected, none
stops the others from being found.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, time
from typing import Any
from unicodedata import east_asian_width

from parlertui.store.dataset import Dataset, DatasetEntry, Problem
from parlertui.store.dates import DateError, home_zone, parse_when
from parlertui.store.quote_text import QUOTE_MARK
from parlertui.store.record_rules import record_problems
from parlertui.store.records import COLOUR
from parlertui.store.schema import EVENT_KINDS, MAX_SIDES, PARTY_KINDS, SOURCE_KINDS

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
URL = re.compile(r"https?://[^\s/$.?#][^\s]*")


@dataclass(frozen=True)
class Field:
    """What one field of an entry must be.

    shape: "text", "texts" (a list of text), "roles" (a table of id -> text), "date", "url", "slug", "zone",
    "flag" (true or false), "frame" (text that marks the quote's place once with {quote}), "mark" (one letter or
    digit) or "colour" (#rrggbb).
    refers: the kind of entry a "slug", "texts" or "roles" field names by id.
    """

    shape: str = "text"
    required: bool = False
    choices: tuple[str, ...] = ()
    refers: str | None = None
    non_empty: bool = False


FIELDS: dict[str, dict[str, Field]] = {
    "dispute": {
        "id": Field("slug", required=True),
        "title": Field(required=True),
        "short_title": Field(),
        "court": Field(),
        "case_number": Field(),
        "related_cases": Field("texts"),
        "timezone": Field("zone", required=True),
        "summary": Field(),
    },
    "side": {
        "id": Field("slug", required=True),
        "name": Field(required=True),
        "mark": Field("mark", required=True),
        "heading": Field(),
        "aliases": Field("texts"),
        "deciding": Field("flag"),
        "colour_dark": Field("colour"),
        "colour_light": Field("colour"),
    },
    "source": {
        "id": Field("slug", required=True),
        "kind": Field(required=True, choices=SOURCE_KINDS),
        "title": Field(required=True),
        "outlet": Field(),
        "author": Field(),
        "published": Field("date"),
        "url": Field("url"),
        "seed_file": Field(),
        "via_source_id": Field("slug", refers="source"),
        "note": Field(),
        "title_ours": Field("flag"),
    },
    "party": {
        "id": Field("slug", required=True),
        "name": Field(required=True),
        "kind": Field(required=True, choices=PARTY_KINDS),
        "side": Field("slug", required=True, refers="side"),
        "description": Field(required=True),
        "affiliation_id": Field("slug", refers="party"),
        "aliases": Field("texts"),
    },
    "event": {
        "id": Field("slug", required=True),
        "occurred_at": Field("date", required=True),
        "title": Field(required=True),
        "summary": Field(required=True),
        "kind": Field(required=True, choices=EVENT_KINDS),
        "sources": Field("texts", required=True, refers="source", non_empty=True),
        "parties": Field("roles", refers="party"),
    },
    "quote": {
        "id": Field("slug", required=True),
        "text": Field(required=True),
        "speaker_id": Field("slug", required=True, refers="party"),
        "source_id": Field("slug", required=True, refers="source"),
        "event_id": Field("slug", refers="event"),
        "said_on": Field("date"),
        "context": Field(),
        "frame": Field("frame"),
        "pin": Field(),
    },
    "topic": {
        "id": Field("slug", required=True),
        "title": Field(required=True),
        "question": Field(required=True),
        "outcome": Field(),
        "argument": Field("entries"),
    },
    "argument": {
        "id": Field("slug", required=True),
        "party_id": Field("slug", required=True, refers="party"),
        "summary": Field(required=True),
        "quotes": Field("texts", refers="quote"),
        "reported_in": Field("slug", refers="source"),
        "rebuts": Field("texts", refers="argument"),
        "supports": Field("texts", refers="argument"),
    },
}


def validate(dataset: Dataset) -> list[Problem]:
    """Every problem in the dataset, in file order; an empty list means it builds."""
    problems: list[Problem] = []
    if dataset.dispute is not None:
        problems += _check_fields(DatasetEntry("dispute.toml", "dispute", 0, dataset.dispute), "dispute")
    ids = {kind: {entry.id for entry in dataset.of(kind) if entry.id} for kind in FIELDS}
    for kind in FIELDS:
        for entry in dataset.of(kind):
            problems += _check_fields(entry, kind)
            problems += _check_references(entry, kind, ids)
        problems += _check_duplicates(dataset.of(kind))
    if dataset.dispute is not None:
        problems += _check_sides(dataset.of("side"))
    problems += _check_chains(dataset.of("source"), "via_source_id")
    problems += _check_chains(dataset.of("party"), "affiliation_id")
    problems += _check_links(dataset)
    problems += record_problems(dataset)
    problems += _check_argument_grounds(dataset)
    return sorted(set(problems), key=lambda problem: problem.sort_key)


def _check_fields(entry: DatasetEntry, kind: str) -> list[Problem]:
    spec = FIELDS[kind]
    found: list[Problem] = []

    def problem(name: str, message: str) -> None:
        if kind == "dispute":
            found.append(Problem(entry.file, "", name, message))
        else:
            found.append(entry.problem(name, message))

    for name in entry.data:
        if name not in spec:
            problem(name, f"unknown field; a {kind} has: {', '.join(spec)}")
    for name, rule in spec.items():
        value = entry.data.get(name)
        if value is None:
            if rule.required:
                problem(name, "missing: this field is required")
            continue
        message = _shape_problem(value, rule)
        if message:
            problem(name, message)
    return found


def _shape_problem(value: Any, rule: Field) -> str | None:
    if rule.shape == "entries":
        return None
    if rule.shape == "flag":
        return None if isinstance(value, bool) else f"expected true or false, got {type(value).__name__}"
    if rule.shape == "texts":
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            return "expected a list of text"
        if rule.non_empty and not value:
            return "empty: at least one is needed"
        if any(not item.strip() for item in value):
            return "holds an empty item"
        repeated = sorted(item for item, count in Counter(value).items() if count > 1)
        return f"repeats {', '.join(repeated)}" if repeated else None
    if rule.shape == "roles":
        if not isinstance(value, dict):
            return "expected a table of id = role"
        blank = [key for key, role in value.items() if not isinstance(role, str) or not role.strip()]
        return f"needs a role for {', '.join(blank)}" if blank else None
    if isinstance(value, (date, time)) and rule.shape == "date":
        return f'write the date in quotes, as text: "{value.isoformat()}" (TOML read it as a {type(value).__name__})'
    if not isinstance(value, str):
        return f"expected text, got {type(value).__name__}"
    if not value.strip():
        return "empty: give a value or leave the field out"
    if value != value.strip() and rule.shape != "text":
        return "has spaces around it"
    if rule.choices and value not in rule.choices:
        return f"{value!r} is not one of: {', '.join(rule.choices)}"
    if rule.shape == "slug" and not SLUG.fullmatch(value):
        return f"{value!r} is not an id: use lower-case letters, digits and single hyphens"
    if rule.shape == "date":
        try:
            parse_when(value)
        except DateError as err:
            return str(err)
    if rule.shape == "url" and not URL.fullmatch(value):
        return f"{value!r} is not an http(s) address"
    if rule.shape == "frame" and value.count(QUOTE_MARK) != 1:
        return f"a frame marks the quote's place once with {QUOTE_MARK} (found {value.count(QUOTE_MARK)})"
    if rule.shape == "mark" and not (len(value) == 1 and value.isalnum() and east_asian_width(value) not in "WF"):
        return f"{value!r} is not a mark: give one letter or digit"
    if rule.shape == "colour" and not COLOUR.fullmatch(value):
        return f"{value!r} is not a colour: give it as #rrggbb"
    if rule.shape == "zone" and home_zone(value) is None:
        return f"{value!r} is not a time zone name such as America/Los_Angeles"
    return None


def _check_references(entry: DatasetEntry, kind: str, ids: dict[str, set[str]]) -> list[Problem]:
    found = []
    for name, rule in FIELDS[kind].items():
        value = entry.data.get(name)
        if rule.refers is None or value is None:
            continue
        if rule.shape == "slug":
            targets = [value] if isinstance(value, str) else []
        elif rule.shape == "roles":
            targets = list(value) if isinstance(value, dict) else []
        else:
            targets = _texts(value)
        for target in targets:
            if target.strip() and target not in ids[rule.refers]:
                found.append(entry.problem(name, f"unknown {rule.refers} {target!r}"))
            elif target == entry.id and kind == rule.refers:
                found.append(entry.problem(name, "refers to itself"))
    return found


def _check_duplicates(entries: list[DatasetEntry]) -> list[Problem]:
    counts = Counter(entry.id for entry in entries if entry.id)
    seen: set[str] = set()
    found = []
    for entry in entries:
        if entry.id and counts[entry.id] > 1:
            if entry.id in seen:
                found.append(entry.problem("id", f"duplicate id: used by {counts[entry.id]} {entry.kind} entries"))
            seen.add(entry.id)
    return found


def side_problems(sides: list[DatasetEntry]) -> list[Problem]:
    """Everything wrong with a dispute's sides on their own: each one's fields, and the rules across them (for a
    JSON record's sides, which no dispute.toml declared)."""
    return [*(problem for side in sides for problem in _check_fields(side, "side")), *_check_sides(sides)]


def _check_sides(sides: list[DatasetEntry]) -> list[Problem]:
    """Two sides at least besides the deciding body, at most one deciding body, and a mark of its own each."""
    found = []
    deciding = [side for side in sides if side.data.get("deciding") is True]
    if len(sides) - len(deciding) < 2:
        found.append(
            Problem(
                "dispute.toml",
                "",
                "side",
                "a dispute needs two sides that argue, besides the deciding body, as [[side]] entries",
            )
        )
    if len(sides) > MAX_SIDES:
        found.append(Problem("dispute.toml", "", "side", f"{len(sides)} sides: at most {MAX_SIDES} can be shown"))
    for extra in deciding[1:]:
        found.append(extra.problem("deciding", f"only one side decides; {deciding[0].id!r} already does"))
    marks: dict[str, DatasetEntry] = {}
    for side in sides:
        mark = side.data.get("mark")
        if isinstance(mark, str) and mark:
            first = marks.setdefault(mark.casefold(), side)
            if first is not side:
                found.append(side.problem("mark", f"{mark!r} is the mark of {first.name} already"))
    return found


def _check_chains(entries: list[DatasetEntry], name: str) -> list[Problem]:
    """A source known via another, or a party affiliated to another, must not lead back to itself."""
    parent = {entry.id: _text(entry.data.get(name)) for entry in entries if entry.id}
    found = []
    for entry in entries:
        seen = {entry.id}
        current = parent.get(entry.id) if entry.id else None
        while current is not None and current not in seen:
            seen.add(current)
            current = parent.get(current)
        if entry.id and current == entry.id and parent.get(entry.id) != entry.id:
            found.append(entry.problem(name, "leads back to this entry in a cycle"))
    return found


def _check_links(dataset: Dataset) -> list[Problem]:
    """An argument answers one in its own topic, never its own side, and never both rebuts and supports it."""
    party_side = {entry.id: entry.data.get("side") for entry in dataset.of("party") if entry.id}
    arguments = {entry.id: entry for entry in dataset.of("argument") if entry.id}
    side = {key: party_side.get(_text(entry.data.get("party_id")) or "") for key, entry in arguments.items()}
    found = []
    for entry in dataset.of("argument"):
        rebuts, supports = _texts(entry.data.get("rebuts")), _texts(entry.data.get("supports"))
        for target in sorted(set(rebuts) & set(supports)):
            found.append(entry.problem("supports", f"both rebuts and supports {target!r}"))
        for relation, targets in (("rebuts", rebuts), ("supports", supports)):
            for target in targets:
                other = arguments.get(target)
                if other is None or other is entry:
                    continue
                if other.parent is not entry.parent:
                    found.append(entry.problem(relation, f"{target!r} is an argument of another topic"))
                own = side.get(entry.id) if entry.id else None
                if relation == "rebuts" and own is not None and side.get(target) == own:
                    found.append(entry.problem(relation, f"{target!r} is an argument of the same side ({own})"))
    return found


def _check_argument_grounds(dataset: Dataset) -> list[Problem]:
    """An argument rests on at least one quote, or on a report's account of the side's case (`reported_in`)."""
    found = []
    for entry in dataset.of("argument"):
        quotes, reported = entry.data.get("quotes"), entry.data.get("reported_in")
        if quotes == [] and reported is None:
            found.append(entry.problem("quotes", "empty: at least one is needed, or a report in reported_in"))
        elif quotes is None and reported is None:
            found.append(entry.problem("quotes", "missing: give the quotes, or the report it rests on in reported_in"))
    return found


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _texts(value: Any) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []
