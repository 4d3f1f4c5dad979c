"""Organizations: a head from the lexicon ("Đảng ủy", "Ban Thường vụ", "Sở") and the name that follows.

Where the name ends is `org_extent`'s job; this module walks the text for heads and known names and keeps
the longest. A head that needs a name and gets none is a kind of body, not an entity.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

import regex

from extractor.folding import fold
from extractor.resources import load_table
from extractor.rules.names.org_extent import extend, leave_the_person, level_at, person_starts, take_level
from extractor.rules.names.org_lexicon import (bare_names, countries, false_heads, function_words, heads,
                                               kind_words, levels, meeting_bodies, named_after_people, names)
from extractor.rules.names.org_lower_heads import (lower_case_full_head, lower_case_head, lower_case_openers,
                                                   lower_case_paper, media_heads, preceded_by_plural)
from extractor.rules.names.phrases import honorifics
from extractor.rules.text.dictionary import is_compound
from extractor.rules.text.tokens import TOKEN_PATTERN, Token, joined_by_space, tokenize

# Title words fused with a committee ("Tỉnh ủy viên") hold no organization.
_FUSED_TITLE = "viên"


# A meeting's working body (data/org_meeting_bodies.txt) is no organization (spec §2 names standing bodies).
# It is reported under this rule so that the resolver keeps its words from other readings ("Đoàn Chủ" is no
# person) and then drops it.
MEETING_BODY = "org_meeting_body"


@dataclass(frozen=True)
class OrgMatch:
    start: int
    end: int
    rule: str


def _abbreviation_head(token: Token) -> bool:
    return token.folded in _abbreviations()


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(fold(head) for head, _needs, _kind, _leads in load_table("org_heads.tsv", 4) if head.isupper())


def _only_level(tokens: list[Token], start: int, end: int) -> bool:
    level = levels().match(tokens, start) if start < len(tokens) else None
    return bool(level) and level[0] == end - start


def _level_list_follows(tokens: list[Token], end: int) -> bool:
    """A comma and another level word follow: the levels are listed, no one body is named."""
    return end < len(tokens) and tokens[end].gap.strip() == "," and levels().match(tokens, end) is not None


# A news site named by its address ("theo Chinhphu.vn", "báo điện tử baogiaothong.vn"); not a link's host.
_WEBSITE = regex.compile(r"[\p{L}\d-]+\.(?:vn|com|net|org)(?:\.vn)?", regex.IGNORECASE)


def _website(text: str, token: Token) -> bool:
    return (_WEBSITE.fullmatch(token.text) is not None and not token.gap.endswith(("/", "@", "."))
            and not text.startswith(("/", "@"), token.end))


def _bare_name(tokens: list[Token], i: int) -> tuple[int, object] | None:
    """A newspaper, agency or international body written exactly as the data spells it, case included."""
    found = bare_names().match(tokens, i)
    if found is None:
        return None
    window = tokens[i:i + found[0]]
    for spelling in found[1]:
        if all(t.text == s if s.isupper() else t.text[0].isupper() == s[0].isupper()
               for t, s in zip(window, TOKEN_PATTERN.findall(spelling))):
            return found
    return None


def _words_in(tokens: list[Token], start: int, end: int) -> int:
    """How many capitalised words (not syllables) tokens[start:end] hold."""
    return sum(1 for t in tokens[start:end] if t.capitalised and not t.continues)



def _inside_place(tokens: list[Token], i: int, is_place) -> bool:
    """Token i ends a place's name that starts before it ("Bắc Bộ", "Trung Bộ"): no body's head."""
    return i > 0 and tokens[i - 1].capitalised and joined_by_space(tokens[i]) and any(
        k >= 0 and is_place(tokens, k) > i - k for k in (i - 1, i - 2))


def _place_at_head(tokens: list[Token], i: int, length: int, is_place) -> bool:
    """"Hội An": a known place that opens with a head's syllable and ends where a word ends
    ("Ban Công tác …" is no place "Ban Công")."""
    if length > 1 or i + 1 >= len(tokens) or not tokens[i + 1].capitalised:
        return False   # a place holds two capitalised syllables at least; a head of two words opens none
    place = is_place(tokens, i)
    return place > length and not (i + place < len(tokens) and tokens[i + place].continues)


def _person_after_honorific(tokens: list[Token], i: int) -> bool:
    """"ông Đoàn Minh Hải", "bà Hội Thu": after an honorific, a head's syllable is a family name."""
    return person_starts(tokens, i) and any(
        i >= n and honorifics().match(tokens, i - n) == (n, True) for n in (1, 2))



