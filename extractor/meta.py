"""Article metadata from the cleaned text: title, publication date, author, outlet.

Hints from the container (an HTML page's metadata, a JSON line's fields, the file name's slug) are used
where the text itself is silent; what the text states on its own date line or byline wins.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from extractor.folding import fold, fold_tones, folded_patterns
from extractor.headline import find_title
from extractor.resources import load_list
from extractor.rules.dates import parse_date_line

_HEADER_LINES = 6
_CLOSING_LINES = 4
_SENTENCE_END = ".!?…\"”"
# A name syllable: capitalised ("Hoàng"), shouted ("HOÀNG"), or an initial ("Đ," / "B.").
_SYL = r"(?:\p{Lu}\p{Ll}+|\p{Lu}{2,}|\p{Lu}\p{Ll}*-\p{Lu}\p{Ll}+)"
_NAME = rf"(?:\p{{Lu}}[.,]\s?{_SYL}(?:\s{_SYL}){{0,3}}|{_SYL}(?:\s{_SYL}){{1,4}})"
_OUTLET_IN_BRACKETS = r"\((?P<outlet>[\p{Lu}][\p{L}\d.&\s-]{0,30}?)\)"
_OUTLET_AFTER_SLASH = r"/\s*(?P<outlet>[\p{Lu}][\p{Lu}\d.&]{1,14})(?:\s*-\s*[^/]{1,40})?"
_FOOTNOTE = regex.compile(r"^\[\d{1,3}\]")
_LEAD_OUTLET = regex.compile(r"(?:^|\s)\((?P<outlet>\p{Lu}[\p{Lu}\d.&-]{1,14})\)\s*[-–—]\s")


@dataclass
class Hints:
    """What the container says about the article, used only where the text is silent."""

    title: str | None = None
    published: str | None = None
    published_from: str | None = None  # "html", "input" (a JSON line's field) or "option" (--published)
    author: str | None = None
    slug: str | None = None  # the file name's or URL's last part, often the headline in ASCII


@functools.cache
def _byline() -> regex.Pattern:
    labels = "|".join(fold_tones(p) for p in load_list("byline_labels.txt"))
    return regex.compile(
        rf"^(?:(?:{labels})\s*)?(?P<name>{_NAME})"
        rf"(?:\s*[-–—]\s*(?P<unit>\p{{Lu}}[^()]{{1,80}}?)|\s*{_OUTLET_IN_BRACKETS}|\s*{_OUTLET_AFTER_SLASH})?\s*\.?$",
        regex.IGNORECASE if False else 0,
    )


@functools.cache
def _label() -> regex.Pattern:
    labels = "|".join(fold_tones(p) for p in load_list("byline_labels.txt"))
    return regex.compile(rf"^(?:{labels})\s*", regex.IGNORECASE)


def _is_name(name: str) -> bool:
    folded = fold(name)
    return not any(folded == w or folded.startswith(w + " ") for w in load_list("byline_stopwords.txt"))


def _match_byline(text: str) -> regex.Match | None:
    """A whole closing line (or line tail) that is a byline: optional label, a name, then unit or outlet."""
    text = text.strip()
    label = _label().match(fold_tones(text))
    body = text[label.end():] if label else text
    match = _byline().match(body)
    return match if match and _is_name(match.group("name")) else None


def _title_case(name: str) -> str:
    return " ".join(w.title() if w.isupper() and len(w) > 1 else w for w in name.split())


def _is_position(line: str) -> bool:
    folded = fold(line)
    return len(line) <= 120 and any(folded.startswith(w + " ") for w in load_list("position_words.txt"))


def _outlet_line(line: str) -> str | None:
    tone_folded = fold_tones(line.strip())
    for pattern in folded_patterns("outlet_markers.txt"):
        match = pattern.match(tone_folded)
        if match:
            return line.strip()[match.start("outlet"): match.end("outlet")].strip()
    return None


def _closing_lines(lines: list[str]) -> list[str]:
    """The last lines that may hold a byline: footnotes, outlet lines and blanks set aside."""
    out = []
    for line in reversed(lines):
        if not line or _FOOTNOTE.match(line) or _outlet_line(line) or parse_date_line(line):
            continue
        out.append(line)
        if len(out) == _CLOSING_LINES:
            break
    return out


def find_byline(lines: list[str]) -> tuple[str | None, str | None]:
    """(author, outlet named in the byline) from the closing lines."""
    for line in _closing_lines(lines):
        match = _match_byline(line)
        if match is None:
            # The byline may trail the last sentence on its line: "… đảng viên. Nguyễn Mai".
            cut = max(line.rfind(c) for c in _SENTENCE_END)
            if cut > 0 and not line[0].isdigit():
                match = _match_byline(line[cut + 1:])
        if match:
            outlet = match.group("outlet") if "outlet" in match.groupdict() else None
            return _title_case(match.group("name")), outlet.strip() if outlet else None
        if not _is_position(line):
            break
    return None, None


def find_outlet(lines: list[str], byline_outlet: str | None) -> str | None:
    for line in reversed(lines[-8:]):
        outlet = _outlet_line(line) if line else None
        if outlet:
            return outlet
    if byline_outlet:
        return byline_outlet
    head = "\n".join(lines[:3])[:600]
    match = _LEAD_OUTLET.search(head)
    return match.group("outlet") if match else None


def find_published(lines: list[str]) -> str | None:
    text_lines = [line for line in lines if line]
    for line in text_lines[:_HEADER_LINES] + text_lines[-3:]:
        iso = parse_date_line(line)
        if iso:
            return iso
    return None


def extract_meta(text: str, hints: Hints | None = None) -> dict:
    hints = hints or Hints()
    lines = text.split("\n")
    author, byline_outlet = find_byline(lines)
    published = find_published(lines)
    published_from = "text" if published else None
    if published is None and hints.published:
        published, published_from = hints.published, hints.published_from
    return {
        "title": hints.title or find_title(lines, hints.slug),
        "published": published,
        "published_from": published_from,
        "author": author or hints.author,
        "outlet": find_outlet(lines, byline_outlet),
    }
