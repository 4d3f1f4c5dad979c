"""Our own corpus (corpus/articles with corpus/gold): valid records and metadata against its gold."""

import json

import pytest

from conftest import ROOT, assert_offsets
from extractor.api import extract_many
from extractor.evaluate import evaluate
from extractor.readers import read_inputs
from extractor.schema import schema_errors

GOLD = ROOT / "corpus" / "gold"


@pytest.fixture(scope="module")
def corpus_records():
    results = list(extract_many(read_inputs([str(ROOT / "corpus" / "articles")])))
    assert [item for item in results if "error" in item] == []
    return results


def test_corpus_every_gold_file_has_its_article(corpus_records):
    report = evaluate(corpus_records, GOLD)
    assert report.gold_without_record == [] and report.records_without_gold == []
    assert report.articles >= 12


def test_corpus_records_are_valid(corpus_records):
    for record in corpus_records:
        assert schema_errors("record", record) == []
        assert_offsets(record)


def test_corpus_meta_matches_gold(corpus_records):
    summary = evaluate(corpus_records, GOLD).as_dict()["meta"]
    for field, scores in summary.items():
        assert scores["accuracy"] is None or scores["accuracy"] >= 0.9, (field, scores)
        assert scores["false_fills"] == 0, (field, scores)


def test_corpus_gold_quotes_are_in_the_record_text(corpus_records):
    """Gold facts quote the article verbatim: the quote must survive cleaning into the record's text."""
    by_key = {}
    for record in corpus_records:
        name = record["source"]["path"].rsplit("/", 1)[-1]
        by_key[f"{name}:{record['source']['line']}" if "line" in record["source"] else name] = record
    for path in GOLD.glob("*.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = by_key[gold["article"]]["text"]
        missing = [f["quote"] for f in gold["facts"] if f["quote"] not in text]
        assert not missing, (gold["article"], missing)
