"""The strip over the timeline and the quotes, driven as a reader drives it: the keys, a click, the zoom, the
filters and the "as of" date, hiding it, and its mark following the list's cursor."""

from __future__ import annotations

from apptools import BUNDLED, highlighted_text, press, running, settle, view
from parlertui.store.filters import Filters
from parlertui.store.periods import period_of
from parlertui.widgets.period_strip import LABEL, PeriodStrip


def strip_of(app, name: str = "timeline") -> PeriodStrip:
    strip = view(app, name).strip
    assert strip is not None
    return strip


def cursor_key(app, name: str = "timeline") -> str:
    pane = view(app, name).list_pane
    return str(pane.row(pane.cursor).key)


async def test_the_strip_shows_the_record_by_month_with_the_forty_empty_years_folded():
    async with running(BUNDLED, (120, 40)) as (app, pilot):
        strip = strip_of(app)
        assert strip.display and strip.counts is not None and strip.counts.total == 36
        layout = strip.strip_layout
        assert layout is not None and layout.unit == "month"
        assert strip.border_title.startswith("Events a month, by side taking part (36)")
        assert any(column.label == "⋯ 40 years ⋯" for column in layout.columns)
        assert layout.width <= strip.content_region.width - LABEL
        # The lanes are lettered as the list marks the sides.
        lines = [strip.render_line(y).text for y in range(strip.content_region.height)]
        assert [line[0] for line in lines[:-1:2]] == [" ", " ", " ", " "]  # two rows a lane: letters on the lower
        assert [line[0] for line in lines[1:-1:2]] == ["P", "A", "C", "O"]
        assert "40 years" in lines[-1]


async def test_the_mark_follows_the_cursor():
    async with running(BUNDLED, (120, 40)) as (app, pilot):
        strip = strip_of(app)
        assert strip.marked == cursor_key(app) and "1980: 1" in strip.border_title
        await press(pilot, "j")
        assert strip.marked == cursor_key(app) and "Dec 2020: 1" in strip.border_title
        await press(pilot, "j")
        assert period_of(strip.marked, "month") == "2021-01" and "Jan 2021: 17" in strip.border_title


async def test_brackets_move_the_list_to_the_next_and_previous_period_with_events():
    async with running(BUNDLED, (120, 40)) as (app, pilot):
        pane = view(app).list_pane
        await press(pilot, "right_square_bracket")
        assert highlighted_text(pane).startswith("Dec 2020")
        await press(pilot, "right_square_bracket")
        assert highlighted_text(pane).startswith("Jan 2021")  # the first event of January: one dated to the month
        await press(pilot, "right_square_bracket")
        assert highlighted_text(pane).startswith("2021-02-03")
        await press(pilot, "left_square_bracket", "left_square_bracket")
        assert highlighted_text(pane).startswith("Dec 2020")
        await press(pilot, "left_square_bracket", "left_square_bracket")  # nothing before 1980: it stays
        assert highlighted_text(pane).startswith("1980")


async def test_plus_and_minus_zoom_and_the_brackets_move_by_the_zoomed_period():
    async with running(BUNDLED, (120, 40)) as (app, pilot):
        strip, pane = strip_of(app), view(app).list_pane
        await press(pilot, "plus")
        assert strip.strip_layout.unit == "day" and strip.border_title.startswith("Events a day")
        await press(pilot, "G")  # the last event; back a day at a time from there
        last = cursor_key(app)
        await press(pilot, "left_square_bracket")
        assert period_of(cursor_key(app), "day") < period_of(last, "day")
        await press(pilot, "minus", "minus")
        assert strip.strip_layout.unit == "year" and strip.border_title.startswith("Events a year")
        await press(pilot, "minus")  # no coarser unit: it says so and stays
        assert strip.strip_layout.unit == "year"
        await press(pilot, "g", "right_square_bracket")
        assert highlighted_text(pane).startswith("Dec 2020")  # the next year with events after 1980: 2020


