"""The outlet (spec §1): the newspaper, portal or agency the article names as its source.

In order: a closing source line (`(Nguồn: Báo X)`, `Theo X`: `data/outlet_markers.txt`), the outlet a
byline names (`Kim Há (TTXVN)`, `Thế Kha - Dân Trí`), the outlet's code opening the lead (`(NLĐ) - …`), and
last a paper named in the body where it presents the article as its own (`data/outlet_presenting.txt`,
`PV Thanh Niên`). A photo credit alone names no outlet.
"""

from __future__ import annotations

import functools

import regex

from extractor.folding import fold, fold_tones, folded_patterns, folded_words
from extractor.resources import load_list

_SOURCE_LINES = 8
_TRAILING_SOURCE = regex.compile(r"(?<=[.!?…\"”]\s*)\((?i:nguồn|(?:tổng hợp\s+)?theo)\b[^()]{2,70}\)\.?\s*$")
# Several sources in one credit: "TTXVN, Dân Việt", "Vietnam + / TTXVN".
_SOURCES_SPLIT = regex.compile(r"\s*[,;/]\s*")
# "Theo báo X, vụ việc đã rõ.": a sentence that opens with its source, not a credit (a second outlet after a
# comma is capitalised or is a paper's kind: "báo Giao thông, Infonet", "báo X, báo Y")
_LOWER_KIND = regex.compile(r"^(?:báo|tạp chí)\s+(?=\p{Lu})")
_CLAUSE_AFTER_COMMA = regex.compile(r",\s*(?!(?:báo|tạp chí|đài|trang|cổng)\b)\p{Ll}")
_LEAD_OUTLET = regex.compile(r"(?:^|\s)\((?P<outlet>\p{Lu}[^()\n]{1,30}?)\)\s*[-–—]\s")
# An outlet's code ("NLĐ", "TTXVN") or web address ("Chinhphu.vn") as a lead opens with it.
_CODE = regex.compile(r"^[\p{Lu}\d.&-]{2,15}$|^[\p{L}\d-]+\.(?:vn|com|net|org)(?:\.vn)?$")
# How far back from a line's end a credit after the last sentence may start.
_TRAILING_CREDIT = 100
_SENTENCE_END = ".!?…\"”"
# What may follow a credit: the author's name, every word capitalised ("Theo TTXVN Minh Châu"), not a
# sentence telling what the agency reported ("Theo TTXVN Trung Quốc đã …").
_AUTHOR_AFTER_CREDIT = regex.compile(r"^\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,4}\.?$")


@functools.cache
def _reporter_of() -> regex.Pattern:
    """A reporter's label and the paper after it ("PV Thanh Niên", "phóng viên Báo Hà Giang")."""
    names = sorted({fold(name) for name in load_list("outlet_names.txt")})
    return regex.compile(r"(?<!\w)(?:pv|phóng viên)\s+(?P<outlet>\L<names>|báo\s+\p{L}+(?:\s\p{L}+){0,3}?)"
                         r"(?=\s*[,.;:)]|\s+(?:đã|cho|ghi|tại|về|ở)\b)", names=names)


@functools.cache
def _credit() -> regex.Pattern:
    """Outlets as an agency's credit writes them: each a name from `data/outlet_names.txt` or a code in
    capitals ("TTXVN"), several joined by "/" ("TTXVN/Tin Tức"); "Theo" in front is optional."""
    names = sorted({fold(name) for name in load_list("outlet_names.txt")})
    part = r"(?=\p{Lu})(?:(?P<known>(?i:\L<names>))|\p{Lu}{2,}[\p{Lu}\d]*)(?![\p{L}\d+&]|\.\w)"
    return regex.compile(rf"(?P<theo>(?i:theo)\s+)?(?P<outlet>{part}(?:\s*/\s*{part})*)(?:\s+|\.?$)",
                         names=names)


