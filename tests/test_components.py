"""The spaCy side: registered components, Doc annotations, and what reaches the record."""

from conftest import assert_offsets
from extractor.api import extract
from extractor.nlp import PIPES, annotate, pipeline

ARTICLE = ("Đảng bộ huyện Mường Khương tổng kết công tác xây dựng Đảng\n\n"
           "Ngày 12/01/2024, Ban Thường vụ Huyện ủy Mường Khương tổ chức hội nghị. Đồng chí Lù Văn Páo, TUV, "
           "Bí thư Huyện ủy dự và chỉ đạo. Thực hiện Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Ban Chấp hành "
           "Trung ương, Đảng ủy xã Bản Lầu đã kiện toàn các chi bộ thôn. Ông Páo đề nghị các cấp ủy tiếp tục "
           "thực hiện Nghị quyết số 21-NQ/TW.\n\nSùng Thị Mai")


def test_components_are_registered_spacy_pipes():
    assert tuple(pipeline().pipe_names) == PIPES


def test_components_set_doc_annotations():
    doc = annotate(ARTICLE)
    labels = {(e.label, e.text) for e in doc._.vx_entities}
    assert ("ORG", "Ban Thường vụ Huyện ủy Mường Khương") in labels
    assert ("PER", "Lù Văn Páo") in labels
    assert ("ORG", "Đảng bộ huyện Mường Khương") in labels
    assert all(span.label_ in {"PER", "ORG", "LOC", "DOC"} for span in doc.spans["vx_entities"])


def test_components_record_holds_entities_persons_and_documents():
    record = extract(ARTICLE)
    assert_offsets(record)
    entities = {(e["label"], e["text"]): e for e in record["entities"]}
    assert entities[("ORG", "Huyện ủy")]["canonical"] == "Huyện ủy Mường Khương"
    assert entities[("DOC", "Nghị quyết số 21-NQ/TW")]["rule"]
    assert all(e["rule"] for e in record["entities"])
    persons = {p["name"]: p for p in record["persons"]}
    assert persons["Lù Văn Páo"]["titles"] == ["Tỉnh ủy viên", "Bí thư Huyện ủy"]
    assert len(persons["Lù Văn Páo"]["mentions"]) == 2       # "Ông Páo" is a mention, not an entity
    assert ("PER", "Páo") not in entities
    assert persons["Sùng Thị Mai"]["role"] == "author"
    [document] = record["documents"]
    assert (document["symbol"], document["issued"], document["issuer"]) == (
        "21-NQ/TW", "2022-06-16", "Ban Chấp hành Trung ương")
    assert len(document["mentions"]) == 2


def test_components_vocabulary_keeps_no_word_of_an_extracted_article():
    from extractor.api import extract
    from extractor.nlp import pipeline

    extract("Đảng bộ xã Tân Phú hiện có 120 đảng viên, sinh hoạt tại 9 chi bộ.")
    before = len(pipeline().vocab.strings)
    record = extract("Chi bộ thôn Hòa Lạc kết nạp thêm 3 đảng viên mới trong năm 2023, nâng tổng số lên 41.")
    assert record["facts"] and len(pipeline().vocab.strings) == before
