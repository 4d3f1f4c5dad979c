"""The ways an organization's name goes on past what a plain run of name words takes.

- A hyphen, dash or ampersand joins two fields of one body ("Bộ Lao động - Thương binh và Xã hội",
  "Sở Tài nguyên - Môi trường", "Bộ KH&ĐT", "Sở GD & ĐT", "Khoa học- Công nghệ"): the part after it is an
  abbreviation or one dictionary word, never a place, a person, another body or the start of a clause.
- A word the segmenter cut in two ("Ban Chỉ | đạo", "Cục Quân | nhu", "Hội đồng Bộ | trưởng"): a lower-case
  syllable that makes one dictionary word with the capitalised syllable before it belongs to the name.
- A dotted level abbreviation before its place or number ("TP. Hồ Chí Minh", "Q. 10").
- The name's abbreviation in brackets before its place ("Sở Y tế (SYT) Huế").
- Fields listed with commas and closed by "và" ("Bộ Lao động, Thương binh và Xã hội").
"""

from __future__ import annotations

import functools

import regex

from extractor.folding import fold
from extractor.resources import load_list
from extractor.rules.names.org_lexicon import heads, levels, titles
from extractor.rules.text.dictionary import is_compound
from extractor.rules.text.tokens import Token, joined_by_space

# Same line, at most one space each side: a dash that starts a new line is a list or a byline, not a join.
_JOINER_GAP = regex.compile(r" ?(?:[-–&]|&amp;) ?")
_DOTTED_GAP = regex.compile(r"\. ?")


@functools.cache
def _level_abbreviations() -> frozenset[str]:
    return frozenset(load_list("org_level_abbreviations.txt"))


@functools.cache
def never_name_words() -> frozenset[str]:
    return frozenset(fold(w).split()[0] for w in load_list("org_never_name_words.txt"))


def _compound_at(tokens: list[Token], i: int) -> int:
    """Length (3 or 2) of the dictionary word that starts at token i, or 0."""
    for length in (3, 2):
        window = tokens[i:i + length]
        if len(window) == length and all(joined_by_space(t) for t in window[1:]) \
                and is_compound(*(t.folded for t in window)):
            return length
    return 0


def joined_part(tokens: list[Token], i: int, is_place, opens_person) -> int:
    """How many tokens from i a joiner before token i brings into the name (0: the name ends)."""
    token = tokens[i]
    if _JOINER_GAP.fullmatch(token.gap) is None:
        return 0
    if token.shouted and not heads().match(tokens, i):
        return 1
    if is_place(tokens, i) or heads().match(tokens, i) or opens_person(tokens, i) or titles().match(tokens, i):
        return 0   # "Cục Chống tham nhũng – Phó Trưởng đoàn": a title after a dash is the person's next post
    length = _compound_at(tokens, i)
    if not length or token.capitalised:
        return length
    after = i + length   # a lower-case field ends the name: "Sở Y tế - đơn vị đi đầu" is a clause
    ends = (after >= len(tokens) or not joined_by_space(tokens[after]) or tokens[after].capitalised
            or bool(levels().match(tokens, after)))
    return length if ends else 0


def bracketed_before_place(tokens: list[Token], start: int, is_place) -> int:
    """How many tokens from `start` a name's abbreviation in brackets and the place right after it bring in:
    one name ("Sở Thông tin và Truyền thông (TT&TT) Đà Nẵng"). After a level word the place tells where the
    body is ("… (DNTN) quận Tân Bình"), and an abbreviation closing the name is left out ("… (UBKTTW) đã họp")."""
    i = start   # the abbreviation may hold "&" ("TN&MT")
    while i + 1 < len(tokens) and tokens[i + 1].gap == "&" and tokens[i + 1].shouted:
        i += 1
    if tokens[start].gap.strip() != "(" or not all(t.shouted for t in tokens[start:i + 1]) or \
            i + 1 >= len(tokens) or tokens[i + 1].gap.strip() != ")" or not tokens[i + 1].gap.endswith(" "):
        return 0
    place = is_place(tokens, i + 1)
    return i + 1 + place - start if place else 0


def listed_fields(tokens: list[Token], i: int, is_place, opens_person) -> int:
    """How many tokens from i a list of fields brings into the name after a comma: capitalised fields, each
    one word, joined by commas and closed by "và" ("Bộ Lao động, Thương binh và Xã hội", "Ủy ban Khoa học,
    Công nghệ và Môi trường"); 0 without the closing "và" ("Bộ Kế hoạch, Sở Tài chính" are two bodies)."""
    at = i
    while at < len(tokens) and tokens[at].gap in (", ", " "):
        closing = tokens[at].gap == " " and tokens[at].folded == "và"
        start = at + 1 if closing else at
        if (not closing and at != i and tokens[at].gap != ", ") or start >= len(tokens):
            return 0
        length = _field_word(tokens, start, is_place, opens_person)
        if not length:
            return 0
        at = start + length
        if closing:
            return at - i
    return 0


def _field_word(tokens: list[Token], i: int, is_place, opens_person) -> int:
    """The length of a capitalised field word at token i (one dictionary word or one syllable), or 0 where a
    body, a place, a person or a title starts."""
    token = tokens[i]
    if not token.capitalised or token.shouted or heads().match(tokens, i) \
            or is_place(tokens, i) or opens_person(tokens, i) or titles().match(tokens, i):
        return 0
    return _compound_at(tokens, i) or 1


def rest_of_cut_word(tokens: list[Token], i: int) -> bool:
    """Lower-case token i completes one dictionary word with the capitalised syllable before it."""
    token, before = tokens[i], tokens[i - 1]
    return (not token.capitalised and before.capitalised and joined_by_space(token)
            and token.folded not in never_name_words() and is_compound(before.folded, token.folded))


def dotted_level(tokens: list[Token], i: int) -> bool:
    """Token i is a level abbreviation whose dot and place follow ("TP. Hồ Chí Minh", "Q. 10")."""
    if tokens[i].text not in _level_abbreviations() or i + 1 >= len(tokens):
        return False
    following = tokens[i + 1]
    return _DOTTED_GAP.fullmatch(following.gap) is not None and (
        following.capitalised or following.text[0].isdigit())
