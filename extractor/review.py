"""`extractor review`: one self-contained HTML page to check records by eye (langextract's view, for us).

The page lists the articles with their counts, charts admissions and discipline over the corpus, and shows
each article's text with its entities, documents and facts highlighted; clicking a highlight shows its
fields and rule in a side panel. Everything from a record is escaped (review_marks.escape) or embedded as
JSON that no `</script>` can end; the page loads nothing from the network. The same records give the same
bytes: no clock, no random ids, keys sorted.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Callable

import regex

from extractor.resources import DATA_DIR
from extractor.review_chart import corpus_html
from extractor.review_marks import Span, escape, render_marks
from extractor.rules.numbers.find import find_numbers, to_json

_PARTS = ("entities", "documents", "persons", "facts")
_ENTITY_KINDS = {"PER": "per", "ORG": "org", "LOC": "loc"}     # DOC entities are drawn as their documents
_JSON_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SLOT = regex.compile(r"@([A-Z]+)@")
TEMPLATE_DIR = DATA_DIR / "review"


def _spans_of(record: dict) -> list:
    spans = [e for e in record["entities"]] + [f["evidence"] for f in record["facts"]]
    for part in ("documents", "persons"):
        for item in record[part]:
            spans += item.get("mentions", [])
    return spans


def record_problem(item) -> str | None:
    """Why a line cannot be shown: not a record, or a span outside its text (it would point at nothing)."""
    if not isinstance(item, dict):
        return f"not a JSON object but {type(item).__name__}"
    if "error" in item and "text" not in item:
        return "an error record, not an article"
    if not isinstance(item.get("text"), str):
        return 'no "text"'
    bad = [part for part in _PARTS if not isinstance(item.get(part), list)
           or not all(isinstance(x, dict) for x in item[part])]
    if bad:
        return f"not lists of objects: {', '.join(bad)}"
    if not all(isinstance(f.get("evidence"), dict) for f in item["facts"]):
        return "a fact without evidence"
    if not all(isinstance(x.get("mentions", []), list) for part in ("documents", "persons") for x in item[part]):
        return "mentions that are not a list"
    for span in _spans_of(item):
        start, end = (span.get("start"), span.get("end")) if isinstance(span, dict) else (None, None)
        if not (type(start) is int and type(end) is int and 0 <= start <= end <= len(item["text"])):
            return f"a span [{start}, {end}) outside the text ({len(item['text'])} characters)"
    return None


def read_records(path: Path, warn: Callable[[str], None]) -> tuple[list[dict], int]:
    """(the records shown, how many lines were skipped); each skipped line is named through `warn`.
    Lines are split on "\\n" only: a record's text may hold U+2028, which `splitlines` would cut at."""
    records, skipped = [], 0
    for number, line in enumerate(path.read_bytes().decode("utf-8", errors="replace").split("\n"), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except (ValueError, RecursionError) as error:
            problem = f"not JSON ({type(error).__name__}: {str(error)[:80]})"
        else:
            problem = record_problem(item)
        if problem:
            warn(f"{path}:{number}: skipped: {problem}")
            skipped += 1
        else:
            records.append(item)
    return records, skipped


def number_spans(record: dict) -> dict[int, tuple[int, int]]:
    """Fact index → where its number is written. Records keep only the evidence's offsets, so the number is
    found again inside it: the first number read there with the fact's value that no other fact took."""
    found: dict[int, tuple[int, int]] = {}
    facts = record["facts"]
    if not facts:
        return found
    numbers = find_numbers(record["text"])
    taken: set[tuple[int, int]] = set()
    for index, fact in enumerate(facts):
        evidence = fact["evidence"]
        for match in numbers:
            where = (match.start, match.end)
            if (evidence["start"] <= match.start and match.end <= evidence["end"] and where not in taken
                    and to_json(match.value) == fact.get("value")):
                found[index] = where
                taken.add(where)
                break
    return found


def article_spans(record: dict, numbers: dict[int, tuple[int, int]]) -> list[Span]:
    spans = [Span(e["start"], e["end"], _ENTITY_KINDS[e.get("label")], (f"e{i}",))
             for i, e in enumerate(record["entities"]) if e.get("label") in _ENTITY_KINDS]
    spans += [Span(m["start"], m["end"], "document", (f"d{i}",))
              for i, d in enumerate(record["documents"]) for m in d.get("mentions", [])]
    spans += [Span(f["evidence"]["start"], f["evidence"]["end"], "evidence", (f"f{i}",))
              for i, f in enumerate(record["facts"])]
    spans += [Span(start, end, "number", (f"f{i}",)) for i, (start, end) in numbers.items()]
    return spans


def _cell(value) -> str:
    if value is None:
        return '<td class="null">null</td>'
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return f"<td>{escape(str(value))}</td>"


_FACT_COLUMNS = ("metric", "category", "value", "approx", "target", "subject", "time", "rule")


def facts_table(record: dict, article: int, numbers: dict[int, tuple[int, int]]) -> str:
    if not record["facts"]:
        return '<p class="note">No facts.</p>'
    head = "".join(f"<th>{name}</th>" for name in ("#",) + _FACT_COLUMNS + ("number as written",))
    rows = []
    for i, fact in enumerate(record["facts"]):
        where = numbers.get(i)
        written = escape(record["text"][where[0]:where[1]]) if where else '<span class="null">not found</span>'
        rows.append(f'<tr data-ref="f{i}"><td>{i + 1}</td>' + "".join(_cell(fact.get(c)) for c in _FACT_COLUMNS)
                    + f"<td>{written}</td></tr>")
    return f'<table class="facts" id="facts-{article}"><tr>{head}</tr>{"".join(rows)}</table>'


def counts(record: dict) -> dict[str, int]:
    return {part: len(record[part]) for part in _PARTS}


def _meta_and_source(record: dict) -> tuple[dict, dict]:
    return tuple(record.get(key) if isinstance(record.get(key), dict) else {} for key in ("meta", "source"))


def _title(record: dict, article: int) -> str:
    meta, source = _meta_and_source(record)
    return str(meta.get("title") or source.get("path") or f"article {article}")


def article_html(record: dict, article: int) -> str:
    meta, source = _meta_and_source(record)
    title = _title(record, article)
    details = [f"{k}: {meta[k]}" for k in ("published", "author", "outlet") if meta.get(k)]
    details += [f"source: {source['path']}"] if source.get("path") else []
    numbers = number_spans(record)
    tally = ", ".join(f"{n} {part}" for part, n in counts(record).items())
    return (f'<section class="article" id="article-{article}" data-article="{article - 1}">'
            f"<h2>{article}. {escape(title)}</h2>"
            f'<p class="meta">{escape(" · ".join(str(d) for d in details))}</p>'
            f'<p class="meta">{escape(tally)}</p>'
            f'<div class="text">{render_marks(record["text"], article_spans(record, numbers))}</div>'
            f"<h3>Facts</h3>{facts_table(record, article, numbers)}</section>")


def index_html(records: list[dict]) -> str:
    head = "".join(f"<th>{name}</th>" for name in ("#", "article") + _PARTS)
    rows = []
    for article, record in enumerate(records, 1):
        title = _title(record, article)
        rows.append(f'<tr><td>{article}</td><td><a href="#article-{article}">{escape(title)}</a></td>'
                    + "".join(f'<td class="n">{n}</td>' for n in counts(record).values()) + "</tr>")
    return f'<section id="index"><h2>Articles</h2><table><tr>{head}</tr>{"".join(rows)}</table></section>'


def page_data(records: list[dict]) -> str:
    """The items the side panel shows, as JSON safe inside a <script> element (no `<`, `>`, `&`, and no
    U+2028/2029, which older JavaScript parsers took for line ends)."""
    data = [{part: record[part] for part in _PARTS} for record in records]
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return regex.sub("[<>&\u2028\u2029]", lambda m: _JSON_UNSAFE[m.group()], text)


def render_page(records: list[dict]) -> str:
    script = (TEMPLATE_DIR / "review.js").read_text(encoding="utf-8")
    parts = {
        "CSS": (TEMPLATE_DIR / "review.css").read_text(encoding="utf-8"),
        "JS": script,
        "JSHASH": "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii"),
        "DATA": page_data(records),
        "COUNT": str(len(records)),
        "INDEX": index_html(records),
        "CORPUS": corpus_html(records),
        "ARTICLES": "".join(article_html(record, n) for n, record in enumerate(records, 1)),
    }
    template = (TEMPLATE_DIR / "page.html").read_text(encoding="utf-8")
    # one pass over the template: a slot's name inside an article is never read as a slot
    return _SLOT.sub(lambda m: parts[m.group(1)], template)


def write_review(records_path: Path, output: Path, warn: Callable[[str], None]) -> int:
    """Write the page of the records in `records_path` to `output`; the number of lines skipped."""
    records, skipped = read_records(records_path, warn)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(render_page(records).encode("utf-8"))
    return skipped
