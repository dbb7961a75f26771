"""The arguments: the points in dispute, and for the selected one each side's case and the court's finding."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static
from textual.widgets.option_list import Option

from parlertui.navigation import Target
from parlertui.store.records import Catalogue, Topic, TopicDetail
from parlertui.views.base import View
from parlertui.widgets.debate import DebateView
from parlertui.widgets.keylist import KeyList
from parlertui.widgets.render import side_marks


def topic_row(topic: Topic) -> Table:
    row = Table.grid(padding=(0, 1), expand=True)
    row.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    row.add_column(width=4, no_wrap=True, style="bold")
    row.add_row(Text(topic.title), Text(side_marks(topic.sides)))
    return row


class TopicList(KeyList):
    """The points in dispute."""

    BINDING_GROUP_TITLE = "Arguments"


class ArgumentsView(View[TopicDetail]):
    name = "arguments"
    title = "Arguments"
    empty_text = "This store holds no topics in dispute."

    def __init__(self, store, *, id: str | None = None) -> None:
        super().__init__(store, id=id)
        self._pending_argument: str | None = None

    def compose(self) -> ComposeResult:
        yield self.make_list()
        yield DebateView(classes="detail")

    def make_list(self) -> KeyList:
        topics = TopicList(classes="records")
        topics.border_title = "Topics"
        topics.border_subtitle = "P Parler · A AWS · C court"
        return topics

    def list_options(self, catalogue: Catalogue) -> list[Option]:
        return [Option(topic_row(topic), id=topic.id) for topic in catalogue.topics]

    def fetch(self, item_id: str) -> TopicDetail:
        return self.store.topic(item_id)

    @property
    def debate(self) -> DebateView:
        return self.query_one(DebateView)

    def select(self, target: Target) -> bool:
        if target.kind != "argument":
            return super().select(target)
        topic = target.topic or ""
        shown = self.debate.detail
        if shown is not None and shown.topic.id == topic:
            self.list_pane.highlight_id(topic)
            return self.debate.select_argument(target.id)
        self._pending_argument = target.id
        return self.list_pane.highlight_id(topic)

    async def show_detail(self, record: TopicDetail, cursor: int | None) -> None:
        await self.debate.show(record, cursor)
        if self._pending_argument is not None:
            self.debate.select_argument(self._pending_argument)
            self._pending_argument = None

    def detail_cursor(self) -> int | None:
        return self.debate.cursor

    def set_detail_cursor(self, cursor: int) -> None:
        if 0 <= cursor < len(self.debate.cards):
            self.debate.cursor = cursor

    def entries(self, record: TopicDetail) -> list:
        return []

    def show_empty(self, text: str) -> None:
        self.debate.query_one(".question", Static).update(text)
