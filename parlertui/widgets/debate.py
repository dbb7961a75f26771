"""A topic as a debate: Parler and AWS side by side, each claim level with its answer, the court across both."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from parlertui.messages import Navigate
from parlertui.navigation import Target
from parlertui.store.records import Argument, ArgumentRow, TopicDetail
from parlertui.widgets.panes import DetailPane
from parlertui.widgets.render import quote_block

COLUMNS = ("parler", "aws", "court", "other")
COLUMN_TITLES = {"parler": "Parler", "aws": "AWS", "court": "The court", "other": "Others"}
MISSING = {
    "parler": "No claim from Parler on this point in our sources.",
    "aws": "No answer from AWS to this claim in our sources.",
}


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


def side_silent(side: str, as_of: str) -> str:
    """Under a side's heading, when nothing of its on this point was on the record by `as_of`."""
    return f"Nothing from {COLUMN_TITLES[side]} on this point was on the record as of {as_of}."


def row_cells(row: ArgumentRow, as_of: str | None = None) -> list[Widget]:
    """The cells of one row: Parler and AWS always (saying when a side is silent), the court and others if any."""
    cells: list[Widget] = []
    answers_only = not row.parler and not row.aws  # findings that answer no claim in a row above
    for column, side in enumerate(COLUMNS):
        arguments: tuple[Argument, ...] = getattr(row, side)
        if not arguments and (side in ("court", "other") or answers_only):
            continue
        cards = [card for argument in arguments for card in argument_card(argument, column)]
        if not arguments:
            missing = MISSING[side] if as_of is None else MISSING[side].replace("in our sources", f"as of {as_of}")
            cards_or_note: list[Widget] = [Static(Text(missing, style="italic"), classes="missing")]
        else:
            cards_or_note = list(cards)
        cell = Vertical(*cards_or_note, classes=f"cell {side}")
        cell.border_title = COLUMN_TITLES[side] if side in ("court", "other") else None
        cells.append(cell)
    return cells


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
        Binding("l,right", "across(1)", "Across", tooltip="The next column in this row (Parler, AWS, court)"),
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

    def compose(self) -> ComposeResult:
        yield Static(classes="question")

    @property
    def cards(self) -> list[Card]:
        return list(self.query(Card))

    async def show(self, detail: TopicDetail) -> None:
        """Lay out a topic, the cursor on its first card."""
        self.detail = detail
        topic = detail.topic
        await self.remove_children()
        # No third column for a court that did not rule on this point (or had not yet, as of the date).
        self.set_class(not topic.ruled, "no-court")
        widgets: list[Widget] = [
            Static(Text.assemble((topic.title, "bold"), "\n", topic.question), classes="question"),
            Container(
                *(Static(COLUMN_TITLES[side], classes=f"heading {side}") for side in COLUMNS[:3]),
                classes="row headings" if topic.ruled else "row headings no-court",
            ),
        ]
        speaking = {argument.side for argument in detail.arguments}
        if topic.as_of and not {"parler", "aws"} <= speaking:
            notes = [
                Static(
                    Text("" if side in speaking else side_silent(side, topic.as_of), style="italic"), classes="missing"
                )
                for side in ("parler", "aws")
            ]
            widgets.append(Container(*notes, classes="row side-notes"))
        for row in detail.rows:
            answers_only = not row.parler and not row.aws
            cells = row_cells(row, topic.as_of)
            widgets.append(Container(*cells, classes="row answers-only" if answers_only else "row"))
        outcome = Text()
        outcome.append("Outcome\n", style="bold")
        if topic.outcome_withheld:
            if topic.ruled:
                outcome.append(
                    f"The court's finding above was on the record by {topic.as_of}. The outcome as "
                    f"written tells of what came later, so it is not shown as of {topic.as_of}.",
                    style="italic",
                )
            else:
                outcome.append(f"As of {topic.as_of} the court had not ruled on this point.", style="italic")
        else:
            if not topic.ruled:
                outcome.append("The court did not rule on this point.\n", style="italic")
            outcome.append(topic.outcome or "Our sources give no outcome.")
        widgets.append(Card(outcome, target=None, argument_id="", column=0, classes="outcome"))
        await self.mount_all(widgets)
        self.scroll_home(animate=False)
        self.cursor = None
        self.cursor = 0

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
