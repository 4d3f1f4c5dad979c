"""Heads written in lower case: a unit before its capitalised name ("phòng Tổ chức cán bộ", "sở Nội vụ",
"báo Người Lao Động"), and heads whole enough to name one body in lower case (the territorial party
committees, "huyện ủy Kỳ Sơn", "báo cáo tỉnh ủy"; delegations, "đoàn ĐBQH tỉnh"), unless a plural or a list
of levels makes them a kind ("các quận ủy, huyện ủy")."""

from __future__ import annotations

import functools

from extractor.folding import fold
from extractor.rules.names.org_extent import person_starts
from extractor.rules.names.org_lexicon import (committees_leading, heads, heads_of_kind, levels, lower_heads,
                                               named_after_people, plural, titles)
from extractor.rules.text.dictionary import is_compound
from extractor.rules.text.tokens import Token, joined_by_space, tokenize

# A lower-case head that is whole ("đoàn ĐBQH") and needs only a name, unlike a unit word ("phòng").
WHOLE_TAIL = "whole_tail"


def preceded_by_plural(tokens: list[Token], index: int) -> bool:
    if index > 0 and tokens[index - 1].text.isdigit():
        return True
    for length in (2, 1):
        at = index - length
        found = plural().match(tokens, at) if at >= 0 else None
        if found and found[0] == length:
            return True
    return False



def lower_case_head(tokens: list[Token], i: int, is_place) -> tuple[int, str] | None:
    """A unit written in lower case before its capitalised name ("phòng Tổ chức cán bộ", "sở Nội vụ")."""
    if not any(t.capitalised for t in tokens[i + 1:i + 1 + lower_heads().longest]):
        return None   # most lower-case "báo", "sở", "phòng" open a common word: one look at what follows
    found = lower_heads().match(tokens, i)
    if found is None:
        return None
    in_title = i > 0 and joined_by_space(tokens[i]) and _title_ends(tokens, i - 1, i + 1)
    if tokens[i].continues and not in_title:
        return None
    after = i + found[0]
    if after >= len(tokens) or not joined_by_space(tokens[after]) or not tokens[after].capitalised:
        return None
    if is_place(tokens, after) or titles().match(tokens, after) or levels().match(tokens, after) or \
            tokens[after].folded == tokens[i].folded or (
            person_starts(tokens, after) and not named_after_people().match(tokens, i)):
        return None
    return found[0], "in_title" if in_title else "tail"


@functools.cache
def territorial_committees() -> frozenset[tuple[str, ...]]:
    """The party committees of one territorial level ("Tỉnh ủy", "Huyện ủy"), as folded syllables."""
    return frozenset(tuple(fold(head).split()) for head, _leads in committees_leading()
                     if heads().match(tokenize(head), 0) == (len(head.split()), "complete"))


@functools.cache
def media_heads() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(fold(head).split()) for head in heads_of_kind("media"))


@functools.cache
def delegations() -> frozenset[tuple[str, ...]]:
    """Delegation heads of two words or more ("Đoàn ĐBQH", "Tổ đại biểu"), whole enough in lower case."""
    return frozenset(tuple(fold(head).split()) for head in heads_of_kind("delegation") if len(head.split()) > 1)


@functools.cache
def _whole_head_second_syllables() -> frozenset[str]:
    return frozenset(words[1] for words in territorial_committees() | delegations())


def lower_case_full_head(tokens: list[Token], i: int) -> tuple[int, str] | None:
    """A territorial party committee or a delegation written in lower case ("Bí thư huyện ủy Kỳ Sơn", "báo
    cáo tỉnh ủy", "đoàn ĐBQH tỉnh"): news copy often drops the capital, and the head still names one body.
    Not where its last syllable opens a word with the next one ("huyện ủy nhiệm", "tỉnh ủy viên")."""
    if i + 1 >= len(tokens) or tokens[i + 1].folded not in _whole_head_second_syllables():
        return None
    found = heads().match(tokens, i)
    words = tuple(t.folded for t in tokens[i:i + found[0]]) if found else ()
    if words not in territorial_committees() and words not in delegations():
        return None
    after = i + found[0]
    if after < len(tokens) and joined_by_space(tokens[after]) and not tokens[after].capitalised \
            and is_compound(tokens[after - 1].folded, tokens[after].folded):
        return None
    if _one_of_a_list(tokens, i, after):
        return None
    return found[0], found[1] if found[1] == "complete" else WHOLE_TAIL


_LIST_JOINERS = frozenset(("và", "hoặc"))


def _one_of_a_list(tokens: list[Token], i: int, after: int) -> bool:
    """The lower-case committee at tokens[i:after] is listed with another ("các quận ủy, huyện ủy",
    "ban tổ chức huyện ủy, thành ủy"): bulletins list levels, a kind of body, not one body."""
    if preceded_by_plural(tokens, i):
        return True
    joiner = i > 0 and tokens[i - 1].folded in _LIST_JOINERS
    if (joiner or tokens[i].gap.strip() == ",") and _committee_ends_at(tokens, i - 1 if joiner else i):
        return True
    if after >= len(tokens):
        return False
    joiner = tokens[after].folded in _LIST_JOINERS
    return (joiner or tokens[after].gap.strip() == ",") and _committee_starts_at(tokens, after + joiner)


def _committee_ends_at(tokens: list[Token], end: int) -> bool:
    return any(tuple(t.folded for t in tokens[end - len(words):end]) == words for words in territorial_committees())


def _committee_starts_at(tokens: list[Token], start: int) -> bool:
    return any(tuple(t.folded for t in tokens[start:start + len(words)]) == words
               for words in territorial_committees())


def _title_ends(tokens: list[Token], start: int, end: int) -> bool:
    """tokens[start:end] are a title ("Trưởng ban", "Phó phòng"): the unit it heads is named after it."""
    found = titles().match(tokens, start)
    return found is not None and found[0] == end - start


@functools.cache
def lower_case_openers() -> frozenset[str]:
    """The syllables a lower-case head can start at."""
    whole = territorial_committees() | delegations()
    return lower_heads().first_syllables | {words[0] for words in whole}


def lower_case_paper(tokens: list[Token], i: int, length: int) -> bool:
    """tokens[i:i + length] are a paper's kind in lower case ("báo", "tạp chí")."""
    return tuple(t.folded for t in tokens[i:i + length]) in media_heads()
