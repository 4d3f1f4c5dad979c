"""The article as one frozen value the fact rules share: its text and folded text, sentences, line starts,
periods, the organizations and places found, the publication date, its own organization and its lead's
period — each built once per article, with sorted offsets so that every look-up is a bisection, not a scan
(a 100 kB bulletin of a thousand counts costs what its length costs)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

import regex

from extractor.folding import fold
from extractor.rules.facts.periods import Period, find_periods
from extractor.rules.facts.subjects import Org, main_subject
from extractor.rules.facts.timescope import lead_period

_FOOTNOTE_MARK = regex.compile(r"\[(\d{1,3})\]")
_FOOTNOTE_LINE = regex.compile(r"\[(\d{1,3})\]")  # used with .match(text, line_start): no "^"
_CLAUSE = regex.compile(r";")


@dataclass(frozen=True)
class Spans:
    """Sorted spans, for "which span holds this offset" in logarithmic time (spans may nest)."""
    starts: tuple[int, ...]
    reach: tuple[int, ...]  # the furthest end of the spans up to each one

    @classmethod
    def of(cls, spans) -> Spans:
        ordered = sorted(spans)
        return cls(tuple(s for s, _ in ordered), tuple(accumulate((e for _, e in ordered), max)))

    def holds(self, start: int, end: int) -> bool:
        at = bisect_right(self.starts, start) - 1
        return at >= 0 and self.reach[at] >= end


@dataclass(frozen=True)
class Article:
    text: str
    folded: str
    sentences: tuple[tuple[int, int], ...]
    sentence_starts: tuple[int, ...]
    line_starts: tuple[int, ...]
    periods: tuple[Period, ...]
    period_starts: tuple[int, ...]
    lead: Period | None
    orgs: tuple[Org, ...]
    places: tuple[Org, ...]
    published: str | None
    main: str | None
    marks: dict[str, tuple[int, int]]  # a footnote's number → (its sentence's start, where its mark stands)
    skip: Spans  # entities and document numbers: a number inside one is no fact

    def sentence_at(self, offset: int) -> tuple[int, int] | None:
        at = bisect_right(self.sentence_starts, offset) - 1
        return self.sentences[at] if at >= 0 else None

    def line_start(self, offset: int) -> int:
        return self.line_starts[bisect_right(self.line_starts, offset) - 1]

    def periods_in(self, start: int, end: int) -> tuple[Period, ...]:
        """The periods that start in [start, end), in text order."""
        return self.periods[bisect_left(self.period_starts, start):bisect_left(self.period_starts, end)]

    def footnote_of(self, line_start: int) -> tuple[int, int] | None:
        """For a footnote's line, the sentence that carries its mark."""
        footnote = _FOOTNOTE_LINE.match(self.text, line_start)
        return self.marks.get(footnote.group(1)) if footnote else None

    def clause_at(self, sentence: tuple[int, int], offset: int) -> tuple[int, int]:
        """The semicolon clause of the sentence that holds the offset, without its leading spaces."""
        start = self.text.rfind(";", sentence[0], offset) + 1 or sentence[0]
        stop = self.text.find(";", offset, sentence[1])
        end = sentence[1] if stop < 0 else stop
        while start < end and self.text[start].isspace():
            start += 1
        return start, end


def read_article(text: str, sentences: list[tuple[int, int]], orgs: list[Org], published: str | None,
                 skip: list[tuple[int, int]], places: list[Org]) -> Article:
    sentences = tuple(sentences)
    starts = tuple(s for s, _ in sentences)
    line_starts = (0, *(m.end() for m in regex.finditer(r"\n", text)))
    # A document's signing date ("Quy định số 12-QĐ/TU ngày 3/5/2021") dates the document, not a count.
    skip_ends = sorted(e for _, e in skip)
    periods = tuple(p for p in find_periods(text, published) if not (
        p.kind == "event" and bisect_left(skip_ends, p.start - 3) < bisect_right(skip_ends, p.start)))
    marks: dict[str, tuple[int, int]] = {}  # footnotes take subject and time from the sentence with their mark
    for match in _FOOTNOTE_MARK.finditer(text):
        line = line_starts[bisect_right(line_starts, match.start()) - 1]
        at = bisect_right(starts, match.start()) - 1
        if not _FOOTNOTE_LINE.match(text, line) and at >= 0:
            marks[match.group(1)] = (sentences[at][0], match.start())
    orgs = tuple(sorted(orgs, key=lambda o: o.start))
    return Article(text, fold(text), sentences, starts, line_starts, periods, tuple(p.start for p in periods),
                   lead_period(list(periods), text), orgs, tuple(sorted(places, key=lambda o: o.start)),
                   published, main_subject(text, list(orgs)), marks, Spans.of(skip))
