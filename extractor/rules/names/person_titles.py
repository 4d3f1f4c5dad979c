"""Person titles (spec §4): the positions written next to a name, read by a small grammar.

A title is an optional modifier (`nguyên`, `quyền`, `phó`: `data/title_modifiers.txt`), a title word
(`data/titles.txt`), then the body it heads: capitalised words, the lowercase words bodies are named with
(`data/title_body_words.txt`), a lowercase syllable the segmenter joins to the word before (`Chính trị`),
numbers (`Chi bộ 5`). Anything else (a verb, another person's name, a bracket) ends it, so a clause or
another person's title is never read as one. Titles stand before the name (`Ủy viên Bộ Chính trị, Bí thư
Thành ủy Hà Nội Trần Văn A`), after it as appositions (`Trần Văn A, Bí thư Huyện ủy`, `Trần Văn A - Giám
đốc Sở`, `Trần Văn A (nguyên Phó Chủ tịch xã, bí thư Chi bộ)`), or before a colon that opens a list of names
(`Các đồng chí Ủy viên Bộ Chính trị: Chủ tịch Quốc hội Trần Văn A; …`).
"""

from __future__ import annotations

import bisect
import functools

import regex

from extractor.resources import load_table
from extractor.rules.names.phrases import PhraseTable, list_table
from extractor.rules.names.places import known_place_length
from extractor.rules.text.tokens import Token, tokenize

_WINDOW = 400  # characters read on each side of a name: titles are short, sentences can be huge
_SEPARATORS = {",", "-", "–", "—"}
_CONNECTORS = ("và", "của")  # body words that join two names of bodies, never end one
_LIST_NUMBER = regex.compile(r"(?<=\p{L})\d{1,2}$")  # "Bộ Công an3. Lê …": a list's number glued on
_FUSED_CAPITAL = regex.compile(r"(?<=\p{Ll})\p{Lu}")  # "… Hồ Chí MinhỦy ban …": a lost line break


@functools.cache
def _titles() -> PhraseTable:
    return list_table("titles.txt")


@functools.cache
def _modifiers() -> PhraseTable:
    return list_table("title_modifiers.txt")


@functools.cache
def _body_words() -> PhraseTable:
    return list_table("title_body_words.txt")


@functools.cache
def _stop_words() -> PhraseTable:
    return list_table("name_stop_words.txt")


@functools.cache
def _predicates() -> PhraseTable:
    return list_table("title_predicates.txt")


@functools.cache
def _honorifics() -> PhraseTable:
    return list_table("honorifics.txt")


@functools.cache
def _abbreviations() -> tuple[regex.Pattern, dict[str, str]]:
    table = dict(load_table("abbreviations.tsv", 2))
    words = sorted(table, key=len, reverse=True)
    return regex.compile(r"(?<![\p{L}\d])(?:" + "|".join(map(regex.escape, words)) + r")(?![\p{L}\d])"), table


def expand_abbreviations(title: str) -> str:
    pattern, table = _abbreviations()
    return pattern.sub(lambda m: table[m.group()], title)


