"""The Python API (`import extractor`): extract, extract_file, extract_many, schema, spacy_pipeline, and the
README's examples of them, run as written."""

import json
import subprocess
import sys

import pytest
import regex

import extractor
from conftest import ROOT, assert_offsets
from extractor.readers import Article, Failure
from test_readers import windows_1258

TEXT = "Đảng bộ phường Hòa Bình hiện có 320 đảng viên, sinh hoạt tại 15 chi bộ."
OTHER = "Chi bộ thôn Phú Mỹ kết nạp 4 đảng viên mới trong năm."
PAGE = """<!DOCTYPE html>
<html><head><title>Báo Tin | Đảng bộ phường Hòa Bình tổng kết công tác xây dựng Đảng</title>
<meta property="article:published_time" content="2024-01-12"></head>
<body><nav><a href="/">Trang chủ</a></nav><article>
<h1>Đảng bộ phường Hòa Bình tổng kết công tác xây dựng Đảng</h1>
<p>Đảng bộ phường Hòa Bình hiện có 320 đảng viên, sinh hoạt tại 15 chi bộ trực thuộc.</p>
</article></body></html>"""


def _facts(record: dict) -> list[tuple[str, int]]:
    return [(fact["metric"], fact["value"]) for fact in record["facts"]]


def _readme_python_blocks() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python API\n", 1)[1].split("\n## ", 1)[0]
    return regex.findall(r"```python\n(.*?)```", section, flags=regex.DOTALL)


def test_api_readme_examples_run():
    blocks = _readme_python_blocks()
    assert len(blocks) >= 5 and all("assert" in block for block in blocks)
    namespace: dict = {}
    for block in blocks:    # one namespace: a later example uses an earlier one's values, as a reader would
        exec(compile(block, "README.md (Python API)", "exec"), namespace)


