"""Document citations (spec §3): the cases in corpus/cases/documents.jsonl, spans, merging and mentions."""

import pytest

from conftest import load_cases
from extractor.folding import fold
from extractor.resources import load_list, load_table
from extractor.rules.documents.citations import (Citation, ParsedDocument, find_citations, merge_documents, roman_value,
                                       to_roman)

FIELDS = ("type", "number", "symbol", "issuer", "issued", "term", "plenum")


def _records(text: str) -> list[dict]:
    return [{name: record[name] for name in FIELDS} for record in merge_documents(find_citations(text))]


@pytest.mark.parametrize("case", load_cases("documents.jsonl"))
def test_documents_cases(case):
    assert _records(case["text"]) == case["expect"]


@pytest.mark.parametrize("case", load_cases("documents.jsonl"))
def test_documents_spans_lie_in_text_and_do_not_overlap(case):
    text = case["text"]
    previous_end = 0
    for citation in find_citations(text):
        assert previous_end <= citation.start < citation.end <= len(text)
        assert text[citation.start:citation.end] == text[citation.start:citation.end].strip()
        assert citation.documents
        previous_end = citation.end


@pytest.mark.parametrize("text, spans", [
    ("Theo Quyết định số 47-QĐ/TW ngày 11/4/2007 của Bộ Chính trị.", ["Quyết định số 47-QĐ/TW"]),
    ("Thực hiện Chỉ thị 05 của Bộ Chính trị.", ["Chỉ thị 05"]),
    ("Quán triệt Nghị quyết Trung ương 4 (khóa XII, khóa XIII).", ["Nghị quyết Trung ương 4"]),
    ("Giãn cách theo Chỉ thị số 19, 20/CT-TTg của Thủ tướng Chính phủ.", ["Chỉ thị số 19, 20/CT-TTg"]),
    ("Sinh hoạt đúng Điều lệ Đảng.", ["Điều lệ Đảng"]),
    ("Chỉ tiêu Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020 - 2025.",
     ["Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII"]),
    ("Học tập Nghị quyết số 12- NQ/TW, 13-NQ/TW.", ["Nghị quyết số 12- NQ/TW", "13-NQ/TW"]),
    ("Nghiên cứu Nghị quyết Hội nghị VII (mở rộng) của Trung ương.", ["Nghị quyết Hội nghị VII"]),
    ("Nghị quyết Hội nghị IX Ban Chấp hành Trung ương khóa XI.", ["Nghị quyết Hội nghị IX Ban Chấp hành Trung ương"]),
    ("Làm theo Nghị quyết ĐH XI của Đảng.", ["Nghị quyết ĐH XI"]),
    ("Văn phòng đã có công văn số 215/VPTU gửi các huyện.", ["công văn số 215/VPTU"]),
])
def test_documents_citation_span_is_type_number_and_symbol(text, spans):
    assert [text[c.start:c.end] for c in find_citations(text)] == spans


def test_documents_one_citation_cites_several_documents():
    (citation,) = find_citations("Chỉ thị số 19, 20/CT-TTg của Thủ tướng Chính phủ")
    assert [d.symbol for d in citation.documents] == ["19/CT-TTg", "20/CT-TTg"]
    assert {d.rule for d in citation.documents} == {"state_symbol"}
    (citation,) = find_citations("Nghị quyết Trung ương 4 (khóa XII, khoá XIII)")
    assert [(d.plenum, d.term, d.rule) for d in citation.documents] == [(4, "XII", "plenum"), (4, "XIII", "plenum")]


def test_documents_rules_are_named():
    text = ("Nghị quyết số 18-NQ/TW, Nghị định 30/2020/NĐ-CP, Chỉ thị 05, Nghị quyết Trung ương 6, "
            "Nghị quyết Đại hội XII của Đảng, Điều lệ Đảng và văn bản số 19-NQ/TW.")
    rules = [d.rule for c in find_citations(text) for d in c.documents]
    assert rules == ["party_symbol", "state_symbol", "number_only", "plenum", "congress", "charter", "bare_symbol"]


def test_documents_merge_keeps_every_mention_and_fills_attributes():
    text = ("Chỉ thị 05 của Bộ Chính trị được quán triệt. Sau đó, Chỉ thị số 05-CT/TW ngày 15/5/2016 được sơ kết. "
            "Chỉ thị 05 tiếp tục đi vào cuộc sống.")
    citations = find_citations(text)
    (record,) = merge_documents(citations)
    assert (record["symbol"], record["issuer"], record["issued"]) == ("05-CT/TW", "Bộ Chính trị", "2016-05-15")
    assert record["rule"] == "number_only"
    assert [text[m["start"]:m["end"]] for m in record["mentions"]] == [
        "Chỉ thị 05", "Chỉ thị số 05-CT/TW", "Chỉ thị 05"]


