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
_TRAILING_SOURCE = regex.compile(r"(?<=[.!?…\"”]\s*)\((?i:nguồn|theo)\b[^()]{2,70}\)\.?\s*$")
# Several sources in one credit: "TTXVN, Dân Việt", "Vietnam + / TTXVN".
_SOURCES_SPLIT = regex.compile(r"\s*[,;/]\s*")
_LEAD_OUTLET = regex.compile(r"(?:^|\s)\((?P<outlet>\p{Lu}[^()\n]{1,30}?)\)\s*[-–—]\s")
# An outlet's code ("NLĐ", "TTXVN") or web address ("Chinhphu.vn") as a lead opens with it.
_CODE = regex.compile(r"^[\p{Lu}\d.&-]{2,15}$|^[\p{L}\d-]+\.(?:vn|com|net|org)(?:\.vn)?$")


@functools.cache
def _reporter_of() -> regex.Pattern:
    """A reporter's label and the paper after it ("PV Thanh Niên", "phóng viên Báo Hà Giang")."""
    names = sorted({fold(name) for name in load_list("outlet_names.txt")})
    return regex.compile(r"(?<!\w)(?:pv|phóng viên)\s+(?P<outlet>\L<names>|báo\s+\p{L}+(?:\s\p{L}+){0,3}?)"
                         r"(?=\s*[,.;:)]|\s+(?:đã|cho|ghi|tại|về|ở)\b)", names=names)


def is_outlet_name(text: str) -> bool:
    """A newspaper or agency by its name (`data/outlet_names.txt`) or by its kind (`Báo …`, `Đài …`)."""
    return folded_words("outlet_names.txt", before="^", after=r"$").match(fold(text.strip())) is not None \
        or folded_words("outlet_kinds.txt", before="^", after=r"\s").match(fold(text.strip())) is not None


def outlet_line(line: str) -> str | None:
    """The outlet a closing source line names, as written."""
    stripped = line.strip()
    tone_folded = fold_tones(stripped)
    for pattern in folded_patterns("outlet_markers.txt"):
        match = pattern.match(tone_folded)
        if match:
            return stripped[match.start("outlet"): match.end("outlet")].strip()
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
        outlet = (outlet_line(line) or _trailing_source(line)) if line else None
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
    """The outlets a source credit names, each an organization of its own."""
    return [name for name in _SOURCES_SPLIT.split(outlet) if name] if outlet else []
