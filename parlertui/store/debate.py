"""Lay a topic's arguments out as a debate: each claim level with the answers to it."""

from __future__ import annotations

from collections.abc import Sequence

from parlertui.store.records import Argument, ArgumentRow


def arrange(arguments: Sequence[Argument]) -> tuple[ArgumentRow, ...]:
    """Rows in reading order, every argument in exactly one row.

    A row starts from a Parler claim (in dataset order), takes the AWS arguments that rebut it, then the court's
    and others' arguments that rebut or support anything in the row. AWS claims that answer no Parler claim start
    rows of their own after those, and whatever answers nothing in any row comes last.
    """
    placed: set[str] = set()

    def take(side: str, answering: set[str], relations: tuple[str, ...]) -> tuple[Argument, ...]:
        found = []
        for argument in arguments:
            if argument.side != side or argument.id in placed:
                continue
            targets = {target for relation in relations for target in getattr(argument, relation)}
            if targets & answering:
                found.append(argument)
                placed.add(argument.id)
        return tuple(found)

    def row_from(claim: Argument) -> ArgumentRow:
        placed.add(claim.id)
        parler: tuple[Argument, ...]
        aws: tuple[Argument, ...]
        parler, aws = ((claim,), ()) if claim.side == "parler" else ((), (claim,))
        if claim.side == "parler":
            aws = take("aws", {claim.id}, ("rebuts",))
        answering = {argument.id for argument in (*parler, *aws)}
        return ArgumentRow(
            parler=parler,
            aws=aws,
            court=take("court", answering, ("rebuts", "supports")),
            other=take("other", answering, ("rebuts", "supports")),
        )

    rows = [row_from(claim) for claim in arguments if claim.side == "parler"]
    rows += [row_from(claim) for claim in arguments if claim.side == "aws" and claim.id not in placed]
    court = tuple(argument for argument in arguments if argument.side == "court" and argument.id not in placed)
    other = tuple(argument for argument in arguments if argument.side == "other" and argument.id not in placed)
    if court or other:
        rows.append(ArgumentRow(court=court, other=other))
    return tuple(rows)
