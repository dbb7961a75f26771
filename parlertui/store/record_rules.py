"""Rules that keep the record true to its sources, shared by validation (on the dataset) and `parlertui check` (on a
built store): the same words decide in both.

- A quote whose context says its speaker is not known is not a quote of anyone: leave it out, or credit the words to
  whoever the source does credit them to.
- A quote read in a report (a `news` source) from someone other than the report's outlet says "as quoted" in its
  context, so that nobody takes the report for the speaker's own words.
- A topic has an argument from each side it names (by the side's name or one of its aliases), unless its outcome
  says the sources hold none ("Our sources give no answer from AWS").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from parlertui.store.dataset import Dataset, Problem

_SPEAKER_UNKNOWN = re.compile(
    r"whose words (?:these|they) are|speaker (?:is )?(?:not known|unknown)|unknown speaker|does not say who said",
    re.IGNORECASE,
)
_AS_QUOTED = re.compile(r"\bas quoted\b", re.IGNORECASE)
REPORT_KINDS = ("news",)


def speaker_unknown(context: str | None) -> bool:
    """True when a quote's context says the source does not say whose words they are."""
    return bool(context and _SPEAKER_UNKNOWN.search(context))


def lacks_as_quoted(
    source_kind: str | None,
    source_outlet: str | None,
    speaker_kind: str | None,
    speaker_names: Iterable[str],
    context: str | None,
) -> bool:
    """True for a quote read in a report, from someone other than the report's outlet, whose context does not say
    "as quoted"."""
    if source_kind not in REPORT_KINDS:
        return False
    if speaker_kind == "outlet" and source_outlet and any(name and name in source_outlet for name in speaker_names):
        return False  # the outlet's own words
    return not (context and _AS_QUOTED.search(context))


def sides_without_argument(
    title: str,
    question: str,
    outcome: str | None,
    argued: Iterable[str],
    sides: Mapping[str, Sequence[str]],
    deciding: str | None = None,
) -> list[str]:
    """The sides a topic names in its title or question (`sides`: each side's id -> its name and aliases) that none
    of its arguments is from, and that its outcome does not say the sources hold nothing from. A name is matched as
    written, as a whole word; the deciding body's in any case ("the court" mid-sentence is "Court")."""
    words = {side: _any_of(names, side == deciding) for side, names in sides.items() if names}
    named = [side for side, any_name in words.items() if re.search(any_name, f"{title} {question}")]
    argued = set(argued)
    return [side for side in named if side not in argued and not _says_none_from(outcome, words[side])]


def _any_of(names: Sequence[str], any_case: bool) -> str:
    """A pattern for any of `names`, each a whole word (punctuation at its ends allowed: "AT&T Inc.")."""
    alternatives = "|".join(re.escape(name.strip()) for name in names if name.strip())
    if not alternatives:
        return "(?!)"  # no name: matches nothing
    return rf"{'(?i:' if any_case else '(?:'}(?<!\w)(?:{alternatives})(?!\w))"


def _says_none_from(outcome: str | None, any_name: str) -> bool:
    if not outcome or "sources" not in outcome.lower():
        return False
    pattern = rf"\b(?i:no (?:argument|answer|reply|finding|ruling)s? (?:from|by|of) (?:the )?){any_name}"
    return re.search(pattern, outcome) is not None


def record_problems(dataset: Dataset) -> list[Problem]:
    """The dataset's quotes and topics that break the rules above."""
    parties = {entry.id: entry.data for entry in dataset.of("party") if entry.id}
    sources = {entry.id: entry.data for entry in dataset.of("source") if entry.id}
    found = []
    for entry in dataset.of("quote"):
        data = entry.data
        context = _text(data.get("context"))
        if speaker_unknown(context):
            found.append(entry.problem("context", "says the speaker is not known: a quote needs a known speaker"))
        source = sources.get(_text(data.get("source_id")) or "", {})
        speaker = parties.get(_text(data.get("speaker_id")) or "", {})
        names = [_text(speaker.get("name")) or "", *(a for a in speaker.get("aliases") or [] if isinstance(a, str))]
        if lacks_as_quoted(source.get("kind"), _text(source.get("outlet")), speaker.get("kind"), names, context):
            found.append(entry.problem("context", 'a quote read in a report says "as quoted by …" in its context'))
    sides = {entry.id: side_names(entry.data) for entry in dataset.of("side") if entry.id}
    deciding = next((entry.id for entry in dataset.of("side") if entry.data.get("deciding") is True), None)
    for topic in dataset.of("topic"):
        argued = [
            parties.get(_text(argument.data.get("party_id")) or "", {}).get("side")
            for argument in dataset.of("argument")
            if argument.parent is topic
        ]
        missing = sides_without_argument(
            _text(topic.data.get("title")) or "",
            _text(topic.data.get("question")) or "",
            _text(topic.data.get("outcome")),
            [side for side in argued if isinstance(side, str)],
            sides,
            deciding,
        )
        for side in missing:
            side = sides[side][0]
            found.append(
                topic.problem(
                    "argument",
                    f"names {side} but has no argument of that side; add one, or say in the outcome that "
                    f"our sources hold no argument from {side}",
                )
            )
    return found


def side_names(side: Mapping[str, object]) -> list[str]:
    """A side's name, then its aliases: the words a topic names it by."""
    name, aliases = side.get("name"), side.get("aliases")
    others = (
        [alias for alias in aliases if isinstance(alias, str) and alias.strip()] if isinstance(aliases, list) else []
    )
    return ([name] if isinstance(name, str) and name.strip() else []) + others


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
