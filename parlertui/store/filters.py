"""What narrows the record: filters on the timeline and the quotes, and an "as of" date for every view.

Dates compare as periods. An event known only to the month spans that month: a date range keeps it if the range
overlaps the month, and "as of" a day shows it only once the whole month is over, since before then it may not
have happened yet. Undated quotes are left out whenever a date is asked about.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date
from typing import NamedTuple

_OUTCOME_DATE = re.compile(r"\b([0-9]{4}-[0-9]{2}-[0-9]{2})\b")


class FilterError(ValueError):
    """A date a filter cannot use; `str()` says what is wrong in words for the reader."""


def parse_day(text: str, *, last: bool = False) -> str:
    """A day typed by a reader, as YYYY-MM-DD; a month (YYYY-MM) or a year means its first day, or with `last`
    its last day (as of 2021-03, or up to it, is the end of March)."""
    text = text.strip()
    for form, pad in ((r"[0-9]{4}", "-01-01"), (r"[0-9]{4}-[0-9]{2}", "-01"), (r"[0-9]{4}-[0-9]{2}-[0-9]{2}", "")):
        if re.fullmatch(form, text):
            try:
                first = date.fromisoformat(text + pad)
            except ValueError:
                raise FilterError(f"{text} is not a day of the calendar") from None
            if last and pad:
                first = _period_last_day(first, whole_year=pad == "-01-01")
            return first.isoformat()
    raise FilterError("write the date as YYYY-MM-DD, for example 2021-01-13")


def _period_last_day(first: date, *, whole_year: bool) -> date:
    month = 12 if whole_year else first.month
    return date(first.year, month, monthrange(first.year, month)[1])


def past_day(day: str) -> str:
    """What every sort key of `day` sorts below ("2021-01-13~"): keys go on from the day with a space or a T,
    and "~" sorts after both. (No date arithmetic: the last day of the calendar has no day after it.)"""
    return f"{day}~"


class Filters(NamedTuple):
    """What the reader has narrowed the record to. Every field None: the whole record."""

    party: str | None = None
    side: str | None = None
    topic: str | None = None
    kind: str | None = None
    source: str | None = None
    start: str | None = None  # YYYY-MM-DD, inclusive
    end: str | None = None  # YYYY-MM-DD, inclusive
    as_of: str | None = None  # YYYY-MM-DD: only what was on the record by the end of that day

    @property
    def narrowing(self) -> bool:
        """True if any filter other than the "as of" date is set."""
        return any(value is not None for name, value in zip(self._fields, self, strict=True) if name != "as_of")

    def cleared(self) -> Filters:
        """No filters, the "as of" date kept."""
        return Filters(as_of=self.as_of)

    def set(self, **changes: str | None) -> Filters:
        return self._replace(**changes)

    def active(self) -> list[tuple[str, str]]:
        """(field, value) for every filter that is set, "as of" last."""
        return [(name, value) for name, value in zip(self._fields, self, strict=True) if value is not None]


# SQL fragments. Each takes the alias of the table, so one narrowing serves the events and the quotes.


def _period_start(at: str, precision: str, key: str) -> str:
    return (
        f"CASE {precision} WHEN 'month' THEN {at} || '-01' WHEN 'year' THEN {at} || '-01-01' "
        f"ELSE substr({key}, 1, 10) END"
    )


def _period_end(at: str, precision: str, key: str) -> str:
    return (
        f"CASE {precision} WHEN 'month' THEN date({at} || '-01', '+1 month', '-1 day') "
        f"WHEN 'year' THEN {at} || '-12-31' ELSE substr({key}, 1, 10) END"
    )


def _dated(at: str, precision: str, key: str, filters: Filters) -> tuple[list[str], list[object]]:
    where: list[str] = []
    parameters: list[object] = []
    if filters.as_of is not None:
        # The key test uses the index; the period test drops months and years that had not ended.
        where.append(f"{key} < ? AND {_period_end(at, precision, key)} <= ?")
        parameters += [past_day(filters.as_of), filters.as_of]
    if filters.start is not None:
        where.append(f"{_period_end(at, precision, key)} >= ?")
        parameters.append(filters.start)
    if filters.end is not None:
        where.append(f"{key} < ? AND {_period_start(at, precision, key)} <= ?")
        parameters += [past_day(filters.end), filters.end]
    return where, parameters


def event_conditions(filters: Filters, alias: str = "e") -> tuple[list[str], list[object]]:
    """WHERE conditions (ANDed) and their parameters keeping the events `filters` let through."""
    where, parameters = _dated(f"{alias}.occurred_at", f"{alias}.precision", f"{alias}.sort_key", filters)
    if filters.party is not None:
        where.append(f"{alias}.id IN (SELECT event_id FROM event_parties WHERE party_id = ?)")
        parameters.append(filters.party)
    if filters.side is not None:
        # A side takes part in most events: checking each event costs less than gathering them all first.
        where.append(
            f"EXISTS (SELECT 1 FROM event_parties AS ep JOIN parties AS p ON p.id = ep.party_id "
            f"WHERE ep.event_id = {alias}.id AND p.side = ?)"
        )
        parameters.append(filters.side)
    if filters.topic is not None:
        where.append(
            f"{alias}.id IN (SELECT q.event_id FROM quotes AS q JOIN argument_quotes AS aq "
            "ON aq.quote_id = q.id JOIN arguments AS a ON a.id = aq.argument_id WHERE a.topic_id = ?)"
        )
        parameters.append(filters.topic)
    if filters.kind is not None:
        where.append(f"{alias}.kind = ?")
        parameters.append(filters.kind)
    if filters.source is not None:
        where.append(f"{alias}.id IN (SELECT event_id FROM event_sources WHERE source_id = ?)")
        parameters.append(filters.source)
    return where, parameters


#: A quote's moment: when it was said, else when its event happened (the quote list joins its event as `qe`).
QUOTE_AT = "coalesce(q.said_on, qe.occurred_at)"
QUOTE_PRECISION = "CASE WHEN q.said_on IS NOT NULL THEN q.said_on_precision ELSE qe.precision END"


def quote_conditions(filters: Filters) -> tuple[list[str], list[object]]:
    """WHERE conditions for quotes `q` (their event LEFT JOINed as `qe`, if `quotes_need_event`) that `filters`
    let through."""
    where, parameters = _dated(QUOTE_AT, QUOTE_PRECISION, "q.sort_key", filters)
    if where:
        where.insert(0, f"{QUOTE_AT} IS NOT NULL")
    if filters.party is not None:
        where.append("q.speaker_id = ?")
        parameters.append(filters.party)
    if filters.side is not None:
        where.append("q.speaker_id IN (SELECT id FROM parties WHERE side = ?)")
        parameters.append(filters.side)
    if filters.topic is not None:
        where.append(
            "q.id IN (SELECT aq.quote_id FROM argument_quotes AS aq JOIN arguments AS a "
            "ON a.id = aq.argument_id WHERE a.topic_id = ?)"
        )
        parameters.append(filters.topic)
    if filters.kind is not None:
        where.append("qe.kind = ?")
        parameters.append(filters.kind)
    if filters.source is not None:
        where.append("q.source_id = ?")
        parameters.append(filters.source)
    return where, parameters


def quotes_on_record(as_of: str | None) -> tuple[str, tuple[object, ...]]:
    """A condition on a quote `q` (its event joined as `qe`): said by the end of `as_of` (always true without)."""
    if as_of is None:
        return "1", ()
    conditions, parameters = quote_conditions(Filters(as_of=as_of))
    return " AND ".join(f"({c})" for c in conditions), tuple(parameters)


#: The last day a report's publication date can stand for (a year or a month counts once it is over).
_REPORT_END = (
    "CASE length(r.published) WHEN 4 THEN r.published || '-12-31' WHEN 7 THEN r.published || '-31' "
    "ELSE substr(r.published, 1, 10) END"
)


def arguments_on_record(as_of: str | None) -> tuple[str, tuple[object, ...]]:
    """A condition on an argument `a`: every quote it cites was on the record by the end of `as_of`, and the
    report whose account it follows (`reported_in`), if any, was published by then. An argument on a report of
    no known date counts only through its quotes: with none, it is left out as of any date, as an undated quote is."""
    if as_of is None:
        return "1", ()
    said, parameters = quotes_on_record(as_of)
    return (
        f"""NOT EXISTS (SELECT 1 FROM argument_quotes AS aq JOIN quotes AS q ON q.id = aq.quote_id
                       LEFT JOIN events AS qe ON qe.id = q.event_id
                       WHERE aq.argument_id = a.id AND NOT ({said}))
            AND (a.reported_in IS NULL
                 OR EXISTS (SELECT 1 FROM sources AS r WHERE r.id = a.reported_in AND r.published IS NOT NULL
                            AND {_REPORT_END} <= ?)
                 OR (NOT EXISTS (SELECT 1 FROM sources AS r WHERE r.id = a.reported_in AND r.published IS NOT NULL)
                     AND EXISTS (SELECT 1 FROM argument_quotes AS aq WHERE aq.argument_id = a.id)))""",
        (*parameters, as_of),
    )


def quotes_need_event(filters: Filters) -> bool:
    """Whether quote_conditions for `filters` read the quote's event (`qe`)."""
    return any(value is not None for value in (filters.as_of, filters.start, filters.end, filters.kind))


def where_clause(conditions: list[str]) -> str:
    return f"WHERE {' AND '.join(f'({c})' for c in conditions)}" if conditions else ""


def outcome_known(outcome: str | None, as_of: str | None) -> bool:
    """Whether a topic's outcome, written with hindsight, was all on the record by `as_of`: it names its dates
    as YYYY-MM-DD, and it is shown once the last of them has passed (an undated outcome only without a date)."""
    if outcome is None or as_of is None:
        return True
    dates = _OUTCOME_DATE.findall(outcome)
    return bool(dates) and max(dates) <= as_of


NO_FILTERS = Filters()
"""The whole record."""
