"""Whose a fact is (spec §5 `subject`): always the party organization, found in the clause, then the
sentence, then the article's own organization — never from another paragraph when the sentence names one.

- A committee or board stands for the organization it leads (`data/org_heads.tsv`, kind and leads): `Huyện ủy Yên
  Thành` → `Đảng bộ huyện Yên Thành`, `Thành ủy TPHCM` → `Đảng bộ TPHCM` (a fused name keeps its level),
  `Thành ủy TP Hà Nội` → `Đảng bộ thành phố Hà Nội` (a level word is spelled out).
- Central organs and nationwide figures (`data/national_bodies.txt`, `cả nước`, `toàn Đảng`) are the Party's.
- A province or city that acts as the clause's subject (`Nghệ An kỷ luật 2.103 đảng viên`) stands for its
  party organization (`Đảng bộ tỉnh Nghệ An`).
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from dataclasses import dataclass
from operator import attrgetter

import regex

from extractor.folding import fold
from extractor.resources import load_list
from extractor.rules.names.org_lexicon import committees_leading, heads_of_kind
from extractor.rules.names.places import known_place_level

PARTY = "Đảng Cộng sản Việt Nam"
# Patterns run on folded text, so their literals are folded too ("toàn" folds to "tòan").
NATIONWIDE = regex.compile(fold(r"\b(?:toàn đảng(?!\s+(?:bộ|ủy|uỷ))|cả nước|cả đất nước|toàn quốc)\b"))
_LEVEL_START = regex.compile(r"^(?:tp\b|tp\.|thành phố|tỉnh|huyện|quận|thị xã|xã|phường)", regex.IGNORECASE)
_FUSED_CITY = regex.compile(r"^tp\.?\s*hcm\b|^tphcm\b", regex.IGNORECASE)  # TPHCM, TP.HCM, TP. HCM, TP HCM
_CITY_ABBREVIATION = regex.compile(r"^(?:tp\.?|t\.p\.?)\s*(?=\S)", regex.IGNORECASE)
_PLACE_BODY = {"province": "Đảng bộ tỉnh", "city": "Đảng bộ thành phố"}
_OBJECT_MARK = regex.compile(r"(?:thuộc|trực thuộc|của|cho|về|từ|với|tại|vào|lập|thành lập)\s*$")
# words that may open a clause before the place that acts in it: "Điển hình như TP. HCM đã kỷ luật …"
_ACTOR_OPENER = regex.compile(r"\W*(?:(?:điển hình (?:như|là)|riêng|còn|trong đó|trong khi đó|cụ thể|tại|ở)\W+)*")
_LAST_COMMA = regex.compile(r"[,:]", regex.REVERSE)
_START = attrgetter("start")
_ACTOR_VERB = regex.compile(r"\W*(?:đã|cũng|vừa|có|đều|hiện)?\s*\w")


@dataclass(frozen=True)
class Org:
    start: int
    end: int
    name: str  # the full name (the canonical one for back-references)


@functools.cache
def _party_head() -> regex.Pattern:
    """A name opened by a party organization, a committee or a committee's board (org_heads.tsv kinds)."""
    heads = sorted({fold(h) for h in heads_of_kind("party", "party_board")}, key=len, reverse=True)
    return regex.compile(r"^(?:" + "|".join(map(regex.escape, heads)) + r")(?![\p{L}\p{N}])")


@functools.cache
def _board() -> regex.Pattern:
    """A committee's board before its committee: it acts for the organization the committee leads."""
    boards = sorted(heads_of_kind("party_board"), key=len, reverse=True)
    return regex.compile(r"^(?:" + "|".join(map(regex.escape, boards)) + r")\s+(?=\S)", regex.IGNORECASE)


@functools.cache
def _national() -> frozenset[str]:
    return frozenset(fold(name) for name in load_list("national_bodies.txt"))


_TERM = regex.compile(r"\s+(?:khóa\s+)?[ivxlc]+$")  # "BCH TƯ X", "Ủy ban Kiểm tra TƯ khóa X"


def _is_national(name: str) -> bool:
    return _TERM.sub("", fold(name)) in _national()


def spell_level(body: str, rest: str) -> str:
    """`Đảng bộ thành phố` + `TP Hà Nội` → `Đảng bộ thành phố Hà Nội`; `TPHCM` keeps its fused level."""
    if _FUSED_CITY.match(rest):
        return f"{body.split()[0]} {body.split()[1]} {rest}"
    if _CITY_ABBREVIATION.match(rest):
        return f"{body.split()[0]} {body.split()[1]} thành phố {_CITY_ABBREVIATION.sub('', rest)}"
    if _LEVEL_START.match(rest):
        return f"{body.split()[0]} {body.split()[1]} {rest}"  # the name already says its level
    return f"{body} {rest}"


@functools.lru_cache(maxsize=4096)
def organization_of(name: str) -> str:
    """A committee's name as the organization it leads ("Đảng ủy Khối X" → "Đảng bộ Khối X",
    "Quận ủy Gò Vấp" → "Đảng bộ quận Gò Vấp", "Thành ủy TP HCM" → "Đảng bộ TP HCM"); a central organ's
    figures are the whole Party's."""
    if _is_national(name):
        return PARTY
    # "Ban Thường vụ Tỉnh ủy Nghệ An kết nạp …": the board acts for the organization its committee leads
    name = _board().sub("", name)
    if _is_national(name):
        return PARTY  # "Ban chấp hành T.Ư"
    for committee, body in committees_leading():
        if fold(name).startswith(fold(committee)):
            rest = name[len(committee):].strip()
            return spell_level(body, rest) if rest else body
    return name


def is_party_body(name: str) -> bool:
    return _party_head().match(fold(name)) is not None


def _national_cue(text: str, orgs: list[Org]) -> bool:
    return bool(NATIONWIDE.search(fold(text))) or any(_is_national(org.name) for org in orgs)


def main_subject(text: str, orgs: list[Org]) -> str | None:
    """The article's own organization: the first party body named in the headline or lead; else the Party
    when the lead speaks of central organs or the whole country; else the first party body named; else the
    Party when the article speaks of central organs or the whole country."""
    lead_end = min(len(text), 600)
    for org in orgs:
        if org.start < lead_end and is_party_body(org.name) and not fold(org.name).startswith(("ban ",)) \
                and not _is_national(org.name):
            return organization_of(org.name)
    if _national_cue(text[:lead_end], [org for org in orgs if org.start < lead_end]):
        return PARTY  # a lead about central organs or the whole country, before any body named later
    for org in orgs:
        if is_party_body(org.name):
            return organization_of(org.name)
    return PARTY if _national_cue(text, orgs) else None


def _starting_in(items, start: int, end: int):
    """The organizations or places (sorted by start) that start in [start, end)."""
    return items[bisect_left(items, start, key=_START):bisect_left(items, end, key=_START)]


def sentence_subject(text: str, orgs, start: int, end: int, before: int) -> str | None:
    """The party body the sentence is about: the first one named before the number that is no object
    ("… 2 đảng bộ bộ phận trực thuộc Đảng bộ phường" is not about that Đảng bộ phường); `orgs` sorted."""
    for org in _starting_in(orgs, start, before):
        if (is_party_body(org.name) or _is_national(org.name)) \
                and not fold(org.name).startswith("ban ") \
                and not _OBJECT_MARK.search(fold(text[max(start, org.start - 15):org.start])):
            return organization_of(org.name)
    return None


def place_actor(folded: str, places, start: int, before: int) -> str | None:
    """A province or city that opens the clause, or its last comma-part before the number, and acts in it
    ("Năm 2022, Hà Nội kỷ luật 2.054 đảng viên", "Điển hình như TP. HCM đã kỷ luật …"): its party
    organization; `places` sorted."""
    comma = _LAST_COMMA.search(folded, start, before)
    opener = _ACTOR_OPENER.match(folded, comma.end() if comma else start, before).end()
    for place in _starting_in(places, opener, opener + 1):
        if place.end >= before or not _ACTOR_VERB.match(folded, place.end, before):
            continue
        level = known_place_level(place.name)
        if level in _PLACE_BODY:
            return spell_level(_PLACE_BODY[level], place.name)
    return None


_SHARE_OF_PLACE = regex.compile(r"\s*(?:\(\s*|là\s+|:\s*|có\s+)?$")


def place_of_share(text: str, places, start: int) -> str | None:
    """A share written right after a province or city ("nổi bật là Lạng Sơn 24%, rồi Cao Bằng 21,4%"): that
    place's party organization; `places` sorted."""
    for place in _starting_in(places, start - 80, start):
        if place.end <= start and _SHARE_OF_PLACE.fullmatch(text, place.end, start):
            level = known_place_level(place.name)
            if level in _PLACE_BODY or _FUSED_CITY.match(place.name):
                return spell_level(_PLACE_BODY.get(level, "Đảng bộ thành phố"), place.name)
    return None


def nationwide(folded: str, start: int, end: int) -> bool:
    """A clause that counts the whole country ("trên toàn quốc", "cả nước")."""
    return bool(NATIONWIDE.search(folded, start, end))
