"""Reading the human-readable dataset: one TOML file per kind of entry.

`load_dataset` never raises for bad content: it returns what it could read and the problems it met, so the
build can report every error at once.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: file name -> the TOML key holding its array of entries (None: the file is one table)
FILES: dict[str, str | None] = {
    "dispute.toml": None,
    "sources.toml": "source",
    "parties.toml": "party",
    "events.toml": "event",
    "quotes.toml": "quote",
    "arguments.toml": "topic",
}
SIDE_KEY = "side"  # dispute.toml's [[side]] entries: the sides of the dispute, in the order they are shown


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the dataset, named by file, entry and field."""

    file: str
    entry: str
    field: str
    message: str
    position: tuple[int, ...] = ()  # where the entry stands in its file, for reporting in file order

    @property
    def sort_key(self) -> tuple[object, ...]:
        files = list(FILES)
        return (files.index(self.file) if self.file in files else len(files), self.position, self.field, self.message)

    def __str__(self) -> str:
        where = ": ".join(part for part in (self.file, self.entry, self.field) if part)
        return f"{where}: {self.message}"


@dataclass
class DatasetEntry:
    """One entry of a file, with the name problems use for it."""

    file: str
    kind: str
    index: int
    data: dict[str, Any]
    parent: DatasetEntry | None = None

    @property
    def id(self) -> str | None:
        value = self.data.get("id")
        return value if isinstance(value, str) else None

    @property
    def position(self) -> tuple[int, ...]:
        return (*self.parent.position, self.index) if self.parent else (self.index,)

    def problem(self, field: str, message: str) -> Problem:
        """A problem with one field of this entry."""
        return Problem(self.file, self.name, field, message, self.position)

    @property
    def name(self) -> str:
        own = f"{self.kind} {self.id!r}" if self.id else f"{self.kind} #{self.index + 1}"
        return f"{self.parent.name} > {own}" if self.parent else own


@dataclass
class Dataset:
    """Everything read from a dataset folder."""

    folder: Path
    dispute: dict[str, Any] | None = None  # None when dispute.toml could not be read
    entries: dict[str, list[DatasetEntry]] = field(default_factory=dict)

    def of(self, kind: str) -> list[DatasetEntry]:
        return self.entries.get(kind, [])


def load_dataset(folder: Path) -> tuple[Dataset, list[Problem]]:
    """Read every dataset file in `folder`; return the dataset and the problems met while reading."""
    dataset = Dataset(folder=folder)
    problems: list[Problem] = []
    if not folder.is_dir():
        problems.append(Problem(str(folder), "", "", "not a folder: expected a dataset folder of TOML files"))
        return dataset, problems
    for name, key in FILES.items():
        path = folder / name
        try:
            document = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            problems.append(Problem(name, "", "", f"missing: the dataset needs {name} in {folder}"))
            continue
        except UnicodeDecodeError as err:
            problems.append(Problem(name, "", "", f"not UTF-8 text ({err.reason} at byte {err.start})"))
            continue
        except tomllib.TOMLDecodeError as err:
            problems.append(Problem(name, "", "", f"not valid TOML: {err}"))
            continue
        except OSError as err:
            problems.append(Problem(name, "", "", f"cannot be read: {err.strerror or err}"))
            continue
        if key is None:
            # dispute.toml: the dispute's own fields, and its sides as [[side]] entries
            sides = document.pop(SIDE_KEY, [])
            dataset.dispute = document
            problems.extend(_read_entries(dataset, name, SIDE_KEY, {SIDE_KEY: sides}))
            continue
        problems.extend(_read_entries(dataset, name, key, document))
    return dataset, problems


def _read_entries(dataset: Dataset, file: str, key: str, document: dict[str, Any]) -> list[Problem]:
    problems = [
        Problem(file, "", other, f"unexpected top-level key: this file holds only [[{key}]] entries")
        for other in document
        if other != key
    ]
    items = document.get(key, [])
    if not isinstance(items, list):
        return problems + [Problem(file, "", key, f"expected [[{key}]] entries")]
    entries = dataset.entries.setdefault(key, [])
    for index, item in enumerate(items):
        entry = DatasetEntry(file, key, index, item if isinstance(item, dict) else {})
        if not isinstance(item, dict):
            problems.append(entry.problem("", f"expected a [[{key}]] table of fields"))
            continue
        entries.append(entry)
        if key == "topic":
            arguments = item.get("argument", [])
            if not isinstance(arguments, list):
                problems.append(entry.problem("argument", "expected [[topic.argument]] entries"))
                continue
            for position, argument in enumerate(arguments):
                child = DatasetEntry(file, "argument", position, argument if isinstance(argument, dict) else {}, entry)
                if isinstance(argument, dict):
                    dataset.entries.setdefault("argument", []).append(child)
                else:
                    problems.append(child.problem("", "expected a [[topic.argument]] table of fields"))
    return problems