def test_documents_merge_keeps_documents_that_differ_apart():
    text = ("Chỉ thị số 05-CT/TW của Bộ Chính trị và Chỉ thị số 05-CT/TU của Ban Thường vụ Tỉnh ủy; "
            "Nghị quyết Trung ương 4 khóa XII và Nghị quyết Trung ương 4 khóa XIII; "
            "Quyết định số 47-QĐ/TW và Quy định số 47-QĐ/TW.")
    records = merge_documents(find_citations(text))
    assert [(r["type"], r["symbol"], r["term"]) for r in records] == [
        ("Chỉ thị", "05-CT/TW", None), ("Chỉ thị", "05-CT/TU", None), ("Nghị quyết", None, "XII"),
        ("Nghị quyết", None, "XIII"), ("Quyết định", "47-QĐ/TW", None), ("Quy định", "47-QĐ/TW", None)]
    assert all(len(r["mentions"]) == 1 for r in records)


def test_documents_merge_keeps_party_and_local_congress_apart():
    text = ("Nghị quyết Đại hội XII của Đảng, Nghị quyết Đại hội XII của Đảng bộ tỉnh; sau đó Nghị quyết Đại hội XII "
            "của Đảng bộ tỉnh Lâm Đồng và Nghị quyết Đại hội XII của Đảng.")
    records = merge_documents(find_citations(text))
    assert [(r["issuer"], len(r["mentions"])) for r in records] == [(None, 2), ("Đảng bộ tỉnh", 2)]
    assert "written_issuer" not in records[0]


def test_documents_merge_matches_numbers_without_leading_zeros():
    records = merge_documents(find_citations("Chỉ thị số 7 của Tỉnh ủy và Chỉ thị số 07 của Tỉnh ủy."))
    assert len(records) == 1 and len(records[0]["mentions"]) == 2


def test_documents_merge_record_shape():
    (record,) = merge_documents([Citation(0, 5, (ParsedDocument("Điều lệ", None, None, None, None, None, None,
                                                                   "charter"),))])
    assert record == {"type": "Điều lệ", "number": None, "symbol": None, "issuer": None, "issued": None,
                      "term": None, "plenum": None, "rule": "charter", "mentions": [{"start": 0, "end": 5}]}


@pytest.mark.parametrize("text, value", [("XII", 12), ("xiii", 13), ("XXV", 25), ("IV", 4), ("IIII", None),
                                         ("VX", None), ("", None), ("khóa", None)])
def test_documents_roman_value(text, value):
    assert roman_value(text) == value
    if value:
        assert to_roman(value) == text.upper()


# Every lexicon entry has an example that exercises it (house rule: data files are reviewed through their tests).


def _issuer_words(role: str) -> list[str]:
    return [word for word, kind in load_table("document_issuer_words.tsv", 2) if kind == role]


@pytest.mark.parametrize("word, kind, use", load_table("document_types.tsv", 3))
def test_documents_every_type_word(word, kind, use):
    for written in (word, word.lower()):
        records = _records(f"Đơn vị triển khai {written} số 7 của Tỉnh ủy.")
        assert [(r["type"], r["number"], r["issuer"]) for r in records] == [(kind, "7", "Tỉnh ủy")]
    bare_lower = _records(f"Cơ quan đã {word.lower()} 7 việc cần làm.")
    assert bare_lower == ([] if use == "verb" else [dict(_records(f"{word} 7")[0])])


@pytest.mark.parametrize("abbr, layouts, kind", load_table("document_abbreviations.tsv", 3))
def test_documents_every_abbreviation(abbr, layouts, kind):
    rows = load_table("document_abbreviations.tsv", 3)
    for layout in layouts.split(","):
        symbol = f"7-{abbr}/TU" if layout == "party" else f"7/{abbr}-UBND"
        kinds = {k for a, ls, k in rows if fold(a) == fold(abbr) and layout in ls.split(",")}
        records = _records(f"Thực hiện văn bản số {symbol} của Tỉnh ủy.")
        if len(kinds) > 1:
            assert records == []
            text = f"Ban hành {kind} số {symbol}; sau đó văn bản số {symbol} được thực hiện."
            records = merge_documents(find_citations(text))
            assert [(r["type"], len(r["mentions"])) for r in records] == [(kind, 2)]
        else:
            assert [(r["type"], r["number"], r["symbol"]) for r in records] == [(kind, "7", symbol)]


