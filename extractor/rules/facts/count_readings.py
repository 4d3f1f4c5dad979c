"""Reading rules for counts that stand before their noun is read, in the order they are tried: what the words
around the number say about it as a whole (a total, a committee's size, a proposal, another act), and counts
with no noun after them. Each returns a Reading or None."""

from __future__ import annotations

import regex

from extractor.folding import folded_words
from extractor.rules.facts.committees import committee_size
from extractor.rules.facts.cues import (
    breakdown_before,
    is_other,
    noun_after,
    verb_before,
)
from extractor.rules.facts.site import PERSON_METRICS, Reading, Site
from extractor.rules.facts.taxonomy import stock_counts

_STOCK_NOUNS = stock_counts()  # nouns of what exists as of a day (data/fact_taxonomy.tsv)
_REPRESENTS = regex.compile(r"\b(?:thay mặt|đại diện)(?:\s+cho)?\s+(?:(?:hơn|gần|trên|khoảng|ngoài)\s+)?$")
_PROPOSED = regex.compile(r"\bđề nghị\b")
_TOTAL = regex.compile(r"\btổng số\s+")
_RAISED_TO = regex.compile(r"\bnâng\b[^,;.]{0,60}?\b(?:lên|có|thành)\s*$")
_ELECTING = regex.compile(r"ban chấp hành|ban thường vụ")
_STILL = regex.compile(r"\bcòn\s*$")
_WORD = regex.compile(r"(?<![\w])\w")
_NUMBER_OF_PASSIVE = regex.compile(r"\bsố\s+(.{3,80}?)\s+(?:được|bị)\s+(.{3,25}?)\s+là\s*$")
_HEADING = regex.compile(r"\s*(?:\[\d+\]\s*)?([^:;\[\]]{3,40}?):\s")


def _stock(named: tuple[str, tuple[str, ...], int], rule: str, end: int) -> Reading:
    metric, category = named[1]
    return Reading(metric, None if category == "-" else category, None, rule, end)


_PARTY_NAMED = regex.compile(r"(?<![\p{L}\p{M}])[Đđ]ảng\s+(?=\p{Lu})")
_NAME_GOES_ON = regex.compile(r"\s+\p{Lu}")


def another_party(site: Site) -> Reading | None:
    """"đảng Cộng hòa của nước bạn … có khoảng 300.000 đảng viên", "Đảng Cộng sản Trung Quốc có …": a party other
    than ours named in the clause before the number (data/party_own_names.txt)."""
    for named in _PARTY_NAMED.finditer(site.text, site.clause_start, site.start):
        own = folded_words("party_own_names.txt", before="").match(site.folded, named.end())
        if not own or (own.group() == "cộng sản" and _NAME_GOES_ON.match(site.text, own.end())):
            return site.other("another_party", site.end)
    return None


def represented(site: Site) -> Reading | None:
    """"450 đại biểu thay mặt cho hơn 60.000 đảng viên": the members the delegates stand for."""
    if site.percent or not _REPRESENTS.search(site.folded, site.floor, site.start):
        return None
    return _stock(site.noun, "represented", site.noun[2]) if site.noun and site.noun[1][0] == "party_members" else None


def other_cue(site: Site) -> Reading | None:
    """Growth, votes, attendance, delegates, shortfalls (data/fact_other_cues.tsv)."""
    if is_other(site.folded, site.start, site.end, site.floor, site.clause_start, site.percent):
        return site.other("other_cue", site.end)
    return None


def total_of(site: Site) -> Reading | None:
    """"nâng tổng số đảng viên … lên 91 người": a total is a stock, whatever verb came before."""
    total = _TOTAL.search(site.before)
    named = total and noun_after(site.folded, site.floor + total.end())
    if named and named[1][0] in _STOCK_NOUNS:
        return _stock(named, "total_of", site.noun_end)
    return None


def raised_to(site: Site) -> Reading | None:
    """"kết nạp 214 đảng viên, nâng tổng Đảng bộ có 9.830 đảng viên": the total reached."""
    if site.noun and site.noun[1][0] in _STOCK_NOUNS and _RAISED_TO.search(site.folded, site.floor, site.start):
        return _stock(site.noun, "raised_to", site.noun[2])
    return None


