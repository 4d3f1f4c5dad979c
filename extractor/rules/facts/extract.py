"""Numeric facts: each quantity in a sentence, with what it counts, whose it is, when, and how sure.

Pure: text, sentences, the organizations found, the publication date → fact dicts as the record holds
them (spec §5). Numbers come from `rules.numbers` (years, dates, symbols, ages … are never facts), the
metric from `rules.facts.metrics`, the period from `rules.facts.timescope`. A number inside an entity (a document's
number, `quận 5`) is no fact.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from operator import attrgetter

import regex

from extractor.folding import fold
from extractor.rules.facts.article import Article, read_article
from extractor.rules.facts.cues import about_the_party
from extractor.rules.facts.metrics import classify
from extractor.rules.facts.parts import Stated, is_part
from extractor.rules.facts.restatements import merge_restatements
from extractor.rules.facts.subjects import (
    PARTY,
    Org,
    nationwide,
    place_actor,
    place_of_share,
    sentence_subject,
)
from extractor.rules.facts.targets import is_target
from extractor.rules.facts.timescope import STOCKS, Scope, fact_time
from extractor.rules.numbers import QUANTITIES, find_numbers, parse_number, to_json

# between a count and its share: "1.842 đồng chí (chiếm 14,6%)", "30/65 chi bộ … (tỉ lệ 46,2%)", "…, bằng 25%"
_STATED_START = attrgetter("start")
# How many numbers that count nothing a verb reaches back over ("trao Huy hiệu 30, 40, 45 năm tuổi Đảng cho …"):
# a list longer than this is a table, and its last numbers are all the verb can mean.
_REACH = 24
_CLAUSE_NUMBERS = 64
_CHANGE = regex.compile(r"\btừ\s+([\d.,]+)\b[^;]{0,60}?\bcòn\s*$")  # "từ 95 … còn 92": the earlier figure
_BESIDE = regex.compile(r"[^;]{0,80}?[(,]\s*(?:chiếm|bằng|đạt)?\s*(?:tỉ lệ|tỷ lệ)?\s*(?:là\s*)?")


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


def _share_of(folded: str, number, previous: list, stated: list[Stated]) -> dict | None:
    """The fact a share is stated beside ("1.842 đồng chí (chiếm 14,6%)"): the clause's last count of something,
    passing over numbers that count nothing ("… 5 năm liền (tỉ lệ 46,2%)"); none when that count is no fact."""
    first = previous[0].start if previous else number.start
    by_start = {s.start: s for s in stated[bisect_left(stated, first, key=_STATED_START):]}
    counted = next((by_start[n.start] for n in reversed(previous) if n.start in by_start
                    and not by_start[n.start].fact["rule"].endswith("+no_counted_noun")), None)
    if counted and counted.fact["metric"] != "other" and _BESIDE.fullmatch(folded, counted.end, number.start):
        return counted.fact
    return None


def _previous(numbers: list, index: int, clause_start: int) -> list:
    """The numbers of the clause before the one at `index` (those ending before its qualifier), the last
    `_CLAUSE_NUMBERS` of them at most: a clause of hundreds of numbers is a table, read number by number."""
    number, first = numbers[index], index
    floor = max(0, index - _CLAUSE_NUMBERS)
    while first > floor and numbers[first - 1].end >= clause_start:
        first -= 1
    return [n for n in numbers[first:index] if n.end <= number.qualifier_start]


def _floor(folded: str, previous: list, stated: list[Stated], clause_start: int, start: int) -> int:
    """Where the search for the number's verb stops: the last number before it in the clause that counts
    something; numbers that count nothing ("trao Huy hiệu 30, 40, 45 năm tuổi Đảng cho 27 đảng viên") do not
    stop the verb's reach, unless a bracket stands between ("(khiển trách 9, cảnh cáo 3) và 150 …")."""
    previous = previous[-_REACH:]
    if len(previous) == _REACH:
        clause_start = previous[0].end   # a verb reaches back over a bounded run of bare numbers
    read = {s.start: s for s in stated[-len(previous):]} if previous else {}
    bracket = max(folded.rfind("(", clause_start, start), folded.rfind(")", clause_start, start))
    for number in reversed(previous):
        done = read.get(number.start)
        if done is None or not done.fact["rule"].endswith("+no_counted_noun") or number.end <= bracket:
            return number.end
    return clause_start


def _subject(article: Article, reading, number, clause: tuple[int, int], sentence: tuple[int, int],
             context: tuple[int, int] | None) -> str | None:
    """Whose the fact is (subjects.py): a footnote's marked sentence; a nationwide clause; a share's place; the
    place acting in the clause; the body the clause, then the sentence names; the article's own."""
    text, orgs = article.text, article.orgs
    if context is not None:
        return sentence_subject(text, orgs, context[0], context[1], context[1]) or article.main
    if nationwide(article.folded, clause[0], clause[1]):
        return PARTY
    return ((place_of_share(text, article.places, number.start) if reading.metric == "percentage" else None)
            or place_actor(article.folded, article.places, clause[0], number.start)
            or sentence_subject(text, orgs, clause[0], clause[1], number.start)
            or sentence_subject(text, orgs, sentence[0], sentence[1], number.start) or article.main)


