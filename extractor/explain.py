"""A reader's view of one record: every fact with the words that state it and the rule that made it,
then the entities, persons and documents with their rules (`extractor explain ARTICLE`)."""

from __future__ import annotations


def _span(text: str, span: dict) -> str:
    return " ".join(text[span["start"]:span["end"]].split())


def _time(time: dict | None) -> str:
    if not time:
        return "no time"
    return time["start"] if time["start"] == time["end"] else f"{time['start']} … {time['end']}"


def explain_record(record: dict, show_other: bool = False) -> str:
    text, meta = record["text"], record["meta"]
    lines = [f"{record['source']['path']}" + (f":{record['source']['line']}" if "line" in record["source"] else ""),
             f"  title: {meta['title']}", f"  published: {meta['published']} ({meta.get('published_from')})",
             f"  author: {meta['author']}   outlet: {meta['outlet']}", ""]
    facts = [f for f in record["facts"] if show_other or f["metric"] != "other"]
    lines.append(f"facts ({len(facts)}):")
    for number, fact in enumerate(facts, 1):
        category = f"/{fact['category']}" if fact["category"] else ""
        extras = "".join(f", {key} {fact[key]}" for key in ("previous", "total", "high") if key in fact)
        lines.append(f"  {number}. {fact['metric']}{category} = {fact['value']} ({fact['approx']}"
                     f"{', target' if fact['target'] else ''}{extras})")
        lines.append(f"     subject: {fact['subject']}   time: {_time(fact['time'])}")
        if fact.get("about"):
            lines.append(f"     about: {fact['about']}")
        lines.append(f"     evidence [{fact['evidence']['start']}:{fact['evidence']['end']}]: "
                     f"\"{_span(text, fact['evidence'])}\"")
        lines.append(f"     rule: {fact['rule']}")
    lines.append("")
    lines.append(f"entities ({len(record['entities'])}):")
    for entity in record["entities"]:
        canonical = f" → {entity['canonical']}" if entity.get("canonical") else ""
        lines.append(f"  {entity['label']:<4} [{entity['start']}:{entity['end']}] {entity['text']}{canonical}"
                     f"   ({entity['rule']})")
    lines.append("")
    lines.append(f"persons ({len(record['persons'])}):")
    for person in record["persons"]:
        titles = "; ".join(person["titles"])
        lines.append(f"  {person['name']} — {person['role']}" + (f" — {titles}" if titles else "")
                     + f"   ({len(person['mentions'])} mention(s))")
    lines.append("")
    lines.append(f"documents ({len(record['documents'])}):")
    for document in record["documents"]:
        fields = ", ".join(f"{k} {document[k]}" for k in ("number", "symbol", "issuer", "issued", "term", "plenum")
                           if document.get(k) is not None)
        lines.append(f"  {document['type']}: {fields}   ({document['rule']}, {len(document['mentions'])} mention(s))")
    return "\n".join(lines)
