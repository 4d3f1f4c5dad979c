"""The cue words around a number, read from the data files: what is counted (`fact_nouns.tsv`), what
happened to it (`fact_verbs.tsv`), its rating (`fact_ratings.tsv`), its sub-population (`fact_breakdowns.tsv`),
what a share measures, and the words that make a number count nothing (`fact_other_cues.tsv`,
`party_words.txt`, `non_member_words.txt`, `class_words.txt`). Kept apart from `fact_metrics`, which
decides the metric from these readings.
"""

from __future__ import annotations

import functools

import regex

from extractor.folding import fold, folded_words
from extractor.resources import load_list, load_table

_GAP = regex.compile(r"[ \t,:]*")  # never across a line break: a headline's last word counts nothing below it
_ABOUT_END = regex.compile(r"[,;.()]|\s(?:và|đạt|được|là|của|trong|so với)\s")
_CLASS_CATEGORIES = (("nghiệp vụ cấp ủy", "committee_members"), ("cấp ủy viên", "committee_members"),
                     ("đảng viên mới", "new_members"), ("đối tượng", "admission_candidates"),
                     ("cảm tình", "admission_candidates"), ("nhận thức về đảng", "admission_candidates"),
                     ("quần chúng", "admission_candidates"), ("kết nạp", "admission_candidates"))


def phrases(name: str, columns: int) -> list[tuple[str, tuple[str, ...]]]:
    rows = [(fold(row[0]), row[1:]) for row in load_table(name, columns)]
    return sorted(rows, key=lambda r: -len(r[0]))


@functools.cache
def nouns():
    return phrases("fact_nouns.tsv", 3)


@functools.cache
def verbs():
    return phrases("fact_verbs.tsv", 3)


@functools.cache
def ratings():
    return phrases("fact_ratings.tsv", 2)


@functools.cache
def breakdowns():
    return phrases("fact_breakdowns.tsv", 2)


@functools.cache
def party_words() -> tuple[str, ...]:
    return tuple(fold(w) for w in load_list("party_words.txt"))


@functools.cache
def non_members() -> tuple[str, ...]:
    return tuple(fold(w) for w in load_list("non_member_words.txt"))


@functools.cache
def class_words() -> tuple[str, ...]:
    return tuple(fold(w) for w in load_list("class_words.txt"))


@functools.cache
def _party_word() -> regex.Pattern:
    return regex.compile(r"\b(?:" + "|".join(regex.escape(w) for w in party_words()) + r")\b")


def about_the_party(folded: str) -> bool:
    """Whether a text speaks of party bodies or members at all (else it holds no membership fact)."""
    return bool(_party_word().search(folded))


@functools.cache
def other_cues() -> dict[str, list[str]]:
    cues: dict[str, list[str]] = {"before": [], "after": []}
    for where, phrase in load_table("fact_other_cues.tsv", 2):
        cues[where].append(fold(phrase))
    return cues


def starts_with(folded: str, at: int, phrase: str) -> bool:
    end = at + len(phrase)
    return folded.startswith(phrase, at) and (end == len(folded) or not folded[end].isalnum())


def noun_after(folded: str, end: int) -> tuple[str, tuple[str, ...], int] | None:
    at = _GAP.match(folded, end).end() if end < len(folded) else end
    for phrase, value in nouns():
        if starts_with(folded, at, phrase):
            return phrase, value, at + len(phrase)
    return None


# "64 đảng bộ, chi bộ trực thuộc", "4 Đảng bộ Khối trực thuộc Thành ủy": a qualifier a word or two after a
# bare noun (or after the kind coordinated with it) qualifies that noun too
_QUALIFIER_AHEAD = regex.compile(r"(?:\s*(?:,|và)\s*(?:đảng bộ|chi bộ))?(?:\s+\w+){0,2}?\s+(trực thuộc)\b")


def qualified_noun(folded: str, phrase: str, noun_end: int) -> tuple[str, tuple[str, ...], int] | None:
    """The precise noun a bare `đảng bộ` / `chi bộ` stands for when a qualifier follows it closely."""
    if phrase not in ("đảng bộ", "chi bộ"):
        return None
    ahead = _QUALIFIER_AHEAD.match(folded, noun_end)
    return noun_after(f"{phrase} {ahead.group(1)} ", 0) if ahead else None


def member_group_after(folded: str, noun_end: int) -> bool:
    """A group of members with no category of its own right after the counted noun (`member_groups.txt`)."""
    return bool(folded_words("member_groups.txt", before=r"\s+").match(folded, noun_end))


def mass_organization_acts(folded: str, clause_start: int) -> bool:
    """Whether the clause opens on a mass organization outside the party (`mass_organizations.txt`)."""
    return bool(folded_words("mass_organizations.txt", before=r"\W*").match(folded, clause_start))


def rating_after(folded: str, end: int) -> str | None:
    """The rating nearest after the counted noun ("5 chi bộ hoàn thành nhiệm vụ và 1 chi bộ không hoàn
    thành nhiệm vụ": 5 completed, not the next count's rating)."""
    window = regex.match(r"[^;\n]{0,100}", folded[end:]).group()  # up to the clause's end
    best = None
    for phrase, (category,) in ratings():
        found = window.find(phrase)
        if 0 <= found <= 80:
            if category == "completed" and window[:found].endswith(("tốt ", "xuất sắc ", "không ")):
                continue
            if best is None or (found, -len(phrase)) < (best[0], -len(best[1])):
                best = (found, phrase, category)
    return best[2] if best else None


