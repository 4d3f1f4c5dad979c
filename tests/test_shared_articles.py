"""The 20 shared articles (read from ../shared, never copied): valid records and metadata vs their gold."""

import json

from conftest import SHARED, assert_offsets
from extractor.folding import fold_key
from extractor.schema import schema_errors


def test_shared_articles_all_give_valid_records(shared_records):
    assert len(shared_records) == 20
    for ok, record in shared_records:
        assert ok, record
        assert schema_errors("record", record) == []
        assert_offsets(record)


def test_shared_articles_meta_matches_gold(shared_records):
    """The issue's bar: ≥ 90 % of the (article, field) pairs the gold states, and no false fills."""
    matched = stated = false_fills = 0
    for _, record in shared_records:
        name = record["source"]["path"].rsplit("/", 1)[-1]
        gold = json.loads((SHARED / "gold" / name.replace(".txt", ".json")).read_text(encoding="utf-8"))
        for field, expected in gold["meta"].items():
            got = record["meta"][field]
            if expected is None:
                false_fills += got is not None
                continue
            stated += 1
            matched += got is not None and fold_key(got) == fold_key(expected)
    assert matched / stated >= 0.9, (matched, stated)
    assert false_fills <= 2
