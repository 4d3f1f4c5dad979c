"""What a number counts: metric and category from the words around it (spec §5 taxonomy).

Pure: a text, a number's offsets and the clause it stands in → (metric, category, about, rule). The
noun after the number says what is counted (`data/fact_nouns.tsv`); a verb before it says what happened
to it (`data/fact_verbs.tsv`: kết nạp, trao Huy hiệu, kỷ luật, giải thể …); a rating after the noun makes
it a rating (`data/fact_ratings.tsv`); a sub-population before it is a breakdown (`data/fact_breakdowns.tsv`).
Whatever fits no metric is `other`, never a wrong metric.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractor.folding import fold
from extractor.rules.facts.committees import committee_size
from extractor.rules.facts.cues import (
    about_party_people,
    about_phrase,
    acts_after,
    breakdown_after,
    breakdown_before,
    class_category,
    class_words,
    is_other,
    mass_organization_acts,
    member_group_after,
    non_members,
    noun_after,
    qualified_noun,
    rating_after,
    share_cue,
    trainee_category,
    verb_before,
    verb_starting,
)
from extractor.rules.facts.discipline import party_discipline, passive_after
from extractor.rules.facts.taxonomy import stock_counts

_PERSON_METRICS = {"members_admitted", "party_badges_awarded", "disciplined"}
_ORG_CHANGE = "organization_changes"
_COUNTED_PEOPLE = ("person", "party_members", "collective")


_CLAUSE_STOP = regex.compile(r"[;.\n]")
_REPRESENTS = regex.compile(r"\b(?:thay mặt|đại diện)(?:\s+cho)?\s+(?:(?:hơn|gần|trên|khoảng|ngoài|gần)\s+)?$")
_PROPOSED = regex.compile(r"\bđề nghị\b")


def _proposed(folded: str, clause_start: int, start: int, verb: str) -> bool:
    """A discipline proposed, not decided: `đề nghị` before its verb, in the same part of the clause (a colon
    opens a new one: "… quyết định hoặc đề nghị kỷ luật …: Từ năm 2014, … đã kỷ luật 840 tổ chức")."""
    verb_at = max(clause_start, folded.rfind(verb, clause_start, start))
    part_start = max(clause_start, folded.rfind(":", clause_start, verb_at) + 1)
    return bool(_PROPOSED.search(folded, part_start, verb_at))
_CLASS_FOR = regex.compile(r"\blớp\b[^;.\d]{0,80}\bcho\s*$")
_STOCK_NOUNS = stock_counts()  # nouns of what exists as of a day (data/fact_taxonomy.tsv)
_RAISED_TO = regex.compile(r"\bnâng\b[^,;.]{0,60}?\b(?:lên|có|thành)\s*$")


def _clause_end(folded: str, at: int) -> int:
    stop = _CLAUSE_STOP.search(folded, at)
    return stop.start() if stop else len(folded)


@dataclass(frozen=True)
class Reading:
    metric: str
    category: str | None
    about: str | None
    rule: str
    noun_end: int  # where the counted noun ends (for the evidence and the next number's search)
    verb: tuple[str, tuple[str, ...]] | None = None  # the governing verb, shared by a list after it


def classify(text: str, folded: str, start: int, end: int, kind: str, floor: int,
             class_context: str | None, clause_start: int = 0,
             inherited_verb: tuple[str, tuple[str, ...]] | None = None) -> Reading:
    """The metric of the number at [start, end) of `kind` (count, percent, ratio, range); `floor` is where
    the search for a verb stops (the clause start or the previous number); `class_context` the category of
    a class counted just before in the clause ("mở 3 lớp … cho 355 học viên")."""
    percent = kind == "percent" or (kind == "range" and "%" in text[start:end])
    if not percent and _REPRESENTS.search(folded, floor, start):
        noun = noun_after(folded, end)  # "1.176 đại biểu đại diện cho trên 3,1 triệu đảng viên": the members
        if noun and noun[1][0] == "party_members":
            return Reading("party_members", None, None, "represented", noun[2])
    if is_other(folded, start, end, floor, clause_start, percent):
        return Reading("other", None, None, "other_cue", end)
    if percent:
        about = about_phrase(text, folded, start, end)
        reason = share_cue(folded, start, end, clause_start)
        if reason:
            return Reading("other", None, about, reason, end)
        sentence = max(folded.rfind("\n", 0, start), folded.rfind(". ", 0, start)) + 1
        following = regex.match(r"[^;.\n]{0,100}", folded[end:]).group()
        context = fold(about) + " " + folded[sentence:start] + " " + following
        if not about_party_people(context):
            return Reading("other", None, about, "share_of_something_else", end)
        measured = fold(about) + " " + folded[clause_start:start]
        if any(regex.search(rf"\b{regex.escape(w)}\b", measured) for w in non_members()):
            return Reading("other", None, about, "share_of_non_members", end)  # voters, youth, post-holders
        if rating_after(folded, end):  # "92,4% đảng viên được xếp loại hoàn thành tốt": a year's rating
            return Reading("percentage", None, about, "percent_rated", end)
        return Reading("percentage", None, about, "percent", end)
    noun = noun_after(folded, end)
    verb = verb_before(folded, start, floor) or inherited_verb
    total = regex.search(r"\btổng số\s+", folded[floor:start])
    if total:  # "nâng tổng số đảng viên … lên 91 người": a total is a stock, whatever verb came before
        named = noun_after(folded, floor + total.end())
        if named and named[1][0] in ("party_members", "party_organizations", "committee_members"):
            category = None if named[1][1] == "-" else named[1][1]
            return Reading(named[1][0], category, None, "total_of", noun[2] if noun else end)
    if noun and noun[1][0] in _STOCK_NOUNS and _RAISED_TO.search(folded, floor, start):
        # "kết nạp 11.507 đảng viên, nâng toàn Đảng bộ có 59.147 đảng viên": the total reached, a stock
        category = None if noun[1][1] == "-" else noun[1][1]
        return Reading(noun[1][0], category, None, "raised_to", noun[2])
    size = committee_size(folded, start, end, floor)
    if size:  # "Ban Chấp hành gồm 45 đồng chí", "Bộ Chính trị (14 người)", "14 người được bầu vào Bộ Chính trị"
        if size[0] == "other":
            return Reading("other", None, None, "size_of_other_body", size[1])
        return Reading("committee_members", size[0], None, "committee_size", size[1])
    if verb is not None and verb[1][0] == "disciplined" and _proposed(folded, clause_start, start, verb[0]):
        return Reading("other", None, None, "proposal", noun[2] if noun else end, verb)
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
            what = verb_before(passive.group(2) + " ", len(passive.group(2)) + 1, 0)
            if who and what and what[1][0] in _PERSON_METRICS and who[1][0] in ("person", "party_members"):
                return Reading(what[1][0], "members" if what[1][0] == "disciplined" else None, None,
                               f"passive:{what[0]}", end, what)
        heading = regex.match(r"\s*(?:\[\d+\]\s*)?([^:;\[\]]{3,40}?):\s", folded[clause_start:start])
        if heading and noun_after(heading.group(1) + " ", 0) and regex.search(r"\bcòn\s*$", folded[floor:start]):
            # "Đảng bộ cơ sở: từ 243 đầu mối, … còn 222": the heading says what is counted
            phrase, (metric, category), _ = noun_after(heading.group(1) + " ", 0)
            if metric in ("party_organizations", "committee_members"):
                return Reading(metric, None if category == "-" else category, None, "heading_count", end)
        breakdown = breakdown_before(folded, start)
        if breakdown and "đảng viên" in folded[max(0, floor - 200):start]:
            return Reading("party_members", breakdown, None, "breakdown", end)
        return Reading("other", None, None, "no_counted_noun", end)
    phrase, (metric, category), noun_end = noun
    qualified = qualified_noun(folded, phrase, noun_end)
    if qualified:
        category = qualified[1][1]  # "4 Đảng bộ Khối trực thuộc Thành ủy": subordinate
    category = None if category == "-" else category
    if verb is None and regex.search(r"\b(?:đối với|của)\s*$", folded[floor:start]) and metric in (
            "party_members", "party_organizations", "person"):
        return Reading("other", None, None, "object_of_another_act", noun_end)  # "giám sát … đối với 53 tổ chức"
    if metric == "training_classes":
        if not any(w in folded[noun_end:noun_end + 50] for w in class_words()):
            return Reading("other", None, None, "not_a_training_class", noun_end)  # "lớp 10", "một lớp đá"
        category = trainee_category(folded, noun_end) or class_category(folded, noun_end, noun_end + 60)
        if category == "other" and mass_organization_acts(folded, clause_start):
            return Reading("other", None, None, "classes_of_a_mass_organization", noun_end)
        return Reading(metric, category, None, "classes", noun_end)
    if not class_context and metric in ("person", "party_members", "committee_members"):
        unnumbered = _CLASS_FOR.search(folded, clause_start, start)  # "mở lớp bồi dưỡng … cho 73 thanh niên ưu tú"
        if unnumbered and any(w in unnumbered.group() for w in class_words()):
            class_context = class_category(folded, unnumbered.start(), start)
    if class_context and metric in ("person", "party_members", "committee_members") and (
            regex.search(r"(?:cho|với|thu hút|gồm|\()\s*$", folded[floor:start]) or phrase == "học viên"):
        trained = (category if category in ("admission_candidates", "new_members") else
                   "committee_members" if metric == "committee_members" else class_context)
        return Reading("trainees", trained, None, "trainees", noun_end)
    if regex.match(r"\s+(?:là|làm)\s", folded[noun_end:noun_end + 6]):
        kind = breakdown_after(folded, noun_end)
        if kind and metric == "party_members":  # "2.870 đảng viên là người dân tộc thiểu số"
            return Reading("party_members", kind, None, "breakdown_after", noun_end)
        return Reading("other", None, None, "sub_population", noun_end, verb)  # "16 đảng viên là công nhân"
    clause_end = _clause_end(folded, noun_end)
    verb_at = folded.rfind(verb[0], 0, start) if verb else -1
    shared, how = verb, "verb"  # a verb before the number governs a list after it; a passive governs its own
    passive = passive_after(folded, noun_end) if metric in _COUNTED_PEOPLE else None
    if passive:  # "12 đảng viên bị xử lý kỷ luật", "6 đảng viên được trao Huy hiệu": the verb after its object
        after = verb_starting(folded, passive[1])
        if after and after[1][0] in _PERSON_METRICS:
            verb, verb_at, shared, how = after, passive[1], None, "passive"
        elif metric != "party_organizations" and (passive[0] == "bị" or not (
                rating_after(folded, noun_end) or regex.match(r"bầu|cử|chỉ định", folded[passive[1]:]))):
            # "bị khởi tố", "bị phạt tù", "được tặng giấy khen": those who underwent another act, no stock
            return Reading("other", None, None, "passive_other_act", noun_end)
    if verb:
        verb_metric, verb_category = verb[1]
        if verb_metric == "disciplined" and metric in ("person", "collective"):
            if not party_discipline(folded, clause_start, max(verb_at, clause_start), phrase, clause_end):
                return Reading("other", None, None, "discipline_not_the_partys", noun_end, shared)
            category = "organizations" if metric == "collective" else "members"
            return Reading("disciplined", category, None, f"{how}:{verb[0]}+party", noun_end, shared)
        if verb_metric in _PERSON_METRICS and metric in ("person", "party_members"):
            category = "members" if verb_metric == "disciplined" else None
            return Reading(verb_metric, category, None, f"{how}:{verb[0]}", noun_end, shared)
        if verb_metric == "disciplined" and metric == "party_organizations":
            return Reading("disciplined", "organizations", None, f"{how}:{verb[0]}", noun_end, shared)
        if verb_metric == _ORG_CHANGE and metric == "party_organizations":
            category = None if verb_category == "-" else verb_category
            return Reading(_ORG_CHANGE, category, None, f"verb:{verb[0]}", noun_end, verb)
    named = regex.search(r"\bsố(?:\s+lượng)?\s+", folded[clause_start:start])
    if named:  # "số chi bộ trực thuộc … từ 187 giảm còn 164 chi bộ": the clause's own noun is the precise one
        precise = noun_after(folded, clause_start + named.end())
        if precise and precise[1][0] == metric and precise[1][1] != "-" and category in (None, "cell"):
            category = precise[1][1]
    rating = rating_after(folded, noun_end)
    passive = regex.match(r"\s+(?:[^\s,;.]+\s+){0,8}?(?:đã\s+)?(?:bị|được)\s+", folded[noun_end:noun_end + 80])
    if passive and verb is None:  # "bốn chi bộ … đã bị giải thể": the verb after its object
        after = verb_before(folded[:noun_end + passive.end() + 20] + " ", noun_end + passive.end() + 20, noun_end)
        if after and after[1][0] == _ORG_CHANGE and metric == "party_organizations":
            return Reading(_ORG_CHANGE, after[1][1], None, f"passive:{after[0]}", noun_end, after)
    if folded[floor:start].rstrip().endswith("cho") and metric in ("person", "party_members", "party_organizations"):
        return Reading("other", None, None, "given_to", noun_end)  # "cấp thẻ cho 380 đảng viên"
    if not rating and acts_after(folded, noun_end, metric):
        return Reading("other", None, None, "those_that_act", noun_end)  # "68 đảng bộ đã tổ chức đại hội"
    if metric == "party_organizations":
        if rating:
            return Reading("organizations_rated", rating, None, "rating", noun_end)
        if phrase == "tổ chức":
            return Reading("other", None, None, "bare_organization", noun_end)  # "156 tổ chức công đoàn"
        return Reading(metric, category, None, f"noun:{phrase}", noun_end)
    if metric == "party_members" or (metric == "person" and phrase == "đồng chí"):
        if rating:
            return Reading("members_rated", rating, None, "rating", noun_end)
        breakdown = breakdown_before(folded, start)
        if regex.match(r"\s+(?:đang\s+)?(?:trong\s+thời\s+gian\s+)?dự bị\b", folded[noun_end:noun_end + 40]):
            breakdown = "probationary"  # "356 đồng chí đang trong thời gian dự bị"
        if metric == "party_members" and not breakdown and member_group_after(folded, noun_end):
            return Reading("other", None, None, "member_group", noun_end)  # "42 đảng viên trí thức"
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
