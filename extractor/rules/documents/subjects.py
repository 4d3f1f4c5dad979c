"""The subject of an issuing verb before a citation: its issuer, and the date its sentence opens with (spec §3).

"<body> vừa ban hành <citation>" names the issuer before the citation, when no "của <body>" after it does;
"Ngày 7/11/1948, <body> đã ban hành <citation>" also dates it. A subject that is a titled person ("Bộ trưởng
Bộ Y tế <name> vừa có …") gives no issuer. Apart from `attributes` (what follows a citation), whose body-name
reader it uses.
"""

from __future__ import annotations

import functools
from types import SimpleNamespace

import regex

from extractor.folding import fold
from extractor.resources import load_list
from extractor.rules.documents.attributes import BOUNDARY, issuer_at, vocabulary


@functools.cache
def _patterns() -> SimpleNamespace:
    words = vocabulary().words
    compile_ = functools.partial(regex.compile, ignore_unused=True, verb=words["verb"], title=words["title"],
                                 not_verb=words["not_verb"])
    return SimpleNamespace(
        # "Quốc hội đã thông qua <citation>", but not "đưa ra <citation>": "ra" after "đưa" is another verb
        verb=compile_(r"(?<=\S)(?<!(?<![\p{L}\d])\L<not_verb>)\s+\L<verb>\s+\Z"),
        person_title=compile_(r"(?<![\p{L}\d])\L<title>\s+\Z"),
        title_opening=compile_(r"\L<title>\s"),
        # the subject's term just before the verb, "Bộ Chính trị (khóa XII) ban hành …"
        term=regex.compile(r"\s*(?P<open>\()?\s*khóa\s+(?P<t>[ivxlc]+)\s*(?(open)\))\s*\Z"),
        opening_day=regex.compile(r"(?:^|[.!?\n:]\s*)ngày\s+\Z"),
    )


def issuer_before(text: str, folded: str, start: int, floor: int,
                  dates_by_end: dict) -> tuple[str | None, str | None, str | None]:
    """The subject of "<body> vừa ban hành <citation>": the body written before the issuing verb, the date the
    sentence opens with when the body follows it ("Ngày 7/11/1948, <body> đã ban hành <citation>"), and the
    body's term written between them ("Bộ Chính trị khóa XII đã ban hành …")."""
    p = _patterns()
    verb = p.verb.search(folded, floor, start)
    if not verb:
        return None, None, None
    term = p.term.search(folded, max(floor, verb.start() - 24), verb.start())
    if term and not text[term.start("t"):term.end("t")].isupper():
        term = None
    subject_end = term.start() if term else verb.start()
    boundary = None
    for boundary in BOUNDARY.finditer(text, floor, subject_end):
        pass
    for token in regex.finditer(r"\S+", text[:subject_end], pos=boundary.end() if boundary else floor):
        name, end = issuer_at(text, folded, token.start(), subject_end, generic=True)
        if name and end == subject_end:
            if _person_subject(text, folded, max(floor, token.start() - 24), token.start(), end):
                return None, None, None
            opening = boundary and text[boundary.end():token.start()].isspace() and _opening_date(
                folded, boundary.start(), dates_by_end)
            return name, opening or None, term and term.group("t").upper()
    return None, None, None


def _person_subject(text: str, folded: str, floor: int, start: int, end: int) -> bool:
    """A title before or opening the name read as a subject, and a person's name inside it ("Bộ trưởng Bộ Y tế
    Nguyễn Văn An vừa có …", "Chủ tịch UBND tỉnh Lê Văn Bình đã ban hành …"): a person, no body, is the
    subject. Without a person's name ("Thủ tướng Chính phủ vừa ban hành …") the title is part of the issuer."""
    p = _patterns()
    if not (p.person_title.search(folded, floor, start) or p.title_opening.match(folded, start, end)):
        return False
    surnames = _surnames()
    words = list(regex.finditer(r"\S+", text[start:end]))
    return any(fold(a.group()) in surnames and b.group()[0].isupper() for a, b in zip(words[1:], words[2:]))


@functools.cache
def _surnames() -> frozenset[str]:
    return frozenset(fold(name) for name in load_list("surnames.txt"))


def _opening_date(folded: str, comma: int, dates_by_end: dict) -> str | None:
    """The ISO date of "Ngày <date>," opening a sentence, when it ends at `comma`."""
    if folded[comma] != ",":
        return None
    date = dates_by_end.get(comma) or dates_by_end.get(comma - 1)
    if date is None or not _patterns().opening_day.search(folded, max(0, date.start - 8), date.start):
        return None
    return date.iso
