"""The vocabulary of organization names, loaded once from `extractor/data/` (org_heads.tsv, org_names.txt,
org_name_words.txt, org_levels.txt …) for the rules that find where a name starts and ends."""

from __future__ import annotations

import functools

from extractor.folding import fold
from extractor.resources import load_list, load_table
from extractor.rules.names.phrases import PhraseTable, list_table, pair_table


@functools.cache
def _head_rows() -> tuple[tuple[str, str, str, str], ...]:
    return load_table("org_heads.tsv", 4)


@functools.cache
def heads() -> PhraseTable:
    """Heads that open a name, each mapped to what it needs ("complete" or "tail")."""
    return PhraseTable({head: needs for head, needs, _kind, _leads in _head_rows() if needs != "none"})


@functools.cache
def heads_of_kind(*kinds: str) -> tuple[str, ...]:
    """Every head, opening a name or not, of one of these kinds, as written in the data."""
    return tuple(head for head, _needs, kind, _leads in _head_rows() if kind in kinds)


@functools.cache
def committees_leading() -> tuple[tuple[str, str], ...]:
    """(committee, the organization it leads): ("Huyện ủy", "Đảng bộ huyện"), ("Chi ủy", "Chi bộ") …"""
    return tuple((head, leads) for head, _needs, _kind, leads in _head_rows() if leads != "-")


@functools.cache
def names() -> PhraseTable:
    return list_table("org_names.txt")


@functools.cache
def inner_words() -> PhraseTable:
    return pair_table("org_name_words.txt")


@functools.cache
def standalone() -> frozenset[str]:
    return frozenset(fold(w) for w in load_list("org_standalone_words.txt"))


@functools.cache
def plural() -> PhraseTable:
    return list_table("org_plural_words.txt")


@functools.cache
def named_after_people() -> PhraseTable:
    return list_table("org_heads_named_after_people.txt")


@functools.cache
def document_words() -> PhraseTable:
    return PhraseTable({row[0]: True for row in load_table("document_types.tsv", 3)})


@functools.cache
def titles() -> PhraseTable:
    return list_table("titles.txt")


@functools.cache
def levels() -> PhraseTable:
    return list_table("org_levels.txt")


@functools.cache
def surnames() -> frozenset[str]:
    return frozenset(fold(s) for s in load_list("surnames.txt"))


@functools.cache
def counters() -> PhraseTable:
    """Nouns a number counts when they follow it (number_counters.txt, shared with the number rules)."""
    return list_table("number_counters.txt")


@functools.cache
def kind_words() -> PhraseTable:
    return list_table("org_kind_words.txt")


@functools.cache
def demonstratives() -> frozenset[str]:
    return frozenset(fold(w) for w in load_list("level_demonstratives.txt"))


@functools.cache
def false_heads() -> PhraseTable:
    return list_table("org_false_heads.txt")


@functools.cache
def lower_heads() -> PhraseTable:
    return list_table("org_lower_heads.txt")


@functools.cache
def bare_names() -> PhraseTable:
    """Media and international bodies named without a head, each mapped to its spellings in the data."""
    spellings: dict[str, tuple[str, ...]] = {}
    for entry in load_list("org_media_and_international.txt"):
        key = fold(entry)
        spellings[key] = spellings.get(key, ()) + (entry,)
    return PhraseTable({entries[0]: entries for entries in spellings.values()})


@functools.cache
def meeting_bodies() -> PhraseTable:
    return list_table("org_meeting_bodies.txt")


@functools.cache
def countries() -> PhraseTable:
    """Country names ("MTTQ Việt Nam", "Chính phủ Lào"): a national body's name may end with one."""
    return PhraseTable({**{c: True for c in load_list("place_countries.txt")}, "VN": True})


@functools.cache
def function_words() -> frozenset[str]:
    """Function words ("của", "vì", "cho"): capitalised alone after a head they name nothing."""
    return frozenset(fold(w) for w in load_list("org_function_words.txt"))
