"""`parlertui verify`: is every quote in the store word for word in the source texts?

Matching forgives typography only, exactly as the team's `check_quotes.py` does: curly quotes, en and em dashes,
the ellipsis character, non-breaking spaces and runs of whitespace. Every other character must match. A quote with
a frame (the source's words around it) is looked for in its frame: the two must stand together in one text.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from parlertui.store.open import StoreError, open_store
from parlertui.store.quote_text import framed_source_text

TEXT_SUFFIXES = (".txt", ".md")

_TYPOGRAPHY = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "}
)
_WHITESPACE = re.compile(r"\s+")


class VerifyError(Exception):
    """The source folders cannot be used: `str()` names the folder or file and why."""


@dataclass(frozen=True)
class MissingQuote:
    """A quote whose text is in none of the source texts."""

    id: str
    source_id: str | None
    text: str


@dataclass
class VerifyReport:
    """What `verify_store` found: how many quotes it read, those it did not find, and in how many texts."""

    quotes: int = 0
    texts: int = 0
    missing: list[MissingQuote] = field(default_factory=list)

    @property
    def found(self) -> int:
        return self.quotes - len(self.missing)

    @property
    def passed(self) -> bool:
        """Every quote found; a store with no quotes at all does not pass, as nothing was shown verbatim."""
        return self.quotes > 0 and not self.missing


def normalise(text: str) -> str:
    """`text` with its typography made plain and its whitespace collapsed, as quotes and sources are compared."""
    text = text.translate(_TYPOGRAPHY).replace("\u2026", "...")
    return _WHITESPACE.sub(" ", text).strip()


def source_text_files(folders: Iterable[Path]) -> list[Path]:
    """The text files directly inside each folder, in name order; VerifyError for a folder that is not one or
    holds none."""
    files: list[Path] = []
    for folder in folders:
        if not folder.exists():
            raise VerifyError(f"{folder}: no such folder; give a folder of source texts (*.txt, *.md)")
        if not folder.is_dir():
            raise VerifyError(f"{folder}: is a file, not a folder; give the folder that holds the source texts")
        try:
            found = sorted(path for path in folder.iterdir() if path.suffix in TEXT_SUFFIXES and path.is_file())
        except OSError as err:
            raise VerifyError(f"{folder}: cannot be read ({err.strerror or err})") from None
        if not found:
            raise VerifyError(f"{folder}: holds no source texts (*.txt or *.md files)")
        files.extend(found)
    return files


def read_source_texts(files: Iterable[Path]) -> list[str]:
    """Each file's text, normalised."""
    texts = []
    for path in files:
        try:
            texts.append(normalise(path.read_text(encoding="utf-8")))
        except UnicodeDecodeError as err:
            raise VerifyError(f"{path}: is not UTF-8 text ({err.reason} at byte {err.start})") from None
        except OSError as err:
            raise VerifyError(f"{path}: cannot be read ({err.strerror or err})") from None
    return texts


def missing_quotes(quotes: Iterable[tuple[str, str | None, str | None]], texts: list[str]) -> Iterator[MissingQuote]:
    """The quotes, as (id, source id, text), that appear verbatim in none of the normalised `texts`."""
    # Normalised text holds no newline, so a quote found in the joined texts lies within one of them.
    haystack = "\n".join(texts)
    for quote_id, source_id, text in quotes:
        wanted = normalise(text or "")
        if not wanted or wanted not in haystack:
            yield MissingQuote(quote_id, source_id, text or "")


def verify_store(store_path: Path, folders: Iterable[Path]) -> VerifyReport:
    """Check every quote in the store at `store_path` against the source texts in `folders`.

    Raises VerifyError for unusable folders and StoreError for a store that cannot be read."""
    files = source_text_files(folders)
    texts = read_source_texts(files)
    report = VerifyReport(texts=len(files))
    connection = open_store(store_path)
    try:
        rows = connection.execute("SELECT id, source_id, text, frame FROM quotes ORDER BY sort_key")
        framed = ((key, source, framed_source_text(text or "", frame)) for key, source, text, frame in rows)
        report.missing = list(missing_quotes(_counted(framed, report), texts))
    except sqlite3.Error as err:
        raise StoreError(store_path, f"cannot be read ({err})", "check it with `parlertui check`") from None
    finally:
        connection.close()
    return report


def _counted(
    rows: Iterable[tuple[str, str | None, str | None]], report: VerifyReport
) -> Iterator[tuple[str, str | None, str | None]]:
    for row in rows:
        report.quotes += 1
        yield row


def text_start(text: str, width: int = 60) -> str:
    """The start of a quote, on one line, for a report."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