def committee_size_reading(site: Site) -> Reading | None:
    """"Ban Chấp hành gồm 45 đồng chí", "Bộ Chính trị (14 người)", "14 người được bầu vào Bộ Chính trị"."""
    size = committee_size(site.folded, site.start, site.end, site.floor)
    if not size:
        return None
    if size[0] == "other":
        return site.other("size_of_other_body", size[1])
    return Reading("committee_members", size[0], None, "committee_size", size[1])


def proposal(site: Site) -> Reading | None:
    """A discipline proposed, not decided: `đề nghị` before its verb, in the same part of the clause (a colon
    opens a new one: "… quyết định hoặc đề nghị kỷ luật …: Từ năm 2014, … đã kỷ luật 840 tổ chức")."""
    verb = site.verb
    if verb is None or verb[1][0] != "disciplined":
        return None
    verb_at = max(site.clause_start, site.folded.rfind(verb[0], site.clause_start, site.start))
    part_start = max(site.clause_start, site.folded.rfind(":", site.clause_start, verb_at) + 1)
    return site.other("proposal", verb=verb) if _PROPOSED.search(site.folded, part_start, verb_at) else None


def other_verb(site: Site) -> Reading | None:
    """A verb whose counts are no membership fact (kiểm tra, giám sát, bầu …), unless committee members are
    elected."""
    verb, noun = site.verb, site.noun
    if verb is None or verb[1][0] != "other":
        return None
    elected = noun and (noun[1][0] == "committee_members" or (
        noun[0] in ("đồng chí", "người") and _ELECTING.search(site.folded, site.clause_start, site.start)))
    return None if elected else site.other(f"verb:{verb[0]}", verb=verb)


def count_of(site: Site) -> Reading | None:
    """"số tổ chức … từ 95 … còn 92": the counted noun opens the clause, within its first words."""
    if site.noun or not _STILL.search(site.before):
        return None
    for word in _WORD.finditer(site.folded, site.clause_start, min(site.start, site.clause_start + 40)):
        named = noun_after(site.folded, word.start())
        if named:
            return _stock(named, "count_of", site.end) if named[1][0] in _STOCK_NOUNS else None
    return None


def number_of_passive(site: Site) -> Reading | None:
    """"số quần chúng được kết nạp là 497"."""
    passive = None if site.noun else _NUMBER_OF_PASSIVE.search(site.folded, site.clause_start, site.start)
    if not passive:
        return None
    who = noun_after(passive.group(1) + " ", 0)
    what = verb_before(passive.group(2) + " ", len(passive.group(2)) + 1, 0)
    if who and what and what[1][0] in PERSON_METRICS and who[1][0] in ("person", "party_members"):
        category = "members" if what[1][0] == "disciplined" else None
        return Reading(what[1][0], category, None, f"passive:{what[0]}", site.end, what)
    return None


def heading_count(site: Site) -> Reading | None:
    """"Đảng bộ cơ sở: từ 243 đầu mối, … còn 222": the heading says what is counted."""
    heading = None if site.noun else _HEADING.match(site.folded, site.clause_start, site.start)
    if not heading or not _STILL.search(site.before):
        return None
    named = noun_after(heading.group(1) + " ", 0)
    if named and named[1][0] in ("party_organizations", "committee_members"):
        return _stock(named, "heading_count", site.end)
    return None


def breakdown(site: Site) -> Reading | None:
    """"… đảng viên nữ có 2.087": a sub-population before a number with no noun, in a members' passage."""
    if site.noun:
        return None
    found = breakdown_before(site.folded, site.start)
    if found and "đảng viên" in site.folded[max(0, site.floor - 200):site.start]:
        return Reading("party_members", found, None, "breakdown", site.end)
    return None


def no_counted_noun(site: Site) -> Reading | None:
    return site.other("no_counted_noun", site.end) if site.noun is None else None


COUNT_RULES = (total_of, raised_to, committee_size_reading, proposal, other_verb, count_of, number_of_passive,
               heading_count, breakdown, no_counted_noun)
