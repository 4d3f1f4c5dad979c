"""Reading: encodings, formats and every kind of bad input, each turned into a coded Failure."""

import json
import unicodedata

import pytest

from extractor.readers import Article, Failure, decode, read_bytes, read_inputs, slug_of, sniff_format

VI = ("Đảng bộ xã Tân Hòa vừa tổ chức hội nghị sơ kết công tác xây dựng Đảng sáu tháng đầu năm, "
      "với sự tham dự của bí thư các chi bộ thôn và đông đảo đảng viên trong toàn Đảng bộ.")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def windows_1258(text: str) -> bytes:
    """Windows-1258 keeps base letters precomposed and writes tone marks as combining characters."""
    out = []
    for char in text:
        try:
            out.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out.append((base + "".join(c for c in parts if c in _TONES)).encode("cp1258"))
    return b"".join(out)


@pytest.mark.parametrize("data", [
    VI.encode("utf-8"),
    b"\xef\xbb\xbf" + VI.encode("utf-8"),
    VI.encode("utf-16"),                      # with its BOM
    unicodedata.normalize("NFD", VI).encode("utf-8"),
    windows_1258(VI * 3),
], ids=["utf-8", "utf-8 with BOM", "utf-16 with BOM", "utf-8 NFD", "windows-1258"])
def test_readers_decode_known_encodings_to_nfc(data):
    text = decode(data)
    assert VI in text
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize("data, code", [
    (b"", "E_EMPTY"),
    (b"   \n\t  \n", "E_EMPTY"),
    (bytes(range(256)) * 4, "E_BINARY"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E_BINARY"),
    (b"\xff\xfe" + b"\x00\xd8\x00", "E_DECODE"),
])
def test_readers_bad_bytes_raise_coded_errors(data, code):
    from extractor.errors import ExtractorError

    with pytest.raises(ExtractorError) as caught:
        decode(data)
    assert caught.value.code == code


def test_readers_too_large_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(VI.encode() * 100)
    [failure] = list(read_inputs([str(big)], max_bytes=1000))
    assert isinstance(failure, Failure) and failure.error.code == "E_TOO_LARGE"
    assert failure.source["path"] == str(big)


def test_readers_missing_path_is_an_error_not_a_crash(tmp_path):
    [failure] = list(read_inputs([str(tmp_path / "nope.txt")]))
    assert failure.error.code == "E_NOT_FOUND"


def test_readers_jsonl_broken_line_fails_alone(tmp_path):
    lines = [json.dumps({"text": VI, "title": "Tiêu đề", "published": "2023-04-05T08:00:00+07:00",
                         "url": "https://bao.vn/tin/so-ket-cong-tac-xay-dung-dang-123.html"}, ensure_ascii=False),
             '{"text": "chưa đóng ngoặc',
             json.dumps({"title": "không có text"}),
             "",
             json.dumps({"text": VI})]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Failure", "Article"]
    assert [i.source["line"] for i in items] == [1, 2, 3, 5]
    assert {i.error.code for i in items if isinstance(i, Failure)} == {"E_JSONL_LINE"}
    first = items[0]
    assert (first.hints.title, first.hints.published, first.hints.published_from) == ("Tiêu đề", "2023-04-05", "input")
    assert first.hints.slug == "so-ket-cong-tac-xay-dung-dang-123"


def test_readers_folders_are_searched_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.htm").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / "a.txt").write_text(VI)
    (tmp_path / "notes.md").write_text("bỏ qua")
    paths = [i.source["path"] for i in read_inputs([str(tmp_path)])]
    assert [p.rsplit("/", 1)[-1] for p in paths] == ["a.txt", "two.htm"]


def test_readers_html_body_and_metadata_come_from_trafilatura():
    body = "".join(f"<p>{VI} Đoạn {i}.</p>" for i in range(4))
    html = (f'<!DOCTYPE html><html><head><title>Tin A | Cổng thông tin</title>'
            f'<meta property="article:published_time" content="2023-05-18T07:30:00+07:00"></head>'
            f'<body><nav><ul><li>Trang chủ</li><li>Tin tức</li></ul></nav>'
            f'<article><h1>Hội nghị sơ kết công tác xây dựng Đảng</h1>{body}</article>'
            f'<footer>Website liên kết: Báo điện tử Đảng Cộng sản</footer></body></html>')
    [article] = list(read_bytes(html.encode(), "page.html", "html", 10**6))
    assert isinstance(article, Article)
    assert VI in article.text and "Trang chủ" not in article.text
    assert article.hints.title == "Hội nghị sơ kết công tác xây dựng Đảng"
    assert (article.hints.published, article.hints.published_from) == ("2023-05-18", "html")


@pytest.mark.parametrize("html", [
    "<html><head><title>x</title></head><body><nav>Trang chủ</nav></body></html>",
    "<html><body><div><script>var a = 1;</script></div>",
    "<<<>>> </div></p>",
])
def test_readers_html_without_body_is_an_error(html):
    [failure] = list(read_bytes(html.encode(), "page.html", "html", 10**6))
    assert isinstance(failure, Failure) and failure.error.code == "E_NO_BODY"


@pytest.mark.parametrize("head, fmt", [(b"<!DOCTYPE html><html>", "html"), (b'{"text": "a"}', "jsonl"),
                                       (b"Tin", "txt")])
def test_readers_stdin_format_is_sniffed(head, fmt):
    assert sniff_format(head) == fmt


@pytest.mark.parametrize("name, slug", [
    ("012_trao-huy-hieu-dang-cho-dang-vien.txt", "trao-huy-hieu-dang-cho-dang-vien"),
    ("000_00ecb6b42b5a9a72.txt", None),
    ("bai-viet.html", None),
])
def test_readers_slug_of_file_name(name, slug):
    assert slug_of(name) == slug


def test_readers_jsonl_size_limit_is_per_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    short = json.dumps({"text": VI}, ensure_ascii=False)
    long = json.dumps({"text": VI * 80}, ensure_ascii=False)
    path.write_text("\n".join([short] * 30 + [long]), encoding="utf-8")
    assert path.stat().st_size > 10_000  # the file is over the limit, no line is but the last
    items = list(read_inputs([str(path)], max_bytes=10_000))
    assert sum(isinstance(i, Article) for i in items) == 30
    assert items[-1].error.code == "E_TOO_LARGE" and items[-1].source["line"] == 31


def _jsonl_articles(*items) -> list:
    data = "\n".join(item if isinstance(item, str) else json.dumps(item, ensure_ascii=False) for item in items)
    return list(read_bytes(data.encode("utf-8"), "feed.jsonl", "jsonl", 10**6))


def test_readers_jsonl_keeps_the_lines_own_id_url_and_scalar_fields_in_order():
    [article] = _jsonl_articles({"kênh": "tin địa phương", "id": 4071, "text": VI, "url": "https://bao.vn/a-b-c.html",
                                 "tags": ["đảng"], "meta": {"views": 3}, "score": 0.5, "hot": False,
                                 "note": None, "title": "Sơ kết"})
    source = article.source
    assert (source["id"], source["url"]) == ("4071", "https://bao.vn/a-b-c.html")
    assert list(source["fields"].items()) == [("kênh", "tin địa phương"), ("score", 0.5), ("hot", False),
                                              ("title", "Sơ kết")]
    assert list(source)[:4] == ["path", "format", "sha256", "line"]


def test_readers_jsonl_line_without_id_or_fields_gets_none():
    [article] = _jsonl_articles({"text": VI})
    assert set(article.source) == {"path", "format", "sha256", "line"}


@pytest.mark.parametrize("value", ["", "   ", True, 2.5, None])
def test_readers_jsonl_unusable_id_is_no_id(value):
    [article] = _jsonl_articles({"id": value, "text": VI})
    assert "id" not in article.source
    assert article.source.get("fields", {}).get("id", None) == value


def test_readers_jsonl_own_fields_stay_writable():
    line = '{"id": "tin-\\udfff", "text": %s, "s\\ud800": "x\\udc00", "n": %s, "nan": NaN, "inf": -1e999}' % (
        json.dumps(VI), "7" * 4100)
    [article] = _jsonl_articles(line)
    source = article.source
    assert source["id"] == "tin-\ufffd"
    assert source["fields"] == {"s\ufffd": "x\ufffd", "n": "7" * 4100, "nan": "NaN", "inf": "-Infinity"}
    json.dumps(source, ensure_ascii=False).encode("utf-8")


def test_readers_jsonl_own_fields_reach_the_record_and_its_errors(tmp_path):
    from extractor.api import extract_many

    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(item, ensure_ascii=False) for item in [
        {"id": 9, "url": "https://bao.vn/x-y-z.html", "text": VI, "so_trang": 2},
        {"id": "en-1", "text": "The committee met on Monday to review the work of the first half of the year."},
    ]), encoding="utf-8")
    [record, error] = list(extract_many(read_inputs([str(path)])))
    assert record["source"]["id"] == "9" and record["source"]["fields"] == {"so_trang": 2}
    assert record["source"]["url"] == "https://bao.vn/x-y-z.html"
    assert error["source"]["id"] == "en-1" and error["error"]["code"] == "E_NOT_VIETNAMESE"
