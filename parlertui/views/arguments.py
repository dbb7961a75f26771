"""The arguments: the points in dispute, and for the selected one each side's case and the court's finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.markup import escape
from textual.widgets.option_list import Option

from parlertui.navigation import Target
from parlertui.store.queries import Store
from parlertui.store.records import Catalogue, Topic, TopicDetail
from parlertui.views.base import View
from parlertui.widgets.keylist import KeyList
from parlertui.widgets.render import Line, SideLabels

if TYPE_CHECKING:
    from parlertui.widgets.debate import DebatePane


def topic_row(topic: Topic, sides: SideLabels, *, wrap: bool = False) -> Line:
    return Line((Text(sides.marks(topic.sides), style="bold"), sides.width), (Text(topic.title), None), wrap=wrap)


class ArgumentsView(View[Topic, TopicDetail]):
    """The topics, and the selected one laid out as a debate."""

    view_id = "arguments"
    empty_text = "Nothing on the record yet: this store holds no topics in dispute."

    def __init__(self, store: Store, *, built: bool = False) -> None:
        super().__init__(store, built=built)
        self._pending_argument: str | None = None

    def make_list(self) -> KeyList:
        topics = KeyList(classes="records")
        topics.border_title = "Topics"
        topics.border_subtitle = escape(self.sides.legend)  # a border's title is markup; a side's name is not
        return topics

    def make_detail(self) -> DebatePane:
        from parlertui.widgets.debate import DebatePane  # loaded with the view, when it is first shown

        return DebatePane(classes="detail")

    def list_options(self, catalogue: Catalogue) -> list[Option]:
        return [Option(self.render_row(topic), id=topic.id) for topic in catalogue.topics]

    def render_row(self, record: Topic) -> Line:
        return topic_row(record, self.sides, wrap=self.wrap)

    def fetch(self, item_id: str) -> TopicDetail:
        return self.store.topic(item_id, self.as_of)

    @property
    def debate(self) -> DebatePane:
        from parlertui.widgets.debate import DebatePane  # loaded already: make_detail made one

        return self.query_one(".detail", DebatePane)

    def select(self, target: Target) -> bool:
        """A topic, or an argument: its topic with the cursor on the argument's claim."""
        if self._selection_deferred(target):
            return True
        if target.kind != "argument":
            return super().select(target)
        topic = target.topic or ""
        if self._loaded == topic and self._shown == topic:
            self.list_pane.highlight_id(topic)
            return self.debate.select_argument(target.id)
        self._pending_argument = target.id
        return self.list_pane.highlight_id(topic)

    async def show_detail(self, record: TopicDetail) -> None:
        await self.debate.show(record, self.sides)
        if self._pending_argument is not None:
            self.debate.select_argument(self._pending_argument)
            self._pending_argument = None
