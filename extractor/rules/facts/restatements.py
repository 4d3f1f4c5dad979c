"""A fact stated several times is one fact (spec §5): the headline, the lead and the body restate the same
figure, sometimes rounded (`Hơn 2.400 đảng viên bị kỷ luật` over `2.435 đảng viên`), sometimes without its
period (`Trong số 600 đảng viên bị kỷ luật, …`). Keep the statement that says most: the exact one, the
one that says when.
"""

from __future__ import annotations

from decimal import Decimal

from extractor.folding import fold

_ROUNDING = Decimal("0.1")  # a rounded restatement lies within a tenth of the exact figure


def _key(fact: dict) -> tuple:
    return fact["metric"], fact["category"], fact["value"], fact["target"], fold(fact.get("about", ""))


def _rounds(rounded: dict, exact: dict) -> bool:
    """Whether `rounded` (hơn / gần / khoảng N) restates `exact` of the same kind."""
    if (rounded["metric"], rounded["category"], rounded["target"]) != (exact["metric"], exact["category"],
                                                                       exact["target"]):
        return False
    if rounded["approx"] == "exact" or exact["approx"] != "exact" or rounded["metric"] == "percentage":
        return False
    low, value = Decimal(str(rounded["value"])), Decimal(str(exact["value"]))
    if not low or abs(value - low) > low * _ROUNDING:
        return False
    return {"over": value >= low, "under": value <= low, "about": True}[rounded["approx"]]


def merge_restatements(facts: list[dict], headline_end: int) -> list[dict]:
    """Drop restatements: a headline's fact restated with its time in the body; a later statement of a
    figure without its time; a rounded figure whose exact value the article states (a timeless fact in the
    body that is stated once stays: "hằng năm" has no time on purpose)."""
    scored = [f for f in facts if f["metric"] != "other"]
    timed = {_key(f) for f in scored if f["time"] is not None}
    kept, seen = [], set()
    for fact in facts:
        if fact["metric"] != "other":
            # shares repeat on purpose ("100% …" for one goal after another): only counts are restated
            untimed_again = fact["time"] is None and ((_key(fact) in seen and fact["metric"] != "percentage") or (
                fact["evidence"]["start"] < headline_end and _key(fact) in timed))
            if untimed_again or any(_rounds(fact, other) for other in scored if other is not fact):
                continue
            seen.add(_key(fact))
        kept.append(fact)
    return kept
