"""What a reader types into search, read as an FTS5 query; and the marks a hit's text carries around the words it
matched (see search.py for the search itself)."""

from __future__ import annotations

import re

from parlertui.store.date_search import find_period

#: Around each matched word in a hit's text: control characters, which record text has no use for.
MARK_START, MARK_END = "\x02", "\x03"

WORD = re.compile(r"\w+(?:['’]\w+)*")
MAX_WORDS = 24
"""Words beyond these are not searched for: a pasted page would otherwise become thousands of terms."""
SYNTAX = re.compile(r"""["*():^]|\b(?:AND|OR|NOT|NEAR)\b""")
"""FTS5's own syntax: text that has any is tried as written."""


def plain_query(text: str, prefix: bool = True) -> str:
    """Every word of `text` as a term (a prefix term unless `prefix` is False), all required; "" if it holds no
    word."""
    terms = []
    for word in WORD.findall(text)[:MAX_WORDS]:
        tokens = re.findall(r"\w+", word)  # "Parler's" is the phrase "Parler s", as the index split it
        terms.append('"' + " ".join(tokens) + '"' + ("*" if prefix else ""))
    return " ".join(terms)


def has_plain_words(text: str) -> bool:
    """True if `text` is words only (no search syntax, not too many, no date): what `whole_words` can search first.
    A date is searched in the worker only: with other words, its events and quotes are found match by match."""
    return (
        bool(WORD.search(text))
        and not SYNTAX.search(text)
        and len(WORD.findall(text)) <= MAX_WORDS
        and find_period(text) is None
    )


def syntax_note(text: str) -> str:
    """What the search syntax in `text` was taken to mean, in words."""
    parts = []
    phrases = text.count('"') // 2
    if phrases:
        parts.append("searched as a phrase" if phrases == 1 else f"searched as {phrases} phrases")
    operators = sorted(set(re.findall(r"\b(?:AND|OR|NOT|NEAR)\b", text)), key=("AND", "OR", "NOT", "NEAR").index)
    if operators:
        parts.append(f"{' and '.join(operators)} read as {'an operator' if len(operators) == 1 else 'operators'}")
    if "*" in text:
        parts.append("a word ending in * matches any ending")
    if not parts:
        parts.append("searched as written")
    note = "; ".join(parts)
    return note[0].upper() + note[1:] + "."


def marked(text: str) -> list[tuple[str, bool]]:
    """A hit's text as (piece, matched) pairs."""
    pieces: list[tuple[str, bool]] = []
    for index, part in enumerate(re.split(f"[{MARK_START}{MARK_END}]", text)):
        if part:
            pieces.append((part, index % 2 == 1))
    return pieces


def unmarked(text: str) -> str:
    """A hit's text without its marks."""
    return text.replace(MARK_START, "").replace(MARK_END, "")
