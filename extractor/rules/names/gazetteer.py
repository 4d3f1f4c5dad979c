"""The place lexicon: the gazetteer of Vietnamese administrative units and the place word lists (spec §2, LOC).

The gazetteer (before and after the 1/7/2025 merger) is built at first use from `vietnam_provinces` (the 34
provinces and their communes since the merger) and underthesea's address data (the 63 provinces, their
districts and communes before it), with the level word the sources write in front stripped ("Huyện Phúc Thọ" →
"Phúc Thọ", a district). The small lists (level words, countries, regions, names that are no places …) come
from extractor/data/. Everything is folded, so `places` can match it on fold(text).

This is apart from `places`, which finds places in a text, because building the lexicon is a different job:
it reads outside packages and data files once and caches the result; `places` only reads it.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import warnings
from dataclasses import dataclass

import regex
from vietnam_provinces import Province, VietNamDivisionType, Ward

from extractor.folding import fold
from extractor.resources import load_list, load_table

NOT_WORD = r"(?![\p{L}\p{M}\p{N}])"
_ROMAN = regex.compile(r"[IVX]+")
_LEVEL_RANK = ("province", "city", "district", "commune")


@dataclass(frozen=True)
class PlaceLexicon:
    level_words: dict[str, tuple[str, str]]    # folded lower-case word → (level, takes)
    abbreviations: dict[str, tuple[str, str]]  # "TP.", "P." … as written → (level, takes)
    gazetteer: dict[str, str]                  # folded bare name → its highest level
    standalone: dict[str, tuple[str, str, tuple[bool, ...]]]  # folded → (level, rule, which syllables are capitals)
    surnames: frozenset[str]
    person: frozenset[str]                     # family names and middle names, folded
    not_name_words: frozenset[str]             # "theo", "được" …: no name starts with one
    level_re: regex.Pattern
    abbreviation_re: regex.Pattern
    standalone_re: WordList
    not_names_re: WordList
    plural_re: regex.Pattern
    honorific_re: regex.Pattern


def _folded_list(name: str) -> list[str]:
    return sorted({fold(entry) for entry in load_list(name)})


def _words_re(words: list[str], tail: str = "") -> regex.Pattern:
    """Whole words of a named list (the regex module takes the longest entry that fits)."""
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}\p{{N}}])\L<words>{NOT_WORD}{tail}", words=words)


_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}])[\p{L}\p{M}\p{N}]+")
_WORD_RUN = regex.compile(r"[\p{L}\p{M}\p{N}]+")


@dataclass(frozen=True)
class WordList:
    """A named-list pattern tried only where a word starts with the first syllable of one of its entries: the
    same matches as `pattern.finditer(folded, overlapped=…)`, without trying the pattern at every character."""
    pattern: regex.Pattern
    first: frozenset[str]

    @classmethod
    def of(cls, words: list[str], tail: str = "") -> WordList:
        return cls(_words_re(words, tail), frozenset(_WORD.match(w).group() for w in words if _WORD.match(w)))

    def finditer(self, folded: str, overlapped: bool = True):
        end = 0
        index = _word_starts(folded)
        starts = sorted(start for word in self.first & index.keys() for start in index[word])
        for start in starts:
            if overlapped or start >= end:
                found = self.pattern.match(folded, start)
                if found:
                    end = found.end()
                    yield found


@functools.lru_cache(maxsize=4)
def _word_starts(folded: str) -> dict[str, list[int]]:
    """Where each word of a folded text starts: made once per text for every list tried on it."""
    index: dict[str, list[int]] = {}
    get, at = index.get, 0
    for word in _WORD_RUN.findall(folded):   # maximal runs: the same words as _WORD, found without match objects
        at = folded.index(word, at)
        starts = get(word)
        if starts is None:
            index[word] = [at]
        else:
            starts.append(at)
        at += len(word)
    return index


def _strip_level(name: str, level_words: dict[str, tuple[str, str]]) -> tuple[str, str | None]:
    """"Huyện Phúc Thọ" → ("Phúc Thọ", "district"): the gazetteers write the level word in front."""
    folded = fold(name)
    for word in sorted(level_words, key=len, reverse=True):
        if folded.startswith(word + " "):
            return name[len(word) + 1:].strip(), level_words[word][0]
    return name.strip(), None


def _gazetteer_names() -> list[tuple[str, str]]:
    """(name with its level word, the level when it has none) from the two maintained sources."""
    names = [(p.name, "city" if p.division_type is VietNamDivisionType.THANH_PHO_TRUNG_UONG else "province")
             for p in Province.iter_all()]
    names += [(w.name, "commune") for w in Ward.iter_all()]
    try:  # underthesea ships the pre-merger units as the data of its address converter
        source = importlib.resources.files("underthesea.address") / "data" / "mapping.json"
        mapping = json.loads(source.read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError, ValueError) as error:
        warnings.warn(f"places: no pre-2025 units from underthesea ({error}); using vietnam_provinces only")
        return names
    names += [(p["name"], "province") for p in mapping["old_province_names"].values()]
    for row in mapping["ward_mapping"]:
        names += [(row["old_district"], "district"), (row["old_ward"], "commune")]
    return names


@functools.cache
def place_lexicon() -> PlaceLexicon:
    level_words, abbreviations = {}, {}
    for word, level, takes in load_table("place_level_words.txt", 3):
        if word == word.lower():
            level_words[fold(word)] = (level, takes)
        else:
            abbreviations[word] = (level, takes)
    gazetteer: dict[str, str] = {}
    written: dict[str, str] = {}
    for full, default_level in _gazetteer_names():
        name, level = _strip_level(full, level_words)
        level = level if level in _LEVEL_RANK else default_level
        if not name or name[0].isdigit() or _ROMAN.fullmatch(name):
            continue  # "Phường 5", "Phường IV" are numbered units: their own rule finds them
        # the variants in a fixed order (a set's order would change with the hash seed)
        for variant in dict.fromkeys((name, name.replace(" - ", "-"), name.replace(" - ", " "))):
            key = fold(variant)
            if key not in gazetteer or _LEVEL_RANK.index(level) < _LEVEL_RANK.index(gazetteer[key]):
                gazetteer[key], written[key] = level, variant
    named = {key: (level, "known_province", written[key]) for key, level in gazetteer.items()
             if level in ("province", "city")}
    for file, level, rule in (("place_countries.txt", "country", "country"),
                              ("place_regions.txt", "region", "region"),
                              ("place_historic.txt", "province", "historic"),
                              ("place_islands.txt", "district", "island"),
                              ("place_fused_cities.txt", "city", "fused_city")):
        named.update({fold(name): (level, rule, name) for name in load_list(file)})
    standalone = {key: (level, rule, tuple(s[:1].isupper() for s in regex.split(r"[ -]", name)))
                  for key, (level, rule, name) in named.items()}
    surnames = frozenset(_folded_list("surnames.txt"))
    return PlaceLexicon(
        level_words, abbreviations, gazetteer, standalone, surnames,
        person=surnames | frozenset(_folded_list("place_person_syllables.txt")),
        not_name_words=frozenset(_folded_list("place_not_name_words.txt")),
        level_re=_words_re(sorted(level_words), tail=r"(?= +[\p{L}\d])"),
        abbreviation_re=regex.compile(r"(?<![\p{L}\p{M}\p{N}.])\L<words>", words=sorted(abbreviations)),
        standalone_re=WordList.of(sorted(standalone)),
        not_names_re=WordList.of(_folded_list("place_not_names.txt")),
        plural_re=regex.compile(r"(?<![\p{L}\p{M}\p{N}])(?:\L<words>|\d+) +$",
                                words=_folded_list("place_plural_words.txt")),
        honorific_re=regex.compile(r"(?<![\p{L}\p{M}])\L<words> $", words=_folded_list("honorifics.txt")),
    )
