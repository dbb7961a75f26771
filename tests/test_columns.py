"""How a list's row shares out its width (widgets/columns.py), and how an address is cut or folded
(widgets/address.py): no line over the width, and in wrap mode every character kept."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from apptools import plain
from parlertui.store.records import Side, Source
from parlertui.store.widths import NameWidths
from parlertui.views.quotes import quote_row
from parlertui.views.sources import source_row
from parlertui.widgets.address import Address, address_pieces, fold_address
from parlertui.widgets.columns import Sized, allocate, wrapped_lines
from parlertui.widgets.render import Line, SideLabels, quote_held

ONE_SIDE = SideLabels([Side("aws", "AWS", "A", "AWS", (), False, None, None)])

WORDS = st.text(alphabet="abcdefghij ,.-'", max_size=90)
FIXED = st.integers(min_value=0, max_value=24)
SIZED = st.builds(
    Sized, st.integers(min_value=0, max_value=60), st.floats(min_value=0, max_value=0.5), st.integers(0, 20)
)
CELLS = st.lists(st.tuples(WORDS, st.one_of(FIXED, SIZED)), max_size=4).flatmap(
    lambda named: st.tuples(st.just(named), WORDS, st.integers(min_value=0, max_value=len(named)))
)


def line_of(spec) -> Line:
    named, flexible, at = spec
    cells = [(Text(words), width) for words, width in named]
    cells.insert(at, (Text(flexible), None))
    return Line(*cells)


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@given(CELLS, st.integers(min_value=1, max_value=250))
def test_a_row_is_never_wider_than_its_list(spec, width):
    line = line_of(spec)
    assert line.text(width).cell_len <= width
    segments = line.segments(width)
    if segments is not None:
        assert sum(segment.cell_length for segment in segments) == width


@given(CELLS, st.integers(min_value=1, max_value=250))
def test_the_cells_take_no_more_than_the_row_once_the_fixed_ones_fit(spec, width):
    line = line_of(spec)
    specs = [width for _, width in line.cells]
    fixed = sum(spec + 1 for spec in specs if isinstance(spec, int)) + sum(isinstance(s, Sized) for s in specs)
    widths = allocate(specs, width)
    if fixed <= width:  # the fixed cells and every cell's space fit
        assert sum(room + (spec is not None) for room, spec in zip(widths, specs, strict=True)) <= width
    for room, spec in zip(widths, specs, strict=True):
        if isinstance(spec, Sized):  # a name: its content, up to its share, never less than its least
            assert room <= spec.natural
            assert room <= max(int(spec.share * width), min(spec.least, spec.natural))


@given(CELLS, st.integers(min_value=1, max_value=250))
def test_a_wrapped_row_keeps_every_character_and_no_line_is_wider_than_the_list(spec, width):
    line = line_of(spec)
    lines = wrapped_lines(line.cells, width)
    assert all(text.cell_len <= width for text in lines)
    shown = "".join(squeezed(text.plain) for text in lines)
    # Read column by column where the cells stand side by side, else one after another: the same characters.
    assert sorted(shown) == sorted("".join(squeezed(text.plain) for text, _ in line.cells))


def test_a_wrapped_row_keeps_its_columns():
    line = Line(
        (Text("2021-01-08"), 10), (Text("Amazon Web Services, Inc."), Sized(25, 0.2)), (Text("word " * 20), None)
    )
    lines = [text.plain for text in wrapped_lines(line.cells, 60)]  # the name gets 20% of 60: 12
    assert [line[11:23].strip() for line in lines[:3]] == ["Amazon Web", "Services,", "Inc."]
    assert [line[:11].strip() for line in lines] == ["2021-01-08"] + [""] * (len(lines) - 1)
    assert all(line[24:].strip() for line in lines)  # the words go on in their own column


def test_names_size_to_the_store_up_to_their_share_and_the_words_take_the_rest():
    quote = quote_row_sample()
    assert "AWS Trust and Safety team " in quote_row(quote, ONE_SIDE, NameWidths(speaker=25)).text(200).plain
    narrow = quote_row(quote, ONE_SIDE, NameWidths(speaker=25)).text(100).plain
    assert "AWS Trust and Safety" in narrow and "Safety team" not in narrow  # 22% of 100
    assert narrow.index("“") == 20 + 1 + 1 + 1 + 22 + 1


def test_a_source_title_is_whole_at_200_columns_beside_a_long_outlet():
    source = Source(
        "s",
        "news",
        "NPR (as carried by WUNC North Carolina Public Radio)",
        "t" * 98,
        None,
        None,
        None,
        None,
        None,
        None,
    )
    row = source_row(source, NameWidths(outlet=52)).text(137).plain  # the list's width at 200 columns
    assert "t" * 98 in row and "NPR (as carried by WUNC No… " in row


def quote_row_sample():
    from parlertui.store.records import Quote

    return Quote(
        "q",
        "We plan to suspend " * 8,
        "aws-ts",
        "AWS Trust and Safety team",
        "aws",
        "s",
        "S: t",
        "2021-01-09",
        None,
        None,
        "2021-01-09",
    )


URL = "https://www.wsls.com/news/2021/01/08/twitter-permanently-suspends-president-trump-citing-risk-of-violence/"


def test_an_address_is_one_line_cut_with_an_ellipsis_where_the_pane_is_narrower():
    assert plain(Address("Address", URL), width=40) == "Address: https://www.wsls.com/news/2021…"
    assert plain(Address("Address", URL), width=200) == f"Address: {URL}"


def test_in_wrap_mode_an_address_is_whole_and_broken_only_between_words():
    lines = plain(Address("Address", URL, wrap=True), width=34).splitlines()
    assert len(lines) > 1 and all(len(line) <= 34 for line in lines)
    assert "".join(lines).removeprefix("Address: ") == URL
    for before, after in zip(lines, lines[1:], strict=False):
        assert not (before[-1].isalnum() and after[0].isalnum()), (before, after)


@given(
    st.text(alphabet="abc123/.-?=&_", min_size=1, max_size=200),
    st.integers(min_value=1, max_value=80),
    st.integers(min_value=0, max_value=80),
)
def test_a_folded_address_is_the_address_again_and_fits(url, width, first):
    lines = fold_address(url, width, first)
    assert "".join(lines) == url
    assert len(lines[0]) <= max(first, 0) or len(lines[0]) <= width
    assert all(len(line) <= width for line in lines[1:])
    pieces = address_pieces(url)
    if all(len(piece) <= width for piece in pieces) and first >= width:
        # Broken only where the pieces meet, never inside a run of letters.
        ends = {sum(len(piece) for piece in pieces[:n]) for n in range(len(pieces) + 1)}
        assert {sum(len(line) for line in lines[:n]) for n in range(len(lines) + 1)} <= ends


def test_held_says_how_the_quote_is_held_not_only_its_source():
    def source(kind, outlet, via=None):
        return Source("s", kind, outlet, "A report", None, None, None, None, via and "v", via)

    assert quote_held(source("news", "Fox Business")) == "as quoted in Fox Business (the report is held first-hand)"
    assert quote_held(source("news", None)) == "as quoted in “A report” (the report is held first-hand)"
    via = quote_held(source("court_order", None, "Deadline (republished by Yahoo): Deadline report"))
    assert via == "as quoted in Deadline (republished by Yahoo): Deadline report (we do not hold the order itself)"
    assert quote_held(source("court_order", "Casetext")) == "in the order itself, held first-hand (Casetext)"


def test_a_row_measures_as_wide_as_its_content():
    console = Console(width=300)
    line = Line((Text("PAC"), 4), (Text("Sherman Act conspiracy with Twitter"), None))
    assert console.measure(line).maximum == 5 + len("Sherman Act conspiracy with Twitter")
