"""A topic as a debate: a column for each side that argued, each claim level with the answers to it, and the deciding
body's findings across them (or in a column of their own on the widest terminals)."""

from __future__ import annotations

import re
from pathlib import Path

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import Container, Vertical, VerticalScroll
from textual.markup import escape
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from parlertui.messages import Navigate
from parlertui.navigation import Target
from parlertui.store.records import Argument, ArgumentRow, TopicDetail
from parlertui.widgets.panes import DetailPane
from parlertui.widgets.render import PALETTE, SideLabels, quote_block

MOST_COLUMNS = 6
"""Rows of more arguing columns than this are stacked at every width (debate.tcss lays out up to this many)."""


def no_answer(name: str, as_of: str | None) -> str:
    """Under a side's column in a row where it said nothing (a row starts from a claim: the others answer it)."""
    return f"No answer from {name} to this claim {'in our sources' if as_of is None else f'as of {as_of}'}."


class Card(Static):
    """A claim or a quote in the debate; the cursor stops on each."""

    class Clicked(Message):
        def __init__(self, card: Card) -> None:
            super().__init__()
            self.card = card

    def __init__(self, content: Text, *, target: Target | None, argument_id: str, column: int, classes: str) -> None:
        super().__init__(content, classes=f"card {classes}")
        self.target = target
        self.argument_id = argument_id
        self.column = column

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked(self))


def argument_card(argument: Argument, column: int) -> list[Card]:
    claim = Text.assemble((argument.party_name, "bold"), "\n", argument.summary)
    if argument.reported_in:
        claim.append(f"\nas reported in {argument.reported_in}", style="dim")
    cards = [Card(claim, target=None, argument_id=argument.id, column=column, classes="claim")]
    for quote in argument.quotes:
        cards.append(
            Card(
                quote_block(quote),
                target=Target("quote", quote.id),
                argument_id=argument.id,
                column=column,
                classes="quote",
            )
        )
    return cards


def side_silent(name: str, as_of: str | None) -> str:
    """Under a side's heading, when nothing of its on this point is in our sources (or was on the record by
    `as_of`)."""
    if as_of is None:
        return f"Nothing from {name} on this point in our sources."
    return f"Nothing from {name} on this point was on the record as of {as_of}."


def side_class(side: str) -> str:
    """The class that names a side's cells: side-{its id}, made a class name whatever a store holds."""
    return "side-" + re.sub(r"[^a-zA-Z0-9_-]", "_", side)


def side_classes(side: str, sides: SideLabels) -> str:
    """A cell's classes for `side`: its id (side-…) and its place among the sides (place-1…, for its colour)."""
    return f"{side_class(side)} place-{sides.place(side) % PALETTE + 1}"


def row_cells(row: ArgumentRow, detail: TopicDetail, sides: SideLabels) -> list[Widget]:
    """The cells of one row: a column for each arguing side (saying when it is silent), then the findings if any."""
    cells: list[Widget] = []
    as_of = detail.topic.as_of
    for column, side in enumerate(detail.columns if row.cells else ()):
        arguments = row.of(side)
        name = sides.name(side)
        heading = Static(name, classes="cell-heading", markup=False)  # shown where the columns are stacked
        if arguments:
            content: list[Widget] = [card for argument in arguments for card in argument_card(argument, column)]
        else:
            note = no_answer(name, as_of)
            content = [Static(Text(note, style="italic"), classes="missing")]
        cells.append(Vertical(heading, *content, classes=f"cell {side_classes(side, sides)}"))
    if row.findings:
        column = len(detail.columns)
        cards = [card for argument in row.findings for card in argument_card(argument, column)]
        side = detail.deciding or row.findings[0].side
        cell = Vertical(*cards, classes=f"cell findings {side_classes(side, sides)}")
        cell.border_title = escape(sides.name(side))
        cells.append(cell)
    return cells


def row_classes(detail: TopicDetail, kind: str) -> str:
    """A row's classes: its kind, how many arguing columns it has, and "ruled" where the findings take a column of
    their own on the widest terminals (some of them answer a claim in a row of the debate)."""
    count = len(detail.columns)
    shape = f"columns-{count}" if count <= MOST_COLUMNS else "many-columns"
    ruled = count <= MOST_COLUMNS and detail.topic.ruled and any(row.cells and row.findings for row in detail.rows)
    return " ".join(part for part in ("row", kind, shape, "ruled" if ruled else "") if part)


