"""Choosing filters and an "as of" date, in small dialogs over the views."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from parlertui.store.filters import Filters, FilterError, parse_day
from parlertui.store.records import Catalogue
from parlertui.store.schema import EVENT_KINDS
from parlertui.widgets.filter_bar import FILTER_LABELS
from parlertui.widgets.typing import TypeAhead


class FilterScreen(ModalScreen[Filters | None]):
    """Narrow the timeline and the quotes by party or side, topic, kind of event, source and dates."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", tooltip="Close without changing the filters"),
        Binding("ctrl+s", "apply", "Apply", tooltip="Apply these filters"),
    ]

    def __init__(self, catalogue: Catalogue, filters: Filters) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.filters = filters

    def compose(self) -> ComposeResult:
        catalogue, filters = self.catalogue, self.filters
        who = [(f"Side: {side.name}", f"side:{side.id}") for side in catalogue.dispute.sides]
        who += [(("  " * party.depth) + party.name, f"party:{party.id}") for party in catalogue.parties]
        chosen = f"party:{filters.party}" if filters.party else f"side:{filters.side}" if filters.side else None
        with Vertical(id="filters", classes="dialog") as dialog:
            dialog.border_title = "Filter the timeline and the quotes"
            dialog.border_subtitle = "tab next · ctrl+s apply · esc cancel"
            with Horizontal(classes="field"):
                yield Label("Party or side")
                yield Select(who, id="who", value=chosen or Select.NULL, prompt="Anyone", compact=True)
            with Horizontal(classes="field"):
                yield Label("Topic")
                yield Select(
                    [(t.title, t.id) for t in catalogue.topics],
                    id="topic",
                    prompt="Any topic",
                    value=filters.topic or Select.NULL,
                    compact=True,
                )
            with Horizontal(classes="field"):
                yield Label("Kind of event")
                yield Select(
                    [(kind, kind) for kind in EVENT_KINDS],
                    id="kind",
                    value=filters.kind or Select.NULL,
                    prompt="Any kind",
                    compact=True,
                )
            with Horizontal(classes="field"):
                yield Label("Source")
                listed = catalogue.sources or not catalogue.total_sources
                yield Select(
                    [(s.label, s.id) for s in catalogue.sources],
                    id="source",
                    compact=True,
                    prompt="Any source" if listed else "Any source (too many to list: see 4 Sources)",
                    value=filters.source if filters.source in {s.id for s in catalogue.sources} else Select.NULL,
                    disabled=not listed,
                )
            with Horizontal(classes="field"):
                yield Label("From")
                yield Input(filters.start or "", placeholder="YYYY-MM-DD", id="start", max_length=10, compact=True)
            with Horizontal(classes="field"):
                yield Label("To")
                yield Input(filters.end or "", placeholder="YYYY-MM-DD", id="end", max_length=10, compact=True)
            yield Static("A topic keeps the events and quotes its arguments cite.", classes="hint")
            yield Static("", id="filter-problem", classes="problem", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Apply", variant="primary", id="apply", compact=True)
                yield Button("Clear all", id="clear", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#who", Select).focus()

    def on_input_submitted(self) -> None:
        self.action_apply()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "apply":
            self.action_apply()
        elif event.button.id == "clear":
            self.dismiss(self.filters.cleared())
        else:
            self.dismiss(None)

    def chosen(self) -> Filters:
        """The filters the dialog shows; FilterError if a date cannot be read."""

        def value(select_id: str) -> str | None:
            picked = self.query_one(f"#{select_id}", Select).value
            return None if picked is Select.NULL else str(picked)

        who = value("who") or ""
        days: dict[str, str | None] = {}
        for name in ("start", "end"):
            text = self.query_one(f"#{name}", Input).value
            try:
                days[name] = parse_day(text, last=name == "end") if text.strip() else None
            except FilterError as err:
                raise FilterError(f"{FILTER_LABELS[name]}: {err}") from None
        if days["start"] and days["end"] and days["start"] > days["end"]:
            raise FilterError("From is after To: no day is in that range")
        return Filters(
            party=who.removeprefix("party:") if who.startswith("party:") else None,
            side=who.removeprefix("side:") if who.startswith("side:") else None,
            topic=value("topic"),
            kind=value("kind"),
            source=value("source"),
            start=days["start"],
            end=days["end"],
            as_of=self.filters.as_of,
        )

    def action_apply(self) -> None:
        try:
            self.dismiss(self.chosen())
        except FilterError as err:
            self.query_one("#filter-problem", Static).update(str(err))


class DayScreen(TypeAhead, ModalScreen[str | None]):
    """Ask for a day. Dismisses with it as YYYY-MM-DD, with "" if the box was left empty, or None if cancelled;
    a text that is no day gets a note and another try."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", tooltip="Close without choosing a day")]
    TYPE_AHEAD_BOX = ".day-box"
    CSS_PATH = "dialogs.tcss"
    TITLE_TEXT = "Pick a day"
    EXPLANATION = ""
    PLACEHOLDER = "YYYY-MM-DD, for example 2021-01-13"
    PERIOD_LAST_DAY = False
    """Whether a month or a year typed means its last day (else its first)."""

    def __init__(self, day: str | None = None) -> None:
        super().__init__()
        self.day = day

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog day-dialog") as dialog:
            dialog.border_title = self.TITLE_TEXT
            yield Static(self.EXPLANATION, classes="explanation", markup=False)
            yield Input(self.day or "", placeholder=self.PLACEHOLDER, classes="day-box", max_length=10)
            yield Static("", classes="problem day-problem", markup=False)
            yield Static("[dim]enter applies · escape cancels[/]")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value
        if not text.strip():
            self.dismiss("")
            return
        try:
            self.dismiss(parse_day(text, last=self.PERIOD_LAST_DAY))
        except FilterError as err:
            self.query_one(".day-problem", Static).update(str(err))


class AsOfScreen(DayScreen):
    """The day to read the record as of; left empty, the whole record."""

    TITLE_TEXT = "Show the record as of a date"
    EXPLANATION = (
        "Only what was on the record by the end of this day: events, quotes, arguments, rulings. "
        "A month or a year means its last day (2021-03: the end of March)."
    )
    PLACEHOLDER = "YYYY-MM-DD, 2021-03 or 2021; empty: everything"
    PERIOD_LAST_DAY = True
