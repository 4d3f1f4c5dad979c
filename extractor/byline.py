"""The byline: who wrote the article, and the outlet a byline names, read from the article's closing lines.

A byline is a name (or two joined by a dash, or initials: `P.T - P.D`), with an optional label before it
(`data/byline_labels.txt`), and after it a unit, an outlet in brackets or after a slash, or a word saying
how the text was made (`data/byline_trailers.txt`: `ghi`, `(tổng hợp)`). Portals print photo captions
after the byline, past a blank line; older pages put an appended document after it.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import regex

from extractor.folding import fold, fold_tones
from extractor.outlet import is_outlet_name, outlet_names, split_credit
from extractor.resources import load_list
from extractor.rules.dates import parse_date_line
from extractor.rules.names.places import known_place_level

_CLOSING_LINES = 4
_SENTENCE_END = ".!?…\"”"
# How far back from a line's end a byline trailing the last sentence may start.
_TRAILING_BYLINE = 100
# Lines after the last blank line that are photo captions, not the article: few and short.
_CAPTION_LINES = 8
_CAPTION_LENGTH = 300
# A name syllable: capitalised ("Hoàng"), shouted ("HOÀNG"), or an initial ("Đ," / "B.").
_SYL = r"(?:\p{Lu}\p{Ll}+|\p{Lu}{2,}|\p{Lu}\p{Ll}*-\p{Lu}\p{Ll}+)"
# Initials alone: "P.T", "PD.P.T", "N.H." (groups of one or two capitals joined by dots).
_INITIALS = r"\p{Lu}{1,2}(?:\.\s?\p{Lu}{1,2}){1,3}\.?(?!\p{L})"
_NAME = rf"(?:{_INITIALS}|\p{{Lu}}[.,]\s?{_SYL}(?:\s{_SYL}){{0,3}}|{_SYL}(?:\s{_SYL}){{1,4}})"
_OUTLET_IN_BRACKETS = (r"\(\s*(?P<via>(?i:(?:tổng hợp\s+)?theo\s+|nguồn\s*:\s*))?"
                       r"(?P<outlet>(?:(?:báo|tạp chí)\s+)?[\p{Lu}][\p{L}\d.&,+/\s-]{0,60}?)\s*\)")
_OUTLET_AFTER_SLASH = r"/\s*(?P<outlet>[\p{Lu}][\p{Lu}\d.&]{1,14})(?:\s*-\s*[^/]{1,40})?"
_FOOTNOTE = regex.compile(r"^\[\d{1,3}\]")
_INITIALS_LINE = regex.compile(rf"^\s*(?P<name>{_INITIALS})\s*$")
_FULL_NAME = regex.compile(rf"^{_NAME}$")
_ACRONYM = regex.compile(r"^[\p{Lu}\d.&+-]{2,15}$")
# Places too large to be a person's name in a closing bracket.
_PLACE_LEVELS = {"province", "city", "country"}
_DASH = regex.compile(r"\s+[-–—]\s*|\s*[-–—]\s+")
_TIGHT_DASH = regex.compile(r"(?<=\p{Ll})[-–—](?=\p{Lu})")


class Byline(NamedTuple):
    author: str | None
    outlet: str | None


@functools.cache
def _byline() -> regex.Pattern:
    trailers = "|".join(fold_tones(p) for p in load_list("byline_trailers.txt"))
    return regex.compile(
        rf"^(?P<name>{_NAME})"
        rf"(?:\s*[-–—]\s*(?P<unit>\p{{Lu}}[^()]{{1,80}}?)|\s*{_OUTLET_IN_BRACKETS}|\s*{_OUTLET_AFTER_SLASH}"
        rf"|\s+[-–—](?=\s*$))?"   # a dash left dangling where the scrape cut a photo credit ("Minh Quang -")
        rf"(?:\s*(?i:{trailers}))?\s*\.?$"
    )


@functools.cache
def _label() -> regex.Pattern:
    labels = "|".join(fold_tones(p) for p in load_list("byline_labels.txt"))
    return regex.compile(rf"^(?:{labels})\s*", regex.IGNORECASE)


def _is_name(name: str) -> bool:
    folded = fold(name)
    return not any(folded == w or folded.startswith(w + " ") for w in load_list("byline_stopwords.txt"))


def _title_case(name: str) -> str:
    return " ".join(w.title() if w.isupper() and len(w) > 1 and "." not in w else w for w in name.split())


def _read(match: regex.Match) -> Byline:
    """The author(s) and outlet a matched byline gives: a unit after the dash is a second author when it
    is a name, the outlet when it names one, and otherwise the author's unit or province (no outlet)."""
    author, outlet = match.group("name"), match.group("outlet")
    if outlet and not match.group("via") and not all(_ACRONYM.match(part) or is_outlet_name(part)
                                                     for part in outlet_names(outlet.strip())):
        outlet = None                     # "Lê Văn A (Phó Bí thư Chi bộ)": a position in brackets
    unit = (match.group("unit") or "").strip()
    unit, outlet = _outlet_after_unit(unit, outlet)
    if unit and is_outlet_name(unit):
        outlet = unit
    elif unit and _FULL_NAME.match(unit) and _is_name(unit) and known_place_level(unit) not in _PLACE_LEVELS:
        # two authors, as written: "Minh An - Thu Hà", "Bùi Hùng-Việt Dũng"
        author = match.string[match.start("name"): match.start("unit") + len(unit)]
    return Byline(_title_case(author), outlet.strip() if outlet else None)


