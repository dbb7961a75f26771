"""Dates in what a reader searches for: `2021-01-21`, `21 January 2021`, `January 21, 2021`, `Jan 2021`,
`2021-01`. A date found stands for its day or its month, as a range of sort keys of the timeline and the quotes."""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from parlertui.store.dates import MONTH_NAMES

_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
_MONTH_NUMBERS |= {name[:3].lower(): number for name, number in list(_MONTH_NUMBERS.items())}
_MONTH_NUMBERS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>[0-9]{4})"
_FORMS = [
    re.compile(r"\b(?P<year>[0-9]{4})-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?\b"),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
]


class Period(NamedTuple):
    """A day or a month named in a search: the sort keys it spans, how to name it, and the text around it."""

    start: str  # sort keys from this one ("2021-01-21", or "2021-01" for a month)...
    end: str  # ...to below this one
    label: str  # "21 January 2021", "January 2021"
    rest: str  # the search text without the date


def find_period(text: str) -> Period | None:
    """The first day or month written in `text` (None if there is none, or it is not in the calendar)."""
    for form in _FORMS:
        for match in form.finditer(text):
            month_text = match.group("month")
            month = int(month_text) if month_text.isdigit() else _MONTH_NUMBERS[month_text.lower().rstrip(".")]
            year, day_text = int(match.group("year")), match.groupdict().get("day")
            try:
                day = date(year, month, int(day_text)) if day_text else date(year, month, 1)
            except ValueError:
                return None  # no such day: searched as words
            rest = (text[: match.start()] + " " + text[match.end() :]).strip()
            if day_text:
                key = day.isoformat()
                return Period(key, f"{key}~", f"{day.day} {MONTH_NAMES[month - 1]} {year}", rest)
            key = f"{year:04d}-{month:02d}"
            return Period(key, f"{key}~", f"{MONTH_NAMES[month - 1]} {year}", rest)
    return None