class DebatePane(VerticalScroll, DetailPane, can_focus=True):
    """The selected topic: its question, the rows of claims and answers, and the outcome. A cursor walks the cards."""

    BINDING_GROUP_TITLE = "Arguments"
    ALLOW_MAXIMIZE = True  # (a scrolling container is not, by Textual's default)
    # Its styles, in debate.tcss, are default CSS so that they are parsed when a debate is first shown, not at start;
    # unscoped, as they name DebatePane and the screen's breakpoint classes themselves.
    DEFAULT_CSS = Path(__file__).with_name("debate.tcss").read_text(encoding="utf-8")
    SCOPED_CSS = False
    BINDINGS = [
        Binding("j,down", "move(1)", "Next", show=False, tooltip="Next claim or quote"),
        Binding("k,up", "move(-1)", "Previous", show=False, tooltip="Previous claim or quote"),
        Binding("l,right", "across(1)", "Across", tooltip="The next column in this row (the next side)"),
        Binding("h,left", "across(-1)", "Across", show=False, tooltip="The previous column in this row"),
        Binding("g,home", "ends(0)", "First", show=False, tooltip="First claim"),
        Binding("G,end", "ends(1)", "Last", show=False, tooltip="Last claim or quote"),
        Binding("pagedown", "page(1)", "Page down", show=False, tooltip="A page down"),
        Binding("pageup", "page(-1)", "Page up", show=False, tooltip="A page up"),
        Binding("enter", "open", "Open", tooltip="Open the quote under the cursor with its event and source"),
    ]

    cursor: reactive[int | None] = reactive(None, init=False)
    """The index of the card under the cursor, in reading order."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.detail: TopicDetail | None = None
        self.side_labels: SideLabels | None = None

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        if self.side_labels is not None:
            self._colour_sides(self.side_labels)

    def compose(self) -> ComposeResult:
        yield Static(classes="question")

    @property
    def cards(self) -> list[Card]:
        return list(self.query(Card))

    async def show(self, detail: TopicDetail, sides: SideLabels) -> None:
        """Lay out a topic, the cursor on its first card."""
        self.detail, self.side_labels = detail, sides
        topic = detail.topic
        await self.remove_children()
        deciding = sides.name(detail.deciding) if detail.deciding else None
        headings = [Static(sides.name(side), classes="heading", markup=False) for side in detail.columns]
        if deciding:  # a column of its own on the widest terminals, where it ruled on the point
            headings.append(Static(deciding, classes="heading findings", markup=False))
        widgets: list[Widget] = [
            Static(Text.assemble((topic.title, "bold"), "\n", topic.question), classes="question"),
            Container(*headings, classes=row_classes(detail, "headings")),
        ]
        speaking = {argument.side for argument in detail.arguments}
        only_findings = not any(row.cells for row in detail.rows)  # no row of claims to say so in
        if (topic.as_of or only_findings) and not set(detail.columns) <= speaking:
            notes = [
                Static(
                    Text("" if side in speaking else side_silent(sides.name(side), topic.as_of), style="italic"),
                    classes="missing",
                )
                for side in detail.columns
            ]
            widgets.append(Container(*notes, classes=row_classes(detail, "side-notes")))
        for row in detail.rows:
            cells = row_cells(row, detail, sides)
            widgets.append(Container(*cells, classes=row_classes(detail, "" if row.cells else "answers-only")))
        outcome = Text()
        outcome.append("Outcome\n", style="bold")
        if topic.outcome_withheld:
            if topic.ruled and deciding:
                outcome.append(
                    f"The findings of {deciding} above were on the record by {topic.as_of}. The outcome as "
                    f"written tells of what came later, so it is not shown as of {topic.as_of}.",
                    style="italic",
                )
            else:
                outcome.append(
                    f"No finding{f' from {deciding}' if deciding else ''} on this point was on the record as of "
                    f"{topic.as_of}.",
                    style="italic",
                )
        else:
            if deciding and not topic.ruled:
                outcome.append(f"No finding from {deciding} on this point.\n", style="italic")
            outcome.append(topic.outcome or "Our sources give no outcome.")
        widgets.append(Card(outcome, target=None, argument_id="", column=0, classes="outcome"))
        await self.mount_all(widgets)
        self._colour_sides(sides)
        self.scroll_home(animate=False)
        self.cursor = None
        self.cursor = 0

    def _colour_sides(self, sides: SideLabels) -> None:
        """The sides' own colours, where the dataset gives one for this theme's darkness (else debate.tcss's)."""
        dark = self.app.current_theme.dark
        for side in sides.sides:
            own = side.colour(dark)
            for cell in self.query(f".cell.{side_class(side.id)}"):
                if own:
                    cell.styles.border_left = ("outer", Color.parse(own))
                else:
                    cell.styles.clear_rule("border_left")

    def show_message(self, text: str) -> None:
        self.detail = None
        self.cursor = None
        self.remove_children()
        self.mount(Static(Text(text, style="italic"), classes="question"))

    def select_argument(self, argument_id: str) -> bool:
        for index, card in enumerate(self.cards):
            if card.argument_id == argument_id:
                self.cursor = index
                return True
        return False

    @property
    def current(self) -> Card | None:
        cards = self.cards
        return cards[self.cursor] if self.cursor is not None and self.cursor < len(cards) else None

    def validate_cursor(self, cursor: int | None) -> int | None:
        if cursor is None or not self.cards:
            return None
        return max(0, min(cursor, len(self.cards) - 1))

    def watch_cursor(self, old: int | None, new: int | None) -> None:
        cards = self.cards
        for index in (old, new):
            if index is not None and index < len(cards):
                cards[index].set_class(index == new, "-selected")
        if new == 0:
            self.call_after_refresh(self.scroll_home, animate=False)  # the question above the first card too
        elif new is not None and new < len(cards):
            self.call_after_refresh(self.scroll_to_widget, cards[new], animate=False)

    def action_move(self, step: int) -> None:
        """Next or previous card; but first read on through a card taller than the view."""
        card = self.current
        if card is None or self.cursor is None:
            return
        view = self.content_region
        if (step > 0 and card.region.bottom > view.bottom) or (step < 0 and card.region.y < view.y):
            self.scroll_relative(y=step * max(1, view.height - 2), animate=False)
            return
        self.cursor = max(0, min(self.cursor + step, len(self.cards) - 1))

    def action_ends(self, end: int) -> None:
        if self.cards:
            self.cursor = len(self.cards) - 1 if end else 0
            if not end:
                self.scroll_home(animate=False)

    def action_across(self, step: int) -> None:
        """Move to the nearest card in the next column of the same row."""
        card = self.current
        row = card.parent.parent if card is not None and card.parent is not None else None
        if card is None or row is None or "row" not in row.classes:
            return
        columns = sorted({c.column for c in row.query(Card)})
        wanted = [c for c in columns if (c - card.column) * step > 0]
        if not wanted:
            return
        column = min(wanted, key=lambda c: abs(c - card.column))
        target = next(c for c in row.query(Card) if c.column == column)
        self.cursor = self.cards.index(target)

    def action_page(self, step: int) -> None:
        """Scroll a page, then put the cursor on the first card in view beyond where it was."""
        if self.cursor is None:
            return
        if step > 0:
            self.scroll_page_down(animate=False)
        else:
            self.scroll_page_up(animate=False)
        self.call_after_refresh(self._cursor_into_view, step)

    def _cursor_into_view(self, step: int) -> None:
        if self.cursor is None:
            return
        view = self.content_region
        cards = self.cards
        in_view = [index for index, card in enumerate(cards) if card.region.overlaps(view)]
        beyond = [index for index in in_view if (index - self.cursor) * step > 0]
        if beyond:
            self.cursor = beyond[0]
        else:
            self.cursor = len(cards) - 1 if step > 0 else 0

    def action_open(self) -> None:
        card = self.current
        if card is not None and card.target is not None:
            self.post_message(Navigate(card.target))

    def on_card_clicked(self, message: Card.Clicked) -> None:
        message.stop()
        self.focus()
        self.cursor = self.cards.index(message.card)
        self.action_open()
