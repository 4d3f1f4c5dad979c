"""Segmentation: underthesea's strings aligned back to our offsets; the spaCy Doc is our text."""

from pathlib import Path

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


# word_segmenter: underthesea's words without its per-token overhead must be underthesea's words, exactly.
_SEGMENTER_CASES = [
    "", "   ", "Đảng bộ phường có 1.250 đảng viên, tăng 3,5% so với năm 2019.",
    "TP.HCM, ngày 12/3/2021: Ban Thường vụ Thành ủy họp (lần thứ 7).",
    "Chi bộ kết nạp thêm 02 đảng viên mới; email lienhe@vidu.vn, www.vidu.vn.",
    "ông Nguyễn Văn Hoà, Tỉnh uỷ viên, qui hoạch nghành — ð Ðảng",
    "Số 18-NQ/TW ngày 25-10-2017 của Hội nghị Trung ương 6 khóa XII 😀 ×2 ÷ =",
]


@pytest.mark.parametrize("normalize", [True, False])
def test_segment_word_segmenter_gives_underthesea_words(normalize):
    from underthesea import word_tokenize as underthesea_words

    from extractor.word_segmenter import word_tokenize

    for sentence in _SEGMENTER_CASES:
        assert word_tokenize(sentence, normalize) == underthesea_words(sentence, use_token_normalize=normalize)


def test_segment_word_segmenter_gives_underthesea_words_on_every_article(shared_articles):
    from underthesea import sent_tokenize, word_tokenize as underthesea_words

    from extractor.word_segmenter import word_tokenize

    corpus = Path(__file__).resolve().parents[1] / "corpus" / "articles"
    texts = [p.read_text(encoding="utf-8") for folder in (corpus, shared_articles)
             for p in sorted(folder.glob("*.txt"))]
    sentences = [s for t in texts for paragraph in t.split("\n") if paragraph.strip()
                 for s in sent_tokenize(paragraph)]
    assert len(sentences) > 500
    differ = [s for s in sentences if word_tokenize(s) != underthesea_words(s)]
    assert differ == []


@pytest.mark.parametrize("sentence", [s for s in _SEGMENTER_CASES if s.strip()])
def test_segment_word_spans_are_where_underthesea_words_stand(sentence):
    from extractor.word_segmenter import word_spans, word_tokenize

    spans = word_spans(sentence)
    try:
        aligned = align(word_tokenize(sentence), sentence)
    except ExtractorError:
        aligned = None       # a respelling: only the spans know where the words are
    assert spans is not None and (aligned is None or spans == aligned)
    assert [sentence[s:e].split() for s, e in spans] and all(sentence[s:e] == sentence[s:e].strip() for s, e in spans)


def test_segment_word_spans_keep_a_respelled_word_in_place():
    from extractor.word_segmenter import word_spans

    sentence = "Cán bộ nghành giáo dục qui hoạch lại."
    assert "nghành" in [sentence[s:e] for s, e in word_spans(sentence)]


def test_segment_word_spans_refuse_text_whose_length_normalization_changes():
    import unicodedata

    from extractor.word_segmenter import word_spans

    assert word_spans(unicodedata.normalize("NFD", "Đảng viên mới")) is None
    assert segment(unicodedata.normalize("NFD", "Đảng viên mới.")).tokens   # the aligned path still reads it


def test_segment_a_sentence_without_capitals_after_its_first_letter_is_split_into_syllables():
    text = "Năm qua, chi bộ kết nạp thêm hai đảng viên mới. Ban Chỉ đạo của Huyện ủy họp bàn công tác cán bộ."
    words = [text[s:e] for s, e in segment(text).tokens]
    assert "chi" in words and "bộ" in words and "đảng" in words       # no capital after "Năm": syllables
    assert "Ban Chỉ đạo" in words or "Chỉ đạo" in words                 # a capital: underthesea's words
    assert "cán bộ" in words
