"""One record per distinct document an article cites, with every citation of it (spec §3 `mentions`).

Apart from `citations` because deciding that two citations name one document is its own question: the same
type and number, plenum and term, no conflicting symbol, date or issuer. A generic issuer ("của Đảng") is
written, so it tells documents apart too: "Nghị quyết Đại hội XII của Đảng" and "Nghị quyết Đại hội XII của
Đảng bộ Khối" are two congresses' resolutions, though both are keyed by the ordinal XII.
"""

from __future__ import annotations

from extractor.folding import fold_key
from extractor.rules.documents.attributes import generic_issuer

RECORD_FIELDS = ("type", "number", "symbol", "issuer", "issued", "term", "plenum", "rule")


def _number_key(number: str | None) -> str | None:
    return None if number is None else number.lstrip("0") or "0"


def _compatible(a, b, key=fold_key) -> bool:
    return a is None or b is None or key(a) == key(b)


def _issuers_compatible(a: str | None, b: str | None) -> bool:
    """Unknown fits any; a generic name fits only itself; a name fits a longer or shorter form of itself."""
    if a is None or b is None:
        return True
    if generic_issuer(a) or generic_issuer(b):
        return fold_key(a) == fold_key(b)
    a, b = fold_key(a), fold_key(b)
    return a in b or b in a


def _same_document(record: dict, written: str | None, doc) -> bool:
    return (record["type"] == doc.type and _number_key(record["number"]) == _number_key(doc.number)
            and record["plenum"] == doc.plenum and _compatible(record["term"], doc.term)
            and _compatible(record["symbol"], doc.symbol) and _compatible(record["issued"], doc.issued, str)
            and _issuers_compatible(written, doc.written_issuer))


def merge_documents(citations) -> list[dict]:
    """One record per distinct document, with every citation span that cites it (`mentions`)."""
    records: list[dict] = []
    written: list[str | None] = []
    for citation in citations:
        for doc in citation.documents:
            index = next((i for i, r in enumerate(records) if _same_document(r, written[i], doc)), None)
            if index is None:
                records.append({**{name: getattr(doc, name) for name in RECORD_FIELDS}, "mentions": []})
                written.append(doc.written_issuer)
                index = len(records) - 1
            record = records[index]
            for name in ("issuer", "issued", "symbol", "term"):
                if record[name] is None:
                    record[name] = getattr(doc, name)
            written[index] = written[index] or doc.written_issuer
            mention = {"start": citation.start, "end": citation.end}
            if mention not in record["mentions"]:
                record["mentions"].append(mention)
    return records