def split_credit(text: str) -> tuple[str, str] | None:
    """(outlets, what follows) when `text` opens with an agency's credit: "Theo TTXVN Minh Châu" →
    ("TTXVN", "Minh Châu"), "TTXVN/Tin Tức" → ("TTXVN/Tin Tức", ""). Without "Theo" the credit needs
    several outlets, one of them known by name: a code alone ("UBND"), or codes alone ("UBND/HĐND"), are no
    credit. What follows is empty or a name, every word capitalised."""
    match = _credit().match(fold_tones(text.strip()))
    if not match or not (match.group("theo") or "/" in match.group("outlet") and match.captures("known")):
        return None
    rest = text.strip()[match.end():].strip()
    outlet = text.strip()[match.start("outlet"): match.end("outlet")]
    return (outlet, rest) if not rest or _AUTHOR_AFTER_CREDIT.match(rest) else None


def _trailing_credit(line: str) -> str | None:
    """A credit alone after the last sentence, or on a line of its own: "… phát triển. TTXVN/Tin Tức",
    "… kết thúc. Theo TTXVN Minh Châu" (the name after it is the author, read by the byline)."""
    starts = [0] + [cut + 1 for cut in range(max(0, len(line) - _TRAILING_CREDIT), len(line) - 1)
                    if line[cut] in _SENTENCE_END and line[cut + 1].isspace()]
    for start in starts:
        credit = split_credit(line[start:]) if len(line) - start <= _TRAILING_CREDIT else None
        if credit:
            return credit[0]
    return None


def is_outlet_name(text: str) -> bool:
    """A newspaper or agency by its name (`data/outlet_names.txt`) or by its kind (`Báo …`, `Đài …`)."""
    return folded_words("outlet_names.txt", before="^", after=r"$").match(fold(text.strip())) is not None \
        or folded_words("outlet_kinds.txt", before="^", after=r"\s").match(fold(text.strip())) is not None


def outlet_line(line: str) -> str | None:
    """The outlet a closing source line names, as written."""
    stripped = line.strip()
    credit = split_credit(stripped)
    if credit:
        return credit[0]
    tone_folded = fold_tones(stripped)
    for pattern in folded_patterns("outlet_markers.txt"):
        match = pattern.match(tone_folded)
        outlet = stripped[match.start("outlet"): match.end("outlet")].strip() if match else ""
        if outlet and not _CLAUSE_AFTER_COMMA.search(outlet):
            return outlet
    return None


def presenting_outlet(text: str) -> str | None:
    """A paper that presents the article as its own (`data/outlet_presenting.txt`: "Báo X trích đăng")."""
    tone_folded = fold_tones(text)
    for pattern in folded_patterns("outlet_presenting.txt"):
        match = pattern.search(tone_folded)
        if match:
            return text[match.start("outlet"): match.end("outlet")].strip()
    return None


def _trailing_source(line: str) -> str | None:
    """A source in brackets closing the last sentence ("… đảng viên. (Nguồn: Báo X)")."""
    match = _TRAILING_SOURCE.search(line)
    return outlet_line(match.group()) if match else None


def _presented_by(text: str) -> str | None:
    """A paper that presents the article as its own somewhere in the body, or whose reporter tells it."""
    presenting = presenting_outlet(text)
    if presenting:
        return presenting
    match = _reporter_of().search(fold(text))
    if match:
        outlet = text[match.start("outlet"): match.end("outlet")]
        return outlet if outlet[:1].isupper() else None
    return None


def find_outlet(lines: list[str], byline_outlet: str | None) -> str | None:
    for line in reversed(lines[-_SOURCE_LINES:]):
        outlet = (outlet_line(line) or _trailing_source(line) or _trailing_credit(line)) if line else None
        if outlet:
            return outlet
    if byline_outlet:
        return byline_outlet
    for match in _LEAD_OUTLET.finditer("\n".join(lines[:3])[:600]):
        outlet = match.group("outlet").strip()
        if _CODE.match(outlet) or is_outlet_name(outlet):   # not a place: "(Hà Giang) - …"
            return outlet
    return _presented_by("\n".join(lines))


def outlet_names(outlet: str | None) -> list[str]:
    """The outlets a source credit names, each an organization of its own; a paper's kind in lower case is a
    common noun before the name ("báo Giao thông, Infonet" names Giao thông and Infonet)."""
    parts = _SOURCES_SPLIT.split(outlet) if outlet else []
    return [_LOWER_KIND.sub("", name) for name in parts if _LOWER_KIND.sub("", name)]
