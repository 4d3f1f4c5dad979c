"""Scoring records against gold files, as the spec's §6 defines it.

Micro-averaged over articles. Text comparison folds white space, case, Unicode form and the old tone
placement. A record finds its gold by the article's file name (`NAME.txt`, `NAME.html`) or, for a
JSON Lines input, by `NAME.jsonl:LINE`.
"""

from __future__ import annotations

import copy
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import regex

from extractor.folding import fold_key
from extractor.scoring_inputs import read_gold

META_FIELDS = ("title", "published", "author", "outlet")
ENTITY_LABELS = ("PER", "ORG", "LOC")
LONG_TITLE_WORDS = 12        # spec §6: a title longer than this is counted as a clause taken for a title
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(value) -> str | None:
    """`XII` stays, `12` becomes `XII`; None stays None."""
    if value is None:
        return None
    text = str(value).strip().upper()
    if not text.isdigit():
        return text
    number, out = int(text), ""
    for amount, letters in _ROMAN:
        while number >= amount:
            out, number = out + letters, number - amount
    return out


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: int, gold: int, matched: int) -> None:
        self.tp += matched
        self.fp += predicted - matched
        self.fn += gold - matched

    def scores(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += bool(ok)
        self.total += 1

    def value(self) -> float | None:
        return round(self.right / self.total, 4) if self.total else None


@dataclass
class Mean:
    sum: float = 0.0
    count: int = 0

    def add(self, value: float) -> None:
        self.sum += value
        self.count += 1

    def value(self) -> float | None:
        return round(self.sum / self.count, 4) if self.count else None


@dataclass
class Report:
    articles: int = 0
    records_without_gold: list = field(default_factory=list)
    gold_without_record: list = field(default_factory=list)
    meta: dict = field(default_factory=lambda: {f: Accuracy() for f in META_FIELDS})
    meta_false_fills: Counter = field(default_factory=Counter)
    entities: dict = field(default_factory=lambda: defaultdict(Tally))
    persons: Tally = field(default_factory=Tally)
    person_role: Accuracy = field(default_factory=Accuracy)
    person_titles: Mean = field(default_factory=Mean)
    long_titles: int = 0
    documents: Tally = field(default_factory=Tally)
    document_attrs: dict = field(default_factory=lambda: {k: Accuracy() for k in ("symbol", "issuer", "issued")})
    facts: Tally = field(default_factory=Tally)
    facts_by_metric: dict = field(default_factory=lambda: defaultdict(Tally))
    fact_attrs: dict = field(default_factory=lambda: {k: Accuracy() for k in ("approx", "subject")})

    def as_dict(self) -> dict:
        entity_all = Tally()
        for label in ENTITY_LABELS:
            tally = self.entities[label]
            entity_all.tp, entity_all.fp, entity_all.fn = (entity_all.tp + tally.tp, entity_all.fp + tally.fp,
                                                            entity_all.fn + tally.fn)
        return {
            "articles": self.articles,
            "records_without_gold": self.records_without_gold,
            "gold_without_record": self.gold_without_record,
            "meta": {f: {"accuracy": a.value(), "stated": a.total, "false_fills": self.meta_false_fills[f]}
                     for f, a in self.meta.items()},
            "entities": {"all": entity_all.scores(), **{l: self.entities[l].scores() for l in ENTITY_LABELS}},
            "persons": {**self.persons.scores(), "role_accuracy": self.person_role.value(),
                        "titles_f1": self.person_titles.value(), "titles_over_12_words": self.long_titles},
            "documents": {**self.documents.scores(),
                          **{f"{k}_accuracy": a.value() for k, a in self.document_attrs.items()}},
            "facts": {**self.facts.scores(), **{f"{k}_accuracy": a.value() for k, a in self.fact_attrs.items()},
                      "by_metric": {m: t.scores() for m, t in sorted(self.facts_by_metric.items())}},
        }


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return fold_key(str(a)) == fold_key(str(b))


def _number(value) -> str | None:
    return None if value is None else (str(value).lstrip("0") or "0")


def _doc_key(doc: dict) -> tuple:
    return (fold_key(doc["type"]), _number(doc.get("number")), doc.get("plenum"), roman(doc.get("term")))


def _years(time) -> tuple:
    if not time:
        return (None, None)
    return tuple(t[:4] if t else None for t in (time.get("start"), time.get("end")))


def _fact_key(fact: dict) -> tuple:
    return (fact["metric"], fact.get("category"), float(fact["value"]), bool(fact.get("target")), _years(fact.get("time")))


def _match_multiset(predicted: list, gold: list, key) -> list[tuple]:
    """One-to-one pairs with equal keys (a multiset intersection), in order."""
    waiting = defaultdict(list)
    for item in gold:
        waiting[key(item)].append(item)
    pairs = []
    for item in predicted:
        bucket = waiting.get(key(item))
        if bucket:
            pairs.append((item, bucket.pop(0)))
    return pairs


def match_facts(predicted: list, gold: list) -> list[tuple]:
    """(predicted, gold) pairs of facts that score as equal (spec §6), one-to-one."""
    return _match_multiset(predicted, gold, _fact_key)


def subject_matches(predicted, gold) -> bool:
    if predicted is None or gold is None:
        return predicted is None and gold is None
    a, b = fold_key(predicted), fold_key(gold)
    return a in b or b in a


def title_words_f1(predicted: list[str], gold: list[str]) -> float:
    """Spec §6: the F1 of the bag of folded words of all of a person's titles against the gold's."""
    got = Counter(w for t in predicted for w in fold_key(t).split())
    expected = Counter(w for t in gold for w in fold_key(t).split())
    if not got and not expected:
        return 1.0
    common = sum((got & expected).values())
    return 2 * common / (sum(got.values()) + sum(expected.values()))


def score_article(report: Report, record: dict, gold: dict) -> None:
    report.articles += 1
    for name in META_FIELDS:
        expected, got = gold["meta"].get(name), record["meta"].get(name)
        if expected is None:
            report.meta_false_fills[name] += got is not None
        else:
            report.meta[name].add(_same(expected, got))

    for label in ENTITY_LABELS:
        predicted = {fold_key(e["text"]) for e in record["entities"] if e["label"] == label}
        expected = {fold_key(e["text"]) for e in gold["entities"] if e["label"] == label}
        report.entities[label].add(len(predicted), len(expected), len(predicted & expected))

    predicted_people = {fold_key(p["name"]): p for p in record["persons"]}
    gold_people = {fold_key(p["name"]): p for p in gold["persons"]}
    both = predicted_people.keys() & gold_people.keys()
    report.persons.add(len(predicted_people), len(gold_people), len(both))
    for name in both:
        report.person_role.add(predicted_people[name]["role"] == gold_people[name]["role"])
        report.person_titles.add(title_words_f1(predicted_people[name]["titles"], gold_people[name]["titles"]))
    report.long_titles += sum(len(t.split()) > LONG_TITLE_WORDS for p in record["persons"] for t in p["titles"])

    pairs = _match_multiset(record["documents"], gold["documents"], _doc_key)
    report.documents.add(len(record["documents"]), len(gold["documents"]), len(pairs))
    for got, expected in pairs:
        symbol = lambda d: regex.sub(r"\s+", "", d["symbol"]) if d.get("symbol") else None  # noqa: E731
        report.document_attrs["symbol"].add(_same(symbol(got), symbol(expected)))
        report.document_attrs["issuer"].add(_same(got.get("issuer"), expected.get("issuer")))
        report.document_attrs["issued"].add(got.get("issued") == expected.get("issued"))

    predicted_facts = [f for f in record["facts"] if f["metric"] != "other"]
    gold_facts = [f for f in gold["facts"] if f["metric"] != "other"]
    pairs = match_facts(predicted_facts, gold_facts)
    report.facts.add(len(predicted_facts), len(gold_facts), len(pairs))
    for metric in {f["metric"] for f in predicted_facts + gold_facts}:
        report.facts_by_metric[metric].add(sum(f["metric"] == metric for f in predicted_facts),
                                           sum(f["metric"] == metric for f in gold_facts),
                                           sum(g["metric"] == metric for _, g in pairs))
    for got, expected in pairs:
        report.fact_attrs["approx"].add(got["approx"] == expected["approx"])
        report.fact_attrs["subject"].add(subject_matches(got.get("subject"), expected.get("subject")))


def record_key(record: dict) -> str:
    name = Path(record["source"]["path"]).name
    line = record["source"].get("line")
    return f"{name}:{line}" if line else name


def load_gold(folder: Path, problems: list[str] | None = None) -> dict[str, dict]:
    return read_gold(folder, problems)


def _score_guarded(report: Report, record: dict, gold: dict, key: str, problems: list[str]) -> Report:
    """The report with this article scored; unchanged, and a problem said, when a field inside the record
    or the gold has the wrong type (nothing of the article is half-counted)."""
    trial = copy.deepcopy(report)
    try:
        score_article(trial, record, gold)
    except Exception as error:  # a malformed field anywhere inside: this article only
        problems.append(f"{key}: cannot be scored ({type(error).__name__}: {str(error)[:80]})")
        return report
    return trial


def evaluate(records: list[dict], gold_dir: Path, problems: list[str] | None = None) -> Report:
    """The scores of `records` against the gold files; what cannot be scored is appended to `problems`."""
    problems = [] if problems is None else problems
    golds = load_gold(gold_dir, problems)
    report = Report()
    seen = set()
    for record in records:
        key = record_key(record)
        gold = golds.get(key)
        if gold is None:
            report.records_without_gold.append(key)
            continue
        if key in seen:
            continue    # one record per article: a duplicate is not counted twice
        seen.add(key)
        report = _score_guarded(report, record, gold, key, problems)
    for key in sorted(golds.keys() - seen):
        report.gold_without_record.append(key)
        empty = {"meta": {f: None for f in META_FIELDS}, "entities": [], "persons": [], "documents": [], "facts": []}
        report = _score_guarded(report, empty, golds[key], key, problems)
    return report


def format_report(summary: dict) -> str:
    def prf(s: dict) -> str:
        return f"P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})"

    def acc(value) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    lines = [f"articles scored: {summary['articles']}"]
    if summary["records_without_gold"]:
        lines.append(f"records without gold (not scored): {len(summary['records_without_gold'])}")
    if summary["gold_without_record"]:
        lines.append(f"gold without record (scored as missed): {', '.join(summary['gold_without_record'])}")
    lines.append("meta       " + "  ".join(
        f"{f} {acc(v['accuracy'])} ({v['stated']}, {v['false_fills']} false)" for f, v in summary["meta"].items()))
    for label, s in summary["entities"].items():
        lines.append(f"entities   {label:<4} {prf(s)}")
    p = summary["persons"]
    lines.append(f"persons         {prf(p)}  role {acc(p['role_accuracy'])}  titles {acc(p['titles_f1'])}"
                 f"  titles over {LONG_TITLE_WORDS} words {p['titles_over_12_words']}")
    d = summary["documents"]
    lines.append(f"documents       {prf(d)}  symbol {acc(d['symbol_accuracy'])}  issuer {acc(d['issuer_accuracy'])}"
                 f"  issued {acc(d['issued_accuracy'])}")
    f = summary["facts"]
    lines.append(f"facts           {prf(f)}  approx {acc(f['approx_accuracy'])}  subject {acc(f['subject_accuracy'])}")
    for metric, s in f["by_metric"].items():
        lines.append(f"  {metric:<22} {prf(s)}")
    return "\n".join(lines)
