"""Places (spec §2, LOC): provinces, cities, districts, communes, villages, countries and regions.

  level_word+name  "tỉnh Bắc Kạn", "thôn Nội Trung", "TP Đà Lạt" → the name alone. Any capitalised name
                   after a level word counts, known or not (villages are in no gazetteer); the names of a
                   list after a plural level word ("các huyện Lạc Dương, Đam Rông") and a known parent in
                   brackets ("xã Thanh Quang (Thanh Hà)") come along (rules "listed", "bracketed").
  numbered_unit    "quận 5", "phường 12", "khu phố 1", "P.9", "Q.5": the level word stays in the span.
  fused_city       "TP.HCM", "TPHCM": as written.
  known_province   a province or city of the gazetteer standing alone ("ở Đồng Tháp"), unless it is part of
                   a person's name ("Trương Hòa Bình") or of a longer proper name.
  country, region  the small lists in extractor/data/.
The gazetteer (before and after the 1/7/2025 merger) and the word lists come from `gazetteer.place_lexicon()`.
Lexicons are matched on fold(text), which keeps the text's offsets.
Candidates may overlap; the longest span (level word included) wins.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

import regex

from extractor.folding import fold, strip_accents
from extractor.resources import load_list
from extractor.rules.names.gazetteer import NOT_WORD, PlaceLexicon, place_lexicon
from extractor.rules.text.spans import TakenSpans
from extractor.rules.text.tokens import Token, joined_by_space

_SYL = r"\p{Lu}(?:[\p{Ll}\p{M}]|['’-]\p{L})*" + NOT_WORD  # a capitalised syllable: "Bắc", "Y", "H'Leo", "Al-Sukhnah"
_SYLLABLE = regex.compile(_SYL)
_SPACE_OR_DASH = regex.compile(r"[ -]")
# A name run is read at most 12 syllables far (the longest known place has 8, a person's name may follow):
# a title-cased run of 20 KB is otherwise re-read whole from each level word in it (quadratic).
_RUN = regex.compile(rf"{_SYL}(?: {_SYL}){{0,11}}")
_NUMBER = regex.compile(r"\d{1,3}[A-Z]?(?![\p{L}\p{N}]|[.,/-]\d|\s*%)")          # "phường 5", "P.9"
_NUMBER_OR_ROMAN = regex.compile(_NUMBER.pattern + r"|[IVX]{1,4}(?![\p{L}\p{N}.])")  # "khóm II", not "thôn V. Đ"
_CLAUSE_END = r"(?=[ \t]*(?:[,;.:)\]\n]|\Z)|[ \t]+(?:và|hoặc)\s)"
_NAME_NUMBER = regex.compile(r" \d{1,2}(?!\d|[.,]\d)" + _CLAUSE_END)  # "xã Gia Hòa 2 và …", not "Bắc Kạn 5 năm"
_SEPARATOR = regex.compile(r"[ \t]*,[ \t]*(?:và[ \t]+)?|[ \t]+(?:và|hoặc)[ \t]+")
_BRACKETED = regex.compile(rf"[ \t]*\(({_SYL}(?: {_SYL}){{0,11}})\)")
_HYPHENATED = regex.compile(rf"[ \t]*[-–][ \t]*({_SYL}(?: {_SYL}){{0,11}})")      # "Bà Rịa - Vũng Tàu"
_ENDS_CLAUSE = regex.compile(_CLAUSE_END)
_NATIVE = regex.compile(r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?")
_SENTENCE_OPENERS = frozenset("\n.!?…:“\"'‘([-–—•*")
_RULE_RANK = {"fused_city": 0, "level_word+name": 1, "numbered_unit": 1}


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int           # the LOC span: the name as the spec wants it
    level: str | None  # "country", "region", "province", "city", "district", "commune", "village" or None
    outer_start: int   # span start with the level word ("tỉnh Bắc Kạn"); equal to start when there is none
    rule: str


def known_place_level(name: str) -> str | None:
    """The level of a name the gazetteer or the lists know ("Trần Văn Thời" → "district"), else None."""
    lex = place_lexicon()
    key = fold(" ".join(name.split()))
    return lex.gazetteer.get(key) or (lex.standalone[key][0] if key in lex.standalone else None)


def _name_at(text: str, folded: str, pos: int, lex: PlaceLexicon,
             prefer_known: bool = False) -> tuple[int, str | None, bool] | None:
    """(end, known level, known) of the place name that starts at `pos`, or None.

    The capitalised run stops before a word that opens a sentence ("Theo", "Được"). A known name wins: the
    whole run, or its longest known start when a person's name follows or `prefer_known` (units above the
    village are all in the gazetteer); else the run is cut before a family name that opens a name of two
    syllables or more ("thôn Nghĩa Xã Nguyễn Văn Phú" → "Nghĩa Xã"); else up to four syllables are the name.
    """
    run = _RUN.match(text, pos)
    if not run:
        return None
    syl = [m.span() for m in _SYLLABLE.finditer(text, run.start(), run.end())]
    if syl[-1][1] - syl[-1][0] == 1 and text[syl[-1][1]:syl[-1][1] + 1] == ".":
        syl.pop()  # "thị trấn H. Trà Bồng": an initial, not a name
    words = [folded[s:e] for s, e in syl]
    key = lambda k: folded[pos:syl[k - 1][1]]  # noqa: E731  (the first k syllables, folded)
    known = next((k for k in range(len(syl), 0, -1) if key(k) in lex.gazetteer or key(k) in lex.standalone), 0)
    n = max(known, next((i for i, w in enumerate(words) if w in lex.not_name_words), len(words)))
    if n == 0:
        return None  # "trưởng thôn Để nâng cao …": a heading glued to its paragraph
    joined = _HYPHENATED.match(text, syl[-1][1]) if n == len(syl) else None
    if joined and f"{key(n)}-{fold(joined.group(1))}" in lex.gazetteer:
        return joined.end(), lex.gazetteer[f"{key(n)}-{fold(joined.group(1))}"], True
    lowest = max(known, 2 if words[0] in lex.surnames else 1)  # "Nguyễn Văn Trịnh" holds no "Nguyễn" + a person
    person_at = [i for i in range(lowest, n - 1) if words[i] in lex.surnames
                 and folded[syl[i][0]:syl[n - 1][1]] not in lex.gazetteer]
    if known and (known == n or known in person_at or (prefer_known and known > 1)):
        take = known
    elif person_at:
        take = person_at[0]
    elif (words[0] in lex.surnames and n >= 3) or n > 4:
        return None  # "Trưởng thôn Nguyễn Văn Trịnh" is a title and a person
    else:
        take = n
    end = syl[take - 1][1]
    if take == n:
        number = _NAME_NUMBER.match(text, end)
        if number and key(n) + number.group() in lex.gazetteer:
            return number.end(), lex.gazetteer[key(n) + number.group()], True
        end = number.end() if number else end
    level = known_place_level(text[pos:syl[take - 1][1]]) if known == take else None
    return end, level, known == take and take > 1  # one known syllable ("Ba", "Tư") vouches for nothing


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_OPENERS


def _word_before(text: str, start: int) -> tuple[int, int] | None:
    """The word that ends one space before `start`."""
    if text[start - 1:start] != " ":
        return None
    i = start - 1
    while i > 0 and (text[i - 1].isalpha() or unicodedata.combining(text[i - 1])):
        i -= 1
    return (i, start - 1) if i < start - 1 else None


def _after_level_word(text: str, folded: str, start: int, end: int, entry: tuple[str, str], abbreviation: bool,
                      blocked: list[tuple[int, int]], lex: PlaceLexicon) -> list[PlaceMatch]:
    level, takes = entry
    pos = end
    while pos < len(text) and text[pos] == " ":
        pos += 1
    if pos == end and not text[start:end].endswith("."):
        return []
    number = (_NUMBER if abbreviation else _NUMBER_OR_ROMAN).match(text, pos) if takes in ("number", "both") else None
    if number:
        found = [PlaceMatch(start, number.end(), level, start, "numbered_unit")]
    else:
        name = _name_at(text, folded, pos, lex, level != "village") if takes != "number" else None
        if name is None and takes != "number":
            described = _description_at(folded, pos)
            if described:  # "các xã miền núi Kim Thủy, Lâm Thủy": the names follow a description
                pos = described
                name = _name_at(text, folded, pos, lex, level != "village")
        if name is None:
            return []
        name_end, known_level, known = name
        if not known and (
                (not abbreviation and text[start].isupper() and not _sentence_initial(text, start))
                or any(s < end and start < e or s == pos for s, e in blocked)
                or (pos == end and abbreviation)  # "TP.Thủ tướng": a sentence glued on, unless a known city
                or (takes == "native" and not all(_NATIVE.fullmatch(strip_accents(w)) or w.isdigit()
                                                  for w in _SPACE_OR_DASH.split(text[pos:name_end])))):
            return []  # "Huyện Đoàn Thanh Hà", "hợp tác xã Nông nghiệp", "bản Type S": no level word + name
        kind = known_level if known_level in ("country", "region") else level
        found = [PlaceMatch(pos, name_end, kind, start, "level_word+name")]
    plural = lex.plural_re.search(folded, max(0, start - 12), start) is not None
    return found + _followers(text, folded, found[0].end, level, plural, lex)


@functools.cache
def _descriptions() -> tuple[str, ...]:
    return tuple(sorted((fold(d) for d in load_list("place_descriptors.txt")), key=len, reverse=True))


def _description_at(folded: str, pos: int) -> int | None:
    """Where the names start after a description of the places ("miền núi "), or None."""
    for description in _descriptions():
        if folded.startswith(description + " ", pos):
            return pos + len(description) + 1
    return None


def _followers(text: str, folded: str, pos: int, level: str, plural: bool, lex: PlaceLexicon) -> list[PlaceMatch]:
    """A known parent in brackets, and the rest of a list ("các xã Châu Cường, Châu Thành, Liên Hợp")."""
    found = []
    while True:
        bracket = _BRACKETED.match(text, pos)
        if bracket and fold(bracket.group(1)) in lex.gazetteer:
            known = lex.gazetteer[fold(bracket.group(1))]
            found.append(PlaceMatch(bracket.start(1), bracket.end(1), known, bracket.start(1), "bracketed"))
            pos = bracket.end()
            continue
        separator = _SEPARATOR.match(text, pos)
        if not separator:
            return found
        item = separator.end()
        number = _NUMBER.match(text, item) if plural else None
        if number:  # "các phường 1, 2 và Tân Định": the bare numbers are no names of their own
            pos = number.end()
            continue
        name = _name_at(text, folded, item, lex)
        if name is None:
            return found
        end, known_level, known = name
        words = text[item:end].split()
        if known and not plural and fold(words[0]) in lex.surnames and known_level not in ("province", "city"):
            return found  # "…, Nguyễn Du phường 9", "… và Hoàng Lâm (sinh năm …)": a street or a person
        if not known and not (plural and _ENDS_CLAUSE.match(text, end)
                              and not (len(words) > 2 and fold(words[0]) in lex.surnames)):
            return found
        found.append(PlaceMatch(item, end, level if plural else known_level, item, "listed"))
        pos = end


def _standalone(text: str, folded: str, blocked: list[tuple[int, int]], lex: PlaceLexicon) -> list[PlaceMatch]:
    found = []
    for match in lex.standalone_re.finditer(folded):
        start, end = match.span()
        level, rule, capitals = lex.standalone[match.group()]
        words = _SPACE_OR_DASH.split(text[start:end])
        if any(must and not word[:1].isupper() for must, word in zip(capitals, words)):
            continue  # "hòa bình" (peace), "nga" …
        if any(s <= start and end <= e for s, e in blocked):
            continue  # "Thái Bình Dương", "Hồ Chí Minh" (the President), "Pháp luật"
        before = _word_before(text, start)
        if before and text[before[0]].isupper() and (folded[before[0]:before[1]] in lex.person or (
                len(words) == 1 and folded[before[0]:before[1]] not in lex.not_name_words)):
            continue  # "Trương Hòa Bình", "Thanh Nga"; "Bảo Vinh" (a one-syllable name ends a longer one)
        if lex.honorific_re.search(folded, max(0, start - 20), start):
            continue  # "ông Bình Định"
        after = _SYLLABLE.match(text, end + 1) if text[end:end + 1] == " " and rule != "fused_city" else None
        if after and folded[after.start():after.end()] not in lex.surnames and text[after.end():after.end() + 1] != ":":
            continue  # "Hà Nội Mới", "Mỹ Hạnh": part of a longer name (a person's name may follow a place)
        found.append(PlaceMatch(start, end, level, start, rule))
    return found


def _longest_first(candidates: list[PlaceMatch]) -> list[PlaceMatch]:
    chosen: list[PlaceMatch] = []
    taken = TakenSpans()
    for c in sorted(candidates, key=lambda c: (c.outer_start - c.end, _RULE_RANK.get(c.rule, 2), c.outer_start)):
        if not taken.overlaps(c.outer_start, c.end):
            taken.take(c.outer_start, c.end)
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.outer_start)


def find_places(text: str) -> list[PlaceMatch]:
    """Every place in `text`, in text order, non-overlapping, the longest span winning."""
    lex = place_lexicon()
    folded = fold(text)
    blocked = [m.span() for m in lex.not_names_re.finditer(folded, overlapped=False)]
    candidates = []
    for match in lex.level_re.finditer(folded):
        entry = lex.level_words[match.group()]
        candidates += _after_level_word(text, folded, *match.span(), entry, False, blocked, lex)
    for match in lex.abbreviation_re.finditer(text):
        entry = lex.abbreviations[match.group()]
        candidates += _after_level_word(text, folded, *match.span(), entry, True, blocked, lex)
    candidates += _standalone(text, folded, blocked, lex)
    return _longest_first(candidates)


def known_place_length(tokens: list[Token], index: int, longest: int = 4) -> int:
    """How many syllable tokens from `index` spell a known place name (0 if none); for name rules
    that walk tokens (an organization keeps "Huyện ủy Trần Văn Thời" whole because the district is known)."""
    for length in range(min(longest, len(tokens) - index), 0, -1):
        window = tokens[index:index + length]
        if not all(t.capitalised for t in window) or any(not joined_by_space(t) for t in window[1:]):
            continue
        if known_place_level(" ".join(t.text for t in window)):
            return length
    return 0
