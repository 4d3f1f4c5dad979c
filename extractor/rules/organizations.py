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

from extractor.resources import load_list, load_table
from extractor.rules.phrases import PhraseTable
from extractor.rules.tokens import Token, joined_by_space, tokenize

# Title words fused with a committee ("Tỉnh ủy viên") hold no organization.
_FUSED_TITLE = "viên"


@dataclass(frozen=True)
class OrgMatch:
    start: int
    end: int
    rule: str


@functools.cache
def _heads() -> PhraseTable:
    return PhraseTable({head: needs for head, needs in load_table("org_heads.tsv", 2)})


@functools.cache
def _names() -> PhraseTable:
    return PhraseTable({name: True for name in load_list("org_names.txt")})


@functools.cache
def _inner_words() -> PhraseTable:
    return PhraseTable({word: where for word, where in load_table("org_name_words.txt", 2)})


@functools.cache
def _titles() -> PhraseTable:
    return PhraseTable({title: True for title in load_list("titles.txt")})


@functools.cache
def _levels() -> PhraseTable:
    return PhraseTable({word: True for word in load_list("org_levels.txt")})


@functools.cache
def _surnames() -> frozenset[str]:
    from extractor.folding import fold

    return frozenset(fold(s) for s in load_list("surnames.txt"))


def _is_name_token(token: Token) -> bool:
    return token.capitalised or token.text[0].isdigit()


def _person_starts(tokens: list[Token], index: int) -> bool:
    """A family name followed by capitalised syllables: a person, where an organization's name ends."""
    if tokens[index].folded not in _surnames() or index + 1 >= len(tokens):
        return False
    following = tokens[index + 1]
    return joined_by_space(following) and following.capitalised and not following.shouted


def _extend(tokens: list[Token], index: int, is_place: Callable[[list[Token], int], int]) -> tuple[int, bool]:
    """(index after the name, whether a distinctive part was taken) for a name starting at `index`."""
    end = index       # the name so far ends before this token
    distinctive = False
    i = index
    while i < len(tokens) and joined_by_space(tokens[i]):
        token = tokens[i]
        if token.continues and i == end and i > index:
            i = end = i + 1  # the rest of a word the name already holds ("Cơ quan", "Thường vụ")
            continue
        level = None if token.capitalised and not token.shouted else _levels().match(tokens, i)
        if level is None and token.capitalised and token.folded in ("tp", "tp."):
            level = (1, True)
        if level:
            i += level[0]
            nxt = i < len(tokens) and joined_by_space(tokens[i])
            place = is_place(tokens, i) if nxt else 0
            if place:
                i += place
            elif nxt and tokens[i].text[0].isdigit():
                i += 1
            else:  # after a level word a capitalised run is the place's name, even an unknown one
                while i < len(tokens) and joined_by_space(tokens[i]) and (
                        tokens[i].capitalised or (tokens[i].continues and tokens[i - 1].capitalised)):
                    if _heads().match(tokens, i):
                        break
                    i += 1
            end, distinctive = i, True
            continue
        if _is_name_token(token):
            nested = _heads().match(tokens, i)
            if nested:
                i = end = i + nested[0]
                distinctive = True
                continue
            if _person_starts(tokens, i):
                place = is_place(tokens, i)
                if not place:
                    break
                i = end = i + place
            else:
                i = end = i + 1
            distinctive = True
            continue
        inner = _inner_words().match(tokens, i)
        if inner:
            nxt = i + inner[0]
            if nxt < len(tokens) and (_heads().match(tokens, nxt) or _names().match(tokens, nxt)
                                      or _titles().match(tokens, nxt)):
                break  # "… và Sở Nội vụ", "… và Chủ tịch …": another body or a person's title begins
            i = nxt
            if inner[1] == "end":
                end = i
            continue
        break
    return end, distinctive


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
        best = None
        if head:
            length, needs = head
            after = i + length
            if after < len(tokens) and joined_by_space(tokens[after]) and (
                    tokens[after].folded == _FUSED_TITLE or (tokens[after].continues and not tokens[after].capitalised)):
                # "Tỉnh ủy viên" is a title; "Hội nghị", "Ban hành", "Báo cáo" are other words
                i = after
                continue
            end, distinctive = _extend(tokens, after, is_place)
            if distinctive or needs == "complete":
                best = (end if distinctive else after, "org_head+name" if distinctive else "org_committee")
        if known and (best is None or i + known[0] >= best[0]):
            end = i + known[0]
            best = (end, "org_known_name")
        if best is None:
            i += 1
            continue
        end_index, rule = best
        found.append(OrgMatch(tokens[i].start, tokens[end_index - 1].end, rule))
        i = end_index
    return found
