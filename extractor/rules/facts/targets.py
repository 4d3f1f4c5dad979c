"""Whether a number is a goal (spec §5 `target`): scope rules, clause first, never leaking into the next sentence.

1. A target word (`data/fact_targets.txt`: phấn đấu, chỉ tiêu, sẽ …) earlier in the sentence makes its counts
   goals ("Phấn đấu hằng năm, tỷ lệ … đạt 90%; tỷ lệ … đạt 90%"), unless a result follows it (`đã`: "được giao
   chỉ tiêu kết nạp 10 … và đã kết nạp được 12").
2. A target word earlier in the paragraph governs a later sentence that states no result (`đã`, `hiện có`,
   `vừa`, `được`) and does not open on a time of its own: a list of goals runs on ("Tỉnh phấn đấu hằng năm,
   có 100% …. Có từ 95% …"), a report ends it ("… sẽ kết nạp thêm 5. Năm 2022, chi bộ kết nạp 17").
3. A year still ahead of publication that the number must reach by (`đến năm 2025`) earlier in the paragraph.
"""

from __future__ import annotations

import functools
from bisect import bisect_left

import regex

from extractor.folding import folded_words

_RESULT = regex.compile(r"\b(?:đã|hiện nay|hiện có|hiện|vừa|được)\b")
_DONE = regex.compile(r"\bđã\b")
_AHEAD = regex.compile(r"(?:đến|tới) năm ((?:19|20)\d\d)\b")
# a sentence that opens on its own time starts a report: "Ngày 28.2, …", "Năm 2022, …", "Trong tháng 3, …"
_OWN_TIME = regex.compile(r"\W*(?:(?:trong|vào|đến|tính đến)\s+)?(?:ngày|năm|tháng|quý|sáng|chiều|tối|đầu năm|cuối năm)"
                          r"\s+\d|\W*\d{1,2}\s*[/.-]\s*\d{1,2}\b")


@functools.lru_cache(maxsize=4)
def _found(folded: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, str], ...]]:
    """Every target word and every `đến năm Y` of a text, found once (each number then bisects)."""
    cues = tuple(m.span() for m in folded_words("fact_targets.txt").finditer(folded))
    ahead = tuple((m.start(), m.group(1)) for m in _AHEAD.finditer(folded))
    return cues, ahead


def _last_cue(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """The last target word inside [start, end)."""
    cues = _found(folded)[0]
    at = bisect_left(cues, (end, -1)) - 1
    while at >= 0 and cues[at][1] > end:
        at -= 1
    return cues[at] if at >= 0 and cues[at][0] >= start else None


def _first_ahead(folded: str, start: int, end: int) -> str | None:
    """The year of the first `đến năm Y` inside [start, end)."""
    ahead = _found(folded)[1]
    at = bisect_left(ahead, (start, ""))
    return ahead[at][1] if at < len(ahead) and ahead[at][0] < end else None


def _governing_cue(folded: str, paragraph_start: int, sentence_start: int, at: int) -> int | None:
    """Where a target word earlier in the paragraph still governs this sentence: the sentence states no result
    and does not open on a time of its own (a report begins there: "Ngày 28.2, Quận ủy … khai trừ …")."""
    if _RESULT.search(folded, sentence_start, at) or _OWN_TIME.match(folded, sentence_start):
        return None
    cue = _last_cue(folded, paragraph_start, sentence_start)
    return cue[0] if cue else None


def is_target(folded: str, paragraph_start: int, sentence_start: int, at: int, published: str | None) -> bool:
    """Whether the number at `at` is a goal, by the scope rules above."""
    cue = _last_cue(folded, sentence_start, at)
    if cue:
        return not _DONE.search(folded, cue[1], at)
    if _governing_cue(folded, paragraph_start, sentence_start, at) is not None:
        return True
    year = _first_ahead(folded, paragraph_start, at)
    return bool(year and published and year > published[:4])
