"""Every scored fact an extraction emitted, every gold fact it missed, and every entity it found wrongly
or missed, one line each: what an analyst reads to see where extraction goes wrong (`extractor evaluate
--errors`).

A line is tab-separated: article (the gold's `article`: NAME.txt, feed.jsonl:2), kind (`fact`, or the
entity label PER/ORG/LOC), status (`ok`, `fp`, `subject`, `fn`, `unscored`), what (the fact's fields, the
entity's text), rule (`-` for a gold item), quote (the evidence for what was found, the gold quote for what
was missed; around its first mention for an entity found wrongly) and a note (the gold fact a wrong one
was closest to). Records in the file's order; in each, facts as emitted, missed facts in gold order, then
entities by label and text, so the same inputs always list the same.

Pairs come from the same matching the scores use (`evaluate.match_facts`, entity texts folded by
`fold_key`), so the listing and the figures always agree. A fact of a record without gold is listed as
`unscored`: on a feed that is not about the party, every such line is a fact the extractor invented.
"""

from __future__ import annotations

from extractor.evaluate import ENTITY_LABELS, load_gold, match_facts, record_key, subject_matches
from extractor.folding import fold_key


def _time(fact: dict) -> str:
    time = fact.get("time") or {}
    start, end = time.get("start"), time.get("end")
    if not start and not end:
        return "-"
    return start if start == end else f"{start}..{end}"


def _describe(fact: dict) -> str:
    category = f"/{fact['category']}" if fact.get("category") else ""
    target = " target" if fact.get("target") else ""
    return (f"{fact['metric']}{category} {fact['value']} {fact.get('approx', '')}{target} "
            f"time {_time(fact)} subject {fact.get('subject')!r}")


def _evidence(record: dict, fact: dict, width: int = 160) -> str:
    span = fact.get("evidence") or {}
    text = record["text"][span.get("start", 0):span.get("end", 0)]
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _near(fact: dict, candidates: list[dict]) -> str:
    """The gold fact a wrong prediction was closest to (same value), and what differs."""
    for gold in candidates:
        if float(gold["value"]) != float(fact["value"]):
            continue
        differs = [name for name in ("metric", "category", "target") if gold.get(name) != fact.get(name)]
        if _time(gold)[:4] != _time(fact)[:4] or _time(gold)[-10:-6] != _time(fact)[-10:-6]:
            differs.append(f"time {_time(gold)}")
        return f"gold {_describe(gold)} [{', '.join(differs)}]"
    return ""


def _line(*columns) -> str:
    return "\t".join(" ".join(str(column).split()) for column in columns)


def _fact_lines(key: str, record: dict, gold: dict) -> list[str]:
    predicted = [f for f in record["facts"] if f["metric"] != "other"]
    expected = [f for f in gold["facts"] if f["metric"] != "other"]
    pairs = match_facts(predicted, expected)
    matched = {id(got): wanted for got, wanted in pairs}
    missed = [f for f in expected if all(f is not wanted for _, wanted in pairs)]
    lines = []
    for fact in predicted:
        wanted = matched.get(id(fact))
        if wanted is None:
            status, note = "fp", _near(fact, missed)
        elif subject_matches(fact.get("subject"), wanted.get("subject")):
            status, note = "ok", ""
        else:
            status, note = "subject", f"gold subject {wanted.get('subject')!r}"
        lines.append(_line(key, "fact", status, _describe(fact), fact.get("rule"), _evidence(record, fact), note))
    lines += [_line(key, "fact", "fn", _describe(f), "-", f.get("quote", ""), "") for f in missed]
    return lines


def _around(text: str, entity: dict, width: int = 40) -> str:
    start, end = entity.get("start", 0), entity.get("end", 0)
    return ("…" * (start > width)) + text[max(0, start - width):end + width] + ("…" * (end + width < len(text)))


def _entity_lines(key: str, record: dict, gold: dict) -> list[str]:
    """The entities found that gold lacks (fp) and those gold has that were not found (fn), compared by
    folded text within each label, as the scores compare them."""
    lines = []
    for label in ENTITY_LABELS:
        found: dict[str, dict] = {}
        for entity in record["entities"]:
            if entity["label"] == label:
                found.setdefault(fold_key(entity["text"]), entity)
        wanted = {fold_key(e["text"]): e for e in gold["entities"] if e["label"] == label}
        for folded in sorted(found.keys() - wanted.keys()):
            entity = found[folded]
            context = _around(record["text"], entity)
            lines.append(_line(key, label, "fp", entity["text"], entity.get("rule"), context, ""))
        for folded in sorted(wanted.keys() - found.keys()):
            lines.append(_line(key, label, "fn", wanted[folded]["text"], "-", wanted[folded]["text"], ""))
    return lines


def list_facts(records: list[dict], gold_dir) -> list[str]:
    """The listing's lines, in a stable order (see the module's docstring for the columns)."""
    golds = load_gold(gold_dir)
    lines: list[str] = []
    for record in records:
        key = record_key(record)
        gold = golds.get(key)
        if gold is None:
            lines += [_line(key, "fact", "unscored", _describe(f), f.get("rule"), _evidence(record, f), "")
                      for f in record["facts"] if f["metric"] != "other"]
            continue
        lines += _fact_lines(key, record, gold) + _entity_lines(key, record, gold)
    return lines
