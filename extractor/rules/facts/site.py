"""Where a number stands, as one value every reading rule gets: the text and its folded form, the number's
offsets and kind, the clause it stands in, and what the words around it say (the counted noun, the verb that
governs it), each worked out once, when a rule first asks."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from extractor.rules.facts.cues import (
    about_phrase,
    noun_after,
    qualified_noun,
    rating_after,
    verb_before,
    verb_starting,
)
from extractor.rules.facts.discipline import passive_after

PERSON_METRICS = frozenset({"members_admitted", "party_badges_awarded", "disciplined"})
_COUNTED_PEOPLE = ("person", "party_members", "collective")
_CLAUSE_STOP = regex.compile(r"[;.\n]")

Verb = tuple[str, tuple[str, ...]]  # a verb phrase and its (metric, category) from data/fact_verbs.tsv


@dataclass(frozen=True)
class Reading:
    """What a number counts: its metric and category, what a share measures, and the rule that read it."""
    metric: str
    category: str | None
    about: str | None
    rule: str
    noun_end: int  # where the counted noun ends (for the evidence and the next number's search)
    verb: Verb | None = None  # the governing verb, shared by a list after it


@dataclass(frozen=True)
class Counted:
    phrase: str  # the counted noun as written (folded)
    metric: str  # a metric, or a noun class: person, collective
    category: str | None
    end: int


@dataclass(frozen=True)
class Acting:
    """The verb that says what happened to the counted people or bodies: before them, or a passive after them."""
    verb: Verb | None
    at: int  # where the verb stands (-1 when none)
    shared: Verb | None  # the verb a list after this number inherits (a passive governs only its own count)
    how: str  # verb or passive


@dataclass(frozen=True)
class Site:
    text: str
    folded: str
    start: int
    end: int
    kind: str  # count, percent, ratio, range
    floor: int  # where the search for a verb stops: the clause start or the previous number
    clause_start: int
    class_context: str | None  # the category of a class counted just before in the clause
    inherited_verb: Verb | None  # the verb of an earlier count of the same list

    @functools.cached_property
    def percent(self) -> bool:
        return self.kind == "percent" or (self.kind == "range" and "%" in self.text[self.start:self.end])

    @functools.cached_property
    def about(self) -> str:
        """What a share measures (the phrase after it, or after `tỷ lệ` before it)."""
        return about_phrase(self.text, self.folded, self.start, self.end)

    @functools.cached_property
    def before(self) -> str:
        """The folded words between the floor and the number."""
        return self.folded[self.floor:self.start]

    @functools.cached_property
    def noun(self) -> tuple[str, tuple[str, ...], int] | None:
        return noun_after(self.folded, self.end)

    @functools.cached_property
    def counted(self) -> Counted | None:
        """The counted noun, a bare `đảng bộ` made precise by a qualifier after it."""
        if self.noun is None:
            return None
        phrase, (metric, category), end = self.noun
        qualified = qualified_noun(self.folded, phrase, end)
        if qualified:
            category = qualified[1][1]  # "4 Đảng bộ Khối trực thuộc Thành ủy": subordinate
        return Counted(phrase, metric, None if category == "-" else category, end)

    @functools.cached_property
    def rating(self) -> str | None:
        """The rating nearest after the counted noun (data/fact_ratings.tsv)."""
        return rating_after(self.folded, self.counted.end) if self.counted else None

    @functools.cached_property
    def noun_end(self) -> int:
        return self.noun[2] if self.noun else self.end

    @functools.cached_property
    def verb(self) -> Verb | None:
        return verb_before(self.folded, self.start, self.floor) or self.inherited_verb

    @functools.cached_property
    def clause_end(self) -> int:
        stop = _CLAUSE_STOP.search(self.folded, self.noun_end)
        return stop.start() if stop else len(self.folded)

    @functools.cached_property
    def passive(self) -> tuple[str, int] | None:
        """`bị` / `được` after the counted people ("12 đảng viên bị xử lý kỷ luật"), and where its verb starts."""
        if self.counted is None or self.counted.metric not in _COUNTED_PEOPLE:
            return None
        return passive_after(self.folded, self.counted.end)

    @functools.cached_property
    def acting(self) -> Acting:
        """The verb before the number, unless a passive after the counted people names a fact's verb."""
        if self.passive:
            after = verb_starting(self.folded, self.passive[1])
            if after and after[1][0] in PERSON_METRICS:
                return Acting(after, self.passive[1], None, "passive")
        verb = self.verb
        return Acting(verb, self.folded.rfind(verb[0], 0, self.start) if verb else -1, verb, "verb")

    def other(self, rule: str, end: int | None = None, verb: Verb | None = None) -> Reading:
        """No membership fact, and which rule said so."""
        return Reading("other", None, None, rule, self.noun_end if end is None else end, verb)
