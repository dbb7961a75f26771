"""Dates that carry their precision: a year, a month, a day, or a time with its zone.

The dataset writes them in ISO 8601 with no more precision than a source gives. This module parses them,
orders them on one timeline, and labels them for people.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_FORM = re.compile(
    r"(?P<year>[0-9]{4})"
    r"(?:-(?P<month>[0-9]{2})"
    r"(?:-(?P<day>[0-9]{2})"
    r"(?:T(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2}))?"
    r"(?P<zone>Z|[+-][0-9]{2}:[0-9]{2})?)?)?)?"
)
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _iso_day(moment: date) -> str:
    return f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"


class DateError(ValueError):
    """A date the dataset cannot hold: malformed, impossible, or a time without its zone."""


class When(NamedTuple):
    """A parsed date: the text as written, how precise it is, and the moment it stands for."""

    text: str
    precision: str
    start: date | datetime
    with_seconds: bool = False

    def sort_key(self, zone: ZoneInfo) -> str:
        """A string that orders dates on one timeline, read in the dispute's home zone.

        Dates sort by their day in the home zone; times within a day by their UTC instant, which stays true when
        the clocks go back. A coarser date sorts before the finer ones it contains (`2021-02` before
        `2021-02-15`, a day before the times within it): callers append a space, which sorts before `-` and `T`.
        """
        if isinstance(self.start, datetime):
            local, utc = self.start.astimezone(zone), self.start.astimezone(UTC)
            return f"{_iso_day(local)}T{_iso_day(utc)}T{utc:%H:%M:%S}Z"
        return self.text

    def heading(self, zone: ZoneInfo | None = None) -> str:
        """The month it falls in, read in the home zone, as a heading names it (`January 2021`); a year stays a
        year."""
        if self.precision == "year":
            return self.text
        moment = self.start.astimezone(zone) if zone and isinstance(self.start, datetime) else self.start
        return f"{MONTH_NAMES[moment.month - 1]} {moment.year}"

    def label(self, zone: ZoneInfo | None = None) -> str:
        """How a person reads it: `2021`, `Feb 2021`, `2021-01-09`, `2021-01-10 23:59 PST`."""
        if self.precision == "year":
            return self.text
        if self.precision == "month":
            return f"{_MONTHS[self.start.month - 1]} {self.start.year}"
        if self.precision == "day":
            return self.text
        if not isinstance(self.start, datetime):  # only a time has a clock and a zone
            return self.text
        moment = self.start.astimezone(zone) if zone else self.start
        name = moment.tzname() or moment.strftime("%z")
        if name.startswith("UTC") and len(name) > 3:
            name = moment.strftime("%z")
        clock = f"{moment:%H:%M:%S}" if self.with_seconds else f"{moment:%H:%M}"
        return f"{_iso_day(moment)} {clock} {name}"


def parse_when(text: object) -> When:
    """Parse a dataset date, or raise DateError saying what is wrong with it."""
    if not isinstance(text, str):
        raise DateError(f"expected a date as text, got {type(text).__name__}")
    match = _FORM.fullmatch(text)
    if not match:
        raise DateError(f"{text!r} is not a date of the form YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM±HH:MM")
    parts = match.groupdict()
    year = int(parts["year"])
    month = int(parts["month"] or 1)
    day = int(parts["day"] or 1)
    if year < 1:
        raise DateError(f"{text!r}: there is no year 0000")
    try:
        day_start = date(year, month, day)
    except ValueError as err:
        raise DateError(f"{text!r} is not a real date ({err})") from None
    if parts["hour"] is None:
        precision = "day" if parts["day"] else "month" if parts["month"] else "year"
        return When(text, precision, day_start)
    if parts["zone"] is None:
        raise DateError(f"{text!r} gives a time without its zone: add Z or an offset such as -08:00")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as err:
        raise DateError(f"{text!r} is not a real time ({err})") from None
    offset = moment.utcoffset()
    if offset is not None and abs(offset.total_seconds()) > 14 * 3600:
        raise DateError(f"{text!r} has an offset beyond ±14:00")
    if not 1 < moment.year < 9999:
        raise DateError(f"{text!r}: a time in the year 1 or 9999 cannot be placed on the timeline of every zone")
    return When(text, "time", moment, with_seconds=parts["second"] is not None)


def home_zone(name: object) -> ZoneInfo | None:
    """The time zone of that name, or None if there is none (a folder of the zone database is not a zone)."""
    if not isinstance(name, str) or not name.strip():
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
