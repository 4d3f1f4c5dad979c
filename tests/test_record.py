"""Records: schema validation, offsets, and what happens when a record is not valid."""

import copy

import pytest

from conftest import assert_offsets
from extractor.api import extract, extract_many
from extractor.errors import ExtractorError
from extractor.readers import Article, Failure
from extractor.record import error_record, offset_errors, validate_record
from extractor.schema import schema_errors

ARTICLE = ("Chi bộ thôn Nà Phặc đổi mới sinh hoạt\n\n12/05/2023\n\n"
           "Chi bộ thôn Nà Phặc thuộc Đảng bộ xã Thượng Giáo hiện có 42 đảng viên. Năm 2022, chi bộ đã kết nạp "
           "thêm 3 đảng viên mới, là đoàn viên thanh niên tiêu biểu của thôn.\n\nHoàng Thị Mai")
SOURCE = {"path": "a.txt", "format": "txt", "sha256": "0" * 64}


@pytest.fixture(scope="module")
def record():
    return extract(ARTICLE, source=SOURCE)


def test_record_is_valid_with_its_metadata(record):
    assert schema_errors("record", record) == []
    assert record["meta"] == {"title": "Chi bộ thôn Nà Phặc đổi mới sinh hoạt", "published": "2023-05-12",
                              "published_from": "text", "author": "Hoàng Thị Mai", "outlet": None}
    assert record["text"] == ARTICLE
    assert_offsets(record)


def test_record_id_is_stable_and_follows_the_text(record):
    again = extract(ARTICLE, source=dict(SOURCE, path="b.txt"))
    assert again["id"] == record["id"]
    assert extract(ARTICLE + " Thêm.", source=SOURCE)["id"] != record["id"]


def test_record_sentences_cover_each_sentence(record):
    pieces = [record["text"][s["start"]:s["end"]] for s in record["sentences"]]
    assert "Hoàng Thị Mai" in pieces
    assert any(p.startswith("Năm 2022") for p in pieces)


def test_record_schema_checks_item_shapes_of_empty_lists(record):
    broken = copy.deepcopy(record)
    broken["facts"] = [{"metric": "party_members", "category": "female", "value": 42, "approx": "roughly",
                        "target": False, "subject": None, "time": None,
                        "evidence": {"start": 0, "end": 5}, "rule": "t"}]
    assert any("roughly" in e for e in schema_errors("record", broken))
    broken["facts"][0]["approx"] = "exact"
    broken["facts"][0]["category"] = "grassroots"  # not a category of party_members
    assert schema_errors("record", broken)
    broken["facts"][0]["category"] = "female"
    assert schema_errors("record", broken) == []
    broken["documents"] = [{"type": "Nghị quyết", "number": "18", "symbol": "18-NQ/TW", "issuer": None,
                            "issued": None, "term": "12", "plenum": None, "mentions": [{"start": 0, "end": 3}],
                            "rule": "t"}]
    assert any("term" in e for e in schema_errors("record", broken))


def test_record_invalid_record_is_never_returned_as_valid(record):
    broken = copy.deepcopy(record)
    broken["meta"]["published"] = "12/05/2023"
    with pytest.raises(ExtractorError) as caught:
        validate_record(broken)
    assert caught.value.code == "E_SCHEMA" and "published" in caught.value.message


def test_record_offsets_are_checked_beyond_the_schema(record):
    broken = copy.deepcopy(record)
    broken["entities"] = [{"start": 0, "end": 6, "label": "ORG", "text": "Đảng bộ", "rule": "t"}]
    assert offset_errors(broken) == ["entities/0: text 'Đảng bộ' but the span holds 'Chi bộ'"]
    broken["entities"] = [{"start": 0, "end": 10**6, "label": "ORG", "text": "x", "rule": "t"}]
    with pytest.raises(ExtractorError):
        validate_record(broken)


def test_record_failure_becomes_an_error_record_and_the_batch_goes_on(monkeypatch):
    import extractor.api as api

    real = api.validate_record

    def failing_once(record):
        if "Nà Phặc" in record["text"]:
            return real(dict(record, meta=dict(record["meta"], published="not a date")))
        return real(record)

    monkeypatch.setattr(api, "validate_record", failing_once)
    other = ARTICLE.replace("Nà Phặc", "Khuổi Ky")
    items = [Article(SOURCE, ARTICLE), Failure(SOURCE, ExtractorError("E_EMPTY")), Article(SOURCE, other)]
    results = list(extract_many(items))
    assert ["error" in item for item in results] == [True, True, False]
    assert results[0]["error"]["code"] == "E_SCHEMA"
    assert schema_errors("error", results[0]) == []


@pytest.mark.parametrize("text, code", [
    ("Tăng cỡ chữ Giảm cỡ chữ\nTrang chủ > Tin tức", "E_EMPTY"),
    ("The provincial party committee met on Monday to review the year's work and plans for the next.",
     "E_NOT_VIETNAMESE"),
    ("中国共产党第二十次全国代表大会在北京召开，大会选举产生了新一届中央委员会。", "E_NOT_VIETNAMESE"),
])
def test_record_unusable_text_raises(text, code):
    with pytest.raises(ExtractorError) as caught:
        extract(text)
    assert caught.value.code == code


def test_record_error_record_validates():
    item = error_record({"path": "x", "format": "txt", "sha256": None}, ExtractorError("E_BINARY", "NUL"))
    assert item["error"] == {"code": "E_BINARY", "message": "the input is binary, not text: NUL"}


def test_record_published_option_fills_only_a_missing_date():
    no_date = ARTICLE.replace("12/05/2023\n\n", "")
    assert extract(no_date, published="2024-01-31")["meta"]["published_from"] == "option"
    assert extract(ARTICLE, published="2024-01-31")["meta"]["published"] == "2023-05-12"


def _mutations(record: dict):
    """Records one change away from a valid one, of every kind the schema forbids (and some it allows)."""
    import copy

    changes = [
        ("facts", 0, "metric", "bogus"), ("facts", 0, "value", "12"), ("facts", 0, "category", 5),
        ("facts", 0, "approx", "roughly"), ("facts", 0, "time", {"start": "2023-02-30", "end": None}),
        ("facts", 0, "time", {"start": "2023-01-01"}), ("facts", 0, "target", "yes"), ("facts", 0, "rule", ""),
        ("facts", 0, "evidence", {"start": -1, "end": 3}), ("facts", 0, "extra", 1),
        ("facts", 0, "category", "female"), ("facts", 0, "total", 3),  # allowed
        ("meta", None, "published", "2023-13-01"), ("meta", None, "published", None), ("meta", None, "title", 7),
        ("entities", 0, "label", "MISC"), ("entities", 0, "start", 1.5),
    ]
    for part, index, key, value in changes:
        changed = copy.deepcopy(record)
        target = changed[part] if index is None else changed[part][index]
        target[key] = value
        yield changed


def test_schema_compiled_and_full_validators_agree():
    from extractor.api import extract
    from extractor.schema import schema_errors, validator

    record = extract("Đảng bộ xã An Hòa báo cáo\nĐảng bộ xã An Hòa hiện có 386 đảng viên, sinh hoạt tại 14 chi bộ.",
                     published="2023-06-30")
    assert record["facts"] and record["entities"]
    for changed in [record, *_mutations(record)]:
        assert (schema_errors("record", changed) == []) == validator("record").is_valid(changed), changed