class _Window:
    """The tokens around one name, with what the grammar asks of each: is it a title word, a body word,
    part of another person's name."""

    def __init__(self, text: str, start: int, end: int, sentence: tuple[int, int],
                 names: list[tuple[int, int]], word_starts: frozenset[int] | set[int] | None):
        low, high = max(sentence[0], start - _WINDOW), min(sentence[1], end + _WINDOW)
        self.text = text
        self.tokens = _shifted(tokenize(text[low:high]), low, word_starts)
        starts = [t.start for t in self.tokens]
        self.first = bisect.bisect_left(starts, start)       # the name's first token
        self.after = bisect.bisect_left(starts, end)         # the first token after it
        self.heads = {i: m[0] for i in range(len(self.tokens)) if (m := _titles().match(self.tokens, i))}
        self.covered = {j for i, length in self.heads.items() for j in range(i, i + length)}
        self.bodies = {j for i in range(len(self.tokens)) if (m := _body_words().match(self.tokens, i))
                       for j in range(i, i + m[0])}
        self.named = _name_tokens(self.tokens, names, (start, end))
        self.dashed = self._dashed_words()

    def _dashed_words(self) -> set[int]:
        """Lowercase words of two syllables after a dash that end a body's name ("Bộ Bưu chính - viễn
        thông", "Phòng Tài nguyên - môi trường)"): what follows them is no more lowercase text."""
        dashed = set()
        tokens = self.tokens
        for i in range(1, len(tokens) - 1):
            if tokens[i].gap.strip() not in ("-", "–") or tokens[i].capitalised or not tokens[i + 1].continues:
                continue
            after = tokens[i + 2] if i + 2 < len(tokens) else None
            if after is None or after.gap.strip(" ") or after.capitalised:
                dashed.update((i, i + 1))
        return dashed

    def joined(self, index: int) -> bool:
        """Whether token `index` continues the phrase of the token before it."""
        gap = self.tokens[index].gap
        if gap.strip(" ") == "" and gap:
            return True
        previous = self.tokens[index - 1]
        if gap in (". ", ".") and previous.shouted and len(previous.text) <= 3:
            return True  # "TP. HCM"
        # "Sở Tài nguyên - Môi trường" is one body; "Bí thư - Chủ tịch" two titles.
        if gap.strip() == "&":
            return self.acceptable(index)  # "Sở GD&ĐT"
        # after a dash, a word of two syllables at least: "… Trung ương - Ảnh: …" is a caption
        return (gap.strip() in ("-", "–") and index not in self.heads and self.acceptable(index)
                and index + 1 < len(self.tokens) and self.tokens[index + 1].gap == " ")

    def acceptable(self, index: int) -> bool:
        """A token that may stand inside a title phrase."""
        if index in self.named:
            return False
        token = self.tokens[index]
        if token.capitalised and _stop_words().match(self.tokens, index):
            return False  # "… Bình Định Ngày 25-5, Phó Thủ tướng": a lost break before a date
        if index in self.covered or index in self.bodies or index in self.dashed or token.capitalised \
                or token.text[0].isdigit():
            return True
        # "Chính trị", "Tài nguyên": the second syllable of a capitalised word (the segmenter also glues a
        # verb to a body word or a place, "ủy dự", "Bình Thuận dự", so only a capital opens such a word and
        # only its second syllable is taken)
        return token.continues and self._continues_capitalised_word(index)

    def _continues_capitalised_word(self, index: int) -> bool:
        """A later syllable of a word the segmenter made that opens with a capital ("Chính trị", "Bộ Chính
        trị"), unless that capital starts a place's name: the segmenter glues a verb to a place ("Bình Thuận
        dự")."""
        start = index - 1
        while start > 0 and self.tokens[start].continues:
            start -= 1
        if start < 0 or not self.tokens[start].capitalised:
            return False
        return not any(known_place_length(self.tokens, k) == index - k
                       for k in range(max(0, index - 4), index - 1) if self.tokens[k].capitalised)

    def modifiers_before(self, index: int, floor: int) -> int:
        """The start of the modifiers written before a title word (`nguyên Phó` …)."""
        moved = True
        while moved:
            moved = False
            for length in (2, 1):
                at = index - length
                if at >= floor and self.joined(index) and (m := _modifiers().match(self.tokens, at)) \
                        and m[0] == length:
                    index, moved = at, True
                    break
        return index

    def surface(self, first: int, last: int) -> str:
        while last > first and self.tokens[last].folded in _CONNECTORS:
            last -= 1
        words = self.text[self.tokens[first].start:self.tokens[last].end]
        following = self.text[self.tokens[last].end:self.tokens[last].end + 1]
        if following == ".":
            words = _LIST_NUMBER.sub("", words)
        return " ".join(words.split())


def _shifted(tokens: list[Token], offset: int, word_starts) -> list[Token]:
    """Tokens of a slice at their offsets in the text, knowing the segmenter's word starts when given."""
    shifted = []
    for i, t in enumerate(tokens):
        start = t.start + offset
        continues = (word_starts is not None and i > 0 and start not in word_starts
                     and t.gap != "" and t.gap.strip(" ") == "")
        shifted.append(t._replace(start=start, end=t.end + offset, continues=continues))
    return shifted


def _name_tokens(tokens: list[Token], names: list[tuple[int, int]], own: tuple[int, int]) -> set[int]:
    """Indices of tokens inside other persons' names (names sorted by start)."""
    if not tokens or not names:
        return set()
    low, high = tokens[0].start, tokens[-1].end
    at = bisect.bisect_left(names, (low, -1))
    at = max(at - 1, 0)
    starts = [t.start for t in tokens]
    inside = set()
    while at < len(names) and names[at][0] < high:
        start, end = names[at]
        at += 1
        if (start, end) == own or end <= low:
            continue
        inside.update(range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)))
    return inside


def _title_ending_at(w: _Window, last: int) -> tuple[int, bool] | None:
    """(first token, whether it opens its piece) of the title phrase that ends at token `last`."""
    if not w.acceptable(last) or w.tokens[last].folded in _CONNECTORS:
        return None  # "… Phó Chủ tịch xã và" + name: that title is the previous person's
    floor = last
    while floor > 0 and w.acceptable(floor - 1) and w.joined(floor):
        floor -= 1
    head = next((i for i in range(floor, last + 1) if i in w.heads and i + w.heads[i] <= last + 1), None)
    if head is None:
        head = next((i for i in range(floor, last + 1) if i in w.heads), None)
    if head is None:
        return None
    first = w.modifiers_before(head, 0)
    opens = first <= floor and (first == 0 or not w.joined(first))
    return first, opens


