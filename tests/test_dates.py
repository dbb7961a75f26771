from datetime import datetime, UTC
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, strategies as st

from parlertui.store.dates import DateError, parse_when

PACIFIC = ZoneInfo("America/Los_Angeles")


@pytest.mark.parametrize(
    ("text", "precision", "label"),
    [
        ("2021", "year", "2021"),
        ("2021-02", "month", "Feb 2021"),
        ("2021-01-09", "day", "2021-01-09"),
        ("2021-01-10T23:59-08:00", "time", "2021-01-10 23:59 PST"),
        ("2021-05-17T09:30-07:00", "time", "2021-05-17 09:30 PDT"),
        ("2021-01-11T07:59:30Z", "time", "2021-01-10 23:59:30 PST"),
    ],
)
def test_precision_is_read_from_the_form_and_labelled_in_the_home_zone(text, precision, label):
    when = parse_when(text)
    assert when.precision == precision
    assert when.label(PACIFIC) == label


def test_a_time_keeps_its_own_zone_when_no_home_zone_is_given():
    assert parse_when("2021-01-11T13:40-05:00").label() == "2021-01-11 13:40 -0500"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2021-02-30", "not a real date"),
        ("2021-13", "not a real date"),
        ("2021-00-10", "not a real date"),
        ("0000-01-01", "no year 0000"),
        ("20210101", "not a date of the form"),
        ("Jan 9, 2021", "not a date of the form"),
        ("2021-1-9", "not a date of the form"),
        ("2021-01-10T23:59", "without its zone"),
        ("2021-01-10T24:00Z", "not a real time"),
        ("2021-01-10T10:00+15:00", "beyond"),
        ("２０２１", "not a date of the form"),
        ("", "not a date of the form"),
    ],
)
def test_malformed_and_impossible_dates_are_refused_with_a_reason(text, reason):
    with pytest.raises(DateError, match=reason):
        parse_when(text)


def test_a_date_must_be_text():
    with pytest.raises(DateError, match="as text"):
        parse_when(20210109)


def test_sort_keys_give_the_true_order_across_precisions_and_zones():
    dates = [
        "2021-01-11",
        "2021-01-10T23:59-08:00",
        "2021-01",
        "2021-01-11T10:00-05:00",
        "2021-01-10",
        "2021",
        "2021-02",
        "2021-01-11T06:00-08:00",
    ]
    ordered = sorted(dates, key=lambda text: parse_when(text).sort_key(PACIFIC) + " ")
    assert ordered == [
        "2021",
        "2021-01",
        "2021-01-10",
        "2021-01-10T23:59-08:00",
        "2021-01-11",
        "2021-01-11T06:00-08:00",
        "2021-01-11T10:00-05:00",
        "2021-02",
    ]


def test_a_time_in_another_zone_sorts_by_its_moment_on_the_home_day():
    # 01:00 in New York on the 11th is 22:00 on the 10th in the home zone: after the day, before 23:00.
    dates = ["2021-01-11", "2021-01-11T01:00-05:00", "2021-01-10T23:00-08:00", "2021-01-10"]
    ordered = sorted(dates, key=lambda text: parse_when(text).sort_key(PACIFIC) + " ")
    assert ordered == ["2021-01-10", "2021-01-11T01:00-05:00", "2021-01-10T23:00-08:00", "2021-01-11"]


def test_times_in_the_hour_the_clocks_go_back_keep_their_true_order():
    earlier, later = "2021-11-07T01:30-07:00", "2021-11-07T01:10-08:00"  # 08:30 and 09:10 UTC
    assert parse_when(earlier).sort_key(PACIFIC) < parse_when(later).sort_key(PACIFIC)


def test_years_before_1000_sort_before_later_ones():
    assert parse_when("0999-06-01T12:00Z").sort_key(PACIFIC) < parse_when("2021").sort_key(PACIFIC)
    assert parse_when("0999-06-01T12:00Z").label(None) == "0999-06-01 12:00 UTC"


@pytest.mark.parametrize("text", ["0001-01-01T00:00Z", "9999-12-31T23:00-08:00"])
def test_times_at_the_ends_of_the_calendar_are_refused(text):
    with pytest.raises(DateError, match="cannot be placed"):
        parse_when(text)


@given(st.text(max_size=40))
def test_any_text_parses_or_raises_date_error(text):
    try:
        when = parse_when(text)
    except DateError as err:
        assert str(err)
    else:
        assert when.precision in {"year", "month", "day", "time"}


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)))
def test_every_real_time_round_trips(moment):
    text = moment.strftime("%Y-%m-%dT%H:%MZ")
    when = parse_when(text)
    assert when.precision == "time"
    assert when.start == moment.replace(second=0, microsecond=0)


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("2021-01-10T23:59-08:00", "January 2021"),
        ("2021-02-01T03:00Z", "January 2021"),  # 2021-01-31 19:00 in Los Angeles
        ("2021-02-01T09:00Z", "February 2021"),
        ("2021-01-09", "January 2021"),
        ("2020-12", "December 2020"),
        ("1980", "1980"),
    ],
)
def test_the_month_heading_is_read_in_the_home_zone(text, heading):
    assert parse_when(text).heading(ZoneInfo("America/Los_Angeles")) == heading
