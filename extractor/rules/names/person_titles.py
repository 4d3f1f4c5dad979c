"""Person titles (spec §4): the positions written next to a name, read by a small grammar.

A title is an optional modifier (`nguyên`, `quyền`, `phó`: `data/title_modifiers.txt`), a title word
(`data/titles.txt`), then the body it heads: capitalised words, the lowercase words bodies are named with
(`data/title_body_words.txt`), a lowercase syllable the segmenter joins to the word before (`Chính trị`),
numbers (`Chi bộ 5`). Anything else (a verb, another person's name, a bracket) ends it, so a clause or
another person's title is never read as one. Titles stand before the name (`Ủy viên Bộ Chính trị, Bí thư
Thành ủy Hà Nội Trần Văn A`), after it as appositions (`Trần Văn A, Bí thư Huyện ủy`, `Trần Văn A - Giám
đốc Sở`, `Trần Văn A (nguyên Phó Chủ tịch xã, bí thư Chi bộ)`), before a colon or a bracket that opens a
list of names (`Các đồng chí Ủy viên Bộ Chính trị: Bí thư Thành ủy Trần Văn A; …`), or on the line under a
closing byline. Which tokens may stand in a title is `title_window`'s part.
"""

from __future__ import annotations

import functools

import regex

from extractor.resources import load_table
from extractor.rules.names.phrases import PhraseTable, honorifics, list_table
from extractor.rules.names.title_window import CONNECTORS, ArticleTokens, TitleWindow, modifiers

_SEPARATORS = {",", "-", "–", "—"}
_AFTER_BRACKET = ("),", ")-", ")–")
_NEXT_LINE = regex.compile(r"[ \t]*\n\s*([^\n]{1,150})(?:\n|$)")
_FUSED_CAPITAL = regex.compile(r"(?<=\p{Ll})\p{Lu}")  # "… Hồ Chí MinhỦy ban …": a lost line break


@functools.cache
def _predicates() -> PhraseTable:
    return list_table("title_predicates.txt")


@functools.cache
def _abbreviations() -> tuple[regex.Pattern, dict[str, str]]:
    table = dict(load_table("abbreviations.tsv", 2))
    words = sorted(table, key=len, reverse=True)
    return regex.compile(r"(?<![\p{L}\d])(?:" + "|".join(map(regex.escape, words)) + r")(?![\p{L}\d])"), table


def expand_abbreviations(title: str) -> str:
    pattern, table = _abbreviations()
    return pattern.sub(lambda m: table[m.group()], title)


def _title_ending_at(w: TitleWindow, last: int) -> tuple[int, bool] | None:
    """(first token, whether it opens its piece) of the title phrase that ends at token `last`."""
    if not w.acceptable(last) or w.tokens[last].folded in CONNECTORS:
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


def _skip_honorific_back(w: TitleWindow, index: int) -> int:
    """The token before an honorific that ends at `index - 1` (`Bí thư Tỉnh ủy, đồng chí` + name)."""
    if index >= len(w.tokens) or w.tokens[index].gap != " ":
        return index  # "(… huyện Kỳ Anh), Trần Văn A": a place's last syllable, no honorific
    for length in (4, 3, 2, 1):
        at = index - length
        if at >= 0 and (m := honorifics().match(w.tokens, at)) and m[0] == length \
                and (at not in w.heads or w.heads[at] != length) and at not in w.bodies:
            return at   # "lão thành cách mạng" is also a title; "trẻ em" may end a body's name
    return index


def _skip_gloss_back(w: TitleWindow, index: int) -> int:
    """The bracketed abbreviation that glosses a body's name just before the name ("Cục trưởng Cục Thi
    hành án dân sự (THADS) Trần Văn A"): the title ends before the bracket."""
    if 0 < index < len(w.tokens) and w.tokens[index].gap == ") " and w.tokens[index - 1].shouted \
            and w.tokens[index - 1].gap == " (":
        return index - 1
    return index


