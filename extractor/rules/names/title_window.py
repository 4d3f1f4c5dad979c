"""The grammar a person's title is read with: which tokens around a name may stand inside a title.

`TitleWindow` holds the tokens on both sides of one name and knows, for each, whether it opens a title
(`data/titles.txt`), may stand inside the body a title heads (capitalised words, `data/title_body_words.txt`,
a capitalised word's later syllables, a dashed lowercase word that ends a body's name), or belongs to
another person's name. The readings (before the name, after it, on a byline's next line) are in
`person_titles`.
"""

from __future__ import annotations

import bisect
import functools

import regex

from extractor.rules.names.phrases import PhraseTable, list_table, name_stop_words
from extractor.rules.names.places import known_place_length
from extractor.rules.text.tokens import Token, tokenize

WINDOW = 400  # characters read on each side of a name: titles are short, sentences can be huge
CONNECTORS = ("và", "của")  # body words that join two names of bodies, never end one
_LIST_NUMBER = regex.compile(r"(?<=\p{L})\d{1,2}$")  # "Bộ Công an3. Lê …": a list's number glued on

@functools.cache
def title_words() -> PhraseTable:
    """Title words (titles.txt), shared by the name and title rules."""
    return list_table("titles.txt")


@functools.cache
def modifiers() -> PhraseTable:
    return list_table("title_modifiers.txt")


@functools.cache
def body_words() -> PhraseTable:
    """Lower-case words inside the body a title heads (title_body_words.txt)."""
    return list_table("title_body_words.txt")


class ArticleTokens:
    """An article's syllable tokens, made once with the segmenter's word starts: every name's window is a
    slice of them instead of a tokenization of its own."""

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.starts = [t.start for t in tokens]

    def window(self, text: str, low: int, high: int, cut_low: bool = False,
               cut_high: bool = False) -> list[Token] | None:
        """The tokens inside text[low:high], as a tokenization of that slice gives them (the first has the
        slice's own gap and continues nothing). A token across an edge where the window cuts a long sentence
        (`cut_low`, `cut_high`: hundreds of characters from the name) is left out; across a sentence's own
        edge ("UBND TT.Minh" cut by a sentence end after "TT."), only the slice's own tokenization reads it as
        the slice does: None."""
        first = bisect.bisect_left(self.starts, low)
        last = bisect.bisect_left(self.starts, high)
        if first > 0 and self.tokens[first - 1].end > low and not cut_low:
            return None
        if last > first and self.tokens[last - 1].end > high:
            if not cut_high:
                return None
            last -= 1
        tokens = self.tokens[first:last]
        if tokens:
            tokens[0] = tokens[0]._replace(gap=text[low:tokens[0].start], continues=False)
        return tokens


class TitleWindow:
    """The tokens around one name, with what the grammar asks of each: is it a title word, a body word,
    part of another person's name."""

    def __init__(self, text: str, start: int, end: int, sentence: tuple[int, int],
                 names: list[tuple[int, int]], word_starts: frozenset[int] | set[int] | None,
                 article: ArticleTokens | None = None, organizations: list[tuple[int, int]] = ()):
        low, high = max(sentence[0], start - WINDOW), min(sentence[1], end + WINDOW)
        self.text = text
        tokens = (article.window(text, low, high, low > sentence[0], high < sentence[1]) if article is not None
                  else None)
        self.tokens = tokens if tokens is not None else _shifted(tokenize(text[low:high]), low, word_starts)
        starts = [t.start for t in self.tokens]
        self.first = bisect.bisect_left(starts, start)       # the name's first token
        self.after = bisect.bisect_left(starts, end)         # the first token after it
        titles, bodies = title_words(), body_words()   # a set test first: most tokens open neither
        self.heads = {i: m[0] for i, t in enumerate(self.tokens)
                      if t.folded in titles.first_syllables and (m := titles.match(self.tokens, i))}
        self.covered = {j for i, length in self.heads.items() for j in range(i, i + length)}
        self.bodies = {j for i, t in enumerate(self.tokens)
                       if t.folded in bodies.first_syllables and (m := bodies.match(self.tokens, i))
                       for j in range(i, i + m[0])}
        self.named = _name_tokens(self.tokens, names, (start, end))
        # a title runs over the whole name of the body it heads, as the organization rules read it ("Cục trưởng
        # Cục Kiểm soát hoạt động bảo vệ môi trường"): its lower-case words are the body's
        self.bodies |= _name_tokens(self.tokens, list(organizations), (-1, -1)) - self.named
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
        if token.capitalised and name_stop_words().match(self.tokens, index):
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
                if at >= floor and self.joined(index) and (m := modifiers().match(self.tokens, at)) \
                        and m[0] == length:
                    index, moved = at, True
                    break
        return index

    def surface(self, first: int, last: int) -> str:
        while last > first and self.tokens[last].folded in CONNECTORS:
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
