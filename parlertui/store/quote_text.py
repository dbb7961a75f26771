"""A quote as it is shown: in its frame, the source's own words around it, with its pin cite.

A fragment can mean the opposite of its sentence ("not confident “Parler could properly police …”"), so every
screen and export shows a framed quote through `quote_as_shown` or `frame_parts`, never its bare text. A frame is
verbatim source text with the quote's place marked `{quote}`; it carries the source's own quotation marks. A quote
with no frame is shown in typographic quotation marks.
"""

from __future__ import annotations

QUOTE_MARK = "{quote}"


def frame_parts(text: str, frame: str | None) -> tuple[str, str, str]:
    """(words before, the quote, words after) as shown: the frame's words around the quote, or typographic
    quotation marks when there is no frame (or the frame lacks its mark, which validation forbids)."""
    if frame and QUOTE_MARK in frame:
        before, _, after = frame.partition(QUOTE_MARK)
        return before, text, after
    return "“", text, "”"


def quote_as_shown(text: str, frame: str | None) -> str:
    """The quote in its frame, as one string."""
    return "".join(frame_parts(text, frame))


def framed_source_text(text: str, frame: str | None) -> str:
    """The words that must stand together in the source text: the frame with the quote in its place, or the quote
    alone."""
    return frame.replace(QUOTE_MARK, text, 1) if frame and QUOTE_MARK in frame else text


def with_pin(label: str, pin: str | None) -> str:
    """A citation with its pin cite after it: "Scribd: Order …, Dkt. 34 at 2:4–6"."""
    return f"{label}, {pin}" if pin else label


def source_title(title: str, ours: bool) -> str:
    """A source's title as shown: one we wrote (the source gives none) in square brackets, the mark of words an
    editor supplies."""
    return f"[{title}]" if ours else title
