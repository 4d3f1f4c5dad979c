"""Reading rules for counts with their noun (`data/fact_nouns.tsv`), in the order they are tried: classes and
those they trained, sub-populations, what happened to the counted people or bodies (the verb before them or a
passive after them), ratings, and the stocks themselves. Each returns a Reading or None."""

from __future__ import annotations

import regex

from extractor.rules.facts.cues import (
    acts_after,
    breakdown_after,
    breakdown_before,
    class_category,
    class_words,
    mass_organization_acts,
    member_group_after,
    noun_after,
    trainee_category,
    verb_before,
)
from extractor.rules.facts.discipline import party_discipline
from extractor.rules.facts.site import PERSON_METRICS, Reading, Site

_ORG_CHANGE = "organization_changes"
_PEOPLE = ("person", "party_members", "committee_members")
_OBJECT_MARK = regex.compile(r"\b(?:đối với|của)\s*$")
_CLASS_FOR = regex.compile(r"\blớp\b[^;.\d]{0,80}\bcho\s*$")
_TRAINED = regex.compile(r"(?:cho|với|thu hút|gồm|\()\s*$")
_BEING = regex.compile(r"\s+(?:là|làm)\s")
_ELECTED_BY = regex.compile(r"bầu|cử|chỉ định")
_NUMBER_OF = regex.compile(r"\bsố(?:\s+lượng)?\s+")
_PASSIVE_LATER = regex.compile(r"\s+(?:[^\s,;.]+\s+){0,8}?(?:đã\s+)?(?:bị|được)\s+")
_PROBATIONARY = regex.compile(r"\s+(?:đang\s+)?(?:trong\s+thời\s+gian\s+)?dự bị\b")
_COMMITTEE_WORDS = regex.compile(r"ban chấp hành|ban thường vụ|cấp ủy")


def object_of_another_act(site: Site) -> Reading | None:
    """"giám sát … đối với 53 tổ chức đảng", "đơn thư của 3 đảng viên": with no fact verb, an object."""
    if site.verb is None and site.counted.metric in ("party_members", "party_organizations", "person") \
            and _OBJECT_MARK.search(site.before):
        return site.other("object_of_another_act")
    return None


def classes(site: Site) -> Reading | None:
    """Training classes: only with a class word after them ("lớp 10", "một lớp đá" are none); a mass
    organization's own classes are no party classes."""
    counted, folded = site.counted, site.folded
    if counted.metric != "training_classes":
        return None
    if not any(w in folded[counted.end:counted.end + 50] for w in class_words()):
        return site.other("not_a_training_class")
    category = trainee_category(folded, counted.end) or class_category(folded, counted.end, counted.end + 60)
    if category == "other" and mass_organization_acts(folded, site.clause_start):
        return site.other("classes_of_a_mass_organization")
    return Reading("training_classes", category, None, "classes", counted.end)


def trainees(site: Site) -> Reading | None:
    """The people a class counted just before trained ("mở 3 lớp … cho 355 học viên"), or a party class with
    no count ("mở lớp bồi dưỡng … cho 73 thanh niên ưu tú")."""
    counted, context = site.counted, site.class_context
    if counted.metric not in _PEOPLE:
        return None
    if not context:
        unnumbered = _CLASS_FOR.search(site.folded, site.clause_start, site.start)
        if unnumbered and any(w in unnumbered.group() for w in class_words()):
            context = class_category(site.folded, unnumbered.start(), site.start)
    if not context or not (_TRAINED.search(site.before) or counted.phrase == "học viên"):
        return None
    trained = (counted.category if counted.category in ("admission_candidates", "new_members") else
               "committee_members" if counted.metric == "committee_members" else context)
    return Reading("trainees", trained, None, "trainees", counted.end)


def sub_population(site: Site) -> Reading | None:
    """"2.870 đảng viên là người dân tộc thiểu số" is a breakdown; "16 đảng viên là công nhân" is none."""
    counted = site.counted
    if not _BEING.match(site.folded, counted.end, counted.end + 6):
        return None
    kind = breakdown_after(site.folded, counted.end)
    if kind and counted.metric == "party_members":
        return Reading("party_members", kind, None, "breakdown_after", counted.end)
    return site.other("sub_population", verb=site.verb)


def passive_other_act(site: Site) -> Reading | None:
    """"bị khởi tố", "bị phạt tù", "được tặng giấy khen": those who underwent another act, no stock."""
    passive, counted = site.passive, site.counted
    if not passive or site.acting.how == "passive" or counted.metric == "party_organizations":
        return None
    if passive[0] == "bị" or not (site.rating
                                  or _ELECTED_BY.match(site.folded, passive[1])):
        return site.other("passive_other_act")
    return None


