"""Whose discipline a count is (spec §5 `disciplined`): members are always counted; officials (`cán bộ`,
`cá nhân`, `trường hợp`, `người`, a post such as `trưởng phòng`) only when the discipline is the Party's —
a party sanction in the clause, a party body deciding it, or members named with them
(`data/fact_discipline.tsv`). A number whose people or bodies underwent some other act (`bị phạt tù`,
`bị khởi tố`) counts no stock at all.
"""

from __future__ import annotations

import functools

import regex

from extractor.folding import fold
from extractor.resources import load_table


@functools.cache
def _marks() -> dict[str, regex.Pattern]:
    words: dict[str, list[str]] = {"sanction": [], "actor": [], "members": []}
    for kind, phrase in load_table("fact_discipline.tsv", 2):
        words[kind].append(regex.escape(fold(phrase)))
    return {kind: regex.compile(r"(?<!\w)(?:" + "|".join(sorted(found, key=len, reverse=True)) + r")(?!\w)")
            for kind, found in words.items()}


def party_discipline(folded: str, clause_start: int, verb_at: int, noun: str, clause_end: int) -> bool:
    """Whether the discipline whose verb stands at `verb_at` is the Party's."""
    marks = _marks()
    if marks["members"].search(noun):
        return True
    if marks["sanction"].search(folded, clause_start, clause_end):
        return True
    return bool(marks["actor"].search(folded, clause_start, verb_at))


# the noun, a place or owner after it at most ("đảng viên ở tỉnh này", "đảng viên của Đảng bộ xã"), the passive
_PASSIVE = regex.compile(r"\s+(?:(?:ở|tại|của|thuộc|trên)\s+(?:(?!và\b|đã\b)[^\s,;.()]+\s+){1,5}?)?"
                         r"(?:đã\s+|vừa\s+|đều\s+|cũng\s+)*(bị|được)\s+")


def passive_after(folded: str, noun_end: int) -> tuple[str, int] | None:
    """`bị` or `được` after a counted noun ("12 đảng viên ở xã bị kỷ luật"), and where its verb starts."""
    match = _PASSIVE.match(folded, noun_end, min(len(folded), noun_end + 80))
    return (match.group(1), match.end()) if match else None