def _skip_honorific_back(w: _Window, index: int) -> int:
    """The token before an honorific that ends at `index - 1` (`Bí thư Tỉnh ủy, đồng chí` + name)."""
    if index >= len(w.tokens) or w.tokens[index].gap != " ":
        return index  # "(… huyện Kỳ Anh), Trần Văn A": a place's last syllable, no honorific
    for length in (4, 3, 2, 1):
        at = index - length
        if at >= 0 and (m := _honorifics().match(w.tokens, at)) and m[0] == length \
                and (at not in w.heads or w.heads[at] != length):  # "lão thành cách mạng" is also a title
            return at
    return index


def _told_as_predicate(w: _Window, first: int) -> bool:
    """Whether the words before token `first` tell the position as a predicate (`là`, `làm`, `giữ chức`)."""
    for length in (3, 2, 1):
        at = first - length
        if at >= 0 and w.joined(first) and (m := _predicates().match(w.tokens, at)) and m[0] == length:
            return True
    return False


def _titles_before(w: _Window, index: int) -> tuple[list[str], int]:
    """Titles written before token `index` (comma- or dash-separated pieces), and where they start."""
    titles: list[str] = []
    at = index
    while at > 0:
        found = _title_ending_at(w, at - 1)
        if found is None:
            break
        first, opens = found
        if titles and _told_as_predicate(w, first):
            # "đảng viên là trưởng thôn, Bí thư … X": a position told with là is no title (spec §4); right
            # before the name "là" introduces the person ("đó là đại tá X") and the title stays
            break
        titles.insert(0, w.surface(first, at - 1))
        at = first
        if not opens or at == 0 or w.tokens[at].gap.strip() not in _SEPARATORS:
            break
    return titles, at


def _titles_after(w: _Window) -> list[str]:
    """Appositions after the name: `, Bí thư Huyện ủy`, ` - Giám đốc Sở`, `(nguyên Phó Chủ tịch xã, …)`."""
    at = w.after
    if at >= len(w.tokens):
        return []
    opening = w.tokens[at].gap.strip()
    bracketed = opening == "("
    if opening not in _SEPARATORS and not bracketed:
        return []
    titles: list[str] = []
    while at < len(w.tokens):
        head = at
        while head < len(w.tokens) and head not in w.heads and _modifiers().match(w.tokens, head):
            head += _modifiers().match(w.tokens, head)[0]
        last = at - 1
        if head in w.heads:
            last = head + w.heads[head] - 1
            while last + 1 < len(w.tokens) and w.joined(last + 1) and w.acceptable(last + 1):
                last += 1
            kept = last
            while kept > head and w.tokens[kept].folded in _CONNECTORS:
                kept -= 1
            if kept == last and last + 1 in w.named and w.joined(last + 1):
                break  # the title of the next person named
            titles.append(w.surface(at, kept))
            if kept < last:
                break  # "…, Phó Chủ tịch xã và" + another person: the list goes on with someone else
        elif not bracketed:
            break
        else:  # inside brackets a piece that is no title ("đảng viên Chi bộ 5") is passed over
            last = at
            while last + 1 < len(w.tokens) and w.joined(last + 1):
                last += 1
        at = last + 1
        if at >= len(w.tokens):
            break
        gap = w.tokens[at].gap.strip()
        if gap not in _SEPARATORS and not (bracketed and gap == ";"):
            break
    return titles


def _shared_list_titles(w: _Window, start: int) -> list[str]:
    """Titles before a colon or a bracket that opens a list of names this one belongs to."""
    at = start
    while at > 0:
        gap = w.tokens[at].gap.strip()
        if gap in (":", "("):  # "Các đồng chí Ủy viên Bộ Chính trị: …", "Sáu ủy viên Bộ Chính trị (…)"
            titles, _ = _titles_before(w, at)
            return titles
        if gap not in ("", ",", ";") and gap not in _SEPARATORS:
            return []
        if not (w.acceptable(at - 1) or (at - 1) in w.named or w.tokens[at - 1].folded == "và"):
            return []
        at -= 1
    return []


def titles_around(text: str, start: int, end: int, sentence: tuple[int, int],
                  names: list[tuple[int, int]] = (), word_starts: frozenset[int] | set[int] | None = None
                  ) -> list[str]:
    """The titles written next to the name at [start, end) in its sentence; `names` are the spans of
    every person's name (sorted), `word_starts` the segmenter's word starts."""
    w = _Window(text, start, end, sentence, list(names), word_starts)
    if w.first >= len(w.tokens):
        return []
    before = _skip_honorific_back(w, w.first)
    titles, opened = [], before
    if before > 0 and w.tokens[before].gap == " ":
        titles, opened = _titles_before(w, before)
    shared = _shared_list_titles(w, opened)
    titles = shared + titles + _titles_after(w)
    return [expand_abbreviations(_FUSED_CAPITAL.split(t)[0]) for t in titles]