def verb_before(folded: str, start: int, floor: int) -> tuple[str, tuple[str, ...]] | None:
    """The nearest verb before the number that governs it: at most eight words away, with no other
    counted noun between ("khai trừ đảng viên cho 51 đảng bộ" is no count of disciplined bodies)."""
    window = folded[floor:start]
    best = None
    for phrase, value in verbs():  # the one ending nearest the number; the longest of those ending together
        at = window.rfind(phrase)
        if at >= 0 and (at == 0 or not window[at - 1].isalnum()) and (
                best is None or (at + len(phrase), len(phrase)) > (best[0] + len(best[1]), len(best[1]))):
            best = (at, phrase, value)
    if best is None:
        return None
    between = regex.sub(r"\s*đối với\s*$", " ", window[best[0] + len(best[1]):])  # "cảnh cáo … đối với ba cán bộ"
    if regex.search(r"\bgồm\b", between):
        return None  # "thành lập Liên chi …, gồm 6 chi bộ": what the new body holds, not what was set up
    if len(between.split()) > 8 or any(starts_with(between, m.start(), phrase)
                                       for m in regex.finditer(r"\b\w", between) for phrase, _ in nouns()
                                       if phrase not in ("lớp",)):
        return None
    return best[1], best[2]


def verb_starting(folded: str, at: int, words: int = 3) -> tuple[str, tuple[str, ...]] | None:
    """A verb that starts within the first `words` words from `at` ("bị xử lý kỷ luật", "được trao tặng
    Huy hiệu"): the verb of a passive written after its object."""
    for word in list(regex.finditer(r"(?<!\w)\w", folded[at:at + 40]))[:words]:
        for phrase, value in verbs():
            if starts_with(folded, at + word.start(), phrase):
                return phrase, value
    return None


def breakdown_before(folded: str, start: int) -> str | None:
    window = folded[max(0, start - 40):start].rstrip(" :,")
    window = regex.sub(r"\s+(?:có|là|gồm|chiếm)$", "", window)  # "đảng viên nữ có 2.087 đồng chí"
    for phrase, (category,) in breakdowns():
        if window.endswith(phrase):
            # "có 39 nữ, 54 đảng viên": a sub-population word right after a number is that number's noun
            counted = regex.search(r"\d\s*$", window[:len(window) - len(phrase)])
            return None if counted else category
    return None


def breakdown_after(folded: str, end: int) -> str | None:
    rest = regex.sub(r"^\s+(?:là|làm)\s+(?:người\s+)?", "", folded[end:end + 50])
    for phrase, (category,) in breakdowns():
        if rest.startswith(phrase):
            return category
    return None


def class_category(folded: str, start: int, end: int) -> str:
    window = folded[start:end]
    for cue, category in _CLASS_CATEGORIES:
        if cue in window:
            return category
    return "other"


def is_other(folded: str, start: int, end: int, floor: int, clause_start: int, percent: bool) -> bool:
    before = folded[max(floor, start - 25):start]
    after = folded[end:end + 30]
    if any(before.rstrip().endswith(c) for c in other_cues()["before"]):
        return True
    if regex.search(r"\b(?:tham dự|dự hội nghị|dự đại hội|có mặt)\b", folded[clause_start:start]):
        return True  # attendance
    return any(after.lstrip(" %").startswith(c + " ") for c in other_cues()["after"] if c not in ("là", "làm"))


@functools.cache
def _acting_words() -> dict[str, regex.Pattern]:
    rows = load_table("fact_acting_words.tsv", 2)
    def pattern(kinds):
        words = "|".join(regex.escape(fold(w)) for k, w in rows if k in kinds)
        # the noun's own words (its name, its parent), never past a conjunction that opens another predicate
        return regex.compile(rf"(?:\s+(?!(?:và|nhưng|mà|hoặc|còn)\b)[^\s,;:.()]+){{0,8}}?\s+(?:{words})\b")
    return {"party_organizations": pattern({"all"}), "committee_members": pattern({"all"}),
            "party_members": pattern({"all", "members"})}


def acts_after(folded: str, noun_end: int, metric: str) -> bool:
    """Whether the counted noun ending at `noun_end` is followed by what its members did or have
    (`fact_acting_words.tsv`): "68 đảng bộ … đã tổ chức đại hội", "12 đảng viên gây oan …"."""
    pattern = _acting_words().get(metric)
    return bool(pattern and pattern.match(folded, noun_end))


def about_phrase(text: str, folded: str, start: int, end: int) -> str:
    """What a percentage measures: the phrase after it, or after "tỷ lệ" before it."""
    lead = folded.rfind("tỷ lệ", max(0, start - 120), start)
    if lead < 0:
        lead = folded.rfind("tỉ lệ", max(0, start - 120), start)
    if lead >= 0:
        phrase = text[lead + 5:start]
    else:
        rest = text[end:end + 160]
        stop = _ABOUT_END.search(rest)
        phrase = rest[:stop.start()] if stop else rest
    phrase = regex.sub(r"\s*(?:đạt|là|có|chiếm|được)\s*$", "", phrase.strip(" :,"))
    return " ".join(phrase.split()) or "?"


def trainee_category(folded: str, noun_end: int) -> str | None:
    """Who a class was for, when the text names them: "… lớp … cho 90 học viên là đối tượng kết nạp"."""
    match = regex.match(r"[^;.\d]{0,60}?\bcho\s+(?:[\d.]+\s+)?", folded[noun_end:])  # not past the next count
    if not match:
        return None
    found = noun_after(folded, noun_end + match.end())
    if not found:
        return None
    phrase, (_, category), _ = found
    if category in ("admission_candidates", "new_members", "committee_members"):
        return category
    return "new_members" if phrase == "đảng viên" else None