def test_api_import_loads_no_pipeline():
    code = ("import sys, extractor; "
            "print(sorted(m for m in ('spacy', 'underthesea', 'trafilatura') if m in sys.modules))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert shown.stdout.strip() == "[]"


def test_api_extract_reads_a_text():
    record = extractor.extract(TEXT)
    assert _facts(record) == [("party_members", 320), ("party_organizations", 15)]
    assert record["source"] == {"path": "<text>", "format": "txt", "sha256": None}
    assert_offsets(record)


def test_api_extract_detects_an_html_page():
    record = extractor.extract(PAGE)
    assert record["source"]["format"] == "html"
    assert record["meta"]["title"] == "Đảng bộ phường Hòa Bình tổng kết công tác xây dựng Đảng"
    assert (record["meta"]["published"], record["meta"]["published_from"]) == ("2024-01-12", "html")
    assert "<" not in record["text"] and "Trang chủ" not in record["text"]
    assert _facts(record) == [("party_members", 320), ("party_organizations", 15)]


def test_api_extract_format_forces_the_reading():
    as_text = extractor.extract(PAGE, format="txt")
    assert as_text["source"]["format"] == "txt" and as_text["text"].startswith("<!DOCTYPE html>")
    # An HTML fragment is not sniffed as a page; saying so reads it as one.
    fragment = f"<p>{TEXT}</p><p>Trong năm, Đảng bộ đã kết nạp 11 đảng viên mới.</p>"
    assert extractor.extract(fragment)["text"].startswith("<p>")
    as_html = extractor.extract(fragment, format="html")
    assert as_html["source"]["format"] == "html" and not as_html["text"].startswith("<")


@pytest.mark.parametrize("call, error", [
    (lambda: extractor.extract(TEXT, format="jsonl"), ValueError),
    (lambda: extractor.extract(TEXT.encode("utf-8")), TypeError),
    (lambda: extractor.extract(TEXT, published="2024-02-30"), ValueError),
    (lambda: extractor.extract_many(TEXT), TypeError),
    (lambda: extractor.extract_many([TEXT], published="12/01/2024"), ValueError),
    (lambda: extractor.schema("recrod"), ValueError),
])
def test_api_misuse_is_said_at_the_call(call, error):
    with pytest.raises(error):
        call()


def test_api_extract_raises_coded_errors():
    with pytest.raises(extractor.ExtractorError) as caught:
        extractor.extract("<!DOCTYPE html><html><body><nav>Trang chủ</nav></body></html>")
    assert caught.value.code == "E_NO_BODY"


def test_api_extract_many_keeps_input_order_for_strings():
    texts = [OTHER, TEXT, OTHER.replace("Phú Mỹ", "Phú Lộc")]
    results = list(extractor.extract_many(texts))
    assert [r["text"] for r in results] == texts
    assert [_facts(r) for r in results] == [[("members_admitted", 4)], _facts(extractor.extract(TEXT)),
                                            [("members_admitted", 4)]]


def test_api_extract_many_reads_dicts_as_json_lines():
    line = {"id": 42, "url": "https://example.vn/tin/dang-bo-phuong-hoa-binh", "text": TEXT,
            "published": "2024-01-12", "chuyen_muc": "Xây dựng Đảng", "luot_xem": 120, "tags": ["a"]}
    [record] = extractor.extract_many([line])
    assert record["source"] == {"path": "<dict>", "format": "jsonl", "sha256": None, "id": "42",
                                "url": "https://example.vn/tin/dang-bo-phuong-hoa-binh",
                                "fields": {"published": "2024-01-12", "chuyen_muc": "Xây dựng Đảng",
                                           "luot_xem": 120}}
    assert (record["meta"]["published"], record["meta"]["published_from"]) == ("2024-01-12", "input")


def test_api_extract_many_gives_a_bad_item_its_error_record_in_place():
    items = [TEXT, {"id": "x-2", "title": "không có nội dung"}, 7, None, {"text": "   "}, OTHER,
             "The committee met on Monday to review the work of the year and the plans for the next one."]
    results = list(extractor.extract_many(items))
    codes = [r["error"]["code"] if "error" in r else None for r in results]
    assert codes == [None, "E_JSONL_LINE", "E_ITEM_TYPE", "E_ITEM_TYPE", "E_JSONL_LINE", None, "E_NOT_VIETNAMESE"]
    assert results[1]["source"] == {"path": "<dict>", "format": "jsonl", "sha256": None, "id": "x-2",
                                    "fields": {"title": "không có nội dung"}}
    assert results[2] == {"source": {"path": "<int>", "format": "txt", "sha256": None},
                          "error": {"code": "E_ITEM_TYPE", "message": results[2]["error"]["message"]}}
    assert "got int" in results[2]["error"]["message"]
    assert results[5]["text"] == OTHER


def test_api_extract_many_reads_paths_like_the_cli(tmp_path):
    (tmp_path / "a.txt").write_bytes(windows_1258(TEXT))   # a legacy encoding, decoded as `run` decodes it
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps({"id": n, "text": t}, ensure_ascii=False)
                                                for n, t in ((1, OTHER), (2, TEXT))), encoding="utf-8")
    items = [tmp_path / "b.jsonl", tmp_path / "a.txt", tmp_path / "missing.html", OTHER]
    results = list(extractor.extract_many(items))
    assert [(r["source"]["path"], r["source"].get("line"), r["source"].get("id")) for r in results] == [
        (str(tmp_path / "b.jsonl"), 1, "1"), (str(tmp_path / "b.jsonl"), 2, "2"), (str(tmp_path / "a.txt"), None, None),
        (str(tmp_path / "missing.html"), None, None), ("<text>", None, None)]
    assert results[2]["text"] == TEXT and len(results[2]["source"]["sha256"]) == 64
    assert results[3]["error"]["code"] == "E_NOT_FOUND"


def test_api_extract_many_passes_reader_objects():
    source = {"path": "x.txt", "format": "txt", "sha256": None}
    items = [Article(source, TEXT), Failure(source, extractor.ExtractorError("E_EMPTY"))]
    results = list(extractor.extract_many(items))
    assert results[0]["source"] == source and results[1]["error"]["code"] == "E_EMPTY"


def test_api_extract_many_reads_bytes_as_a_file(tmp_path):
    [record, error] = extractor.extract_many([PAGE.encode("utf-16"), b"\x00\x01\x02 binary"])
    assert record["source"]["format"] == "html" and record["source"]["path"] == "<bytes>"
    assert record["meta"]["title"] == "Đảng bộ phường Hòa Bình tổng kết công tác xây dựng Đảng"
    assert error["error"]["code"] == "E_BINARY"


def test_api_extract_file_reads_as_the_cli(tmp_path):
    page = tmp_path / "dang-bo-phuong-hoa-binh.html"
    page.write_text(PAGE, encoding="utf-8")
    record = extractor.extract_file(page, published="2025-01-01")
    assert record["source"]["path"] == str(page) and record["source"]["format"] == "html"
    assert record["meta"]["published"] == "2024-01-12"    # the page's date wins over the option
    code, out, _ = _run_cli(tmp_path, page)
    assert code == 0 and json.loads(out.read_text(encoding="utf-8")) == record


