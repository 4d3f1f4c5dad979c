"""Robustness (issue 8): one bad input costs only itself, nothing finished is lost, outputs never collide.

Each test is a reproduction from the issue: hostile files, lines and texts, run through the reader, the
API or the whole command line, asserting the records and error records that come out.
"""

import io
import json
import os
import sys

import pytest

from conftest import assert_offsets
from extractor import api
from extractor.api import extract, extract_one
from extractor.cli import main
from extractor.errors import ExtractorError
from extractor.readers import Article, Failure, read_bytes, read_inputs
from extractor.schema import schema_errors
from extractor.writers import JsonlSink, dumps

VI = ("Đảng bộ xã Tân Hòa vừa tổ chức hội nghị sơ kết công tác xây dựng Đảng sáu tháng đầu năm, "
      "với sự tham dự của bí thư các chi bộ thôn và đông đảo đảng viên trong toàn Đảng bộ.")
GOOD = ("Đảng ủy phường Tân Lập tổng kết công tác năm\n\n09/01/2024\n\n"
        "Đảng bộ phường Tân Lập hiện có 18 chi bộ trực thuộc với 620 đảng viên.\n\nVũ Thanh Hải")


def _lines(path):
    """JSON Lines split on \\n only (a text may hold U+2028)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


def _run(tmp_path, inputs, *extra):
    out = tmp_path / "out" / "records.jsonl"
    code = main(["run", *map(str, inputs), "-o", str(out), "-q", *extra])
    return code, out, out.with_name("errors.jsonl")


# ---- 1. every input is guarded ---------------------------------------------------------------------------

def test_batch_iframe_page_is_one_error_and_the_batch_goes_on(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_text("<body><iframe></iframe></body></html>")
    (tmp_path / "in" / "b.txt").write_text(GOOD, encoding="utf-8")
    code, out, errors = _run(tmp_path, [tmp_path / "in"])
    assert code == 1
    assert [r["meta"]["author"] for r in _lines(out)] == ["Vũ Thanh Hải"]
    [error] = _lines(errors)
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
    code, out, errors = _run(tmp_path, [tmp_path / "feed.jsonl"])
    assert code == 1
    records = _lines(out)
    assert [r["source"]["line"] for r in records] == [1, 3]
    assert records[0]["meta"]["title"] == "Tin \ufffd"
    assert [e["source"]["line"] for e in _lines(errors)] == [2]


def test_batch_non_utf8_file_name_is_read_and_written(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"bad\xff-name.txt")
    (folder / name).write_text(GOOD, encoding="utf-8")
    (folder / "ok.txt").write_text(GOOD, encoding="utf-8")
    code, out, _ = _run(tmp_path, [folder])
    assert code == 0
    paths = [r["source"]["path"] for r in _lines(out)]
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
    code, out, errors = _run(tmp_path, [tmp_path / "in"])
    assert code == 1
    assert [r["source"]["path"].rsplit("/", 1)[-1] for r in _lines(out)] == ["b.txt"]
    [error] = _lines(errors)
    assert error["error"]["code"] == "E_INTERNAL" and "ValueError" in error["error"]["message"]


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


# ---- 2. size limits per line, not per stream ------------------------------------------------------------

def test_readers_stdin_jsonl_over_the_limit_gives_every_line(monkeypatch):
    line = json.dumps({"text": VI}, ensure_ascii=False).encode()
    data = b"\n".join([line] * 40 + [json.dumps({"text": VI * 20}, ensure_ascii=False).encode()] + [line] * 9)
    assert len(data) > 5 * 1000
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = list(read_inputs(["-"], max_bytes=1000))
    assert len(items) == 50 and [i.source["line"] for i in items] == list(range(1, 51))
    assert items[40].error.code == "E_TOO_LARGE"
    assert sum(isinstance(i, Article) for i in items) == 49


# ---- 3. long texts, segmenter rewrites ------------------------------------------------------------------

def test_api_text_over_spacy_max_length_is_extracted(monkeypatch):
    from extractor.nlp import pipeline

    monkeypatch.setattr(pipeline(), "max_length", 500)
    record = extract("\n".join(f"{VI} Đoạn {i}." for i in range(6)))
    assert len(record["text"]) > 500 and record["sentences"]


@pytest.mark.parametrize("text, word", [
    ("Công tác nghành giáo dục được quan tâm.", "nghành"),       # underthesea corrects it to "ngành"
    ("Ðảng bộ xã có 120 đảng viên.", "Ðảng bộ"),                  # U+00D0, not Đ
])
def test_segment_survives_underthesea_respellings(text, word):
    from extractor.segment import segment

    surfaces = [text[s:e] for s, e in segment(text).tokens]
    assert word in surfaces


def test_segment_falls_back_to_plain_words_when_nothing_aligns(monkeypatch):
    import underthesea

    from extractor.segment import segment

    monkeypatch.setattr(underthesea, "word_tokenize", lambda sentence, **_: ["không", "khớp"])
    text = "Chi bộ có 12 đảng viên."
    assert [text[s:e] for s, e in segment(text).tokens] == ["Chi", "bộ", "có", "12", "đảng", "viên", "."]


def test_api_misspelled_article_is_not_lost():
    record = extract(VI + " Lãnh đạo nghành giáo dục và Ðảng ủy xã đã kết nạp 5 đảng viên mới.")
    assert_offsets(record)
    assert any(f["value"] == 5 for f in record["facts"])


# ---- 5. output paths -------------------------------------------------------------------------------------

@pytest.mark.parametrize("case", ["same file", "output is input", "errors is input", "output is a folder"])
def test_cli_refuses_colliding_outputs_before_any_work(tmp_path, capsys, case):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    (tmp_path / "folder").mkdir()
    out, errors = str(tmp_path / "r.jsonl"), str(tmp_path / "e.jsonl")
    out, errors = {"same file": (out, out), "output is input": (str(good), errors),
                   "errors is input": (out, str(good)), "output is a folder": (str(tmp_path / "folder"), errors)}[case]
    assert main(["run", str(good), "-o", out, "--errors", errors, "-q"]) == 2
    assert "extractor run:" in capsys.readouterr().err
    assert good.read_text(encoding="utf-8") == GOOD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "good.txt"]


def test_cli_output_inside_an_input_folder_is_not_read_back(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "records.jsonl"
    for _ in range(2):
        assert main(["run", str(tmp_path), "-o", str(out), "-q"]) == 0
        assert len(_lines(out)) == 1


def test_writers_two_runs_to_one_output_never_share_a_temporary_file(tmp_path):
    path = str(tmp_path / "out.jsonl")
    first, second = JsonlSink(path, sys.stdout), JsonlSink(path, sys.stdout)
    first.write({"n": 1})
    second.write({"n": 2})
    assert len(list(tmp_path.glob(".out.jsonl.*.partial"))) == 2
    first.close()
    second.close()
    assert _lines(tmp_path / "out.jsonl") == [{"n": 2}]
    assert list(tmp_path.iterdir()) == [tmp_path / "out.jsonl"]


def test_cli_ctrl_c_keeps_finished_records_and_says_so(tmp_path, capsys, monkeypatch):
    import extractor.batch as batch

    real = batch.extract_one

    def extract_one(item, published=None, timeout=None):
        if item.source["path"].endswith("c.txt"):
            raise KeyboardInterrupt
        return real(item, published, timeout)

    monkeypatch.setattr(batch, "extract_one", extract_one)
    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / "in" / name).write_text(GOOD, encoding="utf-8")
    code, out, errors = _run(tmp_path, [tmp_path / "in"])
    assert code == 130
    assert len(_lines(out)) == 2
    assert "interrupted" in capsys.readouterr().err
    assert sorted(p.name for p in out.parent.iterdir()) == ["errors.jsonl", "records.jsonl"]


# ---- 6. bounded work -------------------------------------------------------------------------------------

def test_api_over_its_time_budget_is_e_timeout(monkeypatch):
    import time

    monkeypatch.setattr(api, "_extract", lambda *args, **kwargs: time.sleep(5))
    ok, item = extract_one(Article({"path": "a.txt", "format": "txt", "sha256": None}, VI), timeout=0.2)
    assert not ok and item["error"]["code"] == "E_TIMEOUT"
    assert schema_errors("error", item) == []


def test_cli_timeout_option_reaches_the_batch(tmp_path, monkeypatch):
    import time

    monkeypatch.setattr(api, "_extract", lambda *args, **kwargs: time.sleep(5))
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    code, _, errors = _run(tmp_path, [tmp_path / "a.txt"], "--timeout", "0.2")
    assert code == 1 and _lines(errors)[0]["error"]["code"] == "E_TIMEOUT"


def test_clean_mark_flood_is_cut_before_the_heavy_stages():
    from extractor.clean import normalize

    assert normalize("Đảng a" + "\u0301" * 100_000 + " bộ") == "Đảng \u00e1\u0301 bộ"  # two marks kept (ệ)


def test_clean_bidi_controls_go():
    from extractor.clean import normalize

    assert normalize("có \u202e12\u202c đảng viên") == "có 12 đảng viên"


def test_readers_html_parse_failure_is_no_body():
    [failure] = list(read_bytes(b"<body><iframe></iframe></body></html>", "a.html", "html", 10**6))
    assert failure.error.code == "E_NO_BODY"


# ---- 4. deterministic ------------------------------------------------------------------------------------

def test_batch_output_is_byte_identical_under_any_hash_seed(tmp_path):
    import subprocess

    from conftest import ROOT, SHARED

    feed = SHARED / "feed" / "baomoi-2017-sample.jsonl"
    if not feed.is_file():
        pytest.skip("../shared/feed is not here")
    with feed.open(encoding="utf-8") as stream:
        (tmp_path / "slice.jsonl").write_text("".join(next(stream) for _ in range(30)), encoding="utf-8")
    outputs = []
    for seed in ("1", "4242"):
        result = subprocess.run([sys.executable, "-m", "extractor", "run", str(tmp_path / "slice.jsonl"), "-q"],
                                capture_output=True, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr.decode()[-2000:]
        outputs.append(result.stdout)
    assert outputs[0].count(b"\n") == 30 and outputs[0] == outputs[1]


def test_entity_resolution_canonical_name_is_the_first_spelling():
    from extractor.rules.entity_resolution import Candidate, resolve

    text = "Bộ Giáo dục và Đào Tạo họp; Bộ Giáo dục và Đào tạo cho biết; Bộ Giáo dục trả lời."
    names = ["Bộ Giáo dục và Đào Tạo", "Bộ Giáo dục và Đào tạo", "Bộ Giáo dục trả"]
    starts = [text.index(name) for name in names]
    spans = [(starts[0], starts[0] + 22), (starts[1], starts[1] + 22), (starts[2], starts[2] + 11)]
    entities = resolve(text, [Candidate(s, e, "ORG", "r") for s, e in spans])
    assert entities[2].text == "Bộ Giáo dục" and entities[2].canonical == "Bộ Giáo dục và Đào Tạo"


# ---- 6. bounded work, rule by rule -----------------------------------------------------------------------

def _timed(function, *args):
    import time

    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def test_numbers_a_run_of_number_words_costs_its_length():
    from extractor.folding import fold
    from extractor.rules.numbers.words import read_atoms

    text = "Đảng bộ có " + "một triệu " * 300 + "đảng viên"
    assert _timed(read_atoms, text, fold(text), bytearray(len(text))) < 2


def test_numbers_a_long_list_of_numbers_costs_its_length():
    from extractor.folding import fold
    from extractor.rules.numbers.zones import find_zones

    text = "gồm các chi bộ " + ", ".join(str(i % 100) for i in range(2000))
    assert _timed(lambda: list(find_zones(text, fold(text)))) < 2


def test_places_a_long_title_cased_run_costs_its_length():
    from extractor.rules.places import find_places

    text = " ".join(["Xã Hòa Bình Huyện Gia Lâm Tỉnh Bắc Ninh Thành Phố Hà Nội Quận Ba Đình"] * 400)
    assert _timed(find_places, text) < 3


def test_entity_resolution_many_candidates_cost_their_number():
    from extractor.rules.entity_resolution import Candidate, resolve

    text = "; ".join(f"Chi bộ thôn {i}" for i in range(3000))
    candidates, at = [], 0
    for i in range(3000):
        name = f"Chi bộ thôn {i}"
        candidates.append(Candidate(at, at + len(name), "ORG", "r"))
        at += len(name) + 2
    assert _timed(resolve, text, candidates) < 3


def test_persons_titles_of_many_names_in_one_sentence_cost_their_number():
    from extractor.rules.persons import titles_around

    names = [f"Nguyễn Văn {chr(65 + i % 26)}" for i in range(400)]
    text = "Bí thư " + ", ".join(names) + "."
    at = [text.index(name) for name in names]
    assert _timed(lambda: [titles_around(text, a, a + 13, (0, len(text))) for a in at]) < 3


def test_segment_a_run_without_spaces_costs_its_length():
    from extractor.segment import segment

    text = "Chi bộ có " + ".".join(["1"] * 8000) + " đảng viên."
    assert _timed(segment, text) < 2


# ---- 8. smaller ones -------------------------------------------------------------------------------------

def test_readers_impossible_published_date_is_no_date_not_a_lost_article(tmp_path):
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": VI, "published": "2024-02-30"}), encoding="utf-8")
    code, out, _ = _run(tmp_path, [tmp_path / "feed.jsonl"])
    [record] = _lines(out)
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


# ---- the hostile corpus, end to end ----------------------------------------------------------------------

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
    code, out, errors = _run(tmp_path, [folder])
    records, failures = _lines(out), _lines(errors)
    assert code == 1 and len(records) + len(failures) == expected
    for record in records:
        assert schema_errors("record", record) == []
        assert_offsets(record)
    assert all(schema_errors("error", e) == [] for e in failures)
    assert {e["error"]["code"] for e in failures} <= {"E_NO_BODY", "E_BINARY", "E_EMPTY", "E_JSONL_LINE"}
    assert not list(out.parent.glob(".*.partial"))


def test_batch_a_failing_disk_keeps_the_records_already_written(tmp_path):
    from extractor.batch import run_batch

    class FullAfterOne(JsonlSink):
        def write_line(self, line):
            if self.count == 1:
                raise OSError(28, "No space left on device")
            super().write_line(line)

    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "in" / name).write_text(GOOD, encoding="utf-8")
    out = tmp_path / "r.jsonl"
    with pytest.raises(OSError):
        run_batch([str(tmp_path / "in")], FullAfterOne(str(out), sys.stdout), JsonlSink(str(tmp_path / "e.jsonl"),
                                                                                       sys.stderr))
    assert len(_lines(out)) == 1
    assert not list(tmp_path.glob(".*.partial"))


def test_batch_an_unexpected_failure_around_extraction_is_e_internal(tmp_path, monkeypatch):
    import extractor.batch as batch

    def broken(item, published=None, timeout=None):
        raise AssertionError("a bug outside extract()")

    monkeypatch.setattr(batch, "extract_one", broken)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    code, out, errors = _run(tmp_path, [tmp_path / "a.txt"])
    [error] = _lines(errors)
    assert code == 1 and error["error"]["code"] == "E_INTERNAL" and "AssertionError" in error["error"]["message"]
    assert schema_errors("error", error) == []


def test_cli_refuses_an_output_that_cannot_be_written_before_any_work(tmp_path, capsys, monkeypatch):
    import extractor.api as api_module

    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(os, "access", lambda path, mode: False)     # as a read-only place would answer
    monkeypatch.setattr(api_module, "_extract", lambda *a, **k: pytest.fail("work started"))
    assert main(["run", str(good), "-o", str(tmp_path / "out" / "r.jsonl"), "-q"]) == 2
    assert "cannot create files" in capsys.readouterr().err


def test_writers_temporary_file_of_a_killed_run_is_removed_by_the_next(tmp_path):
    import subprocess

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    orphan = tmp_path / f".out.jsonl.{gone.stdout.strip()}.abc123.partial"
    orphan.write_text('{"half": ')
    live = tmp_path / f".out.jsonl.{os.getpid()}.def456.partial"      # a run still going: kept
    live.write_text("")
    sink = JsonlSink(str(tmp_path / "out.jsonl"), sys.stdout)
    sink.write({"n": 1})
    sink.close()
    assert not orphan.exists() and live.exists()
    assert _lines(tmp_path / "out.jsonl") == [{"n": 1}]


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


def test_readers_html_nested_50000_deep_still_gives_its_body():
    html = "<html><body>" + "<div>" * 50000 + f"<p>{VI}</p>" + "</div>" * 50000 + "</body></html>"
    [article] = list(read_bytes(html.encode(), "deep.html", "html", 10**7))
    assert isinstance(article, Article) and VI in article.text


def test_readers_a_page_that_reads_too_long_is_e_timeout_and_the_next_is_read(tmp_path, monkeypatch):
    import time

    import extractor.readers as readers

    monkeypatch.setattr(readers, "read_html", lambda text, slug: time.sleep(5))
    (tmp_path / "a.html").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / "b.txt").write_text(VI, encoding="utf-8")
    items = list(read_inputs([str(tmp_path)], timeout=0.2))
    assert items[0].error.code == "E_TIMEOUT" and items[0].source["path"].endswith("a.html")
    assert isinstance(items[1], Article)


def test_readers_a_slow_producer_on_stdin_is_waited_for(monkeypatch):
    import time

    class Slow(io.RawIOBase):
        def __init__(self):
            self.parts = [json.dumps({"text": VI}, ensure_ascii=False).encode() + b"\n"] * 2

        def readable(self):
            return True

        def readinto(self, buffer):
            if not self.parts:
                return 0
            time.sleep(0.3)          # longer than the budget below, between the two lines
            data = self.parts.pop(0)
            buffer[:len(data)] = data
            return len(data)

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Slow())))
    items = list(read_inputs(["-"], timeout=0.1))
    assert [type(i).__name__ for i in items] == ["Article", "Article"]