def acted_on(site: Site) -> Reading | None:
    """What the verb before the number (or a passive after it) did to the counted people or bodies."""
    acting, counted = site.acting, site.counted
    if not acting.verb:
        return None
    (phrase, (verb_metric, verb_category)), how, shared = acting.verb, acting.how, acting.shared
    if verb_metric == "disciplined" and counted.metric in ("person", "collective"):
        if not party_discipline(site.folded, site.clause_start, max(acting.at, site.clause_start), counted.phrase,
                                site.clause_end):
            return site.other("discipline_not_the_partys", verb=shared)
        category = "organizations" if counted.metric == "collective" else "members"
        return Reading("disciplined", category, None, f"{how}:{phrase}+party", counted.end, shared)
    if verb_metric in PERSON_METRICS and counted.metric in ("person", "party_members"):
        category = "members" if verb_metric == "disciplined" else None
        return Reading(verb_metric, category, None, f"{how}:{phrase}", counted.end, shared)
    if verb_metric == "disciplined" and counted.metric == "party_organizations":
        return Reading("disciplined", "organizations", None, f"{how}:{phrase}", counted.end, shared)
    if verb_metric == _ORG_CHANGE and counted.metric == "party_organizations":
        category = None if verb_category == "-" else verb_category
        return Reading(_ORG_CHANGE, category, None, f"verb:{phrase}", counted.end, acting.verb)
    return None


def changed_later(site: Site) -> Reading | None:
    """"bốn chi bộ … đã bị giải thể": the change's verb after the bodies."""
    counted, folded = site.counted, site.folded
    passive = _PASSIVE_LATER.match(folded, counted.end, counted.end + 80)
    if not passive or site.acting.verb is not None or counted.metric != "party_organizations":
        return None
    reach = passive.end() + 20
    after = verb_before(folded[:reach] + " ", reach, counted.end)
    if after and after[1][0] == _ORG_CHANGE:
        return Reading(_ORG_CHANGE, after[1][1], None, f"passive:{after[0]}", counted.end, after)
    return None


def given_to(site: Site) -> Reading | None:
    """"cấp thẻ cho 380 đảng viên": those something was given to."""
    if site.before.rstrip().endswith("cho") and site.counted.metric in ("person", "party_members",
                                                                      "party_organizations"):
        return site.other("given_to")
    return None


def those_that_act(site: Site) -> Reading | None:
    """"68 đảng bộ đã tổ chức đại hội", "13 đảng bộ có tỷ lệ …" (data/fact_acting_words.tsv)."""
    counted = site.counted
    if not site.rating and acts_after(site.folded, counted.end, counted.metric):
        return site.other("those_that_act")
    return None


def _precise_category(site: Site) -> str | None:
    """"số chi bộ trực thuộc … từ 187 giảm còn 164 chi bộ": the clause's own noun is the precise one."""
    counted = site.counted
    named = _NUMBER_OF.search(site.folded, site.clause_start, site.start)
    precise = named and noun_after(site.folded, named.end())
    if precise and precise[1][0] == counted.metric and precise[1][1] != "-" and counted.category in (None, "cell"):
        return precise[1][1]
    return counted.category


def organizations(site: Site) -> Reading | None:
    counted = site.counted
    if counted.metric != "party_organizations":
        return None
    rating = site.rating
    if rating:
        return Reading("organizations_rated", rating, None, "rating", counted.end)
    if counted.phrase == "tổ chức":
        return site.other("bare_organization")  # "156 tổ chức công đoàn"
    return Reading(counted.metric, _precise_category(site), None, f"noun:{counted.phrase}", counted.end)


def members(site: Site) -> Reading | None:
    """Members counted (`đảng viên`, or `đồng chí` in a members' or a committee's passage), rated or by kind."""
    counted, folded = site.counted, site.folded
    if not (counted.metric == "party_members" or (counted.metric == "person" and counted.phrase == "đồng chí")):
        return None
    rating = site.rating
    if rating:
        return Reading("members_rated", rating, None, "rating", counted.end)
    kind = breakdown_before(folded, site.start)
    if _PROBATIONARY.match(folded, counted.end, counted.end + 40):
        kind = "probationary"  # "356 đồng chí đang trong thời gian dự bị"
    if counted.metric == "party_members":
        if not kind and member_group_after(folded, counted.end):
            return site.other("member_group")  # "42 đảng viên trí thức"
        return Reading("party_members", kind or _precise_category(site), None, f"noun:{counted.phrase}", counted.end)
    if kind or "đảng viên" in site.before:
        return Reading("party_members", kind, None, "members_by_comrades", counted.end)
    passage = folded[min(site.clause_start, site.floor):site.start]
    if _COMMITTEE_WORDS.search(passage):
        standing = "standing" if "ban thường vụ" in passage else None
        return Reading("committee_members", standing, None, "committee", counted.end)
    return None


def committee_members(site: Site) -> Reading | None:
    counted = site.counted
    if counted.metric != "committee_members":
        return None
    return Reading("committee_members", _precise_category(site), None, f"noun:{counted.phrase}", counted.end)


def unclassified(site: Site) -> Reading:
    return site.other("unclassified")


NOUN_RULES = (object_of_another_act, classes, trainees, sub_population, passive_other_act, acted_on, changed_later,
              given_to, those_that_act, organizations, members, committee_members, unclassified)