def _run_cli(tmp_path, *inputs):
    from conftest import run_cli

    return run_cli(tmp_path, inputs, "--published", "2025-01-01")


@pytest.mark.parametrize("content, code", [(None, "E_NOT_FOUND"), (b"", "E_EMPTY"), (b"\x00\x00\x00", "E_BINARY"),
                                           (b"x" * (5 * 1024 * 1024 + 1), "E_TOO_LARGE")])
def test_api_extract_file_raises_the_coded_error(tmp_path, content, code):
    path = tmp_path / "bai.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(extractor.ExtractorError) as caught:
        extractor.extract_file(path)
    assert caught.value.code == code


def test_api_extract_file_refuses_many_articles(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": TEXT}, ensure_ascii=False), encoding="utf-8")
    for path in (feed, tmp_path):
        with pytest.raises(ValueError, match=r"extract_many\(\[Path"):
            extractor.extract_file(path)


def test_api_schema_validates_a_real_record():
    import jsonschema
    import referencing

    record = extractor.extract(TEXT)
    names = [path.name.removesuffix(".schema.json") for path in (ROOT / "schemas").glob("*.schema.json")]
    registry = referencing.Registry().with_resources(
        (extractor.schema(name)["$id"], referencing.Resource.from_contents(extractor.schema(name))) for name in names)
    jsonschema.Draft202012Validator(extractor.schema(), registry=registry).validate(record)
    broken = dict(record, facts=[dict(record["facts"][0], metric="bogus")])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(extractor.schema("record"), registry=registry).validate(broken)


def test_api_schema_is_callable_after_the_schema_module_loads():
    import extractor.schema    # noqa: F401  (the submodule of the same name replaces the package's attribute)

    assert extractor.schema("error")["$id"] == "error.schema.json"
    assert extractor.schema()["$id"] == "record.schema.json"


def test_api_spacy_pipeline_sets_doc_ents():
    from spacy import displacy

    nlp = extractor.spacy_pipeline()
    doc = nlp(TEXT + " Đồng chí Võ Văn Nam dự hội nghị theo Chỉ thị số 35-CT/TW.")
    assert doc.text == TEXT + " Đồng chí Võ Văn Nam dự hội nghị theo Chỉ thị số 35-CT/TW."
    assert [(e.text, e.label_) for e in doc.ents] == [("Đảng bộ phường Hòa Bình", "ORG"), ("Võ Văn Nam", "PER")]
    assert [(e.text, e.label) for e in doc._.vx_entities][-1] == ("Chỉ thị số 35-CT/TW", "DOC")
    assert [(d["type"], d["symbol"]) for d in doc._.vx_documents] == [("Chỉ thị", "35-CT/TW")]
    assert [(f["metric"], f["value"]) for f in doc._.vx_facts] == [("party_members", 320), ("party_organizations", 15)]
    html = displacy.render(doc, style="ent")
    assert "Võ Văn Nam" in html and "PER" in html


def test_api_spacy_pipeline_is_not_the_extraction_pipeline():
    from extractor.nlp import pipeline

    assert "vx_ents" in extractor.spacy_pipeline().pipe_names and "vx_ents" not in pipeline().pipe_names
    docs = list(extractor.spacy_pipeline().pipe([OTHER, TEXT]))
    assert [d.text for d in docs] == [OTHER, TEXT] and all(d.ents for d in docs)


def test_api_extract_many_in_worker_processes_gives_the_same_records_in_order():
    from extractor import extract_many

    items = ["Chi bộ thôn Phú Mỹ kết nạp 4 đảng viên mới trong năm 2023.",
             {"text": "Đảng bộ phường Tân Định hiện có 312 đảng viên, sinh hoạt ở 14 chi bộ.", "id": "b-2"},
             {"title": "không có nội dung"},
             "Đảng ủy xã Hòa Phước tổ chức lớp bồi dưỡng lý luận chính trị cho 65 quần chúng ưu tú."]
    one = list(extract_many(items))
    assert list(extract_many(items, jobs=2)) == one
    assert [("error" in item) for item in one] == [False, False, True, False]
    assert one[1]["source"]["id"] == "b-2"


def test_api_extract_many_refuses_a_job_count_below_one():
    from extractor import extract_many

    with pytest.raises(ValueError):
        extract_many(["Chi bộ có 5 đảng viên."], jobs=0)
