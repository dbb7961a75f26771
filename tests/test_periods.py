"""The strip's arithmetic: periods of sort keys, counts added up by unit, columns laid out with long empty
stretches folded, the text picture. No store and no app here."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings, strategies as st

from parlertui.store.periods import (
    BREAK_ROOM,
    UNITS,
    PeriodCount,
    axis_text,
    bar_height,
    clip,
    first_day,
    fit,
    lane_text,
    last_day,
    lay_out,
    period_label,
    period_of,
    roll_up,
    stretch,
    text_picture,
    window,
)


def count(period: str, *sides: int) -> PeriodCount:
    sides = sides or (1, 0, 0, 0)
    return PeriodCount(period, max(sides), tuple(sides))


def test_a_key_falls_in_a_period_no_more_precise_than_its_date():
    assert period_of("2021-01-06 00002", "day") == "2021-01-06"
    assert period_of("2021-01-10T2021-01-11T07:59:00Z 00010", "day") == "2021-01-10"  # the home-zone day
    assert period_of("2020-12 00000", "day") == "2020-12"  # known only to the month: not put on the 1st
    assert period_of("1980 00001", "day") == "1980"
    assert period_of("1980 00001", "month") == "1980"
    assert period_of("2021-01-06 00002", "month") == "2021-01"
    assert period_of("2021-01-06 00002", "year") == "2021"
    # A period's name is the lowest key its items can have: the list moves to a period by its name.
    assert "2020-12" < "2020-12 00000" < "2020-12-01 00001"
    assert "1980" < "1980 00001"


def test_periods_have_their_first_and_last_days():
    assert (first_day("2020-12"), last_day("2020-12")) == (date(2020, 12, 1), date(2020, 12, 31))
    assert (first_day("2024-02"), last_day("2024-02")) == (date(2024, 2, 1), date(2024, 2, 29))
    assert (first_day("1980"), last_day("1980")) == (date(1980, 1, 1), date(1980, 12, 31))
    assert first_day("2021-01-06") == last_day("2021-01-06") == date(2021, 1, 6)


def test_empty_stretches_are_said_as_a_person_says_them():
    assert stretch(date(1980, 12, 31), date(2020, 12, 1)) == "40 years"
    assert stretch(date(2021, 9, 30), date(2022, 9, 1)) == "11 months"
    assert stretch(date(2021, 1, 14), date(2021, 1, 21)) == "6 days"
    assert stretch(date(2021, 1, 14), date(2021, 1, 16)) == "1 day"


def test_labels():
    assert period_label("2021-01-06") == "6"
    assert period_label("2021-01-06", short=False) == "6 Jan 2021"
    assert period_label("2020-12") == "Dec"
    assert period_label("2020-12", short=False) == "Dec 2020"
    assert period_label("1980") == "1980"


THE_RECORD = [  # the bundled record's shape, by month
    count("1980", 0, 0, 1, 0),
    count("2020-12", 0, 1, 0, 1),
    count("2021-01", 14, 8, 4, 8),
    count("2021-02", 3, 0, 1, 1),
    count("2021-03", 4, 4, 3, 0),
    count("2021-09", 1, 1, 2, 0),
    count("2023-04", 1, 0, 0, 1),
]


def test_forty_empty_years_are_folded_into_a_break_that_says_so():
    layout = lay_out(THE_RECORD, "month")
    kinds = [column.kind for column in layout.columns]
    assert kinds[:3] == ["period", "break", "period"]
    assert layout.columns[1].label == "⋯ 40 years ⋯"
    assert layout.columns[1].width == len("⋯ 40 years ⋯") + BREAK_ROOM
    # A few empty months are drawn as empty columns, not folded.
    assert [column.period for column in layout.columns if column.kind == "empty"][:3] == [
        "2021-04",
        "2021-05",
        "2021-06",
    ]
    assert "⋯ 40 years ⋯" in axis_text(layout)
    assert layout.peak == 14


def test_the_finest_unit_that_fits_is_chosen():
    days = [count(f"2021-01-{day:02d}") for day in (6, 8, 9, 10, 11, 12, 13, 14, 16)]
    by_unit = {unit: roll_up(days, unit) for unit in UNITS}
    assert fit(by_unit, 60).unit == "day"
    whole = [count("1980"), *days, count("2021-03-02"), count("2023-04-11")]
    by_unit = {unit: roll_up(whole, unit) for unit in UNITS}
    assert fit(by_unit, 200).unit == "day"
    assert fit(by_unit, 64).unit == "day"  # 1980, ⋯ 40 years ⋯, 11 days of January, ⋯ 46 days ⋯, …
    assert fit(by_unit, 50).unit == "month"
    assert fit(by_unit, 25).unit == "year"


def test_a_lone_item_still_shows_next_to_a_crowded_period():
    assert bar_height(1, 1000, 1) == 1  # ▁, never nothing
    assert bar_height(1000, 1000, 2) == 16
    assert bar_height(0, 1000, 1) == 0
    layout = lay_out([count("2021-01", 100), count("2021-02", 1)], "month")
    assert lane_text(layout, 0) == ["█▁"]


def test_the_text_picture_has_a_line_per_side_the_axis_and_the_scale():
    days = [count(f"2021-01-{day:02d}", day, 1, 0, 1) for day in range(6, 31)]
    counts = [count("1980", 0, 0, 1, 0), *days, count("2021-03-02", 4, 4, 3, 0)]
    lines = text_picture(counts, ["Parler", "AWS", "Court", "Other"], width=72)
    assert [line.split()[0] for line in lines[:4]] == ["Parler", "AWS", "Court", "Other"]
    assert "40 years" in lines[4]
    assert lines[5].startswith("one column a day") and "█ = 30 events" in lines[5], lines
    assert all(len(line) <= 72 for line in lines[:5])


# Properties

days_strategy = st.lists(
    st.tuples(
        st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
        st.sampled_from(["day", "day", "day", "month", "year"]),
        st.tuples(*[st.integers(min_value=0, max_value=50)] * 4),
    ),
    max_size=60,
)


def as_counts(drawn: list[tuple[date, str, tuple[int, ...]]]) -> list[PeriodCount]:
    """Counts per period at the finest unit, as the store's query gives them: one row per period, in order."""
    merged: dict[str, list[int]] = {}
    for day, precision, sides in drawn:
        period = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[precision]
        into = merged.setdefault(period, [0, 0, 0, 0, 0])
        into[0] += max(sides) + 1
        for index, number in enumerate(sides):
            into[index + 1] += number
    return [PeriodCount(period, into[0], tuple(into[1:])) for period, into in sorted(merged.items())]


