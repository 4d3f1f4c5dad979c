"""Folding for comparison: lower case and one tone placement, keeping every character's offset.

`fold(text)` has exactly the length of `text`, so a match found in the folded text is a match at the
same offsets in the original. Matchers search the folded text with folded patterns.
"""

from __future__ import annotations

import functools
import unicodedata

import regex

from extractor.resources import load_list, load_table


@functools.cache
def _tone_table() -> tuple[regex.Pattern, dict[str, str]]:
    mapping = {}
    for old, new in load_table("tone_placement.tsv", 2):
        if len(old) != 2 or len(new) != 2:
            raise ValueError(f"tone_placement.tsv: {old!r} -> {new!r} must keep two characters")
        mapping[old] = new
    return regex.compile("|".join(map(regex.escape, mapping))), mapping


def _lower_keeping_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A handful of characters (İ) lower into two; keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def fold(text: str) -> str:
    """Lower-cased, tone placement unified; same length as `text`. An article's text is folded by several
    stages: the last few long texts are kept, so each is folded once."""
    return _fold_long(text) if len(text) > 200 else _fold_short(text)


def _fold(text: str) -> str:
    pattern, mapping = _tone_table()
    return pattern.sub(lambda m: mapping[m.group()], _lower_keeping_length(text))


_fold_long = functools.lru_cache(maxsize=8)(_fold)
_fold_short = functools.lru_cache(maxsize=8192)(_fold)


def fold_key(text: str) -> str:
    """A comparison key that also folds white space and Unicode form (for scoring and lexicon keys)."""
    return fold(" ".join(unicodedata.normalize("NFC", text).split()))


@functools.lru_cache(maxsize=256)
def fold_tones(text: str) -> str:
    """Only the tone placement unified (case kept): for regular expressions, whose `\\S` must stay upper.
    Cached: the closing lines are read by the byline, the credit and the outlet rules, each folding them."""
    pattern, lowered_keys = _tone_table_any_case()

    def replace(match: regex.Match) -> str:
        old = match.group()
        new = lowered_keys[old.lower()]
        return new.upper() if old.isupper() else (new[0].upper() + new[1:] if old[0].isupper() else new)

    return pattern.sub(replace, text)


@functools.cache
def _tone_table_any_case() -> tuple[regex.Pattern, dict[str, str]]:
    pattern, mapping = _tone_table()
    return regex.compile(pattern.pattern, regex.IGNORECASE), {k.lower(): v for k, v in mapping.items()}


@functools.cache
def folded_patterns(name: str) -> tuple[regex.Pattern, ...]:
    """A data file of regular expressions (one per line), compiled to match folded text."""
    compiled = []
    for number, line in enumerate(load_list(name), 1):
        try:
            compiled.append(regex.compile(fold_tones(line), regex.IGNORECASE))
        except regex.error as error:
            raise ValueError(f"{name}: bad pattern {line!r}: {error}") from error
    return tuple(compiled)


@functools.cache
def folded_words(name: str, before: str = r"(?<!\w)", after: str = r"(?!\w)", flags: int = 0) -> regex.Pattern:
    """A one-entry-per-line data file as one pattern over folded text: its entries (folded, the longest that
    fits wins) between `before` and `after`."""
    words = sorted({fold(w) for w in load_list(name)})
    return regex.compile(rf"{before}\L<words>{after}", flags, words=words)


def strip_accents(text: str) -> str:
    """ASCII-ish key for matching URL slugs: diacritics off, đ → d, lower case."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
