"""What is written around each citation: its issuer, date and terms (spec §3), and a symbol list's sharing of them.

After a citation its tail says them (`attributes`), else the subject of an issuing verb before it (`subjects`), and a
reproduced document's heading takes its signature date (`headings`). A list of symbols after one type word
(`Quyết định 12/QĐ-UBND, 13/QĐ-UBND của UBND xã`) is parsed as a typed citation and bare symbols; what the tail
after the last item says is said of every item. Apart from `citations`, which finds the citations themselves.
"""

from __future__ import annotations

import regex

from extractor.rules.dates import find_dates
from extractor.rules.documents.attributes import attributes_after, term_after_subject
from extractor.rules.documents.headings import dateline_after, is_heading
from extractor.rules.documents.subjects import issuer_before


def read_attributes(text: str, folded: str, chosen: list) -> list[tuple[str | None, str | None, list, bool]]:
    """Each citation's issuer as written, ISO date and terms: written after it, else before it (then the
    last value is True: a body written inside the citation goes before the sentence's subject)."""
    dates = {d.start: d for d in find_dates(text)}
    dates_by_end = {d.end: d for d in dates.values()}
    found = []
    for index, (start, end, _) in enumerate(chosen):
        limit = chosen[index + 1][0] if index + 1 < len(chosen) else len(text)
        written, issued, terms, tail = attributes_after(text, folded, end, limit, dates)
        terms = terms or term_after_subject(text, folded, tail, limit)
        before = written is None
        if before:
            written, opening, term = issuer_before(text, folded, start, chosen[index - 1][1] if index else 0,
                                                   dates_by_end)
            issued, terms = issued or opening, terms or ([term] if term else [])
        if issued is None and is_heading(text, start, end):
            issued = dateline_after(text, end, dates)
        found.append((written, issued, terms, before))
    return found


def share_in_symbol_lists(chosen: list, folded: str, attributes: list) -> list:
    """A list of symbols after one type word (`Quyết định 12/QĐ-UBND, 13/QĐ-UBND và 14/QĐ-UBND ngày … của …`)
    cites its documents alike: what one item's neighbours say of them (issuer, date, terms) the item shares,
    the tail after the last item first."""
    groups: list[list[int]] = []
    for index, (start, _, docs) in enumerate(chosen):
        previous = chosen[index - 1] if index else None
        if (previous and docs[0]["rule"] == "bare_symbol" and previous[2][-1].get("symbol")
                and previous[2][-1]["type"] == docs[0]["type"]
                and regex.fullmatch(r"\s*(?:,|và)\s*", folded[previous[1]:start])):
            groups[-1].append(index)
        else:
            groups.append([index])
    shared = list(attributes)
    for group in groups:
        members = [attributes[i] for i in reversed(group)]
        common = [next((m[field] for m in members if m[field]), empty) for field, empty in enumerate((None, None, []))]
        for i in group:
            shared[i] = (*(own or common[field] for field, own in enumerate(attributes[i][:3])), attributes[i][3])
    return shared
