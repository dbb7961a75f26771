"""The search results list: how it wraps a result, and how the cursor, the keys and the mouse move through it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.app import App, ComposeResult

from apptools import counted, press, wait_until
from parlertui.widgets.result_list import ResultItem, ResultList, wrap

WORDS = st.text(st.characters(categories=["L", "N", "P", "S"]) | st.sampled_from(" 　界"), max_size=40)


@given(st.lists(st.tuples(WORDS, st.booleans()), max_size=8), st.integers(min_value=1, max_value=50))
def test_wrapping_keeps_every_character_but_the_spaces_it_breaks_at_and_fits_the_width(pieces, width):
    lines = wrap(pieces, width)
    for line in lines:
        assert sum(cell_len(text) for text, _ in line) <= width or (len(line) == 1 and len(line[0][0]) == 1)
        if line:
            assert not line[0][0].startswith(" ") and not line[-1][0].endswith(" ")

    def marked_characters(runs):
        return [(char, matched) for text, matched in runs for char in text if char != " "]

    assert marked_characters([run for line in lines for run in line]) == marked_characters(pieces)


def test_wrapping_breaks_at_spaces_and_cuts_only_a_word_longer_than_the_line():
    pieces = [("The court found ", False), ("no evidence", True), (" at all", False)]
    assert [["".join(text for text, _ in line)] for line in wrap(pieces, 16)] == [
        ["The court found"],
        ["no evidence at"],
        ["all"],
    ]
    assert wrap([("abcdefgh", True)], 3) == [[("abc", True)], [("def", True)], [("gh", True)]]


ENTRIES = [
    ResultItem(None, [("── Quotes (2) ", False)]),
    ResultItem("quote:a", [("“", False), ("hang", True), (" them”", False)], "Someone · undated", italic=True),
    ResultItem("quote:b", [("a long quote " * 10, False)], "Parler LLC · 2021-01-11", italic=True),
    ResultItem(None, [("── Events (1) ", False)]),
    ResultItem("event:c", [("Parler sues AWS", False)], "2021-01-11 · filing"),
]


class ListApp(App[None]):
    def __init__(self, entries: list[ResultItem] = ENTRIES) -> None:
        super().__init__()
        self.entries = entries
        self.selected: list[str] = []

    def compose(self) -> ComposeResult:
        yield ResultList()

    def on_mount(self) -> None:
        self.query_one(ResultList).show(self.entries)
        self.query_one(ResultList).focus()

    def on_result_list_selected(self, message: ResultList.Selected) -> None:
        self.selected.append(message.entry_id)


async def test_the_cursor_passes_over_headings_and_enter_opens_the_result_under_it():
    app = ListApp()
    async with app.run_test(size=(40, 12), message_hook=counted(app)) as pilot:
        results = app.query_one(ResultList)
        assert results.highlighted_id == "quote:a" and results.option_count == 3
        await press(pilot, "j", "j")
        assert results.highlighted_id == "event:c"
        await press(pilot, "j")
        assert results.highlighted_id == "event:c"  # the last stays
        await press(pilot, "k", "g")
        assert results.highlighted_id == "quote:a" and results.scroll_offset.y == 0
        await press(pilot, "G")
        assert results.highlighted_id == "event:c"
        await press(pilot, "pageup")
        assert results.highlighted_id == "quote:a"
        await press(pilot, "pagedown", "enter")
        assert app.selected == ["event:c"]
        assert results.highlight_id("quote:b") and not results.highlight_id("nothing")
        await press(pilot, "enter")
        assert app.selected == ["event:c", "quote:b"]


async def test_results_wrap_to_the_width_and_again_when_it_changes():
    app = ListApp()
    async with app.run_test(size=(40, 12), message_hook=counted(app)) as pilot:
        results = app.query_one(ResultList)
        lines = results.lines_text()
        assert lines[:3] == ["── Quotes (2)", "“hang them”", "  Someone · undated"]
        assert all(cell_len(line) <= results.scrollable_content_region.width for line in lines[3:-3])
        narrow = len(lines)
        await pilot.resize_terminal(70, 12)
        await pilot.pause()
        assert len(results.lines_text()) < narrow


async def test_a_click_on_a_result_opens_it_and_the_cursor_keeps_it_in_view():
    app = ListApp()
    async with app.run_test(size=(40, 8), message_hook=counted(app)) as pilot:
        results = app.query_one(ResultList)
        await press(pilot, "G")
        start = results.lines_text().index("Parler sues AWS")
        top = results.scroll_offset.y
        assert top <= start - 1 and start + 1 < top + results.scrollable_content_region.height  # heading and note
        await press(pilot, "g")
        await pilot.click(ResultList, offset=(2, 1))  # the first result's text
        assert app.selected == ["quote:a"]
        await pilot.click(ResultList, offset=(2, 0))  # a heading: nothing to open
        assert app.selected == ["quote:a"]


TALL = [
    ResultItem(None, [("── Quotes (3) ", False)]),
    *(ResultItem(f"quote:{n}", [(f"line{n} " * 40, False)], "A long note that wraps as well " * 3) for n in range(3)),
]


async def test_notes_wrap_under_their_result_and_a_result_taller_than_the_list_is_paged_through():
    app = ListApp(TALL)
    async with app.run_test(size=(30, 6), message_hook=counted(app)) as pilot:
        results = app.query_one(ResultList)
        lines = results.lines_text()
        notes = [line for line in lines if line.startswith("  A long")]
        first = lines.index(notes[0])
        assert len(notes) == 3 and all(line.startswith("  ") and line.strip() for line in lines[first : first + 4])
        assert all(cell_len(line) <= results.scrollable_content_region.width for line in lines)
        seen = set()
        for _ in range(30):
            seen.add((results.highlighted_id, results.scroll_offset.y))
            await press(pilot, "pagedown")
        await wait_until(
            pilot, lambda: results.scroll_offset.y == results.max_scroll_y, "the list to scroll to its end"
        )
        assert results.highlighted_id == "quote:2"
        assert len({offset for cursor, offset in seen if cursor == "quote:0"}) > 2  # read through, a page at a time
        for _ in range(30):
            await press(pilot, "pageup")
        await wait_until(pilot, lambda: results.scroll_offset.y == 0, "the list to scroll to its start")
        assert results.highlighted_id == "quote:0"
