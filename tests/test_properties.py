"""Property tests (issue 8): arbitrary text, bytes, JSON lines and HTML never raise out of `extract()` or the
readers, and give a valid record with its offsets right or a coded error. Fixed seed, so CI is repeatable."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import assert_offsets
from extractor.api import extract, extract_article
from extractor.errors import MESSAGES, ExtractorError
from extractor.readers import Article, Failure, read_bytes
from extractor.schema import schema_errors
from extractor.writers import dumps

# Words our rules care about, so that generated texts reach numbers, organizations and facts.
WORDS = ["Đảng", "bộ", "ủy", "xã", "Tân", "Hòa", "chi", "có", "đảng", "viên", "kết", "nạp", "mới", "một", "triệu",
         "nghìn", "tỷ", "hai", "mươi", "năm", "2024", "12", "1.500", "3,5", "%", "Nghị", "quyết", "số", "18-NQ/TW",
         "Bí", "thư", "Nguyễn", "Văn", "An", "ông", "tỉnh", "Bắc", "Ninh", "Thành", "phố", "Hà", "Nội", "khóa", "XII",
         ",", ".", "(", ")", "-", "\n", "\u202e", "\u0301", "\udfff", "Ð", "nghành", "\u2028", "\x85", "\x00"]
SETTINGS = settings(derandomize=True, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Mostly our words (so that most examples get past the language check and through every stage), some noise.
vietnamese_text = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(WORDS),
                                     st.text(max_size=6)), min_size=5, max_size=80).map(" ".join)


def _check(record_or_error):
    if isinstance(record_or_error, ExtractorError):
        assert record_or_error.code in MESSAGES
        return
    assert schema_errors("record", record_or_error) == []
    assert_offsets(record_or_error)
    json.loads(dumps(record_or_error))


def _extract_or_error(text):
    try:
        return extract(text)
    except ExtractorError as error:
        return error


@settings(SETTINGS, max_examples=250)
@given(vietnamese_text)
def test_properties_extract_gives_a_valid_record_or_a_coded_error(text):
    _check(_extract_or_error(text))


@settings(SETTINGS, max_examples=300)
@given(st.binary(max_size=400), st.sampled_from(["txt", "html", "jsonl"]))
def test_properties_readers_never_raise_on_any_bytes(data, fmt):
    for item in read_bytes(data, f"x.{fmt}", fmt, 10_000):
        assert isinstance(item, (Article, Failure))
        if isinstance(item, Failure):
            assert schema_errors("source", item.source) == [] and item.error.code in MESSAGES


json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
json_values = st.recursive(json_scalars,
                           lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                           max_leaves=12)


@settings(SETTINGS, max_examples=150)
@given(st.dictionaries(st.sampled_from(["text", "title", "url", "published", "x"]),
                       st.one_of(vietnamese_text, json_values), max_size=5))
def test_properties_any_json_line_gives_a_record_or_an_error(item):
    line = json.dumps(item, ensure_ascii=False).encode("utf-8", "surrogatepass")
    for read in read_bytes(line, "feed.jsonl", "jsonl", 10_000):
        if isinstance(read, Article):
            try:
                _check(extract_article(read))
            except ExtractorError as error:
                _check(error)


html_pieces = st.sampled_from(["<html>", "<body>", "</body>", "<p>", "</p>", "<div class='sapo'>", "</div>",
                               "<iframe></iframe>", "<h1>", "</h1>", "<meta property='article:published_time' "
                               "content='2024-02-30'>", "<figure><figcaption>Ảnh: Lê Hà</figcaption></figure>",
                               "<script>x</script>", "<!--", "-->", "&amp;", "<"])


@settings(SETTINGS, max_examples=100)
@given(st.lists(st.one_of(html_pieces, vietnamese_text), min_size=3, max_size=30).map("".join))
def test_properties_any_html_gives_a_record_or_an_error(html):
    for read in read_bytes(html.encode("utf-8", "surrogatepass"), "page.html", "html", 100_000):
        if isinstance(read, Article):
            _check(_extract_or_error_with(read))


def _extract_or_error_with(article):
    try:
        return extract_article(article)
    except ExtractorError as error:
        return error


@settings(SETTINGS, max_examples=40)
@given(vietnamese_text)
def test_properties_the_same_text_gives_the_same_bytes(text):
    first, second = _extract_or_error(text), _extract_or_error(text)
    if isinstance(first, ExtractorError):
        assert isinstance(second, ExtractorError) and first.as_dict() == second.as_dict()
    else:
        assert dumps(first) == dumps(second)


@settings(SETTINGS, max_examples=30)
@given(st.lists(st.tuples(st.sampled_from(["a.txt", "b.html", "c.jsonl", "d"]),
                          st.one_of(st.binary(max_size=200),
                                    vietnamese_text.map(lambda t: t.encode("utf-8", "surrogatepass")))),
                min_size=1, max_size=4))
def test_properties_batch_gives_one_record_or_error_per_input_file(files):
    import io
    import tempfile
    from pathlib import Path

    from extractor.batch import run_batch
    from extractor.writers import JsonlSink

    with tempfile.TemporaryDirectory() as folder:
        written = {}
        for name, data in files:
            written[name] = data
            (Path(folder) / name).write_bytes(data)
        records, errors = io.StringIO(), io.StringIO()
        inputs = [str(Path(folder) / name) for name in written]
        summary = run_batch(inputs, JsonlSink(None, records), JsonlSink(None, errors))
    lines = [json.loads(line) for line in (records.getvalue() + errors.getvalue()).split("\n") if line]
    assert len(lines) == summary.records + summary.failed
    assert {item["source"]["path"].rsplit("/", 1)[-1] for item in lines} <= set(written)
    for item in lines:
        assert schema_errors("error" if "error" in item else "record", item) == []
    # every input that is not JSON Lines gives exactly one record or error
    single = [name for name in written if not name.endswith(".jsonl")]
    paths = [item["source"]["path"].rsplit("/", 1)[-1] for item in lines]
    assert all(paths.count(name) == 1 for name in single)
