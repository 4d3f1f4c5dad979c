"""Every scored fact an extraction emitted, and every gold fact it missed, one line each: what an analyst
reads to see where facts go wrong (`extractor evaluate --errors`).

Pairs come from the same one-to-one matching the scores use (`evaluate.match_facts`), so the listing and
the figures always agree. A fact of a record without gold is listed as `unscored`: on a feed that is not
about the party, every such line is a fact the extractor invented.
"""

from __future__ import annotations

from extractor.evaluate import load_gold, match_facts, record_key, subject_matches


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
        return f"  ~ gold {_describe(gold)} [{', '.join(differs)}]"
    return ""


def list_facts(records: list[dict], gold_dir) -> list[str]:
    golds = load_gold(gold_dir)
    lines: list[str] = []
    for record in records:
        key = record_key(record)
        predicted = [f for f in record["facts"] if f["metric"] != "other"]
        gold = golds.get(key)
        if gold is None:
            lines += [f"{key}\tunscored\t{_describe(f)}\t{f.get('rule')}\t{_evidence(record, f)}" for f in predicted]
            continue
        expected = [f for f in gold["facts"] if f["metric"] != "other"]
        pairs = match_facts(predicted, expected)
        matched = {id(got): wanted for got, wanted in pairs}
        missed = [f for f in expected if all(f is not wanted for _, wanted in pairs)]
        for fact in predicted:
            wanted = matched.get(id(fact))
            if wanted is None:
                status, note = "fp", _near(fact, missed)
            elif subject_matches(fact.get("subject"), wanted.get("subject")):
                status, note = "ok", ""
            else:
                status, note = "subject", f"  ~ gold subject {wanted.get('subject')!r}"
            lines.append(f"{key}\t{status}\t{_describe(fact)}\t{fact.get('rule')}\t{_evidence(record, fact)}{note}")
        lines += [f"{key}\tfn\t{_describe(f)}\t-\t{' '.join(f.get('quote', '').split())}" for f in missed]
    return lines