def _outlet_after_unit(unit: str, outlet: str | None) -> tuple[str, str | None]:
    """A second author, then the outlet after a slash ("Việt Dũng/VOV-Tokyo" → "Việt Dũng", "VOV"; the
    city after the outlet's dash is its bureau)."""
    if "/" not in unit:
        return unit, outlet
    name, after = (part.strip() for part in unit.split("/", 1))
    code = regex.split(r"\s*[-–—]\s*", after)[0]
    return (name, code) if _ACRONYM.match(code) or is_outlet_name(code) else (unit, outlet)


def _match_byline(text: str) -> Byline | None:
    """A whole closing line (or line tail) that is a byline: optional label, a name, then unit or outlet."""
    text = text.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()         # "… đảng viên. (Minh Hà)": a byline in brackets
    label = _label().match(fold_tones(text))
    body = text[label.end():] if label else text
    credit = split_credit(body)           # "Theo TTXVN Minh Châu": the agency, then the author
    match = _byline().match(credit[1] if credit else body)
    if not match or not _is_name(match.group("name")):
        return None
    found = _read(match)
    return Byline(found.author, credit[0]) if credit else found


def _is_position(line: str) -> bool:
    folded = fold(line)
    return len(line) <= 120 and any(folded.startswith(w + " ") for w in load_list("position_words.txt"))


def _trailing_byline(line: str) -> Byline | None:
    """A byline after the last sentence on its line ("… đảng viên. Nguyễn Mai"): the longest tail after a
    sentence end that reads as one."""
    if line[:1].isdigit():
        return None
    for cut in range(max(0, len(line) - _TRAILING_BYLINE), len(line)):
        if line[cut] in _SENTENCE_END and line[cut + 1: cut + 2].isspace():
            found = _match_byline(line[cut + 1:])
            if found:
                return found
    return _bracketed_byline(line)


def _bracketed_byline(line: str) -> Byline | None:
    """An older page's byline in brackets closing the last sentence ("… đảng viên (Minh Hà)"): a name
    alone, and no province or country ("… ông A (Hà Giang)")."""
    stripped = line.rstrip(" .")
    opening = stripped.rfind("(")
    if not stripped.endswith(")") or opening <= 0 or len(stripped) - opening > _TRAILING_BYLINE:
        return None
    inner = stripped[opening + 1:-1].strip()
    if not _FULL_NAME.match(inner) or known_place_level(inner) in _PLACE_LEVELS or not _is_name(inner):
        return None
    return Byline(_title_case(inner), None)


def _closing_lines(lines: list[str], is_outlet_line) -> list[str]:
    """The last lines that may hold a byline: footnotes, outlet lines and blanks set aside."""
    out = []
    for line in reversed(lines):
        if not line or _FOOTNOTE.match(line) or parse_date_line(line) \
                or (is_outlet_line(line) and _match_byline(line) is None):
            continue
        out.append(line)
        if len(out) == _CLOSING_LINES:
            break
    return out


def _before_captions(lines: list[str]) -> list[str] | None:
    """The lines before the photo captions a portal prints after the article, past its last blank line."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    gap = end - 1
    while gap >= 0 and lines[gap].strip():
        gap -= 1
    tail = lines[gap + 1: end]
    if gap <= 0 or len(tail) > _CAPTION_LINES or any(len(line) > _CAPTION_LENGTH for line in tail):
        return None
    return lines[:gap]


def _byline_in(lines: list[str], is_outlet_line) -> Byline | None:
    for line in _closing_lines(lines, is_outlet_line):
        found = _match_byline(line) or _trailing_byline(line)
        if found:
            return found
        if not _is_position(line):
            break
    return None


def find_byline(lines: list[str], is_outlet_line=lambda line: False) -> Byline:
    """The byline from the closing lines; else from before the trailing photo captions; else the last line
    of initials alone (older pages append a document after the byline: "P.T" then "NGHỊ QUYẾT …")."""
    found = _byline_in(lines, is_outlet_line)
    before = _before_captions(lines) if found is None else None
    if before:
        found = _byline_in(before, is_outlet_line)
    if found is None:
        for line in reversed(lines[len(lines) // 2:]):
            initials = _INITIALS_LINE.match(line)
            if initials and _is_name(initials.group("name")):
                return Byline(initials.group("name"), None)
    return found or Byline(None, None)


def author_names(author: str | None) -> list[str]:
    """The persons an author line names: "Minh An - Thu Hà" is two, and so is "Bùi Hùng-Việt Dũng" (a dash
    with no spaces between two names of two syllables or more each; "Y-Moan" is one syllable)."""
    names = []
    for name in (_DASH.split(author) if author else []):
        halves = _TIGHT_DASH.split(name)
        names.extend(halves if len(halves) == 2 and all(len(h.split()) > 1 for h in halves) else [name])
    return [name for name in names if name]


@functools.cache
def _intro_author() -> tuple[regex.Pattern, ...]:
    name = rf"(?P<name>{_SYL}(?:\s{_SYL}){{1,3}})"
    return tuple(regex.compile(fold_tones(p).replace("{name}", name)) for p in load_list("byline_intro.txt"))


def intro_author(opening: str) -> str | None:
    """The author an editor's note names for the article it presents (`data/byline_intro.txt`)."""
    tone_folded = fold_tones(opening)
    for pattern in _intro_author():
        match = pattern.search(tone_folded)
        if match and _is_name(match.group("name")):
            return _title_case(opening[match.start("name"): match.end("name")])
    return None
