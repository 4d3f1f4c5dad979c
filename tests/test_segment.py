"""Segmentation: underthesea's strings aligned back to our offsets; the spaCy Doc is our text."""

import pytest

from extractor.errors import ExtractorError
from extractor.nlp import pipeline
from extractor.segment import align, segment

TEXT = ("Đồng chí Nguyễn Văn Hoà, Tỉnh uỷ viên, phát biểu.\n\n"
        "Khoá  XIII có “05 hóa” và xe 6.0L. Hội nghị kết thúc lúc 11 giờ.")


def test_segment_tokens_are_spans_of_the_text():
    seg = segment(TEXT)
    surfaces = [TEXT[s:e] for s, e in seg.tokens]
    assert "Nguyễn Văn Hoà" in surfaces          # underthesea says "Hòa"; the span keeps ours
    assert "uỷ viên" in surfaces
    assert all(s == s.strip() for s in surfaces)
    assert [TEXT[s:e] for s, e in seg.sentences] == [
        "Đồng chí Nguyễn Văn Hoà, Tỉnh uỷ viên, phát biểu.",
        "Khoá  XIII có “05 hóa” và xe 6.0L.", "Hội nghị kết thúc lúc 11 giờ."]


def test_segment_align_skips_space_the_tokenizer_added():
    assert align(["6.0 L", "xe"], "6.0L xe") == [(0, 4), (5, 7)]


def test_segment_align_maps_ascii_quotes_back():
    assert align(['"', "05", '"'], "“05”") == [(0, 1), (1, 3), (3, 4)]


def test_segment_align_raises_a_coded_error_when_a_token_is_not_there():
    with pytest.raises(ExtractorError) as caught:
        align(["Hà Nội"], "Hải Phòng")
    assert caught.value.code == "E_ALIGN"


def test_segment_doc_text_is_the_record_text_with_sentence_starts():
    doc = pipeline()(TEXT)
    assert doc.text == TEXT
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0].startswith("Đồng chí") and sentences[1].startswith("Khoá")
    assert any(" " in token.text for token in doc)  # multi-syllable words are one token


def test_segment_empty_and_blank_paragraphs():
    assert segment("").tokens == []
    assert pipeline()("\n\n").text == "\n\n"


def test_segment_align_accepts_underthesea_respellings():
    # underthesea writes "qui định" as "quy định" and "họach" as "hoạch"
    text = "theo qui định và qui họach"
    spans = align(["theo", "quy định", "và", "quy hoạch"], text)
    assert [text[s:e] for s, e in spans] == ["theo", "qui định", "và", "qui họach"]
