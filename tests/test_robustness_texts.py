"""Robustness (issue 8), texts: hostile text through the API and the segmenter gives a writable record, and
the reader's edge cases (stdin over the limit, impossible dates, unparsable HTML) lose no article.
"""

import io
import json
import sys

import pytest

from conftest import VI, assert_offsets, read_jsonl, run_cli
from extractor import api
from extractor.api import extract
from extractor.errors import ExtractorError
from extractor.readers import Article, read_bytes, read_inputs
from extractor.schema import schema_errors
from extractor.writers import dumps


def test_api_unexpected_exception_is_e_internal_with_its_class(monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("oops")

    monkeypatch.setattr(api, "_extract", broken)
    with pytest.raises(ExtractorError) as caught:
        extract(VI)
    assert caught.value.code == "E_INTERNAL" and "ZeroDivisionError" in caught.value.message


@pytest.mark.parametrize("text", [
    VI + " Tin \udfff mới.",
    VI + " Có một " + " ".join(["nghìn", "tỷ", "triệu"] * 340) + " đảng viên.",
    VI + " Mã " + "1" * 4300 + " đảng viên.",
], ids=["lone surrogate", "1,000 chained scale words", "4,300 digits"])
def test_api_hostile_text_gives_a_writable_record(text):
    record = extract(text)
    assert schema_errors("record", record) == []
    assert_offsets(record)
    dumps(record).encode("utf-8")


def test_readers_html_parse_failure_is_no_body():
    [failure] = list(read_bytes(b"<body><iframe></iframe></body></html>", "a.html", "html", 10**6))
    assert failure.error.code == "E_NO_BODY"


# ---- 2. size limits per line, not per stream ----------------------------------------------------------

def test_readers_stdin_jsonl_over_the_limit_gives_every_line(monkeypatch):
    line = json.dumps({"text": VI}, ensure_ascii=False).encode()
    data = b"\n".join([line] * 40 + [json.dumps({"text": VI * 20}, ensure_ascii=False).encode()] + [line] * 9)
    assert len(data) > 5 * 1000
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = list(read_inputs(["-"], max_bytes=1000))
    assert len(items) == 50 and [i.source["line"] for i in items] == list(range(1, 51))
    assert items[40].error.code == "E_TOO_LARGE"
    assert sum(isinstance(i, Article) for i in items) == 49


# ---- 3. long texts, segmenter rewrites ----------------------------------------------------------------

def test_api_text_over_spacy_max_length_is_extracted(monkeypatch):
    from extractor.nlp import pipeline

    monkeypatch.setattr(pipeline(), "max_length", 500)
    record = extract("\n".join(f"{VI} Đoạn {i}." for i in range(6)))
    assert len(record["text"]) > 500 and record["sentences"]


@pytest.mark.parametrize("text, word", [
    ("Công tác nghành giáo dục ở Lào Cai được quan tâm.", "nghành"),   # underthesea corrects it to "ngành"
    ("Ðảng bộ xã Tân Lập có 120 đảng viên.", "Ðảng bộ"),               # U+00D0, not Đ
])
def test_segment_survives_underthesea_respellings(text, word):
    from extractor.segment import segment

    surfaces = [text[s:e] for s, e in segment(text).tokens]
    assert word in surfaces


def test_segment_falls_back_to_plain_words_when_nothing_aligns(monkeypatch):
    from extractor import word_segmenter
    from extractor.segment import segment

    # the path of text whose length underthesea's normalization changes: words come back as strings
    monkeypatch.setattr(word_segmenter, "word_spans", lambda sentence: None)
    monkeypatch.setattr(word_segmenter, "word_tokenize", lambda sentence, **_: ["không", "khớp"])
    text = "Chi bộ có 12 đảng viên."
    assert [text[s:e] for s, e in segment(text).tokens] == ["Chi", "bộ", "có", "12", "đảng", "viên", "."]


def test_api_misspelled_article_is_not_lost():
    record = extract(VI + " Lãnh đạo nghành giáo dục và Ðảng ủy xã đã kết nạp 5 đảng viên mới.")
    assert_offsets(record)
    assert any(f["value"] == 5 for f in record["facts"])


# ---- 8. smaller ones ----------------------------------------------------------------------------------

def test_readers_impossible_published_date_is_no_date_not_a_lost_article(tmp_path):
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": VI, "published": "2024-02-30"}), encoding="utf-8")
    code, out, _ = run_cli(tmp_path, [tmp_path / "feed.jsonl"])
    [record] = read_jsonl(out)
    assert code == 0 and record["meta"]["published"] is None


def test_api_impossible_published_option_is_a_usage_error():
    with pytest.raises(ValueError):
        extract(VI, published="2024-02-30")