@pytest.mark.parametrize("name, kind", load_table("document_named.tsv", 2))
def test_documents_every_named_document(name, kind):
    assert _records(f"Sinh hoạt đúng {name}.") == [dict(type=kind, number=None, symbol=None, issuer=None,
                                                          issued=None, term=None, plenum=None)]


@pytest.mark.parametrize("word", load_list("document_central.txt"))
def test_documents_every_central_committee_name(word):
    for text in (f"Quán triệt Nghị quyết {word} 4 khóa XII.", f"Quán triệt Nghị quyết Hội nghị {word} lần thứ 4."):
        assert [(r["plenum"], r["term"]) for r in _records(text)][:1] == [(4, "XII" if "khóa" in text else None)]


@pytest.mark.parametrize("word, value", load_table("document_ordinals.tsv", 2))
def test_documents_every_ordinal_word(word, value):
    plenum = _records(f"Nghị quyết Hội nghị lần thứ {word} Ban Chấp hành Trung ương Đảng khóa XI")
    assert [(r["plenum"], r["term"]) for r in plenum] == [(int(value), "XI")]
    congress = _records(f"Nghị quyết Đại hội Đảng bộ tỉnh lần thứ {word}.")
    assert [(r["type"], r["term"]) for r in congress] == [("Nghị quyết Đại hội", to_roman(int(value)))]


@pytest.mark.parametrize("unit", load_list("document_number_units.txt"))
def test_documents_every_unit_makes_a_quantity(unit):
    assert _records(f"Kế hoạch 7 {unit} đã được bàn kỹ.") == []
    assert _records("Kế hoạch số 7 ngày 12/5/2020 và Nghị định 7 năm 2011 của Chính phủ.")[0]["number"] == "7"


@pytest.mark.parametrize("word", _issuer_words("cue"))
def test_documents_every_issuer_cue(word):
    assert _records(f"Kế hoạch số 7 {word} Tỉnh ủy ban hành.")[0]["issuer"] == "Tỉnh ủy"


@pytest.mark.parametrize("word", _issuer_words("verb"))
def test_documents_every_issuing_verb(word):
    assert _records(f"Năm nay, Huyện ủy {word} Kế hoạch số 7 về việc mới.")[0]["issuer"] == "Huyện ủy"


@pytest.mark.parametrize("word", _issuer_words("end"))
def test_documents_every_issuer_end_word(word):
    issuer = _records(f"Kế hoạch số 7 của Hội đồng Nhân dân Tỉnh {word} nội dung.")[0]["issuer"]
    assert issuer == "Hội đồng Nhân dân Tỉnh"


@pytest.mark.parametrize("word", _issuer_words("inner"))
def test_documents_every_issuer_inner_word(word):
    assert _records(f"Kế hoạch số 7 của Ban Thường vụ Đảng ủy {word}.")[0]["issuer"] == f"Ban Thường vụ Đảng ủy {word}"


@pytest.mark.parametrize("word", _issuer_words("whole"))
def test_documents_every_whole_word(word):
    assert _records(f"Kế hoạch số 7 của Ủy ban Nhân dân {word} rà soát lại.")[0]["issuer"] == f"Ủy ban Nhân dân {word}"


@pytest.mark.parametrize("word", _issuer_words("compound"))
def test_documents_every_compound_head(word):
    assert _records(f"Kế hoạch số 7 của {word} Tỉnh.")[0]["issuer"] == f"{word} Tỉnh"


@pytest.mark.parametrize("word", _issuer_words("head"))
def test_documents_every_lower_case_head(word):
    assert _records(f"Kế hoạch số 7 của {word} về cải cách.")[0]["issuer"] == word
    assert _records(f"Kế hoạch số 7 của {word} Quảng Ninh.")[0]["issuer"] == f"{word} Quảng Ninh"


@pytest.mark.parametrize("word", _issuer_words("title"))
def test_documents_every_person_title_before_a_body(word):
    title = word[0].upper() + word[1:]
    assert _records(f"Năm nay, {title} Sở Nội vụ Lê Văn An đã ban hành Kế hoạch số 7.")[0]["issuer"] is None
    assert _records(f"Năm nay, {title} Lê Văn An đã ban hành Kế hoạch số 7.")[0]["issuer"] is None
    assert _records(f"Năm nay, {title} Sở Nội vụ đã ban hành Kế hoạch số 7.")[0]["issuer"] is not None


