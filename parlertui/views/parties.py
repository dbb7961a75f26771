"""The parties: grouped by side, people under their organisation, the selected party in full beside them."""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from parlertui.navigation import Target
from parlertui.store.records import Catalogue, Party, PartyDetail
from parlertui.views.base import View
from parlertui.widgets.keylist import KeyList, grouped_options
from parlertui.widgets.links import DetailBlock, argument_entries, heading, quote_entries
from parlertui.widgets.render import Line, event_row, labelled


def party_row(party: Party, *, wrap: bool = False) -> Line:
    """A party's name, people indented under their organisation."""
    name = (Text(party.name, style="" if party.depth else "bold"), None)
    return Line((Text(), 2 * party.depth - 1), name, wrap=wrap) if party.depth else Line(name, wrap=wrap)


class PartiesView(View[Party, PartyDetail]):
    view_id = "parties"
    empty_text = "Nothing on the record yet: this store holds no parties."

    def make_list(self) -> KeyList:
        parties = KeyList(classes="records")
        parties.border_title = "Parties"
        return parties

    def list_options(self, catalogue: Catalogue) -> list[Option]:
        return grouped_options(
            catalogue.parties,
            lambda party: self.sides.heading(party.side),
            self.render_row,
            lambda party: party.id,
        )

    def render_row(self, record: Party) -> Line:
        return party_row(record, wrap=self.wrap)

    def fetch(self, item_id: str) -> PartyDetail:
        return self.store.party(item_id, self.as_of)

    def entries(self, record: PartyDetail) -> list[DetailBlock]:
        party = record.party
        entries = [
            DetailBlock(
                Text.assemble((party.name, "bold"), "\n", (f"{party.kind} · {self.sides.heading(party.side)}", "dim"))
            ),
            DetailBlock(Text(party.description)),
        ]
        if party.aliases:
            entries.append(DetailBlock(labelled("Also called", "; ".join(party.aliases))))
        if party.affiliation_id:
            name = party.affiliation_name or party.affiliation_id
            entries.append(DetailBlock(labelled("Part of", name), Target("party", party.affiliation_id)))
        if record.members:
            entries.append(heading("Members", len(record.members)))
            entries += [DetailBlock(Text(member.name), Target("party", member.id)) for member in record.members]
        entries.append(heading("Events", len(record.events)))
        if not record.events:
            entries.append(DetailBlock(Text("Takes part in no event on the record.", style="dim")))
        for event in record.events:
            entries.append(
                DetailBlock(event_row(event, self.sides, wrap=self.wrap), Target("event", event.id, party=party.id))
            )
        entries.append(heading("Quotes", len(record.quotes)))
        if not record.quotes:
            entries.append(DetailBlock(Text("No quotes on the record.", style="dim")))
        entries += quote_entries(record.quotes, speaker=False)
        if record.arguments:
            entries.append(heading("Arguments", len(record.arguments)))
            entries += argument_entries(record.arguments)
        return entries