@given(days_strategy)
def test_adding_up_by_unit_keeps_every_count(drawn):
    days = as_counts(drawn)
    for unit in UNITS:
        rolled = roll_up(days, unit)
        assert sum(c.total for c in rolled) == sum(c.total for c in days)
        for side in range(4):
            assert sum(c.sides[side] for c in rolled) == sum(c.sides[side] for c in days)
        assert [c.period for c in rolled] == sorted({period_of(c.period, unit) for c in days})
        assert roll_up(rolled, unit) == rolled


@settings(max_examples=150)
@given(days_strategy, st.sampled_from(UNITS), st.integers(min_value=1, max_value=3))
def test_columns_tile_the_strip_in_order_and_each_count_is_drawn_once(drawn, unit, cell):
    counts = roll_up(as_counts(drawn), unit)
    layout = lay_out(counts, unit, cell)
    x = 0
    for column in layout.columns:
        assert column.x == x and column.width > 0
        x += column.width
        if column.kind == "break":
            assert column.width == len(column.label) + BREAK_ROOM and column.label.startswith("⋯ ")
    assert layout.width == x
    assert [column.counted for column in layout.columns if column.kind == "period"] == counts
    names = [column.period for column in layout.columns if column.kind != "break"]
    assert names == sorted(names)
    # Folding never makes the strip wider than drawing every empty period would.
    for line in [*lane_text(layout, 0, 2), axis_text(layout)]:
        assert len(line) == layout.width


@given(days_strategy, st.integers(min_value=10, max_value=250))
def test_the_strip_fits_its_width_whenever_any_unit_can(drawn, width):
    days = as_counts(drawn)
    by_unit = {unit: roll_up(days, unit) for unit in UNITS}
    layout = fit(by_unit, width)
    fitting = [unit for unit in UNITS if lay_out(by_unit[unit], unit).width <= width]
    if fitting:
        assert layout.unit == fitting[0] and layout.width <= width
    else:
        assert layout.unit == "year"


@given(days_strategy, st.integers(min_value=8, max_value=80), st.data())
def test_the_window_keeps_the_cursor_in_view(drawn, width, data):
    layout = lay_out(roll_up(as_counts(drawn), "day"), "day")
    if not layout.columns:
        return
    focus = data.draw(st.integers(min_value=0, max_value=len(layout.columns) - 1))
    start = window(layout, width, focus, data.draw(st.integers(min_value=0, max_value=layout.width)))
    column = layout.columns[focus]
    assert 0 <= start <= max(0, layout.width - width)
    if column.width <= width:
        assert start <= column.x and column.x + column.width <= start + width


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)), st.integers(min_value=1, max_value=20000))
def test_a_stretch_is_never_said_longer_than_it_is_by_more_than_rounding(after, days):
    before = after + timedelta(days=days + 1)
    number, word = stretch(after, before).split()
    if word.startswith("year"):
        assert abs(int(number) * 365.25 - days) <= 183
    elif word.startswith("month"):
        assert abs(int(number) * 30.44 - days) <= 16
    else:
        assert int(number) == days


@given(days_strategy, st.integers(min_value=1, max_value=60), st.data())
def test_a_clipped_strip_draws_the_lanes_the_whole_strip_draws_there(drawn, width, data):
    layout = lay_out(roll_up(as_counts(drawn), "day"), "day")
    start = data.draw(st.integers(min_value=0, max_value=max(0, layout.width - 1)))
    part, offset = clip(layout, start, width)
    assert offset <= start
    for side in range(4):
        whole = lane_text(layout, side, 2)
        clipped = lane_text(part, side, 2)
        for row in range(2):
            assert clipped[row][start - offset : start - offset + width] == whole[row][start : start + width]