@pytest.mark.parametrize("word", load_list("document_congress.txt"))
def test_documents_every_congress_name(word):
    records = _records(f"Thực hiện Nghị quyết {word} XII của Đảng và Nghị quyết {word} Đảng bộ huyện lần thứ 25.")
    assert [(r["type"], r["term"], r["issuer"]) for r in records] == [
        ("Nghị quyết Đại hội", "XII", None), ("Nghị quyết Đại hội", "XXV", "Đảng bộ huyện")]


@pytest.mark.parametrize("word", _issuer_words("not"))
def test_documents_every_non_issuer(word):
    assert _records(f"Kế hoạch số 7 của {word}.")[0]["issuer"] is None
    assert _records(f"Nghị quyết Đại hội đại biểu {word} lần thứ X.")[0]["issuer"] is None


@pytest.mark.parametrize("text, issued", [
    ("Tin trước.\nNGHỊ QUYẾT\nĐại hội Đảng bộ thành phố lần thứ XXII\nĐại hội họp từ ngày 10-3-2021 đến ngày "
     "12-3-2021. QUYẾT NGHỊ: Thông qua báo cáo chính trị. Đà Nẵng, ngày 12 tháng 3 năm 2021\nTin khác.",
     "2021-03-12"),
    ("NGHỊ QUYẾT\nĐại hội Đảng bộ huyện lần thứ XX\nThông qua báo cáo. Bình Sơn, ngày 2 tháng 7 năm 2020",
     "2020-07-02"),
    ("Tin trước.\nNghị quyết Đại hội Đảng bộ thành phố lần thứ XXII đã đề ra mục tiêu. Đà Nẵng, ngày 12 tháng 3 "
     "năm 2021", None),
    ("Tin trước.\nNGHỊ QUYẾT\nĐại hội Đảng bộ thành phố lần thứ XXII\nĐại hội họp từ ngày 10-3-2021 đến ngày "
     "12-3-2021. Tại Đà Nẵng, ngày 12 tháng 3 năm 2021 đã khai mạc triển lãm.", None),
])
def test_documents_heading_takes_the_signature_date(text, issued):
    (record,) = merge_documents(find_citations(text))
    assert record["issued"] == issued


@pytest.mark.parametrize("word", load_list("document_titled_types.txt"))
def test_documents_every_titled_type(word):
    records = _records(f"Thực hiện {word} Phòng, chống ma túy số 73/2021/QH14 từ năm nay.")
    assert [(r["type"], r["number"], r["symbol"]) for r in records] == [(word, "73", "73/2021/QH14")]
    assert _records(f"Thực hiện {word} Phòng, chống ma túy năm 2021.") == []


@pytest.mark.parametrize("word", _issuer_words("not_verb"))
def test_documents_every_word_that_makes_ra_another_verb(word):
    assert _records(f"Năm nay, ông Lâm {word} ra Kế hoạch số 7 về việc mới.")[0]["issuer"] is None
    assert _records("Năm nay, Huyện ủy ra Kế hoạch số 7 về việc mới.")[0]["issuer"] == "Huyện ủy"


@pytest.mark.parametrize("word", load_list("document_central_bodies.txt"))
def test_documents_every_central_committee_body_is_the_issuer_inside(word):
    records = _records(f"Quán triệt Nghị quyết Hội nghị lần thứ 4 {word} khóa XII.")
    assert [(r["plenum"], r["term"], r["issuer"]) for r in records] == [(4, "XII", word)]


@pytest.mark.parametrize("word", sorted(set(load_list("document_central.txt"))
                                        - set(load_list("document_central_bodies.txt"))))
def test_documents_short_central_committee_name_is_no_issuer(word):
    assert [r["issuer"] for r in _records(f"Quán triệt Nghị quyết Hội nghị {word} lần thứ 4 khóa XII.")] == [None]


@pytest.mark.parametrize("text, symbols", [
    ("Căn cứ Quyết định 51/QĐ-UBND, 52/QĐ-UBND ngày 6/1/2022 của UBND xã Hòa Tiến.", ["51/QĐ-UBND", "52/QĐ-UBND"]),
    ("Thực hiện Nghị quyết số 24-2016/NQ-CP và Nghị định 88/2017/NĐ-CP.", ["24-2016/NQ-CP", "88/2017/NĐ-CP"]),
])
def test_documents_symbol_lists_and_years_inside_symbols(text, symbols):
    records = _records(text)
    assert [r["symbol"] for r in records] == symbols
    assert len({(r["issuer"], r["issued"]) for r in records}) == 1


def test_documents_issuer_inside_a_citation_goes_before_the_subject():
    (record,) = _records("Đại hội vừa thông qua Nghị quyết Hội nghị lần thứ 9 BCH TW khóa XI.")
    assert record["issuer"] == "BCH TW"
