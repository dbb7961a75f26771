"""Validation of the dataset, before anything is written.

Each kind of entry has a table of fields (`FIELDS`); `validate` checks every entry against it, then checks what
spans entries: duplicate ids, references, cycles, and links between arguments. Every problem is collected, none
stops the others from being found.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from parlertui.store.dataset import Dataset, Entry, Problem
from parlertui.store.dates import DateError, parse_when

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
URL = re.compile(r"https?://[^\s/$.?#][^\s]*")

SOURCE_KINDS = ("news", "court_order", "filing", "statement", "other")
PARTY_KINDS = ("company", "person", "court", "government", "group", "outlet")
SIDES = ("parler", "aws", "court", "other")
EVENT_KINDS = ("context", "platform", "communication", "filing", "hearing", "ruling", "statement", "corporate")
RELATIONS = ("rebuts", "supports")


@dataclass(frozen=True)
class Field:
    """What one field of an entry must be.

    shape: "text", "texts" (a list of text), "roles" (a table of id -> text), "date", "url", "slug" or "zone".
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
    },
    "party": {
        "id": Field("slug", required=True),
        "name": Field(required=True),
        "kind": Field(required=True, choices=PARTY_KINDS),
        "side": Field(required=True, choices=SIDES),
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
        "quotes": Field("texts", required=True, refers="quote", non_empty=True),
        "rebuts": Field("texts", refers="argument"),
        "supports": Field("texts", refers="argument"),
    },
}


def validate(dataset: Dataset) -> list[Problem]:
    """Every problem in the dataset, sorted by file and entry; an empty list means it builds."""
    problems: list[Problem] = []
    if dataset.dispute is not None:
        problems += _check_fields(Entry("dispute.toml", "dispute", 0, dataset.dispute), "dispute")
    ids = {kind: _ids(dataset.of(kind)) for kind in FIELDS}
    for kind in FIELDS:
        for entry in dataset.of(kind):
            problems += _check_fields(entry, kind)
            problems += _check_references(entry, kind, ids)
        problems += _check_duplicates(dataset.of(kind))
    problems += _check_chains(dataset.of("source"), "via_source_id")
    problems += _check_chains(dataset.of("party"), "affiliation_id")
    problems += _check_links(dataset)
    return sorted(set(problems), key=lambda p: (list(_FILE_ORDER).index(p.file) if p.file in _FILE_ORDER else 99, p))


_FILE_ORDER = ("dispute.toml", "sources.toml", "parties.toml", "events.toml", "quotes.toml", "arguments.toml")


def _ids(entries: list[Entry]) -> set[str]:
    return {entry.id for entry in entries if entry.id}


def _check_fields(entry: Entry, kind: str) -> list[Problem]:
    spec = FIELDS[kind]
    found: list[Problem] = []

    def problem(name: str, message: str) -> None:
        found.append(Problem(entry.file, entry.name if kind != "dispute" else "", name, message))

    if not entry.data:
        problem("", f"expected a table of fields for this {kind}")
        return found
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
    if rule.shape == "zone":
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            return f"{value!r} is not a time zone name such as America/Los_Angeles"
    return None


def _check_references(entry: Entry, kind: str, ids: dict[str, set[str]]) -> list[Problem]:
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
            targets = [item for item in value if isinstance(item, str)] if isinstance(value, list) else []
        for target in targets:
            if target.strip() and target not in ids[rule.refers]:
                found.append(Problem(entry.file, entry.name, name, f"unknown {rule.refers} {target!r}"))
            elif target == entry.id and kind == rule.refers:
                found.append(Problem(entry.file, entry.name, name, f"refers to itself"))
    return found


def _check_duplicates(entries: list[Entry]) -> list[Problem]:
    counts = Counter(entry.id for entry in entries if entry.id)
    seen: set[str] = set()
    found = []
    for entry in entries:
        if entry.id and counts[entry.id] > 1:
            if entry.id in seen:
                found.append(Problem(entry.file, entry.name, "id", f"duplicate id: used by {counts[entry.id]} {entry.kind} entries"))
            seen.add(entry.id)
    return found


def _check_chains(entries: list[Entry], name: str) -> list[Problem]:
    """A source known via another, or a party affiliated to another, must not lead back to itself."""
    parent = {e.id: _text(e.data.get(name)) for e in entries if e.id and _text(e.data.get(name))}
    found = []
    for entry in entries:
        seen = {entry.id}
        current = parent.get(entry.id)
        while current is not None and current != entry.id:
            if current in seen:
                break
            seen.add(current)
            current = parent.get(current)
        if current == entry.id and parent.get(entry.id) != entry.id:
            found.append(Problem(entry.file, entry.name, name, "leads back to this entry in a cycle"))
    return found


def _check_links(dataset: Dataset) -> list[Problem]:
    """Arguments answer the other side: no argument rebuts its own side or both rebuts and supports one."""
    party_side = {e.id: e.data.get("side") for e in dataset.of("party") if e.id}
    argument_side = {e.id: party_side.get(_text(e.data.get("party_id"))) for e in dataset.of("argument") if e.id}
    found = []
    for entry in dataset.of("argument"):
        rebuts, supports = _texts(entry.data.get("rebuts")), _texts(entry.data.get("supports"))
        for target in sorted(set(rebuts) & set(supports)):
            found.append(Problem(entry.file, entry.name, "supports", f"both rebuts and supports {target!r}"))
        own = argument_side.get(entry.id)
        for target in rebuts:
            if target != entry.id and own and own != "court" and argument_side.get(target) == own:
                found.append(Problem(entry.file, entry.name, "rebuts",
                                     f"{target!r} is an argument of the same side ({own})"))
    return found


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _texts(value: Any) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []
