"""Organizations: a head from the lexicon ("Đảng ủy", "Ban Thường vụ", "Sở") and the name that follows.

The name runs on through capitalised syllables, numbers, level words with their place ("tỉnh Bình Định",
"phường 5"), nested heads ("Ban Thường vụ Đảng ủy Khối") and the lower-case words that live inside names
("các cơ quan", "doanh nghiệp"); it stops at punctuation, other lower-case words and a person's name.
A head that needs a name and gets none is a kind of body, not an entity.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

from extractor.folding import fold
from extractor.resources import load_list, load_table
from extractor.rules.names.phrases import PhraseTable, list_table, pair_table
from extractor.rules.text.tokens import Token, joined_by_space, tokenize

# Title words fused with a committee ("Tỉnh ủy viên") hold no organization.
_FUSED_TITLE = "viên"


@dataclass(frozen=True)
class OrgMatch:
    start: int
    end: int
    rule: str


@functools.cache
def _heads() -> PhraseTable:
    return pair_table("org_heads.tsv")


@functools.cache
def _names() -> PhraseTable:
    return list_table("org_names.txt")


@functools.cache
def _inner_words() -> PhraseTable:
    return pair_table("org_name_words.txt")


@functools.cache
def _standalone() -> frozenset[str]:
    return frozenset(fold(w) for w in load_list("org_standalone_words.txt"))


@functools.cache
def _plural() -> PhraseTable:
    return list_table("org_plural_words.txt")


@functools.cache
def _named_after_people() -> PhraseTable:
    return list_table("org_heads_named_after_people.txt")


@functools.cache
def _document_words() -> PhraseTable:
    return PhraseTable({row[0]: True for row in load_table("document_types.tsv", 3)})


@functools.cache
def _titles() -> PhraseTable:
    return list_table("titles.txt")


@functools.cache
def _levels() -> PhraseTable:
    return list_table("org_levels.txt")


@functools.cache
def _surnames() -> frozenset[str]:
    return frozenset(fold(s) for s in load_list("surnames.txt"))


def _is_name_token(token: Token) -> bool:
    return token.capitalised or token.text[0].isdigit()


def _person_starts(tokens: list[Token], index: int) -> bool:
    """A family name followed by capitalised syllables: a person, where an organization's name ends.
    Not the second syllable of a two-syllable word the segmenter made ("Tân Lạc" is one place)."""
    if tokens[index].folded not in _surnames() or index + 1 >= len(tokens):
        return False
    if tokens[index].continues and not tokens[index - 1].continues and not tokens[index + 1].continues:
        return False
    following = tokens[index + 1]
    return joined_by_space(following) and following.capitalised and not following.shouted


def _word_continues_name(tokens: list[Token], i: int) -> bool:
    """Lower-case token i is a later syllable of a word that opened with a capital ("Cơ quan",
    "Tài nguyên và Môi trường"). Past the second syllable the segmenter's words are trusted only up to
    their last capital ("Doanh nghiệp tỉnh" keeps "nghiệp"; "Khối định kỳ", "Mỹ Xuyên trao" keep none)."""
    token = tokens[i]
    if not token.continues or token.capitalised:
        return False
    first = i
    while first > 0 and tokens[first].continues:
        first -= 1
    opener = tokens[first]
    if not opener.capitalised or opener.folded in _standalone():
        return False
    before = tokens[first - 1] if first > 0 else None
    if before is not None and before.capitalised and before.folded not in _standalone() and not before.shouted \
            and not _head_ends_at(tokens, first - 1) and not before.text[0].isdigit():
        return False  # inside a proper name ("Mỹ Xuyên trao"): the segmenter glued a verb to it
    if i == first + 1:
        return True
    last = i
    while last + 1 < len(tokens) and tokens[last + 1].continues:
        last += 1
    return any(t.capitalised for t in tokens[i + 1:last + 1])


def _head_ends_at(tokens: list[Token], last: int) -> bool:
    for length in range(1, _heads().longest + 1):
        start = last - length + 1
        match = _heads().match(tokens, start) if start >= 0 else None
        if match and match[0] == length:
            return True
    return False


def _opens_other(tokens: list[Token], i: int) -> bool:
    """Token i begins another body, a title or a document, or is no name at all."""
    token = tokens[i]
    return (not token.capitalised or token.text[0].isdigit() or bool(_heads().match(tokens, i))
            or bool(_names().match(tokens, i)) or bool(_titles().match(tokens, i))
            or bool(_document_words().match(tokens, i)))


def _take_level(tokens: list[Token], i: int, is_place: Callable[[list[Token], int], int]) -> int:
    """Index after a level word's place: a known place, a number, or an unknown capitalised name."""
    if i >= len(tokens) or not joined_by_space(tokens[i]):
        return i
    place = is_place(tokens, i)
    if place:
        return i + place
    if tokens[i].text[0].isdigit():
        return i + 1
    while i < len(tokens) and joined_by_space(tokens[i]) and (
            tokens[i].capitalised or _word_continues_name(tokens, i)):
        if _heads().match(tokens, i) or _titles().match(tokens, i) or (
                _person_starts(tokens, i) and i + 2 < len(tokens) and joined_by_space(tokens[i + 2])
                and tokens[i + 2].capitalised):
            break  # "Hội Nhà báo TP Trần Văn A": the person after an unnamed level word is no place
        i += 1
    return i


def _extend(tokens: list[Token], index: int, is_place: Callable[[list[Token], int], int],
            people_allowed: bool = False) -> tuple[int, bool]:
    """(index after the name, whether a distinctive part was taken) for a name starting at `index`."""
    end = index       # the name so far ends before this token
    distinctive = False
    named = False     # a place, a name or a number is in already (a nested head is not)
    lower_inner = False  # a lower-case name word is in ("các cơ quan"): "và doanh nghiệp" may follow
    person_taken = False  # a person's name is in already ("Trường THPT Lê Lợi")
    i = index
    while i < len(tokens) and joined_by_space(tokens[i]):
        token = tokens[i]
        if i == end and i > index and _word_continues_name(tokens, i):
            i = end = i + 1  # the rest of a word the name already holds ("Cơ quan", "Thường vụ")
            continue
        nested = _heads().match(tokens, i) if token.capitalised else None
        level = None if nested else _levels().match(tokens, i)
        if level is None and token.capitalised and token.folded in ("tp", "tp."):
            level = (1, True)
        if level:
            i = end = _take_level(tokens, i + level[0], is_place)
            distinctive = named = True
            continue
        if token.folded == "số" and i + 1 < len(tokens) and tokens[i + 1].text.isdigit():
            i = end = i + 2  # "Đoàn kiểm tra số 471"
            distinctive = named = True
            continue
        if _is_name_token(token):
            nested = _heads().match(tokens, i)
            if nested:
                i = end = i + nested[0]
                distinctive = True
                continue
            if _person_starts(tokens, i) and people_allowed and (person_taken or tokens[i - 1].folded == "tp"):
                break  # "Học viện … Hồ Chí Minh Trần Văn A", "Học viện Cán bộ TP Trần Văn A": the person the
                # title names, after the one the body is named after or after the city
            person_taken = person_taken or _person_starts(tokens, i)
            if _person_starts(tokens, i) and not people_allowed:
                # A committee already named takes no second place: "Huyện ủy Tân Yên Dương Đức Thảo"
                # ends before the person; an unnamed one keeps a known place ("Huyện ủy Trần Văn Thời").
                place = 0 if named else is_place(tokens, i)
                if place < 2:
                    break
                i = end = i + place
            else:
                i = end = i + 1
            # "Đảng" alone after a head is the Party, not a name ("Chi bộ Đảng")
            if token.folded != "đảng":
                distinctive = named = True
            continue
        inner = _inner_words().match(tokens, i)
        if inner:
            nxt = i + inner[0]
            joins_inner = ((inner[1] == "joins_inner" or lower_inner) and nxt < len(tokens)
                           and _inner_words().match(tokens, nxt))
            if inner[1] in ("joins", "joins_inner") and not joins_inner and (
                    nxt >= len(tokens) or not joined_by_space(tokens[nxt]) or _levels().match(tokens, nxt)
                    or _opens_other(tokens, nxt)):
                break
            lower_inner = lower_inner or inner[1] not in ("joins", "joins_inner")
            i = nxt
            if inner[1] == "end":
                end = i
            continue
        break
    return end, distinctive


def _abbreviation_head(token: Token) -> bool:
    return token.folded in _abbreviations()


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(fold(head) for head, _ in load_table("org_heads.tsv", 2) if head.isupper())


def _only_level(tokens: list[Token], start: int, end: int) -> bool:
    level = _levels().match(tokens, start) if start < len(tokens) else None
    return bool(level) and level[0] == end - start


def _preceded_by_plural(tokens: list[Token], index: int) -> bool:
    if index > 0 and tokens[index - 1].text.isdigit():
        return True
    for length in (2, 1):
        at = index - length
        plural = _plural().match(tokens, at) if at >= 0 else None
        if plural and plural[0] == length:
            return True
    return False


def find_organizations(text: str, is_place: Callable[[list[Token], int], int] | None = None,
                       tokens: list[Token] | None = None, word_starts: set[int] | None = None) -> list[OrgMatch]:
    """Every organization name in `text`, longest first, non-overlapping, in text order.

    `is_place(tokens, i)` says how many tokens from i form a known place name (0 if none); the caller
    passes the places lexicon so that "Huyện ủy Trần Văn Thời" keeps its district.
    """
    is_place = is_place or (lambda _tokens, _i: 0)
    tokens = tokens if tokens is not None else tokenize(text, word_starts)
    found: list[OrgMatch] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not token.capitalised:
            i += 1
            continue
        known = _names().match(tokens, i)
        head = _heads().match(tokens, i)
        if head and token.shouted and not _abbreviation_head(tokens[i]):
            head = None  # a shouted headline ("BÁO CHÍ …") opens no body
        best = None
        if head:
            length, needs = head
            after = i + length
            # "Tỉnh ủy viên" is a title; "Hội nghị", "Ban hành", "Báo cáo" are other words than the head
            if after < len(tokens) and joined_by_space(tokens[after]) and (
                    tokens[after].folded == _FUSED_TITLE
                    or (length == 1 and tokens[after].continues and not tokens[after].capitalised)):
                i = after
                continue
            end, distinctive = _extend(tokens, after, is_place, bool(_named_after_people().match(tokens, i)))
            if distinctive and _only_level(tokens, after, end) and _preceded_by_plural(tokens, i):
                distinctive = False  # "các Đảng bộ phường": a kind of body
            if distinctive or needs == "complete":
                best = (end if distinctive else after, "org_head+name" if distinctive else "org_committee")
        if known and (best is None or i + known[0] >= best[0]):
            end = i + known[0]
            if end < len(tokens) and joined_by_space(tokens[end]) and _levels().match(tokens, end):
                end = _take_level(tokens, end + _levels().match(tokens, end)[0], is_place)
            best = (end, "org_known_name")
        if best is None:
            i += 1
            continue
        end_index, rule = best
        found.append(OrgMatch(tokens[i].start, tokens[end_index - 1].end, rule))
        i = end_index
    return found
