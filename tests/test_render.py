"""A list line drawn cell by cell is the line Rich lays out, for any text a store can hold."""

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from parlertui.widgets.render import Line, side_labels

words = st.text(st.characters(exclude_categories=["Cs", "Cc"]) | st.sampled_from("日本語 é—…“”\t"), max_size=60)


@given(
    st.lists(
        st.tuples(words, st.sampled_from(["", "bold", "dim", "italic"]), st.none() | st.integers(1, 20)),
        min_size=1,
        max_size=5,
    ),
    st.integers(1, 200),
)
def test_a_line_drawn_cell_by_cell_reads_as_rich_lays_it_out(cells, width):
    line = Line(*((Text(text, style=style), cell_width) for text, style, cell_width in cells))
    segments = line.segments(width)
    if segments is None:
        return  # too narrow for its fixed cells: drawn by Rich
    drawn = "".join(segment.text for segment in segments)
    assert cell_len(drawn) == width
    expected = line.text(width).plain.replace("\n", " ")
    assert drawn.rstrip() == expected.rstrip()


def test_a_line_keeps_each_cells_style():
    line = Line((Text("2021-01-06", style="bold"), 12), (Text("Riot at the U.S. Capitol"), None))
    segments = line.segments(40)
    assert segments is not None
    assert [(segment.text, str(segment.style)) for segment in segments if segment.text.strip()] == [
        ("2021-01-06  ", "bold"),
        ("Riot at the U.S. Capitol   ", "none"),
    ]


def test_a_quote_dated_only_by_its_event_shows_that_date_dim():
    from parlertui.store.records import Quote
    from parlertui.views.quotes import quote_row

    def date_cell(said_on: str | None) -> Text:
        quote = Quote("q", "Words.", "s", "Speaker", "parler", "src", "Source", said_on, "e", None, when="2021-01-10")
        return quote_row(quote, side_labels(())).cells[0][0]

    assert date_cell(None).plain == "2021-01-10" and date_cell(None).style == "dim"
    assert date_cell("2021-01-10").style == ""
