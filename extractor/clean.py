"""Cleaning: one scraped text in, the record's text out.

The record's `text` is what this returns; every offset in the record points into it. Cleaning works
line by line: portal furniture (toolbars, CMS block names, menus, counters, related-article lists, link
blocks) goes by the markers in `data/furniture_*.txt`, paragraph breaks stay, duplicated teaser lines go.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex

from extractor.folding import fold, folded_patterns

# Characters that scrapers leave in and that no matcher wants: zero-width marks and BOMs disappear,
# the odd spaces become plain spaces.
# Bidirectional controls (U+202A-U+202E, U+2066-U+2069, marks) only reorder display: out too, so a U+202E
# in a sentence hides nothing from the rules.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u061c"
                                    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
# Vietnamese needs at most two combining marks on a letter (a vowel mark and a tone, before NFC); a flood
# of them is noise that costs every later stage memory: runs beyond two go.
_MARK_FLOOD = regex.compile(r"(\p{M}{2})\p{M}+")
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_ODD_SPACES = regex.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# A trailer heading in the first part of a page is a sidebar scraped before the body: only its list goes.
_TRAILER_FROM = 0.4
_HEADLINE_MAX = 160


@dataclass
class Cleaned:
    text: str
    removed: list[str] = field(default_factory=list)  # what went, for warnings and --explain


def scrub_surrogates(text: str) -> str:
    """Lone surrogates (a JSON "\\udfff" escape, a str built from undecodable bytes) are no text: they
    become U+FFFD, since nothing downstream can encode them (underthesea, hashing, writing)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def normalize(raw: str) -> str:
    """NFC, one newline convention, invisible characters out, odd spaces plain, no lone surrogates."""
    text = _MARK_FLOOD.sub(r"\1", scrub_surrogates(raw))
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ODD_SPACES.sub(" ", text)


def _is_furniture(folded_line: str) -> bool:
    return any(p.fullmatch(folded_line) for p in folded_patterns("furniture_lines.txt"))


def _is_trailer_heading(folded_line: str) -> bool:
    return any(p.fullmatch(folded_line) for p in folded_patterns("furniture_tails.txt"))


def _trim(line: str) -> str:
    """Cut furniture pieces out of a line (offsets are the same in the folded line)."""
    for pattern in folded_patterns("furniture_trims.txt"):
        match = pattern.search(fold(line))
        if match:
            line = line[: match.start()] + line[match.end():]
    return line.strip()


def _looks_like_headline(line: str) -> bool:
    return bool(line) and len(line) <= _HEADLINE_MAX and not line.rstrip().endswith((".", ";", ":"))


def _drop_trailers(lines: list[str], removed: list[str]) -> list[str]:
    total = sum(len(line) + 1 for line in lines) or 1
    kept: list[str] = []
    position = 0
    index = 0
    while index < len(lines):
        line = lines[index]
        if line and _is_trailer_heading(fold(line)):
            if position / total >= _TRAILER_FROM:
                removed.append(f"trailer from {line!r} ({len(lines) - index} lines)")
                break
            removed.append(f"sidebar list under {line!r}")
            index += 1
            while index < len(lines) and (not lines[index] or _looks_like_headline(lines[index])):
                index += 1
            continue
        kept.append(line)
        position += len(line) + 1
        index += 1
    return kept


def _drop_repeats(lines: list[str], removed: list[str]) -> list[str]:
    """A line equal to the previous text line, or a teaser ("…") that the next text line starts with."""
    kept: list[str] = []
    previous = None
    text_lines = [i for i, line in enumerate(lines) if line]
    following = {a: b for a, b in zip(text_lines, text_lines[1:])}
    for index, line in enumerate(lines):
        if not line:
            kept.append(line)
            continue
        if line == previous:
            removed.append(f"repeated line {line[:60]!r}")
            continue
        nxt = lines[following[index]] if index in following else ""
        teaser = line.rstrip(".… ")
        if line.endswith(("...", "…")) and len(teaser) > 40 and nxt.startswith(teaser) and nxt != line:
            removed.append(f"teaser {line[:60]!r}")
            continue
        kept.append(line)
        previous = line
    return kept


def clean(raw: str) -> Cleaned:
    removed: list[str] = []
    lines = []
    for line in normalize(raw).split("\n"):
        line = _trim(line.strip())
        if line and _is_furniture(fold(line)):
            removed.append(f"furniture {line[:60]!r}")
            continue
        lines.append(line)
    lines = _drop_trailers(lines, removed)
    lines = _drop_repeats(lines, removed)
    # Paragraph breaks stay; runs of blank lines become one; no blank lines at the ends.
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return Cleaned("\n".join(out), removed)