def _head_reading(tokens: list[Token], i: int, head: tuple[int, str], is_place) -> tuple[int, str] | None:
    """(index after the name, rule) for the body a head at token i opens, or None if it opens none."""
    length, needs = head
    after = i + length
    if after < len(tokens) and joined_by_space(tokens[after]) and (
            tokens[after].folded == _FUSED_TITLE or (length == 1 and _one_word_with_head(tokens, i))):
        return None
    end, distinctive = extend(tokens, after, is_place, bool(named_after_people().match(tokens, i)))
    if end == after + 1 and tokens[after].folded in function_words():
        distinctive = False   # "Ban Vì sự tiến bộ …": a capitalised function word names nothing alone
    if not tokens[i].capitalised and needs == "tail" and _words_in(tokens, after, end) < 2 \
            and tuple(t.folded for t in tokens[i:after]) not in media_heads():
        distinctive = False  # "phòng Cảnh sát", "trường Đại học": a kind, or a name cut short ("báo Infonet" is named)
    if distinctive and _only_level(tokens, after, end) and (preceded_by_plural(tokens, i)
                                                            or _level_list_follows(tokens, end)):
        distinctive = False  # "các Đảng bộ phường", "UBND phường, xã, thị trấn": a kind of body
    if distinctive and " ".join(t.text for t in tokens[after:end]) in kind_words():
        distinctive = False  # "Trường Tiểu học", "Trường ĐH": a kind of school, no name after it
    if distinctive:
        end = leave_the_person(tokens, i, end, is_place)
        distinctive = end > after
    if distinctive:
        return end, "org_head+name"
    return (after, "org_committee") if needs == "complete" else None


def _one_word_with_head(tokens: list[Token], i: int) -> bool:
    """The head syllable is the first of another word: "Hội nghị", "Ban hành", "Báo cáo" (the segmenter's
    word), "Trường Sơn", "Trường Sa" (a dictionary word ending the capitalised run), but not "Bộ Tư pháp",
    whose next syllable opens a word of its own, nor "Đoàn Khối", whose next syllable is a level word."""
    following = tokens[i + 1]
    if following.continues and not following.capitalised:
        return True
    if not following.capitalised or levels().match(tokens, i + 1) or not is_compound(tokens[i].folded,
                                                                                      following.folded):
        return False
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    return not (after is not None and joined_by_space(after) and (
        after.capitalised or is_compound(following.folded, after.folded)))


def _known_reading(tokens: list[Token], i: int, known: tuple[int, object], is_place) -> tuple[int, str]:
    """A known name, with the level and place or the country written after it ("MTTQ Việt Nam")."""
    end = i + known[0]
    joined = end < len(tokens) and joined_by_space(tokens[end])
    level = levels().match(tokens, end) if joined and level_at(tokens, end) else None
    country = countries().match(tokens, end) if joined and tokens[end].capitalised else None
    if level:
        end = take_level(tokens, end + level[0], is_place)
    elif country:
        end += country[0]
    return end, "org_known_name"


def _prefer_known(tokens: list[Token], by_head: tuple[int, str] | None, by_name: tuple[int, str]) -> bool:
    """A known name wins unless the head's reading is longer by more than a number ("Ban Bí thư 8" is the
    Secretariat and a footnote)."""
    if by_head is None or by_name[0] >= by_head[0]:
        return True
    return all(t.text.isdigit() for t in tokens[by_name[0]:by_head[0]])


@functools.cache
def _openers() -> tuple[frozenset[str], frozenset[str]]:
    """The syllables a capitalised and a lower-case name can start at."""
    capital = (names().first_syllables | bare_names().first_syllables | heads().first_syllables
               | meeting_bodies().first_syllables)
    return capital, lower_case_openers()


def find_organizations(text: str, is_place: Callable[[list[Token], int], int] | None = None,
                       tokens: list[Token] | None = None, word_starts: set[int] | None = None) -> list[OrgMatch]:
    """Every organization name in `text`, longest first, non-overlapping, in text order.

    `is_place(tokens, i)` says how many tokens from i form a known place name (0 if none); the caller
    passes the places lexicon so that "Huyện ủy Trần Văn Thời" keeps its district.
    """
    is_place = is_place or (lambda _tokens, _i: 0)
    tokens = tokens if tokens is not None else tokenize(text, word_starts)
    found: list[OrgMatch] = []
    capital_openers, lower_openers = _openers()
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.folded not in (capital_openers if token.capitalised else lower_openers) and "." not in token.text:
            i += 1   # most syllables open nothing: one set test ("." for a site's address)
            continue
        if _website(text, token):
            found.append(OrgMatch(token.start, token.end, "org_website"))
            i += 1
            continue
        if token.capitalised:
            known = names().match(tokens, i) or _bare_name(tokens, i)
            head = heads().match(tokens, i)
            if head and token.shouted and not _abbreviation_head(tokens[i]):
                head = None  # a shouted headline ("BÁO CHÍ …") opens no body
            if head and (false_heads().match(tokens, i) or _person_after_honorific(tokens, i)
                         or _inside_place(tokens, i, is_place) or _place_at_head(tokens, i, head[0], is_place)):
                head = None
        else:
            known, head = None, lower_case_head(tokens, i, is_place) or lower_case_full_head(tokens, i)
        best = _head_reading(tokens, i, head, is_place) if head else None
        if known:
            by_name = _known_reading(tokens, i, known, is_place)
            best = by_name if _prefer_known(tokens, best, by_name) else best
        meeting = meeting_bodies().match(tokens, i) if token.capitalised else None
        if meeting and (best is None or best[0] <= i + meeting[0]):
            best = (i + meeting[0], MEETING_BODY)
        if best is None:
            i += 1
            continue
        end_index, rule = best
        # "báo Lao Động": a paper's kind written in lower case is a common noun before its name (spec §2 keeps
        # "Báo Tiền Phong" whole, where the kind is part of the written name)
        first = i + head[0] if head and not token.capitalised and lower_case_paper(tokens, i, head[0]) else i
        found.append(OrgMatch(tokens[first].start, tokens[end_index - 1].end, rule))
        i = end_index
    return found
