"""Numeric facts: each quantity in a sentence, with what it counts, whose it is, when, and how sure.

Pure: text, sentences, the organizations found, the publication date → fact dicts as the record holds
them (spec §5). Numbers come from `rules.numbers` (years, dates, symbols, ages … are never facts), the
metric from `rules.facts.metrics`, the period from `rules.facts.timescope`. A number inside an entity (a document's
number, `quận 5`) is no fact.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

import regex

from extractor.folding import fold
from extractor.rules.facts.cues import about_the_party
from extractor.rules.facts.metrics import classify
from extractor.rules.facts.parts import Stated, is_part
from extractor.rules.facts.periods import find_periods
from extractor.rules.facts.restatements import merge_restatements
from extractor.rules.facts.subjects import (
    PARTY,
    Org,
    main_subject,
    nationwide,
    place_actor,
    place_of_share,
    sentence_subject,
)
from extractor.rules.facts.targets import is_target
from extractor.rules.facts.timescope import STOCKS, Scope, fact_time, lead_period
from extractor.rules.numbers import QUANTITIES, find_numbers, parse_number, to_json

_FOOTNOTE_MARK = regex.compile(r"\[(\d{1,3})\]")
_FOOTNOTE_LINE = regex.compile(r"\[(\d{1,3})\]")  # used with .match(text, line_start): no "^"
_CLAUSE = regex.compile(r";")
# between a count and its share: "1.842 đồng chí (chiếm 14,6%)", "30/65 chi bộ … (tỉ lệ 46,2%)", "…, bằng 25%"
_BESIDE = regex.compile(r"[^;]{0,80}?[(,]\s*(?:chiếm|bằng|đạt)?\s*(?:tỉ lệ|tỷ lệ)?\s*(?:là\s*)?")


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, at = [], start
    for match in _CLAUSE.finditer(text, start, end):
        out.append((at, match.start()))
        at = match.end()
    out.append((at, end))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in out if text[s:e].strip()]


def _pair_out_of(numbers: list, folded: str) -> list:
    """"47 trong số 52 tổ chức" is a ratio like "47/52": one fact, value 47, total 52."""
    out, skip = [], False
    for number, after in zip(numbers, numbers[1:] + [None]):
        if skip:
            skip = False
            continue
        if after is not None and number.kind == after.kind == "count" and regex.fullmatch(
                r"\s+trong\s+(?:tổng\s+)?số\s+", folded[number.end:after.start]):
            out.append(replace(number, end=after.end, total=after.value, kind="ratio"))
            skip = True
            continue
        out.append(number)
    return out


_BEING = regex.compile(r"\blà\s*$")
_APPOSITION = regex.compile(r"\p{Lu}\w*\s*,\s*$")  # "Ông Hai Luyện, một đảng viên lão thành …"
_OBJECT_OF = regex.compile(r"(?<!\b(?:có|gồm|thêm|với|và|đã|vừa))\s+$")
_WORD_BEFORE = regex.compile(r"\w+\s+$")


def _one_as_article(text: str, folded: str, floor: int, start: int, reading) -> bool:
    """`một` that names one person rather than counting: after `là` ("bà là một đảng viên"), in an apposition
    to a name, or as the object of another verb with a passive after it ("đưa một đồng chí bị kỷ luật về …")."""
    if reading.verb is None and (_BEING.search(folded, floor, start) or _APPOSITION.search(text, floor, start)):
        return True
    return reading.rule.startswith("passive:") and bool(_WORD_BEFORE.search(folded, floor, start)) \
        and bool(_OBJECT_OF.search(folded, floor, start))


def _share_of(folded: str, number, previous: list, made: dict[int, tuple]) -> dict | None:
    """The fact a share is stated beside ("1.842 đồng chí (chiếm 14,6%)"): the clause's last count of something,
    passing over numbers that count nothing ("… 5 năm liền (tỉ lệ 46,2%)"); none when that count is no fact."""
    counted = next((made[n.start] for n in reversed(previous) if n.start in made
                    and not made[n.start][1]["rule"].endswith("+no_counted_noun")), None)
    if counted and counted[1]["metric"] != "other" and _BESIDE.fullmatch(folded, counted[0].end, number.start):
        return counted[1]
    return None


def extract_facts(text: str, sentences: list[tuple[int, int]], orgs: list[Org], published: str | None,
                  skip: list[tuple[int, int]] = (), places: list[Org] = ()) -> list[dict]:
    folded = fold(text)
    if not about_the_party(folded):
        return []  # an article that names no party body or member states no membership fact
    numbers = [n for n in find_numbers(text) if n.kind in QUANTITIES
               and not any(s <= n.start and n.end <= e for s, e in skip)]
    # A document's signing date ("Quyết định số 98-QĐ/TW ngày 22/10/2007") dates the document, not a count.
    numbers = _pair_out_of(numbers, folded)
    periods = [p for p in find_periods(text, published)
               if not (p.kind == "event" and any(e <= p.start <= e + 3 for _, e in skip))]
    main = main_subject(text, orgs)
    lead = lead_period(periods, text)
    starts = [s for s, _ in sentences]
    # Footnotes take their subject and time from the sentence that carries their mark.
    marks: dict[str, tuple[int, int]] = {}
    for match in _FOOTNOTE_MARK.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if not _FOOTNOTE_LINE.match(text, line_start):
            at = bisect_right(starts, match.start()) - 1
            if at >= 0:
                marks[match.group(1)] = (sentences[at][0], match.start())

    facts: list[dict] = []
    seen: set[tuple] = set()
    made: dict[int, tuple] = {}  # each number and the fact it gave, by where the number starts
    clause_verb: tuple[tuple[int, int], object] = ((-1, -1), None)
    for number in numbers:
        at = bisect_right(starts, number.start) - 1
        if at < 0:
            continue
        s_start, s_end = sentences[at]
        line_start = text.rfind("\n", 0, s_start) + 1
        footnote = _FOOTNOTE_LINE.match(text, line_start)
        context = marks.get(footnote.group(1)) if footnote else None
        clause = next(((c, e) for c, e in _clauses(text, s_start, s_end) if c <= number.start < e), (s_start, s_end))
        previous = [n for n in numbers if clause[0] <= n.end <= number.qualifier_start]
        floor = previous[-1].end if previous else clause[0]
        class_context = None
        for earlier in facts[-2:]:
            if earlier["metric"] == "training_classes" and clause[0] <= earlier["evidence"]["start"]:
                class_context = earlier["category"]
        inherited = clause_verb[1] if clause_verb[0] == clause else None
        reading = classify(text, folded, number.start, number.end, number.kind, floor, class_context,
                           clause[0], inherited)
        if reading.verb:
            clause_verb = (clause, reading.verb)
        if number.words and number.value == 1 and _one_as_article(text, folded, floor, number.start, reading):
            reading = replace(reading, metric="other", category=None, rule="one_as_article")
        target = is_target(folded, line_start, s_start, number.start, published)
        scope = Scope(number.start, number.end, clause, (s_start, s_end), line_start, context)
        stock = reading.metric in STOCKS or reading.rule == "percent"  # a share is as of a day too
        period, time = fact_time(periods, text, folded, scope, stock, target, published, lead)
        counted = _share_of(folded, number, previous, made) if reading.metric == "percentage" else None
        if counted:
            time = counted["time"]  # "30/65 chi bộ … (tỉ lệ 46,2%)": the share of that count, over its period
        if context is None and nationwide(folded, clause[0], clause[1]):
            subject = PARTY  # a nationwide figure
        elif context is None:
            subject = (place_of_share(text, places, number.start) if reading.metric == "percentage" else None) or (
                place_actor(text, places, clause[0], number.start)
                or sentence_subject(text, orgs, clause[0], clause[1], number.start)
                       or sentence_subject(text, orgs, s_start, s_end, number.start) or main)
        else:
            subject = sentence_subject(text, orgs, context[0], context[1], context[1]) or main
        fact = {"metric": reading.metric, "category": reading.category, "value": to_json(number.value),
                "approx": number.approx, "target": target, "subject": subject, "time": time,
                "evidence": {"start": clause[0], "end": clause[1]}, "rule": f"{number.rule}+{reading.rule}"}
        stated = [Stated(n.start, n.end, f, read) for n, f, read in made.values()]
        metric_read = fact["metric"]
        if is_part(folded, fact, number.start, number.end, clause, s_start, previous, stated,
                   period.start if period else None):
            fact["metric"], fact["rule"] = "other", fact["rule"] + "+part_of_total"
        if number.total is not None:
            fact["total"] = to_json(number.total)
        if number.high is not None:
            fact["high"] = to_json(number.high)
        if reading.about:
            fact["about"] = reading.about
        change = regex.search(r"\btừ\s+([\d.,]+)\b[^;]{0,60}?\bcòn\s*$", folded[clause[0]:number.qualifier_start])
        if change:
            earlier = parse_number(change.group(1))
            if earlier is not None:
                fact["previous"] = to_json(earlier)
                facts = [f for f in facts if not (f["evidence"] == fact["evidence"] and f["value"] == fact["previous"])]
        key = (fact["metric"], fact["category"], fact["value"], fact["target"],
               tuple(sorted((time or {}).items())), fold(fact.get("about", "")))
        made[number.start] = (number, fact, metric_read)  # read, even when stated before: its parts follow it
        if fact["metric"] != "other" and key in seen:
            continue  # stated again (headline, lead, caption): one fact
        seen.add(key)
        facts.append(fact)
    headline_end = text.find("\n")
    return merge_restatements(facts, len(text) if headline_end < 0 else headline_end)