def _window(stated: list[Stated], stated_starts: list[int], sentence_start: int) -> list[Stated]:
    """The numbers read so far that a part marker may point back to: from the clause of the last one before
    the sentence on (parts.py never looks further)."""
    before = bisect_left(stated_starts, sentence_start)
    if before == 0:
        return stated
    return stated[bisect_left(stated_starts, stated[before - 1].fact["evidence"]["start"]):]


def extract_facts(text: str, sentences: list[tuple[int, int]], orgs: list[Org], published: str | None,
                  skip: list[tuple[int, int]] = (), places: list[Org] = ()) -> list[dict]:
    folded = fold(text)
    if not about_the_party(folded):
        return []  # an article that names no party body or member states no membership fact
    article = read_article(text, sentences, orgs, published, list(skip), places)
    numbers = [n for n in find_numbers(text) if n.kind in QUANTITIES and not article.skip.holds(n.start, n.end)]
    numbers = _pair_out_of(numbers, folded)
    facts: list[dict] = []
    seen: set[tuple] = set()
    stated: list[Stated] = []  # each number read so far, the fact it gave and the metric it was read as
    stated_starts: list[int] = []
    clause_verb: tuple[tuple[int, int], object] = ((-1, -1), None)
    for index, number in enumerate(numbers):
        sentence = article.sentence_at(number.start)
        if sentence is None:
            continue
        line_start = article.line_start(sentence[0])
        context = article.footnote_of(line_start)
        clause = article.clause_at(sentence, number.start)
        previous = _previous(numbers, index, clause[0])
        floor = _floor(folded, previous, stated, clause[0], number.start)
        class_context = next((f["category"] for f in reversed(facts[-2:]) if f["metric"] == "training_classes"
                              and clause[0] <= f["evidence"]["start"]), None)  # "mở 3 lớp … cho 355 học viên"
        inherited = clause_verb[1] if clause_verb[0] == clause else None
        reading = classify(text, folded, number.start, number.end, number.kind, floor, class_context,
                           clause[0], inherited)
        if reading.verb:
            clause_verb = (clause, reading.verb)
        if number.words and number.value == 1 and _one_as_article(text, folded, floor, number.start, reading):
            reading = replace(reading, metric="other", category=None, rule="one_as_article")
        target = is_target(folded, line_start, sentence[0], number.start, published)
        scope = Scope(number.start, number.end, clause, sentence, line_start, context)
        stock = reading.metric in STOCKS or reading.rule == "percent"  # a share is as of a day too
        local = article.periods_in(article.line_start(context[0]) if context else line_start, clause[1])
        period, time = fact_time(list(local), text, folded, scope, stock, target, published, article.lead)
        window = _window(stated, stated_starts, sentence[0])
        counted = _share_of(folded, number, previous, window) if reading.metric == "percentage" else None
        if counted:
            time = counted["time"]  # "30/65 chi bộ … (tỉ lệ 46,2%)": the share of that count, over its period
        fact = {"metric": reading.metric, "category": reading.category, "value": to_json(number.value),
                "approx": number.approx, "target": target, "subject": _subject(article, reading, number, clause,
                                                                               sentence, context),
                "time": time, "evidence": {"start": clause[0], "end": clause[1]},
                "rule": f"{number.rule}+{reading.rule}"}
        metric_read = fact["metric"]
        if is_part(folded, fact, number.start, number.end, clause, sentence[0], previous, window,
                   period.start if period else None):
            fact["metric"], fact["rule"] = "other", fact["rule"] + "+part_of_total"
        facts = _extras(fact, number, reading, folded, clause, facts)
        stated.append(Stated(number.start, number.end, fact, metric_read))  # even when stated before: its parts
        stated_starts.append(number.start)  # follow it
        _keep(fact, number.total, facts, seen)
    headline_end = text.find("\n")
    return merge_restatements(facts, len(text) if headline_end < 0 else headline_end)


def _keep(fact: dict, total, facts: list[dict], seen: set[tuple]) -> None:
    """Adds `fact` unless it was stated already (headline, lead, caption: one fact), with the plan a share of
    admissions is read against ("kết nạp được 18/25 đảng viên": 18 admitted, and a goal of 25)."""
    key = (fact["metric"], fact["category"], fact["value"], fact["target"],
           tuple(sorted((fact["time"] or {}).items())), fold(fact.get("about", "")))
    if fact["metric"] != "other" and key in seen:
        return
    seen.add(key)
    facts.append(fact)
    if fact["metric"] == "members_admitted" and total is not None and not fact["target"]:
        facts.append(dict(fact, value=to_json(total), target=True, rule=fact["rule"] + "+plan"))
        del facts[-1]["total"]


def _extras(fact: dict, number, reading, folded: str, clause: tuple[int, int], facts: list[dict]) -> list[dict]:
    """The fact's total, upper end, what a share measures, and the earlier figure of `từ X … còn Y` (whose own
    fact, read before, is dropped); the facts so far, without that one."""
    if number.total is not None:
        fact["total"] = to_json(number.total)
    if number.high is not None:
        fact["high"] = to_json(number.high)
    if reading.about:
        fact["about"] = reading.about
    change = _CHANGE.search(folded, clause[0], number.qualifier_start)
    if change and parse_number(change.group(1)) is not None:
        fact["previous"] = to_json(parse_number(change.group(1)))
        return [f for f in facts if not (f["evidence"] == fact["evidence"] and f["value"] == fact["previous"])]
    return facts
