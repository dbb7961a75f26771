"""Lay a topic's arguments out as a debate: a column for each side that argued, each claim level with the answers
to it, and the deciding body's findings on them."""

from __future__ import annotations

from collections.abc import Sequence

from parlertui.store.records import Argument, ArgumentRow, Side

ANSWERS = ("rebuts", "supports")


def arrange(arguments: Sequence[Argument], sides: Sequence[Side]) -> tuple[ArgumentRow, ...]:
    """Rows in reading order, every argument in exactly one row.

    A row starts from a claim of an arguing side (the sides in their order, each side's claims in dataset order),
    then takes, side by side in order, the other sides' arguments that rebut or support anything in the row so
    far, and last the deciding body's findings on anything in it. A claim answered in an earlier row is not one
    again; the findings that answer nothing in any row come last, in a row of their own.
    """
    arguing, deciding = columns_of(arguments, sides)
    placed: set[str] = set()

    def take(side: str, answering: set[str]) -> tuple[Argument, ...]:
        found = []
        for argument in arguments:
            if argument.side != side or argument.id in placed:
                continue
            if {target for relation in ANSWERS for target in getattr(argument, relation)} & answering:
                found.append(argument)
                placed.add(argument.id)
        return tuple(found)

    rows = []
    for side in arguing:
        for claim in arguments:
            if claim.side != side or claim.id in placed:
                continue
            placed.add(claim.id)
            answering = {claim.id}
            cells: dict[str, tuple[Argument, ...]] = {side: (claim,)}
            for other in arguing:
                if other != side:
                    cells[other] = take(other, answering)
                    answering |= {argument.id for argument in cells[other]}
            findings = take(deciding, answering) if deciding else ()
            rows.append(ArgumentRow(tuple((column, cells[column]) for column in arguing), findings, side))
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
