"""The date of a document an article reproduces in full (spec §3 `issued`).

Bulletins print a resolution's text whole: its name as a heading line in capitals (`NGHỊ QUYẾT` then
`Đại hội … lần thứ X`), its body, and a signature dateline closing a line (`Đà Nẵng, ngày 12 tháng 3 năm 2021`).
That dateline is the document's own date, the only one the text gives for it; a date inside the body
(`họp từ ngày … đến ngày …`) is the meeting's, not the document's.
"""

from __future__ import annotations

import functools

import regex

# "<Place>, ngày <date>" closing a line or the text: a place of one to four capitalised syllables
_DATELINE = r"(?:^|(?<=[.!?”\"]\s)|(?<=\n))(?:\p{Lu}\p{Ll}*\s){0,3}\p{Lu}\p{Ll}*,\s*(?P<day>ngày\s+)"


@functools.cache
def _dateline() -> regex.Pattern:
    return regex.compile(_DATELINE, regex.MULTILINE)


def is_heading(text: str, start: int, end: int) -> bool:
    """A citation that opens a line written in capitals (`NGHỊ QUYẾT`) is a reproduced document's heading,
    not a citation inside a sentence."""
    first_line = text[start:end].split("\n", 1)[0]
    return (start == 0 or text[start - 1] == "\n") and first_line.isupper()


def dateline_after(text: str, pos: int, dates: dict) -> str | None:
    """The ISO date of the first signature dateline after `pos` that closes its line or the text."""
    for match in _dateline().finditer(text, pos):
        date = dates.get(match.start("day")) or dates.get(match.end())
        if date and (date.end == len(text) or regex.match(r"[ \t]*(?:\n|$)", text[date.end:date.end + 3])):
            return date.iso
    return None