async def test_a_click_on_a_period_moves_the_list_there():
    async with running(BUNDLED, (120, 40)) as (app, pilot):
        strip, pane = strip_of(app), view(app).list_pane
        layout = strip.strip_layout
        march = next(column for column in layout.columns if column.period == "2021-03" and column.kind == "period")
        await pilot.click(PeriodStrip, offset=(LABEL + march.x, 2))
        await settle(pilot)
        assert highlighted_text(pane).startswith("2021-03-02")
        assert period_of(strip.marked, "month") == "2021-03"
        assert app.screen.focused is pane
        brk = next(column for column in layout.columns if column.kind == "break")
        await pilot.click(PeriodStrip, offset=(LABEL + brk.x + 2, 2))  # a break: the period after it
        await settle(pilot)
        assert highlighted_text(pane).startswith("Dec 2020")


async def test_filters_and_the_date_shape_the_strip_as_they_shape_the_list():
    async with running(BUNDLED, (120, 40)) as (app, pilot):
        strip, pane = strip_of(app), view(app).list_pane
        app.explorer.change_filters(Filters(start="2021-01-01", end="2021-01-31"))
        await settle(pilot)
        assert strip.counts.total == pane.count == 17
        assert strip.strip_layout.unit == "day"  # the eleven days of January fit: counted by day
        assert "Events a day" in strip.border_title
        app.explorer.change_filters(Filters(side="aws"))
        await settle(pilot)
        assert strip.counts.total == pane.count
        aws_lane = sum(c.sides[1] for c in strip.counts.by_unit["day"])
        assert aws_lane == pane.count  # every event counted takes AWS's part
        app.explorer.change_filters(Filters(as_of="2021-01-13"))
        await settle(pilot)
        assert strip.counts.total == pane.count
        assert max(c.period for c in strip.counts.by_unit["day"]) <= "2021-01-13"
        await press(pilot, "plus")  # the reader's zoom is kept until the filters change
        assert strip.strip_layout.unit == "day"
        app.explorer.change_filters(Filters())
        await settle(pilot)
        assert strip.counts.total == 36 and strip.strip_layout.unit == "month"


async def test_p_hides_the_strip_and_a_short_terminal_starts_without_it():
    async with running(BUNDLED, (100, 18)) as (app, pilot):
        strip = strip_of(app)
        assert not strip.display  # under 20 rows the list needs the room
        await press(pilot, "p")
        assert strip.display and strip.counts is not None and strip.counts.total == 36
        await press(pilot, "p")
        assert not strip.display
    async with running(BUNDLED, (80, 24)) as (app, pilot):
        assert strip_of(app).display


async def test_the_keys_are_in_the_key_bar_and_the_help():
    from parlertui.screens.help import key_rows

    async with running(BUNDLED, (120, 40)) as (app, pilot):
        bar = app.screen.query_one("#key-bar")
        assert {"Period", "Zoom"} <= {key.description for key in bar.keys}
        groups = dict(app.key_groups())
        ids = {binding.id for binding in groups["1 Timeline"] if hasattr(binding, "id")}
        assert {"strip.next", "strip.previous", "strip.zoom-in", "strip.zoom-out", "strip.toggle"} <= ids
        rows = dict((what, keys) for keys, what in key_rows(app.get_key_display, groups["1 Timeline"]))
        assert rows["Move to the next period with anything in it (the strip above the list)"] == "]"
        assert rows["Move to the previous period with anything in it"] == "["
        assert rows["Count by a shorter period (years, months, days)"] == "+"
        assert rows["Show or hide the strip"] == "p"
        assert "Show or hide the strip" in dict((w, k) for k, w in key_rows(app.get_key_display, groups["5 Quotes"]))


async def test_the_quotes_view_has_its_strip_too():
    async with running(BUNDLED, (120, 40)) as (app, pilot):
        await press(pilot, "5")
        await settle(pilot)
        strip = strip_of(app, "quotes")
        assert strip.display and strip.counts is not None and strip.counts.what == "quotes"
        assert strip.border_title.startswith("Quotes a ")
        assert strip.marked == cursor_key(app, "quotes")
        await press(pilot, "right_square_bracket")
        assert period_of(cursor_key(app, "quotes"), strip.strip_layout.unit) > period_of(
            strip.counts.by_unit[strip.strip_layout.unit][0].period, strip.strip_layout.unit
        )
