"""The key bar: which keys it shows, how it fits them in the width it has, and that a click presses one."""

from __future__ import annotations

import itertools

from apptools import plain, press, running, settle
from hypothesis import given
from hypothesis import strategies as st

from parlertui.screens.help import HelpScreen
from parlertui.screens.search import SearchScreen
from parlertui.widgets.key_bar import KEPT_TO_THE_END, LAYOUTS, Key, KeyBar, place

KEYS = [
    Key("⏎", "enter", "Open", "Open the item", True),
    Key("tab", "tab", "Pane", "Next pane", True),
    Key("/", "slash", "Search", "Search", True),
    Key("esc", "escape", "Back", "Go back", False),
    Key("q", "q", "Quit", "Quit", True),
]
PALETTE = Key("^p", "ctrl+p", "palette", "Commands", True)


def drawn(placed) -> list[str]:
    return [item.key.description for item in placed]


def test_a_wide_line_spaces_every_key_and_puts_the_palette_at_the_right_end():
    layout, placed, palette = place(KEYS, PALETTE, 120)
    assert layout is LAYOUTS[0] and drawn(placed) == ["Open", "Pane", "Search", "Back", "Quit"]
    assert placed[0].start == 0 and placed[0].end == len(" ⏎ Open ")
    assert palette is not None and palette.end == 120 and palette.start == 120 - len(" ^p palette ")


def test_a_narrower_line_packs_the_keys_then_shortens_the_palette_then_leaves_keys_off_before_the_last_two():
    spaced = place(KEYS, PALETTE, 120)[1][-1].end + 1 + len(" ^p palette ")
    assert place(KEYS, PALETTE, spaced)[0] is LAYOUTS[0]
    assert place(KEYS, PALETTE, spaced - 1)[0] is LAYOUTS[1]
    packed = 1 + len("⏎ Open tab Pane / Search esc Back q Quit") + 1 + len("^p palette")
    assert place(KEYS, PALETTE, packed)[0] is LAYOUTS[1]
    layout, placed, palette = place(KEYS, PALETTE, packed - 1)
    assert layout is LAYOUTS[2] and len(placed) == len(KEYS) and palette.end - palette.start == len("^p")
    # The app's own keys, last, stay in sight: those before them are left off, the nearest first.
    tight = 1 + len("⏎ Open tab Pane esc Back q Quit") + 1 + len("^p")
    assert drawn(place(KEYS, PALETTE, tight)[1]) == ["Open", "Pane", "Back", "Quit"]
    layout, placed, palette = place(KEYS, PALETTE, 20)
    assert drawn(placed) == ["Back", "Quit"] and palette is not None


PRINTABLE = st.characters(categories=["L", "N", "P", "S"])  # a key's name and description, as Textual displays them


@given(
    st.lists(
        st.builds(
            Key,
            st.text(PRINTABLE, min_size=1, max_size=4),
            st.just("k"),
            st.text(PRINTABLE, max_size=12),
            st.just(""),
            st.booleans(),
        ),
        max_size=12,
    ),
    st.booleans(),
    st.integers(min_value=0, max_value=200),
)
def test_keys_are_placed_in_order_inside_the_line_and_never_overlap(keys, with_palette, width):
    layout, placed, palette = place(keys, PALETTE if with_palette else None, width)
    items = [*placed, *([palette] if palette else [])]
    shown = [item.key for item in placed]
    remaining = iter(keys)
    assert all(any(key is other for other in remaining) for key in shown)  # in order, a subsequence of the keys
    if len(shown) < len(keys) and len(shown) >= KEPT_TO_THE_END:
        assert shown[-KEPT_TO_THE_END:] == keys[-KEPT_TO_THE_END:]  # the last ones kept
    for before, after in itertools.pairwise(items):
        assert before.end < after.start or (layout.spaced and before.end == after.start and after is not palette)
    assert all(0 <= item.start < item.end <= width for item in items)


async def test_at_80_columns_every_view_keeps_help_and_quit_in_sight(mini_store):
    async with running(mini_store, size=(80, 24)) as (app, pilot):
        for number in "12345":
            for _ in range(2):  # the list, then the detail
                await press(pilot, "tab") if _ else await press(pilot, number)
                bar = app.screen.query_one(KeyBar)
                line = plain(bar.render())
                assert bar.described[-3:] == ["Keys", "Quit", "palette"], number
                assert "? Keys" in line and "q Quit" in line and "^p" in line and len(line) <= 80


async def test_a_click_on_a_key_presses_it_and_hovering_shows_what_it_does(mini_store):
    async with running(mini_store, size=(120, 30)) as (app, pilot):
        bar = app.screen.query_one(KeyBar)
        search = next(item for item in bar.placed if item.key.description == "Search")
        await pilot.hover(bar, offset=(search.start + 1, 0))
        assert bar.tooltip == search.key.tooltip
        await pilot.click(bar, offset=(search.start + 1, 0))
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        await press(pilot, "escape")
        keys = next(item for item in bar.placed if item.key.description == "Keys")
        await pilot.click(bar, offset=(keys.start, 0))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_the_keys_follow_the_focus(mini_store):
    async with running(mini_store, size=(120, 30)) as (app, pilot):
        bar = app.screen.query_one(KeyBar)
        await press(pilot, "3")
        assert "Across" not in bar.described
        await press(pilot, "tab")
        assert "Across" in bar.described
        await press(pilot, "1", "t")
        assert "Open" not in bar.described and "Back" in bar.described
