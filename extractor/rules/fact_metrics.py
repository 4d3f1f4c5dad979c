"""What a number counts: metric and category from the words around it (spec §5 taxonomy).

Pure: a text, a number's offsets and the clause it stands in → (metric, category, about, rule). The
noun after the number says what is counted (`data/fact_nouns.tsv`); a verb before it says what happened
to it (`data/fact_verbs.tsv`: kết nạp, trao Huy hiệu, kỷ luật, giải thể …); a rating after the noun makes
it a rating (`data/fact_ratings.tsv`); a sub-population before it is a breakdown (`data/fact_breakdowns.tsv`).
Whatever fits no metric is `other`, never a wrong metric.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from extractor.folding import fold
from extractor.resources import load_list, load_table

_GAP = regex.compile(r"[ \t,:]*")  # never across a line break: a headline's last word counts nothing below it
_ABOUT_END = regex.compile(r"[,;.()]|\s(?:và|đạt|được|là|của|trong|so với)\s")
_PERSON_METRICS = {"members_admitted", "party_badges_awarded", "disciplined"}
_ORG_CHANGE = "organization_changes"
_CLASS_CATEGORIES = (("nghiệp vụ cấp ủy", "committee_members"), ("cấp ủy viên", "committee_members"),
                     ("đảng viên mới", "new_members"), ("đối tượng", "admission_candidates"),
                     ("cảm tình", "admission_candidates"), ("nhận thức về đảng", "admission_candidates"),
                     ("quần chúng", "admission_candidates"), ("kết nạp", "admission_candidates"))


@dataclass(frozen=True)
class Reading:
    metric: str
    category: str | None
    about: str | None
    rule: str
    noun_end: int  # where the counted noun ends (for the evidence and the next number's search)
    verb: tuple[str, tuple[str, ...]] | None = None  # the governing verb, shared by a list after it


def _phrases(name: str, columns: int) -> list[tuple[str, tuple[str, ...]]]:
    rows = [(fold(row[0]), row[1:]) for row in load_table(name, columns)]
    return sorted(rows, key=lambda r: -len(r[0]))


@functools.cache
def _nouns():
    return _phrases("fact_nouns.tsv", 3)


@functools.cache
def _verbs():
    return _phrases("fact_verbs.tsv", 3)


@functools.cache
def _ratings():
    return _phrases("fact_ratings.tsv", 2)


@functools.cache
def _breakdowns():
    return _phrases("fact_breakdowns.tsv", 2)


@functools.cache
def _party_words() -> tuple[str, ...]:
    return tuple(fold(w) for w in load_list("party_words.txt"))


@functools.cache
def _non_members() -> tuple[str, ...]:
    return tuple(fold(w) for w in load_list("non_member_words.txt"))


@functools.cache
def _class_words() -> tuple[str, ...]:
    return tuple(fold(w) for w in load_list("class_words.txt"))


def about_the_party(folded: str) -> bool:
    """Whether a text speaks of party bodies or members at all (else it holds no membership fact)."""
    return any(regex.search(rf"\b{regex.escape(w)}\b", folded) for w in _party_words())


@functools.cache
def _other_cues() -> dict[str, list[str]]:
    cues: dict[str, list[str]] = {"before": [], "after": []}
    for where, phrase in load_table("fact_other_cues.tsv", 2):
        cues[where].append(fold(phrase))
    return cues


def _starts_with(folded: str, at: int, phrase: str) -> bool:
    end = at + len(phrase)
    return folded.startswith(phrase, at) and (end == len(folded) or not folded[end].isalnum())


def noun_after(folded: str, end: int) -> tuple[str, tuple[str, ...], int] | None:
    at = _GAP.match(folded, end).end() if end < len(folded) else end
    for phrase, value in _nouns():
        if _starts_with(folded, at, phrase):
            return phrase, value, at + len(phrase)
    return None


def _rating_after(folded: str, end: int) -> str | None:
    """The rating nearest after the counted noun ("5 chi bộ hoàn thành nhiệm vụ và 1 chi bộ không hoàn
    thành nhiệm vụ": 5 completed, not the next count's rating)."""
    window = regex.match(r"[^;\n]{0,100}", folded[end:]).group()  # up to the clause's end
    best = None
    for phrase, (category,) in _ratings():
        found = window.find(phrase)
        if 0 <= found <= 80:
            if category == "completed" and window[:found].endswith(("tốt ", "xuất sắc ", "không ")):
                continue
            if best is None or (found, -len(phrase)) < (best[0], -len(best[1])):
                best = (found, phrase, category)
    return best[2] if best else None


def _verb_before(folded: str, start: int, floor: int) -> tuple[str, tuple[str, ...]] | None:
    """The nearest verb before the number that governs it: at most eight words away, with no other
    counted noun between ("khai trừ đảng viên cho 51 đảng bộ" is no count of disciplined bodies)."""
    window = folded[floor:start]
    best = None
    for phrase, value in _verbs():
        at = window.rfind(phrase)
        if at >= 0 and (at == 0 or not window[at - 1].isalnum()) and (best is None or at > best[0]):
            best = (at, phrase, value)
    if best is None:
        return None
    between = window[best[0] + len(best[1]):]
    if len(between.split()) > 8 or any(_starts_with(between, m.start(), phrase)
                                       for m in regex.finditer(r"\b\w", between) for phrase, _ in _nouns()
                                       if phrase not in ("lớp",)):
        return None
    return best[1], best[2]


def _breakdown_before(folded: str, start: int) -> str | None:
    window = folded[max(0, start - 40):start].rstrip(" :,")
    window = regex.sub(r"\s+(?:có|là|gồm|chiếm)$", "", window)  # "đảng viên nữ có 2.087 đồng chí"
    for phrase, (category,) in _breakdowns():
        if window.endswith(phrase):
            return category
    return None


def _breakdown_after(folded: str, end: int) -> str | None:
    rest = regex.sub(r"^\s+(?:là|làm)\s+(?:người\s+)?", "", folded[end:end + 50])
    for phrase, (category,) in _breakdowns():
        if rest.startswith(phrase):
            return category
    return None


def _class_category(folded: str, start: int, end: int) -> str:
    window = folded[start:end]
    for cue, category in _CLASS_CATEGORIES:
        if cue in window:
            return category
    return "other"


def _is_other(folded: str, start: int, end: int, floor: int, clause_start: int, percent: bool) -> bool:
    before = folded[max(floor, start - 25):start]
    after = folded[end:end + 30]
    if any(before.rstrip().endswith(c) for c in _other_cues()["before"]):
        return True
    if percent and regex.search(r"\b(?:tăng|giảm|tăng trưởng|bỏ phiếu|biểu quyết|ủng hộ|khảo sát|thăm dò)\b",
                                folded[clause_start:start]):
        return True  # "tăng 61% tổ chức và 16% số đảng viên": both are growth; polls and votes too
    if regex.search(r"\b(?:tham dự|dự hội nghị|dự đại hội)\b", folded[clause_start:start]):
        return True  # attendance
    return any(after.lstrip(" %").startswith(c + " ") for c in _other_cues()["after"] if c not in ("là", "làm"))


def _about(text: str, folded: str, start: int, end: int) -> str:
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


def _trainee_category(folded: str, noun_end: int) -> str | None:
    """Who a class was for, when the text names them: "… lớp … cho 355 học viên thuộc đối tượng kết nạp"."""
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


def classify(text: str, folded: str, start: int, end: int, kind: str, floor: int,
             class_context: str | None, clause_start: int = 0,
             inherited_verb: tuple[str, tuple[str, ...]] | None = None) -> Reading:
    """The metric of the number at [start, end) of `kind` (count, percent, ratio, range); `floor` is where
    the search for a verb stops (the clause start or the previous number); `class_context` the category of
    a class counted just before in the clause ("mở 3 lớp … cho 355 học viên")."""
    percent = kind == "percent" or (kind == "range" and "%" in text[start:end])
    if _is_other(folded, start, end, floor, clause_start, percent):
        return Reading("other", None, None, "other_cue", end)
    if percent:
        about = _about(text, folded, start, end)
        sentence = max(folded.rfind("\n", 0, start), folded.rfind(". ", 0, start)) + 1
        following = regex.match(r"[^;.\n]{0,100}", folded[end:]).group()
        context = fold(about) + " " + folded[sentence:start] + " " + following
        if not any(regex.search(rf"\b{regex.escape(w)}\b", context) for w in _party_words()):
            return Reading("other", None, about, "share_of_something_else", end)
        measured = fold(about) + " " + folded[clause_start:start]
        if any(regex.search(rf"\b{regex.escape(w)}\b", measured) for w in _non_members()):
            return Reading("other", None, about, "share_of_non_members", end)  # voters, youth, post-holders
        return Reading("percentage", None, about, "percent", end)
    noun = noun_after(folded, end)
    verb = _verb_before(folded, start, floor) or inherited_verb
    total = regex.search(r"\btổng số\s+", folded[floor:start])
    if total:  # "nâng tổng số đảng viên … lên 91 người": a total is a stock, whatever verb came before
        named = noun_after(folded, floor + total.end())
        if named and named[1][0] in ("party_members", "party_organizations", "committee_members"):
            category = None if named[1][1] == "-" else named[1][1]
            return Reading(named[1][0], category, None, "total_of", noun[2] if noun else end)
    if verb is not None and verb[1][0] == "disciplined" and "đề nghị" in folded[clause_start:start]:
        return Reading("other", None, None, "proposal", noun[2] if noun else end, verb)
    if noun is not None and noun[1][0] == "person":
        elected = regex.match(r"\s+(?:vào|làm)\s+(ban chấp hành|ban thường vụ|cấp ủy)", folded[noun[2]:noun[2] + 30])
        if elected:  # "bầu 59 người vào Ban Chấp hành", "15 người vào Ban Thường vụ"
            standing = "standing" if elected.group(1) == "ban thường vụ" else None
            return Reading("committee_members", standing, None, "elected_into", noun[2])
    elected = noun and (noun[1][0] == "committee_members" or (
        noun[0] in ("đồng chí", "người") and regex.search(r"ban chấp hành|ban thường vụ", folded[clause_start:start])))
    if verb is not None and verb[1][0] == "other" and not elected:
        return Reading("other", None, None, f"verb:{verb[0]}", noun[2] if noun else end, verb)
    if noun is None:
        named = None  # the counted noun that opens the clause, within its first words ("Năm 2023, chi bộ …")
        for word in regex.finditer(r"(?<![\w])\w", folded[clause_start:min(start, clause_start + 40)]):
            named = noun_after(folded, clause_start + word.start())
            if named:
                break
        if named and regex.search(r"\bcòn\s*$", folded[floor:start]) and named[1][0] in (
                "party_organizations", "committee_members", "party_members"):
            category = None if named[1][1] == "-" else named[1][1]
            return Reading(named[1][0], category, None, "count_of", end)  # "số tổ chức … từ 95 … còn 92"
        passive = regex.search(r"\bsố\s+(.{3,80}?)\s+(?:được|bị)\s+(.{3,25}?)\s+là\s*$", folded[clause_start:start])
        if passive:  # "số quần chúng được kết nạp là 497"
            who = noun_after(passive.group(1) + " ", 0)
            what = _verb_before(passive.group(2) + " ", len(passive.group(2)) + 1, 0)
            if who and what and what[1][0] in _PERSON_METRICS and who[1][0] in ("person", "party_members"):
                return Reading(what[1][0], "members" if what[1][0] == "disciplined" else None, None,
                               f"passive:{what[0]}", end, what)
        heading = regex.match(r"\s*(?:\[\d+\]\s*)?([^:;\[\]]{3,40}?):\s", folded[clause_start:start])
        if heading and noun_after(heading.group(1) + " ", 0) and regex.search(r"\bcòn\s*$", folded[floor:start]):
            # "Đảng bộ cơ sở: từ 243 đầu mối, … còn 222": the heading says what is counted
            phrase, (metric, category), _ = noun_after(heading.group(1) + " ", 0)
            if metric in ("party_organizations", "committee_members"):
                return Reading(metric, None if category == "-" else category, None, "heading_count", end)
        breakdown = _breakdown_before(folded, start)
        if breakdown and "đảng viên" in folded[max(0, floor - 200):start]:
            return Reading("party_members", breakdown, None, "breakdown", end)
        return Reading("other", None, None, "no_counted_noun", end)
    phrase, (metric, category), noun_end = noun
    category = None if category == "-" else category
    if metric == "training_classes":
        if not any(w in folded[noun_end:noun_end + 50] for w in _class_words()):
            return Reading("other", None, None, "not_a_training_class", noun_end)  # "lớp 10", "một lớp đá"
        category = _trainee_category(folded, noun_end) or _class_category(folded, noun_end, noun_end + 60)
        return Reading(metric, category, None, "classes", noun_end)
    if class_context and metric in ("person", "party_members", "committee_members") and (
            regex.search(r"(?:cho|với|thu hút|gồm|\()\s*$", folded[floor:start]) or phrase == "học viên"):
        trained = (category if category in ("admission_candidates", "new_members") else
                   "committee_members" if metric == "committee_members" else class_context)
        return Reading("trainees", trained, None, "trainees", noun_end)
    if regex.match(r"\s+(?:là|làm)\s", folded[noun_end:noun_end + 6]):
        kind = _breakdown_after(folded, noun_end)
        if kind and metric == "party_members":  # "2.870 đảng viên là người dân tộc thiểu số"
            return Reading("party_members", kind, None, "breakdown_after", noun_end)
        return Reading("other", None, None, "sub_population", noun_end, verb)  # "16 đảng viên là công nhân"
    if verb:
        verb_metric, verb_category = verb[1]
        if verb_metric == "disciplined" and metric == "person" and phrase != "đồng chí":
            return Reading("other", None, None, "disciplined_non_members", noun_end, verb)  # "khống chế 6 người"
        if verb_metric in _PERSON_METRICS and metric in ("person", "party_members"):
            category = "members" if verb_metric == "disciplined" else None
            return Reading(verb_metric, category, None, f"verb:{verb[0]}", noun_end, verb)
        if verb_metric == "disciplined" and metric == "party_organizations":
            return Reading("disciplined", "organizations", None, f"verb:{verb[0]}", noun_end, verb)
        if verb_metric == _ORG_CHANGE and metric == "party_organizations":
            category = None if verb_category == "-" else verb_category
            return Reading(_ORG_CHANGE, category, None, f"verb:{verb[0]}", noun_end, verb)
    named = regex.search(r"\bsố(?:\s+lượng)?\s+", folded[clause_start:start])
    if named:  # "số chi bộ trực thuộc … từ 187 giảm còn 164 chi bộ": the clause's own noun is the precise one
        precise = noun_after(folded, clause_start + named.end())
        if precise and precise[1][0] == metric and precise[1][1] != "-" and category in (None, "cell"):
            category = precise[1][1]
    rating = _rating_after(folded, noun_end)
    passive = regex.match(r"\s+(?:[^\s,;.]+\s+){0,8}?(?:đã\s+)?(?:bị|được)\s+", folded[noun_end:noun_end + 80])
    if passive and verb is None:  # "bốn chi bộ … đã bị giải thể": the verb after its object
        after = _verb_before(folded[:noun_end + passive.end() + 20] + " ", noun_end + passive.end() + 20, noun_end)
        if after and after[1][0] == _ORG_CHANGE and metric == "party_organizations":
            return Reading(_ORG_CHANGE, after[1][1], None, f"passive:{after[0]}", noun_end, after)
    if folded[floor:start].rstrip().endswith("cho") and metric in ("person", "party_members", "party_organizations"):
        return Reading("other", None, None, "given_to", noun_end)  # "cấp thẻ cho 380 đảng viên"
    if metric == "party_organizations":
        if rating:
            return Reading("organizations_rated", rating, None, "rating", noun_end)
        if phrase == "tổ chức":
            return Reading("other", None, None, "bare_organization", noun_end)  # "156 tổ chức công đoàn"
        return Reading(metric, category, None, f"noun:{phrase}", noun_end)
    if metric == "party_members" or (metric == "person" and phrase == "đồng chí"):
        if rating:
            return Reading("members_rated", rating, None, "rating", noun_end)
        breakdown = _breakdown_before(folded, start)
        if regex.match(r"\s+(?:đang\s+)?(?:trong\s+thời\s+gian\s+)?dự bị\b", folded[noun_end:noun_end + 40]):
            breakdown = "probationary"  # "356 đồng chí đang trong thời gian dự bị"
        if metric == "party_members":
            return Reading(metric, breakdown or category, None, f"noun:{phrase}", noun_end)
        if breakdown or "đảng viên" in folded[floor:start]:
            return Reading("party_members", breakdown, None, "members_by_comrades", noun_end)
        if regex.search(r"ban chấp hành|ban thường vụ|cấp ủy", folded[min(clause_start, floor):start]):
            standing = "ban thường vụ" in folded[min(clause_start, floor):start]
            return Reading("committee_members", "standing" if standing else None, None, "committee", noun_end)
    if metric == "committee_members":
        return Reading(metric, category, None, f"noun:{phrase}", noun_end)
    return Reading("other", None, None, "unclassified", noun_end)