def _told_as_predicate(w: TitleWindow, first: int) -> bool:
    """Whether the words before token `first` tell the position as a predicate (`là`, `làm`, `giữ chức`)."""
    for length in (3, 2, 1):
        at = first - length
        if at >= 0 and w.joined(first) and (m := _predicates().match(w.tokens, at)) and m[0] == length:
            return True
    return False


def _titles_before(w: TitleWindow, index: int) -> tuple[list[str], int]:
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


def _titles_after(w: TitleWindow) -> list[str]:
    """Appositions after the name: `, Bí thư Huyện ủy`, ` - Giám đốc Sở`, `(nguyên Phó Chủ tịch xã, …)`,
    and after a bracket that holds none (`(45 tuổi), Giám đốc Công ty …`)."""
    at = w.after
    if at >= len(w.tokens):
        return []
    opening = w.tokens[at].gap.strip()
    bracketed = opening == "("
    if opening not in _SEPARATORS and not bracketed:
        return []
    titles, at = _title_pieces(w, at, bracketed)
    if bracketed and not titles and at < len(w.tokens) and w.tokens[at].gap.replace(" ", "") in _AFTER_BRACKET:
        titles, _ = _title_pieces(w, at, False)
    return titles


def _title_pieces(w: TitleWindow, at: int, bracketed: bool) -> tuple[list[str], int]:
    """The titles of the separated pieces from token `at` on, and the token where they stop."""
    titles: list[str] = []
    while at < len(w.tokens):
        head = at
        while head < len(w.tokens) and head not in w.heads and modifiers().match(w.tokens, head):
            head += modifiers().match(w.tokens, head)[0]
        last = at - 1
        if head in w.heads:
            last = head + w.heads[head] - 1
            while last + 1 < len(w.tokens) and w.joined(last + 1) and w.acceptable(last + 1):
                last += 1
            kept = last
            while kept > head and w.tokens[kept].folded in CONNECTORS:
                kept -= 1
            if kept == last and last + 1 in w.named and w.joined(last + 1):
                break  # the title of the next person named
            titles.append(w.surface(at, kept))
            if kept < last:
                return titles, last + 1  # "…, Phó Chủ tịch xã và" + another person: someone else's list
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
    return titles, at


def titles_on_next_line(text: str, end: int, names: list[tuple[int, int]] = (),
                        word_starts: frozenset[int] | set[int] | None = None,
                        article: ArticleTokens | None = None) -> list[str]:
    """The position line under a closing byline ("Trần Văn A" / "Phó Trưởng Ban Tổ chức Đảng ủy Khối"):
    the next line when it is titles and nothing else."""
    line = _NEXT_LINE.match(text, end)
    if not line:
        return []
    start, stop = line.span(1)
    w = TitleWindow(text, start, start, (start, stop), list(names), word_starts, article)
    titles, at = _title_pieces(w, 0, False)
    return [expand_abbreviations(t) for t in titles] if at >= len(w.tokens) else []


def _shared_list_titles(w: TitleWindow, start: int) -> list[str]:
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
                  names: list[tuple[int, int]] = (), word_starts: frozenset[int] | set[int] | None = None,
                  article: ArticleTokens | None = None, organizations: list[tuple[int, int]] = ()) -> list[str]:
    """The titles written next to the name at [start, end) in its sentence; `names` are the spans of
    every person's name (sorted), `word_starts` the segmenter's word starts (or `article`, the article's
    tokens made with them), `organizations` the spans of the organizations found (sorted)."""
    w = TitleWindow(text, start, end, sentence, list(names), word_starts, article, organizations)
    if w.first >= len(w.tokens):
        return []
    before = _skip_gloss_back(w, _skip_honorific_back(w, w.first))
    titles, opened = [], before
    if before > 0 and w.tokens[before].gap in (" ", " ("):
        titles, opened = _titles_before(w, before)
    shared = _shared_list_titles(w, opened)
    titles = shared + titles + _titles_after(w)
    return [expand_abbreviations(_FUSED_CAPITAL.split(t)[0]) for t in titles]
