"""Lay a topic's arguments out as a debate: a column for each side that argued, each claim level with the answers
to it, and the deciding body's findings on them."""

from __future__ import annotations

from collections.abc import Sequence

from parlertui.store.records import Argument, ArgumentRow, Side

ANSWERS = ("rebuts", "supports")


def arrange(arguments: Sequence[Argument], sides: Sequence[Side]) -> tuple[ArgumentRow, ...]:
    """Rows in reading order, every argument in exactly one row.

    A row starts from a claim, an arguing side's argument that answers no argument on the topic (the sides in
    their order, each side's claims in dataset order). It then takes, side by side in order, the deciding body
    last, and again until none is left, the arguments that rebut or support anything in the row so far (a side's
    backing of its own goes in its own column; a reply to a finding sits beside it). So a reply sits level with
    what it answers, whichever side spoke first. An answer to nothing placed starts a row of its own after the
    claims; findings that answer nothing in any row come last, in a row of their own.
    """
    arguing, deciding = columns_of(arguments, sides)
    on_topic = {argument.id for argument in arguments}
    placed: set[str] = set()

    def answers(argument: Argument) -> set[str]:
        return {target for relation in ANSWERS for target in getattr(argument, relation)}

    def is_claim(argument: Argument) -> bool:
        return not answers(argument) & on_topic

    def take(side: str, answering: set[str]) -> tuple[Argument, ...]:
        found = []
        for argument in arguments:
            if argument.side == side and argument.id not in placed and answers(argument) & answering:
                found.append(argument)
                placed.add(argument.id)
        return tuple(found)

    def row_from(claim: Argument) -> ArgumentRow:
        placed.add(claim.id)
        answering = {claim.id}
        cells: dict[str, tuple[Argument, ...]] = {side: () for side in arguing}
        cells[claim.side] = (claim,)
        findings: tuple[Argument, ...] = ()
        grew = True
        while grew:  # until nothing more answers anything in the row: a reply to a reply is level with both
            grew = False
            for side in (*arguing, deciding) if deciding else arguing:
                found = take(side, answering)
                if found:
                    if side == deciding:
                        findings += found
                    else:
                        cells[side] += found
                    answering |= {argument.id for argument in found}
                    grew = True
        return ArgumentRow(tuple((column, cells[column]) for column in arguing), findings)

    rows = []
    for claims_only in (True, False):
        for side in arguing:
            for argument in arguments:
                if argument.side == side and argument.id not in placed and (is_claim(argument) or not claims_only):
                    rows.append(row_from(argument))
    left = tuple(argument for argument in arguments if argument.id not in placed)
    if left:
        rows.append(ArgumentRow(findings=left))
    return tuple(rows)


def columns_of(arguments: Sequence[Argument], sides: Sequence[Side]) -> tuple[tuple[str, ...], str | None]:
    """The debate's columns, by side id: each side that argued here in the sides' order (two at least, so that a
    side silent on the point is shown to be), and the deciding body (None if the dispute names none). A side the
    store does not declare, on an argument, gets a column after the others."""
    declared = [side.id for side in sides]
    deciding = next((side.id for side in sides if side.deciding), None)
    argued = {argument.side for argument in arguments}
    candidates = [side for side in declared if side != deciding]
    columns = [side for side in candidates if side in argued]
    for side in candidates:
        if len(columns) >= 2:
            break
        if side not in columns:
            columns.append(side)
    columns.sort(key=declared.index)
    columns += sorted(argued - set(declared))
    return tuple(columns), deciding
