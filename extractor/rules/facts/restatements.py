"""A fact stated several times is one fact (spec §5): the headline, the lead and the body restate the same
figure, sometimes rounded (`Hơn 2.400 đảng viên bị kỷ luật` over `2.435 đảng viên`), sometimes without its
period (`Trong số 600 đảng viên bị kỷ luật, …`). Keep the statement that says most: the exact one, the
one that says when.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from decimal import Decimal

from extractor.folding import fold

_ROUNDING = Decimal("0.1")  # a rounded restatement lies within a tenth of the exact figure


def _key(fact: dict) -> tuple:
    return fact["metric"], fact["category"], fact["value"], fact["target"], fold(fact.get("about", ""))


def _kind(fact: dict) -> tuple:
    return fact["metric"], fact["category"], fact["target"]


def _exact_values(scored: list[dict]) -> dict[tuple, list[Decimal]]:
    """The exact figures of each kind, sorted: a rounded one's exact statement is a bisection away."""
    values: dict[tuple, list[Decimal]] = {}
    for fact in scored:
        if fact["approx"] == "exact":
            values.setdefault(_kind(fact), []).append(Decimal(str(fact["value"])))
    for kind in values:
        values[kind].sort()
    return values


def _rounds_a_stated_figure(rounded: dict, exact_values: dict[tuple, list[Decimal]]) -> bool:
    """Whether `rounded` (hơn / gần / khoảng N) restates an exact figure of the same kind the article states."""
    if rounded["approx"] == "exact" or rounded["metric"] == "percentage":
        return False
    low = Decimal(str(rounded["value"]))
    values = exact_values.get(_kind(rounded), [])
    if not low or not values:
        return False
    near = values[bisect_left(values, low - abs(low) * _ROUNDING):bisect_right(values, low + abs(low) * _ROUNDING)]
    accepts = {"over": lambda value: value >= low, "under": lambda value: value <= low,
               "about": lambda value: True}[rounded["approx"]]
    return any(accepts(value) for value in near)


def merge_restatements(facts: list[dict], headline_end: int) -> list[dict]:
    """Drop restatements: a headline's fact restated with its time in the body; a later statement of a
    figure without its time; a rounded figure whose exact value the article states (a timeless fact in the
    body that is stated once stays: "hằng năm" has no time on purpose)."""
    scored = [f for f in facts if f["metric"] != "other"]
    timed = {_key(f) for f in scored if f["time"] is not None}
    exact_values = _exact_values(scored)
    kept, seen = [], set()
    for fact in facts:
        if fact["metric"] != "other":
            # shares repeat on purpose ("100% …" for one goal after another): only counts are restated
            untimed_again = fact["time"] is None and ((_key(fact) in seen and fact["metric"] != "percentage") or (
                fact["evidence"]["start"] < headline_end and _key(fact) in timed))
            if untimed_again or _rounds_a_stated_figure(fact, exact_values):
                continue
            seen.add(_key(fact))
        kept.append(fact)
    return kept
