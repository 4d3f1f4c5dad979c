"""Where an organization's name ends, given where it starts (after its head).

The name runs on through capitalised syllables, numbers, level words with their place ("tỉnh Bình Định",
"phường 5"), nested heads ("Ban Thường vụ Đảng ủy Khối") and the lower-case words that live inside names
("các cơ quan", "doanh nghiệp"); it stops at punctuation, other lower-case words and a person's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import regex

from extractor.rules.names.org_joins import (bracketed_before_place, dotted_level, joined_part, listed_fields,
                                            never_name_words, rest_of_cut_word)
from extractor.rules.names.org_lexicon import (demonstratives, document_words, heads, inner_words, levels,
                                               named_after_people, names, standalone, surnames, titles)
from extractor.rules.names.org_words import (act_follows_act, capitalised_past_first_word, counts_what_follows,
                                             field_run_end, next_sentence_starts, person_starts,
                                             word_opens_sentence)
from extractor.rules.text.dictionary import is_compound
from extractor.rules.text.tokens import Token, joined_by_space


def _is_name_token(token: Token) -> bool:
    return token.capitalised or token.text[0].isdigit()


def _word_continues_name(tokens: list[Token], i: int) -> bool:
    """Lower-case token i is a later syllable of a word that opened with a capital ("Cơ quan",
    "Tài nguyên và Môi trường"). Past the second syllable the segmenter's words are trusted only up to
    their last capital ("Doanh nghiệp tỉnh" keeps "nghiệp"; "Khối định kỳ", "Mỹ Xuyên trao" keep none)."""
    token = tokens[i]
    if not token.continues or token.capitalised or token.folded in never_name_words():
        return False
    first = i
    while first > 0 and tokens[first].continues:
        first -= 1
    opener = tokens[first]
    if not opener.capitalised or opener.shouted or opener.folded in standalone():
        return False   # "Hội VHNT cử …": an abbreviation holds no lower-case syllable the segmenter glued on
    before = tokens[first - 1] if first > 0 else None
    if before is not None and before.capitalised and before.folded not in standalone() and not before.shouted \
            and not _head_ends_at(tokens, first - 1) and not before.text[0].isdigit():
        return False  # inside a proper name ("Mỹ Xuyên trao"): the segmenter glued a verb to it
    if i == first + 1:
        return True
    last = i
    while last + 1 < len(tokens) and tokens[last + 1].continues:
        last += 1
    return any(t.capitalised for t in tokens[i + 1:last + 1])


def _head_ends_at(tokens: list[Token], last: int) -> bool:
    for length in range(1, heads().longest + 1):
        start = last - length + 1
        match = heads().match(tokens, start) if start >= 0 else None
        if match and match[0] == length:
            return True
    return False


def _capitals_from(tokens: list[Token], i: int, limit: int) -> int:
    """How many capitalised syllables run from token i, counted up to `limit` (a run of capitals can be as
    long as a list of names). After a place in a named body: none (the place ends the name: "Sở Lao động -
    Thương binh và Xã hội Hà Tĩnh") or a person's two or more ("Sở Tư pháp Đồng Nai Viên Hồng Tiến"); one
    alone means the "place" was a person's first syllables ("… Dương Đức Thảo")."""
    count = 0
    while count < limit and i + count < len(tokens) and joined_by_space(tokens[i + count]) \
            and tokens[i + count].capitalised:
        count += 1
    return count


def level_at(tokens: list[Token], i: int) -> bool:
    """A level word, not the first syllable of a name's word that merely starts like one ("và Xã hội",
    the field "xã hội"); "Đảng bộ khối phấn đấu" keeps its level word before a verb."""
    level = levels().match(tokens, i)
    after = i + level[0] if level else len(tokens)
    if after < len(tokens) and joined_by_space(tokens[after]) and tokens[after].folded in demonstratives():
        return False   # "Sở Nông nghiệp tỉnh này": the level word points back to a place named before
    if level is None or level[0] > 1 or i + 1 >= len(tokens):
        return level is not None
    following = tokens[i + 1]   # a level word's place is capitalised or a number; "hội" is not
    return not (joined_by_space(following) and not following.capitalised
                and is_compound(tokens[i].folded, following.folded)
                and inner_words().match(tokens, i) is not None)


def _opens_other(tokens: list[Token], i: int) -> bool:
    """Token i begins another body, a title or a document, or is no name at all."""
    token = tokens[i]
    return (not token.capitalised or token.text[0].isdigit() or bool(heads().match(tokens, i))
            or bool(names().match(tokens, i)) or bool(titles().match(tokens, i))
            or bool(document_words().match(tokens, i)))


def take_level(tokens: list[Token], i: int, is_place: Callable[[list[Token], int], int],
               dotted: bool = False) -> int:
    """Index after a level word's place: a known place, a number, or an unknown capitalised name.
    `dotted`: the level word was an abbreviation whose dot stands before the place ("TP. Hồ Chí Minh")."""
    if i >= len(tokens) or not (dotted or joined_by_space(tokens[i])):
        return i
    place = is_place(tokens, i)
    if place:
        return i + place
    if tokens[i].text[0].isdigit() or tokens[i].shouted:
        return i + 1   # "phường 5", "TP. HCM": a number or an abbreviated place
    first = i
    if person_starts(tokens, i):
        return i   # "Hội Nhà báo TP Lê Văn An": the level's place is left unsaid, a person follows
    while i < len(tokens) and (i == first or joined_by_space(tokens[i])) and (
            tokens[i].capitalised or _word_continues_name(tokens, i) or (i > first and rest_of_cut_word(tokens, i))):
        if heads().match(tokens, i) or titles().match(tokens, i) or (i > first and person_starts(tokens, i)):
            break
        i += 1
    return i


_ROMAN = regex.compile(r"[IVXL]{1,5}")
_CENTRAL = frozenset(("tư", "t.ư", "tw", "ương"))   # the last syllable of "TƯ", "T.Ư", "TW", "Trung ương"


@dataclass
class _Walk:
    """The state of one walk over a name, token by token; each step says whether the name goes on."""
    tokens: list[Token]
    index: int
    is_place: Callable[[list[Token], int], int]
    people_allowed: bool
    end: int = 0               # the name so far ends before this token
    i: int = 0
    distinctive: bool = False
    named: bool = False        # a place, a name or a number is in already (a nested head is not)
    lower_inner: bool = False  # a lower-case name word is in ("các cơ quan"): "và doanh nghiệp" may follow
    person_taken: bool = False  # a person's name is in already ("Trường THPT Lê Lợi")
    joinable: bool = False     # the name ends on a field word, which a dash, "&" or a lower-case field may follow
    bloc: bool = False         # a bare "Khối", named by the field after it ("Khối du lịch"), not by a cut word
    placed: bool = False       # a level word and its place are in: the name's place ends it

    def take(self, to: int) -> bool:
        self.i = self.end = to
        return True

    def across_gap(self) -> bool:
        if self.i != self.end:
            return False
        taken = joined_part(self.tokens, self.i, self.is_place, person_starts) if self.joinable else 0
        taken = taken or bracketed_before_place(self.tokens, self.i, self.is_place) or (
            self.joinable and listed_fields(self.tokens, self.i, self.is_place, person_starts))
        return bool(taken) and self.take(self.i + taken)

    def level(self, token: Token) -> bool | None:
        tokens, i = self.tokens, self.i
        nested = heads().match(tokens, i) if token.capitalised else None
        level = None if nested or not level_at(tokens, i) else levels().match(tokens, i)
        dotted = nested is None and token.capitalised and dotted_level(tokens, i)
        if level is None and token.capitalised and (token.folded in ("tp", "tp.") or dotted):
            level = (1, True)
        if level:
            after_level = i + level[0]
            self.take(take_level(tokens, after_level, self.is_place, dotted))
            self.distinctive = self.named = True
            self.placed = self.i > after_level
            self.bloc = token.folded == "khối" and self.i == after_level   # a bloc is named by its field
            return True
        if token.folded == "số" and i + 1 < len(tokens) and tokens[i + 1].text.isdigit():
            self.distinctive = self.named = True
            return self.take(i + 2)  # "Đoàn kiểm tra số 471"
        return None

    def name_word(self, token: Token) -> bool:
        tokens, i = self.tokens, self.i
        if (_ROMAN.fullmatch(token.text) and tokens[i - 1].folded in _CENTRAL) or next_sentence_starts(tokens, i) \
                or counts_what_follows(tokens, i) or (self.placed and word_opens_sentence(tokens, i)):
            return False   # the Centre's term ("BCH TƯ X"), the next sentence, a count: no part of the name
        nested = heads().match(tokens, i)
        if nested and nested[0] == 1 and i > self.index and not tokens[i - 1].capitalised and \
                i + 1 < len(tokens) and tokens[i + 1].continues and not tokens[i + 1].capitalised:
            return False   # "Thành ủy Đà Nẵng tại Hội nghị": after a lower-case word, "Hội nghị" is no body
        if nested:
            self.distinctive = True
            self.joinable = nested[0] == 1   # "Hội đồng Bộ trưởng": a one-syllable head may be a cut word
            # a nested school may be named after a person ("Hội đồng quản trị Trường Tiểu học Lê Lợi")
            self.people_allowed = self.people_allowed or bool(named_after_people().match(tokens, i))
            return self.take(i + nested[0])
        if self.distinctive and _title_opens_person(tokens, i):
            return False   # "Đảng Cộng sản Việt Nam Chủ tịch …": a title after the name opens a person
        if person_starts(tokens, i) and self.people_allowed and (self.person_taken or tokens[i - 1].folded == "tp"):
            return False   # "Học viện … Hồ Chí Minh Trần Văn A", "Học viện Cán bộ TP Trần Văn A": the person
            # the title names, after the one the body is named after or after the city
        self.person_taken = self.person_taken or person_starts(tokens, i)
        if person_starts(tokens, i) and not self.people_allowed:
            # A committee already named takes no second place: "Huyện ủy Tân Yên Dương Đức Thảo" ends before
            # the person; an unnamed one keeps a known place ("Huyện ủy Trần Văn Thời").
            place = self.is_place(tokens, i)
            if self.named and _capitals_from(tokens, i + place, 2) == 1:
                place = 0   # "Tân Yên Dương Đức Thảo": a "place" leaving one capital is a person's start
            if place < 2:
                return False
            self.take(i + place)
        else:
            self.take(i + 1)
            self.joinable = not token.text[0].isdigit()
        if token.folded != "đảng":   # "Đảng" alone after a head is the Party, not a name ("Chi bộ Đảng")
            self.distinctive = self.named = True
        return True

    def inner_word(self, after_word: bool) -> bool:
        tokens, i = self.tokens, self.i
        inner = inner_words().match(tokens, i)
        if inner is None:
            return False
        if inner[1] in ("field", "act"):   # "Cục Quản lý thị trường": a field written in lower case after a word
            end = i + inner[0] if inner[1] == "field" else act_follows_act(tokens, i) and field_run_end(tokens, i)
            if not after_word or not end:
                return False
            self.joinable = True   # a field alone names no body ("Trung tâm y tế", "Ngân hàng điện tử")
            self.distinctive = self.distinctive or capitalised_past_first_word(tokens, self.index)
            return self.take(end)
        nxt = i + inner[0]
        if inner[1] == "joins" and after_word and self.end > self.index and field_run_end(tokens, nxt):
            self.joinable = self.distinctive = True   # "Sở Nông nghiệp và phát triển nông thôn"
            return self.take(field_run_end(tokens, nxt))
        joins_inner = ((inner[1] == "joins_inner" or self.lower_inner) and nxt < len(tokens)
                       and inner_words().match(tokens, nxt))
        if inner[1] in ("joins", "joins_inner") and not joins_inner and (
                nxt >= len(tokens) or not joined_by_space(tokens[nxt]) or level_at(tokens, nxt)
                or _opens_other(tokens, nxt) or self.is_place(tokens, nxt)):
            return False   # "Bộ Quốc phòng và TP.HCM": a place after và is the sentence's second party
        self.lower_inner = self.lower_inner or inner[1] not in ("joins", "joins_inner")
        self.i = nxt
        if inner[1] == "end":
            self.end = nxt
            self.joinable = True
        return True


def extend(tokens: list[Token], index: int, is_place: Callable[[list[Token], int], int],
           people_allowed: bool = False) -> tuple[int, bool]:
    """(index after the name, whether a distinctive part was taken) for a name starting at `index`."""
    walk = _Walk(tokens, index, is_place, people_allowed, end=index, i=index,
                 # a head of two syllables or more may take a field right away ("Viện Kiểm sát nhân dân tối cao")
                 joinable=index >= 2 and tokens[index - 1].continues and joined_by_space(tokens[index - 1]))
    while walk.i < len(tokens):
        token, i = tokens[walk.i], walk.i
        if not joined_by_space(token):
            if walk.across_gap():
                continue
            break
        if i == walk.end and i > index and (_word_continues_name(tokens, i)
                                            or (walk.joinable and rest_of_cut_word(tokens, i))):
            walk.take(i + 1)  # the rest of a word the name already holds ("Cơ quan", "Ban Chỉ đạo")
            walk.joinable = True
            continue
        after_word, walk.joinable = (walk.joinable and i == walk.end) or walk.bloc, False
        walk.bloc = False
        level = walk.level(token)
        if level is not None:
            continue
        if (walk.name_word(token) if _is_name_token(token) else walk.inner_word(after_word)):
            continue
        break
    return walk.end, walk.distinctive


def _title_opens_person(tokens: list[Token], i: int) -> bool:
    """A title at token i followed by capitals ("… Chủ tịch Hội đồng Bộ trưởng", "… Bí thư Trần Văn A"); a
    title word closing a name ("Vụ Tổ chức Cán bộ") is the name's own."""
    found = titles().match(tokens, i)
    after = i + found[0] if found else len(tokens)
    return after < len(tokens) and joined_by_space(tokens[after]) and tokens[after].capitalised


def _title_before(tokens: list[Token], index: int) -> bool:
    for length in range(1, titles().longest + 1):
        start = index - length
        found = titles().match(tokens, start) if start >= 0 else None
        if found and found[0] == length and joined_by_space(tokens[index]):
            return True
    return False


def leave_the_person(tokens: list[Token], start: int, end: int, is_place) -> int:
    """Where a name preceded by a title really ends: bulletins write title, body, then the person with no
    comma ("Bí thư Đảng ủy Khối Doanh nghiệp Trung ương Lương Văn Tài phát biểu"), so a name that ran to the
    end of its capitalised run after a title leaves its last two to four syllables to the person when they
    are no place, head, level or title. A family name among them marks where the person starts."""
    if not _title_before(tokens, start) or (end < len(tokens) and joined_by_space(tokens[end])
                                            and tokens[end].capitalised):
        return end
    run = end
    while run > start and tokens[run - 1].capitalised and not tokens[run - 1].shouted and \
            not tokens[run - 1].text[0].isdigit() and joined_by_space(tokens[run - 1]):
        run -= 1
    if end - run < 3:   # a person's two or three syllables and at least one syllable of the body's name
        return end
    begin = next((k for k in range(end - 4, end - 1) if k > run and tokens[k].folded in surnames()), end - 3)
    person = range(begin, end)
    if any(heads().match(tokens, k) or levels().match(tokens, k) or titles().match(tokens, k)
           or tokens[k].folded in standalone() for k in person) or is_place(tokens, begin):
        return end
    return begin
