"""Robustness (issue 8): one bad input costs only itself.

Each test is a reproduction from the issue — a hostile file, line or text — run through the reader, the API
or the whole command line, asserting the records and error records that come out.
"""

import io
import json
import os
import sys

import pytest

from conftest import GOOD, VI, assert_offsets, read_jsonl, run_cli
from extractor import api
from extractor.api import extract, extract_one
from extractor.errors import ExtractorError
from extractor.readers import Article, Failure, read_bytes, read_inputs
from extractor.schema import schema_errors
from extractor.writers import dumps


# ---- 1. every input is guarded ------------------------------------------------------------------------

def test_batch_iframe_page_is_one_error_and_the_batch_goes_on(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_text("<body><iframe></iframe></body></html>")
    (tmp_path / "in" / "b.txt").write_text(GOOD, encoding="utf-8")
    code, out, errors = run_cli(tmp_path, [tmp_path / "in"])
    assert code == 1
    assert [r["meta"]["author"] for r in read_jsonl(out)] == ["Vũ Thanh Hải"]
    [error] = read_jsonl(errors)
    assert error["error"]["code"] == "E_NO_BODY" and "AssertionError" in error["error"]["message"]


def test_readers_hostile_json_lines_fail_alone(tmp_path):
    lines = [json.dumps({"text": VI, "url": "http://[::1"}, ensure_ascii=False),
             "[" * 1000,
             '{"text": "%s", "n": %s}' % (VI, "1" * 4400),     # past Python's int string limit
             '{"text": "%s", "title": "Tin \\udfff mới"}' % VI,
             json.dumps({"text": VI}, ensure_ascii=False)]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Article", "Article", "Article"]
    assert items[0].hints.slug is None
    assert items[1].error.code == "E_JSONL_LINE"
    assert items[3].hints.title == "Tin \ufffd mới"


def test_batch_hostile_json_lines_give_one_record_or_error_each(tmp_path):
    lines = ['{"text": "%s", "title": "Tin \\udfff"}' % VI, "[" * 1000, json.dumps({"text": VI}, ensure_ascii=False)]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    code, out, errors = run_cli(tmp_path, [tmp_path / "feed.jsonl"])
    assert code == 1
    records = read_jsonl(out)
    assert [r["source"]["line"] for r in records] == [1, 3]
    assert records[0]["meta"]["title"] == "Tin \ufffd"
    assert [e["source"]["line"] for e in read_jsonl(errors)] == [2]


def test_batch_non_utf8_file_name_is_read_and_written(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"bad\xff-name.txt")
    (folder / name).write_text(GOOD, encoding="utf-8")
    (folder / "ok.txt").write_text(GOOD, encoding="utf-8")
    code, out, _ = run_cli(tmp_path, [folder])
    assert code == 0
    paths = [r["source"]["path"] for r in read_jsonl(out)]
    assert paths[0].endswith("bad\\xff-name.txt") and paths[1].endswith("ok.txt")


def test_readers_unreadable_input_without_suffix_is_an_error(tmp_path, monkeypatch):
    locked, good = tmp_path / "LOCKED", tmp_path / "good.txt"
    locked.write_text(VI)
    good.write_text(VI, encoding="utf-8")
    real_open = type(locked).open

    def refuse(self, *args, **kwargs):
        if self.name == "LOCKED":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(type(locked), "open", refuse)
    items = list(read_inputs([str(locked), str(good)]))
    assert isinstance(items[0], Failure) and items[0].error.code == "E_READ"
    assert isinstance(items[1], Article)


def test_readers_a_bug_while_reading_costs_that_input_only(tmp_path, monkeypatch):
    import extractor.readers as readers

    (tmp_path / "a.txt").write_text("hỏng", encoding="utf-8")
    (tmp_path / "b.txt").write_text(VI, encoding="utf-8")
    real_decode = readers.decode

    def decode(data):
        if data == "hỏng".encode():
            raise RuntimeError("a bug")
        return real_decode(data)

    monkeypatch.setattr(readers, "decode", decode)
    items = list(read_inputs([str(tmp_path)]))
    assert items[0].error.code == "E_INTERNAL" and "RuntimeError" in items[0].error.message
    assert isinstance(items[1], Article)


def test_readers_a_folder_that_cannot_be_listed_is_an_error_not_silence(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(VI, encoding="utf-8")
    (tmp_path / "b.txt").write_text(VI, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(read_inputs([str(tmp_path)]))
    assert items[0].error.code == "E_READ" and items[0].source["path"].endswith("locked")
    assert [i.source["path"].rsplit("/", 1)[-1] for i in items[1:]] == ["b.txt"]


def test_batch_a_record_that_cannot_be_serialized_is_an_error(tmp_path, monkeypatch):
    import extractor.batch as batch

    real = batch.extract_one

    def extract_one(item, published=None, timeout=None):
        ok, record = real(item, published, timeout)
        if ok and item.source["path"].endswith("a.txt"):
            record["facts"] = [{"value": 10 ** 5000}]   # past Python's int-to-string limit
        return ok, record

    monkeypatch.setattr(batch, "extract_one", extract_one)
    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "in" / name).write_text(GOOD, encoding="utf-8")
    code, out, errors = run_cli(tmp_path, [tmp_path / "in"])
    assert code == 1
    assert [r["source"]["path"].rsplit("/", 1)[-1] for r in read_jsonl(out)] == ["b.txt"]
    [error] = read_jsonl(errors)
    assert error["error"]["code"] == "E_INTERNAL" and "ValueError" in error["error"]["message"]


def test_batch_an_unexpected_failure_around_extraction_is_e_internal(tmp_path, monkeypatch):
    import extractor.batch as batch

    def broken(item, published=None, timeout=None):
        raise AssertionError("a bug outside extract()")

    monkeypatch.setattr(batch, "extract_one", broken)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    code, out, errors = run_cli(tmp_path, [tmp_path / "a.txt"])
    [error] = read_jsonl(errors)
    assert code == 1 and error["error"]["code"] == "E_INTERNAL" and "AssertionError" in error["error"]["message"]
    assert schema_errors("error", error) == []


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


def test_readers_utf16_json_lines_are_read_line_by_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes("\n".join([json.dumps({"text": VI}, ensure_ascii=False)] * 3).encode("utf-16"))
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article"] * 3 and items[2].text == VI


def test_readers_fifo_is_read_as_a_stream(tmp_path):
    import threading

    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    data = "\n".join([json.dumps({"text": VI}, ensure_ascii=False)] * 2).encode()
    writer = threading.Thread(target=fifo.write_bytes, args=(data,))
    writer.start()
    items = list(read_inputs([str(fifo)]))
    writer.join()
    assert [type(i).__name__ for i in items] == ["Article", "Article"]


def test_readers_html_nested_50000_deep_still_gives_its_body():
    html = "<html><body>" + "<div>" * 50000 + f"<p>{VI}</p>" + "</div>" * 50000 + "</body></html>"
    [article] = list(read_bytes(html.encode(), "deep.html", "html", 10**7))
    assert isinstance(article, Article) and VI in article.text


def test_clean_bidi_controls_go():
    from extractor.clean import normalize

    assert normalize("có \u202e12\u202c đảng viên") == "có 12 đảng viên"


# ---- the hostile corpus, end to end -------------------------------------------------------------------

def _hostile_corpus(folder):
    """Every reproduction of the issue as one input folder: (inputs, how many articles they hold)."""
    files = {
        "iframe.html": b"<body><iframe></iframe></body></html>",
        "deep.html": b"<div>" * 5000 + VI.encode() + b"</div>" * 5000,
        "digits.txt": (VI + " Mã " + "9" * 4400 + ".").encode(),
        "scales.txt": (VI + " Có một " + " nghìn tỷ triệu" * 300 + " đảng viên.").encode(),
        "marks.txt": (VI + " a" + "\u0301" * 20000).encode(),
        "bidi.txt": (VI + " Chi bộ có \u202e12\u202c đảng viên.").encode(),
        "misspelt.txt": (VI + " Lãnh đạo nghành và Ðảng ủy xã họp.").encode(),
        "noise.txt": bytes(range(256)) * 8,
        "empty.txt": b"",
        "utf16.jsonl": json.dumps({"text": VI}, ensure_ascii=False).encode("utf-16"),
        "feed.jsonl": "\n".join([
            json.dumps({"text": VI, "url": "http://[::1"}, ensure_ascii=False), "[" * 1000,
            '{"text": "%s", "title": "\\udfff"}' % VI, '{"text": "%s", "n": %s}' % (VI, "1" * 4400),
            json.dumps({"text": VI, "published": "2024-02-30"}, ensure_ascii=False),
            json.dumps({"text": VI + "\u2028" + VI + "\x85"}, ensure_ascii=False)]).encode(),
        os.fsdecode(b"t\xeai-b\xe0i.txt"): VI.encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return len(files) - 2 + 1 + 6


def test_batch_hostile_corpus_gives_one_record_or_error_per_article(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    expected = _hostile_corpus(folder)
    code, out, errors = run_cli(tmp_path, [folder])
    records, failures = read_jsonl(out), read_jsonl(errors)
    assert code == 1 and len(records) + len(failures) == expected
    for record in records:
        assert schema_errors("record", record) == []
        assert_offsets(record)
    assert all(schema_errors("error", e) == [] for e in failures)
    assert {e["error"]["code"] for e in failures} <= {"E_NO_BODY", "E_BINARY", "E_EMPTY", "E_JSONL_LINE"}
    assert not list(out.parent.glob(".*.partial"))
