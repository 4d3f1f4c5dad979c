"""The headline: the text's first line, cut where an older scrape glued the lead or a photo caption to it.

Two signs tell where a glued headline ends: the page's slug (its file name or URL's last part, the
headline in ASCII, cut short after about 45 characters) and the way a lead opens (`data/lead_openers.txt`:
"Sáng 23-1, …", "(NLĐ) - …").
"""

from __future__ import annotations

import functools

import regex

from extractor.folding import fold, fold_tones, folded_words, strip_accents
from extractor.resources import load_list
from extractor.rules.dates import parse_date_line

_CONTEST_PREFIX = regex.compile(r"^(?P<prefix>[\p{Lu}\d\s\-–,.\"“”]+):\s*(?=\S)")
_WORD = regex.compile(r"[\p{L}\p{N}]+")
# Portals cut slugs at a word boundary near 48 characters: a slug this long may end inside the headline.
_TRUNCATED_SLUG = 43
# A first line longer than this is a headline fused with the body (older scrapes drop the line break).
_FUSED_LINE = 200
# A lead opener this far into the line at most: the headline part of a fused line is short.
_HEADLINE_MAX = _FUSED_LINE
_MAX_TITLE = 300
# Words glued after a complete slug's headline that make a clause of their own (a lead, a caption).
_GLUED_CLAUSE = 6
# At most this many words between a cut slug's lower-case run and a lead opener: a name ending the headline.
_CLOSING_NAME = 4
# Punctuation that closes the headline's last word ("“Tôi còn trăn trở”"): kept with the headline.
_CLOSING_MARKS = regex.compile(r"[”\"’'»)?!]+")
_SENTENCE_END = (".", "!", "?", "…")
# The label of a photo credit, which closes a caption ("… thăm công nhân. Ảnh: Tư liệu").
_PHOTO_CREDIT = regex.compile(r"(?<!\w)ảnh\s*:")


@functools.cache
def _lead_opener() -> regex.Pattern:
    openers = "|".join(f"(?:{fold_tones(p)})" for p in load_list("lead_openers.txt"))
    return regex.compile(rf"(?<![\p{{L}}\d])(?:{openers})")


def _lead_start(line: str, start: int = 0) -> int | None:
    """Where a lead opener begins in `line` at or after `start` (and not at the line's start)."""
    match = _lead_opener().search(fold_tones(line), max(start, 1))
    return match.start() if match and match.start() <= _HEADLINE_MAX else None


def _slug_end(line: str, slug: str) -> tuple[int, int] | None:
    """(index of the last word the slug spells, word count) when the line opens with the slug's words."""
    wanted = [t for t in strip_accents(slug).split("-") if t]
    words = list(_WORD.finditer(line))
    if len(wanted) < 3 or len(words) < len(wanted):
        return None
    for index, token in enumerate(wanted):
        word = strip_accents(words[index].group())
        if word != token and not (index == len(wanted) - 1 and word.startswith(token)):
            return None
    return len(wanted) - 1, len(words)


def _runs_on(words: list[regex.Match], index: int) -> bool:
    """Whether the word after `index` still belongs to a headline whose slug was cut short: lower case
    words and numbers ("… báo cáo trước 10-4") run on; a capitalised word may open the lead."""
    word = words[index + 1].group()
    return word[0].islower() or word[0].isdigit()


def _is_clause(words: list[regex.Match]) -> bool:
    """Words glued after a complete slug that make a lead or a caption (several words, some lower case),
    not the end of a name the slug left out ("… Huyện ủy Mường Tè")."""
    return len(words) >= _GLUED_CLAUSE and any(w.group()[0].islower() for w in words)


def _title_by_slug(line: str, slug: str) -> str | None:
    """Cut a headline fused with its body ("Tiêu đề Đại biểu bỏ phiếu…") where the slug ends."""
    found = _slug_end(line, slug)
    if found is None:
        return None
    end_index, count = found
    words = list(_WORD.finditer(line))
    if end_index + 1 == count:
        return None                       # the slug spells the whole line
    if len(slug) < _TRUNCATED_SLUG:
        glued = words[end_index + 1].group()[0].isupper() and _is_clause(words[end_index + 1:])
        if len(line) <= _FUSED_LINE and not glued:
            return None                   # the headline runs on past a slug made from a shorter one
        return _with_closing_marks(line, words[end_index].end())
    if len(line) <= _FUSED_LINE and _lead_start(line, words[end_index].end()) is None:
        return None                       # a short line with no lead in it is the whole headline
    caption = _caption_start(line, words[end_index].end())
    if caption is not None:
        return line[:caption].strip()
    while end_index + 1 < count and _runs_on(words, end_index):
        end_index += 1
    lead = _lead_start(line, words[end_index].end())
    gap = [w for w in words[end_index + 1:] if w.start() < lead] if lead is not None else []
    if gap and len(gap) <= _CLOSING_NAME and gap[0].group()[0].isupper():
        return line[:lead].strip()        # a name closes the headline before the lead ("… chức danh Tổng Bí thư")
    return _with_closing_marks(line, words[end_index].end())


def _caption_start(line: str, start: int) -> int | None:
    """Where a photo caption glued after a cut slug's headline begins: a capitalised position word or
    caption opener ("… Chủ tịch Hội đồng … thăm công nhân Ảnh: TƯ LIỆU", `data/caption_openers.txt`)
    before a photo credit further on the line."""
    folded = fold(line)
    credit = _PHOTO_CREDIT.search(folded, start, start + _HEADLINE_MAX)
    if credit is None:
        return None
    starts = [match.start() for name in ("position_words.txt", "caption_openers.txt")
              for match in folded_words(name).finditer(folded, start, credit.start())
              if line[match.start()].isupper()]
    return min(starts, default=None)


def _with_closing_marks(line: str, end: int) -> str:
    marks = _CLOSING_MARKS.match(line, end)
    return line[: marks.end() if marks else end].strip()


def _strip_contest_prefix(title: str) -> str:
    match = _CONTEST_PREFIX.match(title)
    if match and len(match.group("prefix").split()) >= 3 and any(c.isalpha() for c in match.group("prefix")):
        return title[match.end():].strip()
    return title


def _is_lead(line: str) -> bool:
    """A first line that is the lead's opening sentence ("Chiều 24/4, tại …, ông A đã …."): no headline."""
    return _lead_opener().match(fold_tones(line)) is not None and line.rstrip().endswith(_SENTENCE_END)


def find_title(lines: list[str], slug: str | None) -> str | None:
    for line in lines:
        if not line or parse_date_line(line):
            continue
        if _is_lead(line):
            return None
        title = _title_by_slug(line, slug) if slug else None
        if title is None and len(line) > _FUSED_LINE:
            lead = _lead_start(line)
            title = line[:lead] if lead else None
        title = _strip_contest_prefix((title or line).strip())
        return title if 0 < len(title) <= _MAX_TITLE else None
    return None
