"""Robustness (issue 8): one bad input costs only itself.

Each test is a reproduction from the issue — a hostile file, line or text — run through the reader, the API
or the whole command line, asserting the records and error records that come out.
"""

import json
import os


from conftest import GOOD, VI, assert_offsets, read_jsonl, run_cli
from extractor.readers import Article, Failure, read_bytes, read_inputs
from extractor.schema import schema_errors


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
