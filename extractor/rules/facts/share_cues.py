"""Why a share (N%) is or is not a share of the party's people: the cue words that make it none
(`data/fact_share_cues.tsv`: growth, votes, polls, planning pools, appointees, shortfalls, non-party bodies; the
bar a count of bodies clears) and the words that make its sentence speak of party people
(`data/party_words.txt`, `data/share_party_words.txt`)."""

from __future__ import annotations

import functools

import regex

from extractor.folding import fold, folded_words
from extractor.resources import load_table
from extractor.rules.facts.cues import about_the_party


def about_party_people(folded: str) -> bool:
    """Whether a share's sentence, in an article about the party, speaks of party members or of elected
    committee members and their posts (`share_party_words.txt`)."""
    return about_the_party(folded) or bool(folded_words("share_party_words.txt").search(folded))


@functools.cache
def _share_cues() -> dict[str, list[tuple[regex.Pattern, str]]]:
    cues: dict[str, list[tuple[regex.Pattern, str]]] = {"before": [], "item": []}
    for where, phrase, reading in load_table("fact_share_cues.tsv", 3):
        cues[where].append((regex.compile(rf"\b{regex.escape(fold(phrase))}\b"), reading))
    return cues


_ITEM_END = regex.compile(r"[,;.\n]")
_LISTED_SHARE = regex.compile(r"\d+(?:[.,]\d+)?\s*%[^,;.\n\d%]{0,50},\s*(?:và\s+)?$")
# "9 chi bộ có tỉ lệ đảng viên nữ … trên 40%": the bar a count of bodies clears, no share of its own
_THRESHOLD = regex.compile(r"(?:\d|\b(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\b)[^,;]{0,40}\bcó\s+t[ỷỉ]\s*lệ\b"
                           r"[^,;]{0,60}?\b(?:trên|dưới|cao hơn|thấp hơn|hơn|từ|vượt|không quá)\s*$")


def share_cue(folded: str, start: int, end: int, clause_start: int) -> str | None:
    """Why a share (N%) is no membership share (`fact_share_cues.tsv`), or None when it may be one."""
    anchor = start  # a share in a list ("… có 30% cán bộ nữ, 18% cán bộ trẻ") reads from the list's first
    while (earlier := _LISTED_SHARE.search(folded, max(clause_start, anchor - 60), anchor)) is not None:
        anchor = earlier.start()
    before = folded[max(clause_start, anchor - 100):start]  # its own phrase, not a long clause's far start
    stop = _ITEM_END.search(folded, end, end + 120)
    item = folded[end:stop.start() if stop else end + 120]
    for where, window in (("before", before), ("item", item)):
        for cue, reading in _share_cues()[where]:
            if cue.search(window):
                return reading
    if _THRESHOLD.search(before):
        return "threshold_of_a_count"
    return None
